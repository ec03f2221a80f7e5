"""Config files are validated with one line per problem, naming the file and key; secrets come from the env."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_config

EXAMPLE = Path(__file__).parent.parent / "config.example.toml"


def test_the_example_config_is_valid() -> None:
    settings = load_config(EXAMPLE, env={})
    assert settings.config.circles.grace_minutes == 10
    assert not settings.discord_enabled and not settings.matrix_enabled


def test_every_problem_is_one_line_with_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[bot]\ntimezone = "Mars/Base"\n[discord]\ntoken = "abc"\nshard_count = 0\n'
                   '[circles]\nreminders = ["soon"]\n[matrix]\nprefx = "!"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(bad, env={})
    problems = caught.value.problems
    assert all(p.startswith(f"{bad}: [") and "\n" not in p for p in problems)
    keys = {p.split("] ", 1)[1].split(":")[0] for p in problems}
    assert keys == {"timezone", "token", "shard_count", "reminders", "prefx"}
    assert any("secrets belong in the environment" in p for p in problems)


def test_secrets_come_from_the_environment_and_enable_platforms(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[matrix]\nhomeserver = "https://hs.example"\nuser_id = "@bot:hs.example"\n')
    settings = load_config(cfg, env={"DISCORD_TOKEN": "tok-SECRET-1", "MATRIX_ACCESS_TOKEN": "m"})
    assert settings.discord_enabled and settings.matrix_enabled
    assert "SECRET" not in repr(settings.secrets)
    assert not load_config(cfg, env={}).matrix_enabled


def test_check_config_exits_non_zero_on_problems(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[bot\n")
    assert main(["--config", str(bad), "check-config"]) == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert main(["--config", str(EXAMPLE), "check-config"]) == 0
