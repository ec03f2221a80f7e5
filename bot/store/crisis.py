"""The crisis feature's tables: where detection is on, cool-downs (who and when only), and community lines."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.store.db import Database, from_epoch, to_epoch
from bot.store.migrations import UpgradeTable

__all__ = [
    "CRISIS_MIGRATIONS",
    "KEEP_MARKS",
    "CrisisRepo",
    "DetectionChannel",
    "LocalResource",
    "Mark",
]

_log = logging.getLogger(__name__)

CRISIS_MIGRATIONS = UpgradeTable(
    "crisis",
    (
        (
            """CREATE TABLE crisis_channels (
                community_id TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                channel_name TEXT NOT NULL,
                enabled_by TEXT NOT NULL,
                enabled_at BIGINT NOT NULL,
                PRIMARY KEY (community_id, channel_id)
            )""",
            """CREATE TABLE crisis_community (
                community_id TEXT PRIMARY KEY,
                cooldown_minutes INTEGER
            )""",
            # Who and when, nothing else: enough for cool-downs and rate limits. Never the message or its text.
            """CREATE TABLE crisis_marks (
                community_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                at BIGINT NOT NULL
            )""",
            "CREATE INDEX crisis_marks_member ON crisis_marks (community_id, member_id, kind, at)",
            """CREATE TABLE crisis_local_resources (
                id {serial},
                community_id TEXT NOT NULL,
                name TEXT NOT NULL,
                phone TEXT,
                url TEXT,
                note TEXT,
                added_by TEXT NOT NULL,
                added_at BIGINT NOT NULL
            )""",
            "CREATE INDEX crisis_local_resources_community ON crisis_local_resources (community_id, id)",
        ),
    ),
)

KEEP_MARKS = timedelta(days=8)  # longer than any cool-down or rate window; older marks are pruned


@dataclass(frozen=True, slots=True)
class DetectionChannel:
    channel_id: str
    channel_name: str


@dataclass(frozen=True, slots=True)
class LocalResource:
    """A line an admin added for this community; shown before the national ones."""

    id: int
    name: str
    phone: str | None
    url: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Mark:
    """That something happened for a member, and when: an automatic reply, an alert, a report, a request."""

    kind: str
    at: datetime


class CrisisRepo:
    """Every query is scoped to one community."""

    section = "crisis"

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- detection channels ---------------------------------------------------------------------------------
    async def set_detection(
        self, community_id: str, channel_id: str, channel_name: str, on: bool, actor_id: str, at: datetime
    ) -> bool:
        """Turn detection on or off in one channel; returns whether anything changed."""
        if not on:
            return bool(await self.db.execute(
                "DELETE FROM crisis_channels WHERE community_id = :c AND channel_id = :ch",
                {"c": community_id, "ch": channel_id},
            ))
        return bool(await self.db.execute(
            "INSERT INTO crisis_channels (community_id, channel_id, channel_name, enabled_by, enabled_at) "
            "VALUES (:c, :ch, :n, :a, :t) ON CONFLICT (community_id, channel_id) DO NOTHING",
            {"c": community_id, "ch": channel_id, "n": channel_name, "a": actor_id, "t": to_epoch(at)},
        ))

    async def detection_on(self, community_id: str, channel_id: str) -> bool:
        found = await self.db.fetch_value(
            "SELECT 1 FROM crisis_channels WHERE community_id = :c AND channel_id = :ch",
            {"c": community_id, "ch": channel_id},
        )
        return found is not None

    async def detection_channels(self, community_id: str) -> list[DetectionChannel]:
        rows = await self.db.fetch_all(
            "SELECT channel_id, channel_name FROM crisis_channels WHERE community_id = :c ORDER BY channel_name",
            {"c": community_id},
        )
        return [DetectionChannel(r["channel_id"], r["channel_name"]) for r in rows]

    # -- cool-down ------------------------------------------------------------------------------------------
    async def cooldown(self, community_id: str) -> timedelta | None:
        """The community's own cool-down, or None for the configured default."""
        minutes = await self.db.fetch_value(
            "SELECT cooldown_minutes FROM crisis_community WHERE community_id = :c", {"c": community_id}
        )
        return None if minutes is None else timedelta(minutes=int(minutes))

    async def set_cooldown(self, community_id: str, length: timedelta) -> None:
        await self.db.execute(
            "INSERT INTO crisis_community (community_id, cooldown_minutes) VALUES (:c, :m) "
            "ON CONFLICT (community_id) DO UPDATE SET cooldown_minutes = excluded.cooldown_minutes",
            {"c": community_id, "m": int(length.total_seconds() // 60)},
        )

    # -- marks ----------------------------------------------------------------------------------------------
    async def mark(self, community_id: str, member_id: str, kind: str, at: datetime) -> None:
        """Record that ``kind`` happened for the member now, and forget marks too old to matter."""
        async with self.db.transaction() as s:
            await s.execute(
                "DELETE FROM crisis_marks WHERE community_id = :c AND at < :old",
                {"c": community_id, "old": to_epoch(at - KEEP_MARKS)},
            )
            await s.execute(
                "INSERT INTO crisis_marks (community_id, member_id, kind, at) VALUES (:c, :m, :k, :t)",
                {"c": community_id, "m": member_id, "k": kind, "t": to_epoch(at)},
            )

    async def last_mark(self, community_id: str, member_id: str, kind: str) -> datetime | None:
        at = await self.db.fetch_value(
            "SELECT MAX(at) FROM crisis_marks WHERE community_id = :c AND member_id = :m AND kind = :k",
            {"c": community_id, "m": member_id, "k": kind},
        )
        return None if at is None else from_epoch(int(at))

    async def count_marks(self, community_id: str, member_id: str, kind: str, since: datetime) -> int:
        """How many ``kind`` marks the member has after ``since`` (a rolling window)."""
        found = await self.db.fetch_value(
            "SELECT COUNT(*) FROM crisis_marks WHERE community_id = :c AND member_id = :m AND kind = :k "
            "AND at > :since",
            {"c": community_id, "m": member_id, "k": kind, "since": to_epoch(since)},
        )
        return int(found or 0)

    # -- community lines ------------------------------------------------------------------------------------
    async def add_resource(
        self, community_id: str, name: str, phone: str | None, url: str | None, note: str | None,
        actor_id: str, at: datetime,
    ) -> int:
        async with self.db.transaction() as s:
            new_id = await s.fetch_value(
                "INSERT INTO crisis_local_resources (community_id, name, phone, url, note, added_by, added_at) "
                "VALUES (:c, :n, :p, :u, :o, :a, :t) RETURNING id",
                {"c": community_id, "n": name, "p": phone, "u": url, "o": note, "a": actor_id,
                 "t": to_epoch(at)},
            )
        return int(new_id)

    async def remove_resource(self, community_id: str, resource_id: int) -> bool:
        return bool(await self.db.execute(
            "DELETE FROM crisis_local_resources WHERE community_id = :c AND id = :i",
            {"c": community_id, "i": resource_id},
        ))

    async def resources(self, community_id: str) -> list[LocalResource]:
        rows = await self.db.fetch_all(
            "SELECT id, name, phone, url, note FROM crisis_local_resources WHERE community_id = :c ORDER BY id",
            {"c": community_id},
        )
        return [LocalResource(int(r["id"]), r["name"], r["phone"], r["url"], r["note"]) for r in rows]

    # -- MemberData -----------------------------------------------------------------------------------------
    async def export_member(self, community_id: str, member_id: str) -> dict[str, Any]:
        marks = await self.db.fetch_all(
            "SELECT kind, at FROM crisis_marks WHERE community_id = :c AND member_id = :m ORDER BY at",
            {"c": community_id, "m": member_id},
        )
        added = await self.db.fetch_all(
            "SELECT name FROM crisis_local_resources WHERE community_id = :c AND added_by = :m ORDER BY id",
            {"c": community_id, "m": member_id},
        )
        return {
            "events": [{"kind": r["kind"], "at": from_epoch(int(r["at"])).isoformat()} for r in marks],
            "resources_added": [r["name"] for r in added],
        }

    async def delete_member(self, community_id: str, member_id: str) -> int:
        """Forget the member's marks; lines they added stay for the community but no longer name them."""
        async with self.db.transaction() as s:
            removed = await s.execute(
                "DELETE FROM crisis_marks WHERE community_id = :c AND member_id = :m",
                {"c": community_id, "m": member_id},
            )
            removed += await s.execute(
                "UPDATE crisis_local_resources SET added_by = '' WHERE community_id = :c AND added_by = :m",
                {"c": community_id, "m": member_id},
            )
            removed += await s.execute(
                "UPDATE crisis_channels SET enabled_by = '' WHERE community_id = :c AND enabled_by = :m",
                {"c": community_id, "m": member_id},
            )
        _log.info("crisis data of a member removed (%d records)", removed)
        return removed
