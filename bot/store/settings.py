"""Per-community settings (audited) and per-member preferences: the core's own tables."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from bot.store.db import Database, from_epoch, to_epoch
from bot.store.migrations import UpgradeTable

__all__ = [
    "CORE_MIGRATIONS",
    "CommunityRepo",
    "CommunitySettings",
    "MemberSettings",
    "MemberSettingsRepo",
]

_log = logging.getLogger(__name__)

CORE_MIGRATIONS = UpgradeTable(
    "core",
    (
        (
            """CREATE TABLE community_settings (
                community_id TEXT PRIMARY KEY,
                timezone TEXT,
                country TEXT,
                facilitator_role TEXT,
                alert_channel TEXT
            )""",
            """CREATE TABLE member_settings (
                community_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                timezone TEXT,
                country TEXT,
                reminders_dm INTEGER NOT NULL DEFAULT 0,
                away_until BIGINT,
                crisis_replies INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (community_id, member_id)
            )""",
            """CREATE TABLE settings_audit (
                id {serial},
                community_id TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                setting TEXT NOT NULL,
                value TEXT,
                at BIGINT NOT NULL
            )""",
            "CREATE INDEX settings_audit_community ON settings_audit (community_id, at)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class CommunitySettings:
    """What admins chose for their community; None means "not set" and the config's default applies."""

    community_id: str
    timezone: str | None = None
    country: str | None = None
    facilitator_role: str | None = None
    alert_channel: str | None = None


_COMMUNITY_KEYS = {f.name for f in fields(CommunitySettings)} - {"community_id"}


class CommunityRepo:
    """Read on every command (permissions), written rarely: cached per process. That is safe because one
    community is owned by exactly one process (Discord shards, one Matrix bot)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, CommunitySettings] = {}

    async def get(self, community_id: str) -> CommunitySettings:
        cached = self._cache.get(community_id)
        if cached is not None:
            return cached
        row = await self.db.fetch_one(
            "SELECT * FROM community_settings WHERE community_id = :c", {"c": community_id}
        )
        settings = CommunitySettings(**row) if row else CommunitySettings(community_id)
        self._cache[community_id] = settings
        return settings

    async def set(
        self, community_id: str, actor_id: str, setting: str, value: str | None, at: datetime
    ) -> CommunitySettings:
        """Change one setting and record who changed it and when (the audit keeps the value, never message text)."""
        if setting not in _COMMUNITY_KEYS:
            raise KeyError(setting)
        async with self.db.transaction() as s:
            await s.execute(
                f"INSERT INTO community_settings (community_id, {setting}) VALUES (:c, :v) "
                f"ON CONFLICT (community_id) DO UPDATE SET {setting} = excluded.{setting}",
                {"c": community_id, "v": value},
            )
            await s.execute(
                "INSERT INTO settings_audit (community_id, actor_id, setting, value, at) "
                "VALUES (:c, :a, :k, :v, :t)",
                {"c": community_id, "a": actor_id, "k": setting, "v": value, "t": to_epoch(at)},
            )
        _log.info("community setting changed: %s", setting)
        self._cache.pop(community_id, None)
        return await self.get(community_id)

    async def audit(self, community_id: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT actor_id, setting, value, at FROM settings_audit WHERE community_id = :c "
            "ORDER BY at DESC, id DESC LIMIT :n",
            {"c": community_id, "n": limit},
        )
        return [dict(r) for r in rows]


@dataclass(frozen=True, slots=True)
class MemberSettings:
    """A member's own choices. Defaults are the gentle ones: no DMs unless asked, crisis replies on."""

    timezone: str | None = None
    country: str | None = None
    reminders_dm: bool = False
    away_until: datetime | None = None
    crisis_replies: bool = True

    def is_away(self, now: datetime) -> bool:
        return self.away_until is not None and now < self.away_until


class MemberSettingsRepo:
    """Member preferences, one row per member per community (one community, one owner)."""

    section = "settings"

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, community_id: str, member_id: str) -> MemberSettings:
        row = await self.db.fetch_one(
            "SELECT timezone, country, reminders_dm, away_until, crisis_replies FROM member_settings "
            "WHERE community_id = :c AND member_id = :m",
            {"c": community_id, "m": member_id},
        )
        return _member_settings(row) if row else MemberSettings()

    async def many(self, community_id: str, member_ids: list[str]) -> dict[str, MemberSettings]:
        """Settings for several members in one query (reminders need everyone's at once)."""
        if not member_ids:
            return {}
        params: dict[str, Any] = {"c": community_id}
        marks = []
        for i, mid in enumerate(member_ids):
            params[f"m{i}"] = mid
            marks.append(f":m{i}")
        rows = await self.db.fetch_all(
            "SELECT member_id, timezone, country, reminders_dm, away_until, crisis_replies FROM member_settings "
            f"WHERE community_id = :c AND member_id IN ({', '.join(marks)})",
            params,
        )
        found = {r["member_id"]: _member_settings(r) for r in rows}
        return {mid: found.get(mid, MemberSettings()) for mid in member_ids}

    async def update(self, community_id: str, member_id: str, **changes: Any) -> MemberSettings:
        merged = replace(await self.get(community_id, member_id), **changes)
        away = to_epoch(merged.away_until) if merged.away_until else None
        await self.db.execute(
            "INSERT INTO member_settings (community_id, member_id, timezone, country, reminders_dm, away_until, "
            "crisis_replies) VALUES (:c, :m, :tz, :co, :r, :a, :cr) ON CONFLICT (community_id, member_id) DO UPDATE "
            "SET timezone = excluded.timezone, country = excluded.country, reminders_dm = excluded.reminders_dm, "
            "away_until = excluded.away_until, crisis_replies = excluded.crisis_replies",
            {"c": community_id, "m": member_id, "tz": merged.timezone, "co": merged.country,
             "r": int(merged.reminders_dm), "a": away, "cr": int(merged.crisis_replies)},
        )
        return merged

    async def export_member(self, community_id: str, member_id: str) -> dict[str, Any]:
        s = await self.get(community_id, member_id)
        return {
            "timezone": s.timezone,
            "country": s.country,
            "reminders_dm": s.reminders_dm,
            "away_until": s.away_until.isoformat() if s.away_until else None,
            "crisis_replies": s.crisis_replies,
        }

    async def delete_member(self, community_id: str, member_id: str) -> int:
        return await self.db.execute(
            "DELETE FROM member_settings WHERE community_id = :c AND member_id = :m",
            {"c": community_id, "m": member_id},
        )


def _member_settings(row: Any) -> MemberSettings:
    return MemberSettings(
        timezone=row["timezone"],
        country=row["country"],
        reminders_dm=bool(row["reminders_dm"]),
        away_until=from_epoch(row["away_until"]) if row["away_until"] is not None else None,
        crisis_replies=bool(row["crisis_replies"]),
    )
