"""The command line: run, demo, migrate, check-config, and the admin tools (scan, cope, resources, discord sync)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.config import ConfigError, Settings, load_config

__all__ = ["main"]

_log = logging.getLogger("bot")

NO_PLATFORM = (
    "No platform is configured: set DISCORD_TOKEN, or [matrix] homeserver and user_id in the config with "
    "MATRIX_ACCESS_TOKEN (or MATRIX_PASSWORD), in the environment or a .env file (see .env.example and the README).\n"
    "Starting the terminal demo instead, on the configured database. Type :quit to leave."
)


def _settings(args: argparse.Namespace) -> Settings:
    path = Path(args.config) if args.config else (Path("config.toml") if Path("config.toml").exists() else None)
    return load_config(path)


def _setup_logging(level: str) -> None:
    # Our log lines carry ids and counts, never message text; keep chatty libraries at WARNING.
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("discord", "nio", "apscheduler", "aiosqlite", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not (settings.discord_enabled or settings.matrix_enabled):
        _setup_logging("WARNING")  # the terminal is the chat here: keep routine log lines out of it
        print(NO_PLATFORM, file=sys.stderr)
        from bot.adapters.console import run_demo

        return asyncio.run(run_demo(_sqlite_only(settings.database_url)))
    _setup_logging(settings.config.bot.log_level)
    from bot.app import run

    asyncio.run(run(settings))
    return 0


def _sqlite_only(url: str) -> str:
    return url if url.startswith("sqlite") or url == ":memory:" else ":memory:"


def cmd_demo(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    from bot.adapters.console import run_demo

    start = None
    if args.start:
        try:
            start = datetime.fromisoformat(args.start)
        except ValueError:
            print("--start takes a date and time like 2026-03-02T09:00 (UTC unless it has an offset)", file=sys.stderr)
            return 2
        start = start if start.tzinfo else start.replace(tzinfo=UTC)
    return asyncio.run(run_demo(args.database, start=start))


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _setup_logging("WARNING")
    from bot.app import all_migrations
    from bot.store.db import Database
    from bot.store.migrations import SchemaTooNew, migrate

    async def go() -> list[str]:
        db = Database.open(settings.database_url)
        try:
            return await migrate(db, all_migrations())
        finally:
            await db.close()

    try:
        applied = asyncio.run(go())
    except SchemaTooNew as exc:
        print(exc, file=sys.stderr)
        return 2
    print("\n".join(f"applied {a}" for a in applied) or "the database is up to date")
    return 0


def cmd_check_config(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    platforms = [p for p, on in (("discord", settings.discord_enabled), ("matrix", settings.matrix_enabled)) if on]
    print(f"{settings.source}: OK; platforms: {', '.join(platforms) or 'none (the terminal demo will run)'}")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from bot.logic.crisis_detector import scan_stream

    return scan_stream(sys.stdin, sys.stdout)


def cmd_cope(args: argparse.Namespace) -> int:
    from bot.logic.coping import cope_cli

    return cope_cli(" ".join(args.query), sys.stdout)


def cmd_resources(args: argparse.Namespace) -> int:
    from bot.logic.crisis_resources import resources_cli

    return resources_cli(args.country, sys.stdout)


def cmd_discord_sync(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _setup_logging(settings.config.bot.log_level)
    if not settings.discord_enabled:
        print("DISCORD_TOKEN is not set (in the environment or .env); nothing to sync.", file=sys.stderr)
        return 2
    from bot.adapters.discord import sync_commands

    return asyncio.run(sync_commands(settings, guild_id=args.guild))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="circlebot", description="A peer-support circle bot for Discord and Matrix.")
    parser.add_argument("--config", help="path to the TOML config (default: ./config.toml if present)")
    sub = parser.add_subparsers(dest="command", required=True)
    commands: list[tuple[str, str, Callable[[argparse.Namespace], int]]] = [
        ("run", "run the configured platforms (the terminal demo when none is configured)", cmd_run),
        ("demo", "try every feature in the terminal, in a demo community", cmd_demo),
        ("migrate", "bring the database schema up to date", cmd_migrate),
        ("check-config", "check the config file and environment; one line per problem", cmd_check_config),
        ("scan", "read messages on stdin, write one crisis-detector verdict (JSON) per line", cmd_scan),
        ("cope", "print the best coping-strategy matches for a query as JSON lines", cmd_cope),
        ("resources", "print a country's crisis resources as JSON lines", cmd_resources),
    ]
    for name, help_text, func in commands:
        p = sub.add_parser(name, help=help_text)
        p.set_defaults(func=func)
        if name == "demo":
            p.add_argument("--database", default=":memory:", help="a SQLite file to keep the demo's data")
            p.add_argument("--start", help="start the demo clock at this UTC time, e.g. 2026-03-02T09:00")
        if name == "cope":
            p.add_argument("query", nargs="+")
        if name == "resources":
            p.add_argument("country", help="two-letter country code, e.g. GB")
    discord = sub.add_parser("discord", help="Discord tools")
    dsub = discord.add_subparsers(dest="discord_command", required=True)
    sync = dsub.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", type=int, help="sync to one server only (instant; for development)")
    sync.set_defaults(func=cmd_discord_sync)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code

