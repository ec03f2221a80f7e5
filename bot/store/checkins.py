"""Check-ins: each member's moods (and the notes they chose to add), and the open check-in windows of circles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.logic.mood import MAX_NOTE, check_mood, spread
from bot.store.db import Database, Row, Session, from_epoch, to_epoch
from bot.store.migrations import UpgradeTable

__all__ = ["CHECKIN_MIGRATIONS", "Checkin", "CheckinRepo", "MoodSummary", "Window"]

CHECKIN_MIGRATIONS = UpgradeTable(
    "checkins",
    (
        (
            # The least a mood history needs. circle_id/occurrence_at are NULL for a personal check-in; NULLs
            # never collide in a unique index, so personal check-ins are unlimited and circle ones one a member.
            """CREATE TABLE checkins (
                id {serial},
                community_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                mood INTEGER NOT NULL,
                note TEXT,
                shared INTEGER NOT NULL DEFAULT 0,
                at BIGINT NOT NULL,
                circle_id BIGINT,
                occurrence_at BIGINT
            )""",
            "CREATE UNIQUE INDEX checkins_one_per_occurrence "
            "ON checkins (community_id, circle_id, occurrence_at, member_id)",
            "CREATE INDEX checkins_member ON checkins (community_id, member_id, at)",
            # Only while a circle's check-in is open: no member data, removed when it closes.
            """CREATE TABLE checkin_windows (
                community_id TEXT NOT NULL,
                circle_id BIGINT NOT NULL,
                occurrence_at BIGINT NOT NULL,
                channel_id TEXT NOT NULL,
                closes_at BIGINT NOT NULL,
                PRIMARY KEY (community_id, circle_id, occurrence_at)
            )""",
            "CREATE INDEX checkin_windows_channel ON checkin_windows (community_id, channel_id, closes_at)",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class MoodSummary:
    """What a circle may hear about its check-in: how many, and the spread only when nobody can be singled out."""

    count: int  # how many members checked in
    spread: dict[int, int] | None  # mood -> how many; None when fewer than 3 checked in


@dataclass(frozen=True, slots=True)
class Window:
    """A circle occurrence's check-in, open in ``channel_id`` until ``closes_at`` (or until the circle closes it)."""

    community_id: str
    channel_id: str
    circle_id: int
    occurrence_at: datetime
    closes_at: datetime

    def is_open(self, now: datetime) -> bool:
        return now < self.closes_at


@dataclass(frozen=True, slots=True)
class Checkin:
    """One mood a member recorded; ``circle_id``/``occurrence_at`` are None for a personal check-in."""

    mood: int
    at: datetime
    note: str | None = None
    shared: bool = False
    circle_id: int | None = None
    occurrence_at: datetime | None = None


_WINDOW_COLUMNS = "community_id, channel_id, circle_id, occurrence_at, closes_at"
_CHECKIN_COLUMNS = "mood, at, note, shared, circle_id, occurrence_at"


class CheckinRepo:
    """Moods and windows for one community at a time. Also ``MemberData`` (section "checkins")."""

    section = "checkins"

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- windows (called by the circles cog) --------------------------------------------------------------------
    async def open_window(self, community_id: str, channel_id: str, circle_id: int, occurrence_at: datetime,
                          closes_at: datetime) -> None:
        """Open (or reopen, after a restart) a circle occurrence's check-in. Windows that closed on their own
        before this one began are tidied away here."""
        async with self.db.transaction() as s:
            await s.execute(
                "DELETE FROM checkin_windows WHERE community_id = :c AND closes_at <= :t",
                {"c": community_id, "t": to_epoch(occurrence_at)},
            )
            await s.execute(
                "INSERT INTO checkin_windows (community_id, circle_id, occurrence_at, channel_id, closes_at) "
                "VALUES (:c, :ci, :o, :ch, :cl) ON CONFLICT (community_id, circle_id, occurrence_at) "
                "DO UPDATE SET channel_id = excluded.channel_id, closes_at = excluded.closes_at",
                {"c": community_id, "ci": circle_id, "o": to_epoch(occurrence_at), "ch": channel_id,
                 "cl": to_epoch(closes_at)},
            )

    async def close_window(self, community_id: str, circle_id: int, occurrence_at: datetime) -> MoodSummary:
        """Close the check-in (later presses become personal check-ins) and return its summary. Safe to repeat."""
        await self.db.execute(
            "DELETE FROM checkin_windows WHERE community_id = :c AND circle_id = :ci AND occurrence_at = :o",
            {"c": community_id, "ci": circle_id, "o": to_epoch(occurrence_at)},
        )
        return await self.summary(community_id, circle_id, occurrence_at)

    async def window_in(self, community_id: str, channel_id: str, now: datetime) -> Window | None:
        """The check-in open in this channel now (the latest, should two overlap)."""
        row = await self.db.fetch_one(
            f"SELECT {_WINDOW_COLUMNS} FROM checkin_windows WHERE community_id = :c AND channel_id = :ch "
            "AND closes_at > :now ORDER BY occurrence_at DESC LIMIT 1",
            {"c": community_id, "ch": channel_id, "now": to_epoch(now)},
        )
        return _window(row) if row else None

    async def window(self, community_id: str, circle_id: int, occurrence_at: datetime,
                     now: datetime) -> Window | None:
        """That occurrence's check-in if it is still open (a mood button pressed late finds None)."""
        row = await self.db.fetch_one(
            f"SELECT {_WINDOW_COLUMNS} FROM checkin_windows WHERE community_id = :c AND circle_id = :ci "
            "AND occurrence_at = :o AND closes_at > :now",
            {"c": community_id, "ci": circle_id, "o": to_epoch(occurrence_at), "now": to_epoch(now)},
        )
        return _window(row) if row else None

    async def summary(self, community_id: str, circle_id: int, occurrence_at: datetime) -> MoodSummary:
        """Counts only: the query never reads who checked in or what they wrote."""
        rows = await self.db.fetch_all(
            "SELECT mood FROM checkins WHERE community_id = :c AND circle_id = :ci AND occurrence_at = :o",
            {"c": community_id, "ci": circle_id, "o": to_epoch(occurrence_at)},
        )
        moods = [int(r["mood"]) for r in rows]
        return MoodSummary(len(moods), spread(moods))

    # -- members' check-ins -----------------------------------------------------------------------------------
    async def add(self, community_id: str, member_id: str, mood: int, at: datetime, *, note: str | None = None,
                  shared: bool = False, window: Window | None = None) -> bool:
        """Record a check-in, linked to ``window``'s occurrence when given. A second check-in for the same
        occurrence replaces the first; returns True when it did. Raises ValueError for a mood off the scale or a
        note over the limit, before anything is written."""
        check_mood(mood)
        if note is not None and len(note) > MAX_NOTE:
            raise ValueError(f"a note is at most {MAX_NOTE} characters")
        if window is not None and window.community_id != community_id:
            raise ValueError("a window belongs to one community")
        params = {"c": community_id, "m": member_id, "mood": mood, "note": note or None, "sh": int(shared),
                  "at": to_epoch(at), "ci": window.circle_id if window else None,
                  "o": to_epoch(window.occurrence_at) if window else None}
        async with self.db.transaction() as s:
            updated = window is not None and await self._exists(s, params)
            await s.execute(
                "INSERT INTO checkins (community_id, member_id, mood, note, shared, at, circle_id, occurrence_at) "
                "VALUES (:c, :m, :mood, :note, :sh, :at, :ci, :o) "
                "ON CONFLICT (community_id, circle_id, occurrence_at, member_id) DO UPDATE SET mood = excluded.mood, "
                "note = excluded.note, shared = excluded.shared, at = excluded.at",
                params,
            )
        return updated

    @staticmethod
    async def _exists(s: Session, params: dict[str, Any]) -> bool:
        found = await s.fetch_value(
            "SELECT COUNT(*) FROM checkins WHERE community_id = :c AND member_id = :m AND circle_id = :ci "
            "AND occurrence_at = :o",
            params,
        )
        return bool(found)

    async def history(self, community_id: str, member_id: str, since: datetime) -> list[Checkin]:
        """The member's own check-ins from ``since`` on, oldest first."""
        rows = await self.db.fetch_all(
            f"SELECT {_CHECKIN_COLUMNS} FROM checkins WHERE community_id = :c AND member_id = :m AND at >= :t "
            "ORDER BY at, id",
            {"c": community_id, "m": member_id, "t": to_epoch(since)},
        )
        return [_checkin(r) for r in rows]

    # -- MemberData ---------------------------------------------------------------------------------------------
    async def export_member(self, community_id: str, member_id: str) -> list[dict[str, Any]]:
        return [
            {
                "at": c.at.isoformat(),
                "mood": c.mood,
                "note": c.note,
                "shared": c.shared,
                "circle_id": c.circle_id,
                "occurrence_at": c.occurrence_at.isoformat() if c.occurrence_at else None,
            }
            for c in await self.history(community_id, member_id, from_epoch(0))
        ]

    async def delete_member(self, community_id: str, member_id: str) -> int:
        return await self.db.execute(
            "DELETE FROM checkins WHERE community_id = :c AND member_id = :m", {"c": community_id, "m": member_id}
        )


def _window(row: Row) -> Window:
    return Window(row["community_id"], row["channel_id"], int(row["circle_id"]), from_epoch(row["occurrence_at"]),
                  from_epoch(row["closes_at"]))


def _checkin(row: Row) -> Checkin:
    occurrence = row["occurrence_at"]
    return Checkin(
        mood=int(row["mood"]),
        at=from_epoch(row["at"]),
        note=row["note"],
        shared=bool(row["shared"]),
        circle_id=int(row["circle_id"]) if row["circle_id"] is not None else None,
        occurrence_at=from_epoch(occurrence) if occurrence is not None else None,
    )
