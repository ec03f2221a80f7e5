"""Numbered, forward-only schema steps per component, run at start; a database newer than the code is refused."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.store.db import Database

__all__ = ["SchemaTooNew", "UpgradeTable", "migrate", "schema_versions"]

_log = logging.getLogger(__name__)

_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
)


class SchemaTooNew(RuntimeError):
    """The database was written by a newer circlebot; running on would risk the data, so we stop."""


@dataclass(frozen=True, slots=True)
class UpgradeTable:
    """A component's schema history. Step N (1-based) is a sequence of SQL statements; ``{serial}`` expands to an
    auto-numbered primary key for the database in use. Steps are only ever appended, never edited."""

    component: str
    steps: tuple[Sequence[str], ...]

    @property
    def latest(self) -> int:
        return len(self.steps)


async def schema_versions(db: Database) -> dict[str, int]:
    async with db.transaction() as s:
        await s.execute(_VERSION_TABLE)
        rows = await s.fetch_all("SELECT component, version FROM schema_version")
    return {r["component"]: int(r["version"]) for r in rows}


async def migrate(db: Database, tables: Iterable[UpgradeTable]) -> list[str]:
    """Bring every component up to date, each step in its own transaction. Returns what was applied;
    running it again applies nothing."""
    tables = list(tables)
    current = await schema_versions(db)
    for table in tables:
        have = current.get(table.component, 0)
        if have > table.latest:
            raise SchemaTooNew(
                f"The database's '{table.component}' schema is at version {have}, but this circlebot only knows "
                f"up to {table.latest}. Install the newer circlebot that wrote it; nothing was changed."
            )
    applied: list[str] = []
    for table in tables:
        for number in range(current.get(table.component, 0) + 1, table.latest + 1):
            async with db.transaction() as s:
                for statement in table.steps[number - 1]:
                    await s.execute(statement.replace("{serial}", db.serial_key))
                changed = await s.execute(
                    "UPDATE schema_version SET version = :v WHERE component = :c",
                    {"v": number, "c": table.component},
                )
                if not changed:
                    await s.execute(
                        "INSERT INTO schema_version (component, version) VALUES (:c, :v)",
                        {"v": number, "c": table.component},
                    )
            applied.append(f"{table.component} {number}")
            _log.info("migrated %s to version %d", table.component, number)
    return applied
