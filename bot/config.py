"""Static configuration: a TOML file validated into typed sections, secrets only from the environment or .env."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dotenv import dotenv_values
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.errors import OptionError
from bot.core.options import parse_duration, parse_timezone

__all__ = ["Config", "ConfigError", "Secrets", "load_config"]

SECRET_ENV = {
    "DISCORD_TOKEN": "the Discord bot token",
    "MATRIX_ACCESS_TOKEN": "the Matrix bot account's access token",
    "MATRIX_PASSWORD": "the Matrix bot account's password (used when no access token is set)",
    "CIRCLEBOT_DATABASE_URL": "a database URL with credentials (overrides [bot] database)",
}
_SECRET_KEYS = {"token", "password", "access_token", "secret"}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BotSection(_Section):
    database: str = Field("sqlite:///circlebot.db", description="SQLAlchemy-style URL; sqlite or postgresql")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    timezone: str = "UTC"
    country: str | None = None

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            return parse_timezone(value)
        except OptionError as exc:
            raise ValueError(exc.message.replace("`", "")) from None

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is not None and (len(value) != 2 or not value.isalpha()):
            raise ValueError("use a two-letter country code such as GB or US")
        return value.upper() if value else None


class DiscordSection(_Section):
    application_id: int | None = None
    shard_count: int | None = Field(None, ge=1)
    shard_ids: list[int] | None = None
    message_content: bool = False
    dev_guild: int | None = None


class MatrixSection(_Section):
    homeserver: str | None = None
    user_id: str | None = None
    device_name: str = "circlebot"
    prefix: str = Field("!", min_length=1, max_length=3)
    store_path: str = "matrix-store"
    space: str | None = None
    allowed_homeservers: list[str] = Field(default_factory=list)
    admin_power: int = Field(100, ge=0, le=100)
    facilitator_power: int = Field(50, ge=0, le=100)

    @field_validator("homeserver")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with https:// (or http:// for a local test server)")
        return value


class CirclesSection(_Section):
    grace_minutes: int = Field(10, ge=0, le=24 * 60)
    reminders: list[str] = Field(default_factory=lambda: ["24h", "15m"])

    @field_validator("reminders")
    @classmethod
    def _offsets(cls, value: list[str]) -> list[str]:
        for item in value:
            parse_duration(item)  # ValueError becomes a one-line problem
        return value


class CrisisSection(_Section):
    cooldown_hours: float = Field(6, ge=0, le=24 * 7)


class Config(_Section):
    bot: BotSection = BotSection()
    discord: DiscordSection = DiscordSection()
    matrix: MatrixSection = MatrixSection()
    circles: CirclesSection = CirclesSection()
    crisis: CrisisSection = CrisisSection()


@dataclass(frozen=True, slots=True)
class Secrets:
    """Never written to a file by us, never logged."""

    discord_token: str | None = None
    matrix_access_token: str | None = None
    matrix_password: str | None = None
    database_url: str | None = None

    def __repr__(self) -> str:
        return "Secrets(<hidden>)"


@dataclass(frozen=True, slots=True)
class Settings:
    """The loaded configuration and where it came from."""

    config: Config
    secrets: Secrets
    source: str

    @property
    def database_url(self) -> str:
        return self.secrets.database_url or self.config.bot.database

    @property
    def discord_enabled(self) -> bool:
        return bool(self.secrets.discord_token)

    @property
    def matrix_enabled(self) -> bool:
        m = self.config.matrix
        return bool(m.homeserver and m.user_id and (self.secrets.matrix_access_token or self.secrets.matrix_password))


class ConfigError(Exception):
    """Every problem found, one line each, naming the file and key."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _location(source: str, loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if len(parts) >= 2:
        return f"{source}: [{parts[0]}] {'.'.join(parts[1:])}"
    return f"{source}: [{parts[0]}]" if parts else source


def _secret_problems(source: str, data: Mapping[str, Any]) -> list[str]:
    problems = []
    for section, values in data.items():
        if isinstance(values, Mapping):
            for key in values:
                if key in _SECRET_KEYS:
                    problems.append(
                        f"{source}: [{section}] {key}: secrets belong in the environment or .env "
                        f"(see .env.example), not in the config file"
                    )
    return problems


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file (optional: defaults apply without one) and secrets from ``env`` (default: os.environ
    over .env). Raises ConfigError listing every problem."""
    if env is None:
        env = {**{k: v for k, v in dotenv_values(".env").items() if v is not None}, **os.environ}
    source = str(path) if path else "(defaults)"
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError([f"{source}: file not found (copy config.example.toml to start)"]) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([f"{source}: not valid TOML: {exc}"]) from None
    problems = _secret_problems(source, data)
    cleaned = {s: {k: v for k, v in vals.items() if k not in _SECRET_KEYS} if isinstance(vals, dict) else vals
               for s, vals in data.items()}
    config = Config()
    try:
        config = Config.model_validate(cleaned)
    except ValidationError as exc:
        for err in exc.errors():
            message = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{_location(source, err['loc'])}: {message.removeprefix('Value error, ')}")
    if problems:
        raise ConfigError(problems)
    secrets = Secrets(
        discord_token=env.get("DISCORD_TOKEN") or None,
        matrix_access_token=env.get("MATRIX_ACCESS_TOKEN") or None,
        matrix_password=env.get("MATRIX_PASSWORD") or None,
        database_url=env.get("CIRCLEBOT_DATABASE_URL") or None,
    )
    return Settings(config, secrets, source)
