"""Circles, their members and waitlists, skipped occurrences, and the claims that make each firing happen once."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from bot.logic.recurrence import Schedule, parse_repeat, repeat_text
from bot.store.db import Database, Row, Session, from_epoch, to_epoch
from bot.store.migrations import UpgradeTable

__all__ = [
    "CIRCLES_MIGRATIONS",
    "Circle",
    "CircleKind",
    "CircleRepo",
    "CircleState",
    "JoinResult",
    "NameTaken",
]

_log = logging.getLogger(__name__)

CIRCLES_MIGRATIONS = UpgradeTable(
    "circles",
    (
        (
            """CREATE TABLE circles (
                id {serial},
                community_id TEXT NOT NULL,
                name TEXT NOT NULL,
                name_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                first_date TEXT NOT NULL,
                time_of_day TEXT NOT NULL,
                zone TEXT NOT NULL,
                repeat TEXT NOT NULL,
                duration_s INTEGER NOT NULL,
                channel_id TEXT NOT NULL,
                channel_name TEXT NOT NULL DEFAULT '',
                capacity INTEGER,
                topic TEXT NOT NULL DEFAULT '',
                guidelines TEXT NOT NULL DEFAULT '',
                reminders TEXT,
                created_at BIGINT NOT NULL
            )""",
            "CREATE UNIQUE INDEX circles_name ON circles (community_id, name_key)",
            """CREATE TABLE circle_members (
                circle_id BIGINT NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
                community_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                status TEXT NOT NULL,
                since BIGINT NOT NULL,
                PRIMARY KEY (circle_id, member_id)
            )""",
            "CREATE INDEX circle_members_member ON circle_members (community_id, member_id)",
            """CREATE TABLE circle_skips (
                circle_id BIGINT NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
                community_id TEXT NOT NULL,
                start_at BIGINT NOT NULL,
                PRIMARY KEY (circle_id, start_at)
            )""",
            """CREATE TABLE circle_occurrences (
                circle_id BIGINT NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
                community_id TEXT NOT NULL,
                start_at BIGINT NOT NULL,
                ends_at BIGINT NOT NULL,
                opened_at BIGINT NOT NULL,
                closed_at BIGINT,
                PRIMARY KEY (circle_id, start_at)
            )""",
            """CREATE TABLE circle_reminders (
                circle_id BIGINT NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
                community_id TEXT NOT NULL,
                start_at BIGINT NOT NULL,
                offset_s INTEGER NOT NULL,
                sent_at BIGINT NOT NULL,
                dm_sent INTEGER NOT NULL DEFAULT 0,
                dm_failed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (circle_id, start_at, offset_s)
            )""",
        ),
        # 2: where an occurrence was opened (a thread, on platforms that have them), so it closes there too.
        ("ALTER TABLE circle_occurrences ADD COLUMN thread_id TEXT",),
    ),
)


class CircleKind(StrEnum):
    CHECK_IN = "check-in"
    SHARING = "sharing"


class JoinResult(StrEnum):
    JOINED = "joined"
    WAITING = "waiting"
    ALREADY = "already"
    FULL = "full"


class NameTaken(ValueError):
    """Another circle of the community already has this name (names are matched case-insensitively)."""


@dataclass(frozen=True, slots=True)
class Circle:
    """A circle as stored. ``reminders`` None means the configured default offsets."""

    id: int
    community_id: str
    name: str
    kind: CircleKind
    schedule: Schedule
    channel_id: str
    channel_name: str = ""
    capacity: int | None = None
    topic: str = ""
    guidelines: str = ""
    reminders: tuple[timedelta, ...] | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CircleState:
    """What has happened to a circle recently: enough to plan its next firings without asking again."""

    skipped: frozenset[datetime] = frozenset()
    opened: frozenset[datetime] = frozenset()
    live: tuple[tuple[datetime, datetime], ...] = ()
    """(start, end) of occurrences opened and not yet closed."""
    reminded: frozenset[tuple[datetime, timedelta]] = field(default=frozenset())


_COLUMNS = (
    "id, community_id, name, kind, first_date, time_of_day, zone, repeat, duration_s, channel_id, channel_name, "
    "capacity, "
    "topic, guidelines, reminders, created_at"
)

_INSERT = (
    f"INSERT INTO circles (name_key, {_COLUMNS.removeprefix('id, ')}) VALUES (:key, :c, :name, :kind, :first, :tod, "
    ":zone, :repeat, :dur, :channel, :chname, :cap, :topic, :guide, :rem, :at)"
)


def _circle(row: Row) -> Circle:
    reminders = row["reminders"]
    return Circle(
        id=int(row["id"]),
        community_id=row["community_id"],
        name=row["name"],
        kind=CircleKind(row["kind"]),
        schedule=Schedule(
            first_date=date.fromisoformat(row["first_date"]),
            time=time.fromisoformat(row["time_of_day"]),
            zone=row["zone"],
            repeat=parse_repeat(row["repeat"]),
            duration=timedelta(seconds=int(row["duration_s"])),
        ),
        channel_id=row["channel_id"],
        channel_name=row["channel_name"],
        capacity=row["capacity"],
        topic=row["topic"],
        guidelines=row["guidelines"],
        reminders=None if reminders is None else tuple(
            timedelta(seconds=int(s)) for s in reminders.split(",") if s
        ),
        created_at=from_epoch(int(row["created_at"])),
    )


def _params(circle: Circle) -> dict[str, Any]:
    s = circle.schedule
    return {
        "c": circle.community_id,
        "name": circle.name,
        "key": circle.name.casefold(),
        "kind": str(circle.kind),
        "first": s.first_date.isoformat(),
        "tod": s.time.isoformat(timespec="minutes"),
        "zone": s.zone,
        "repeat": repeat_text(s.repeat),
        "dur": int(s.duration.total_seconds()),
        "channel": circle.channel_id,
        "chname": circle.channel_name,
        "cap": circle.capacity,
        "topic": circle.topic,
        "guide": circle.guidelines,
        "rem": None if circle.reminders is None else ",".join(
            str(int(r.total_seconds())) for r in circle.reminders
        ),
    }


class CircleRepo:
    """Every query names its community, except the one start-up load that rebuilds the scheduler."""

    section = "circles"

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- circles --------------------------------------------------------------------------------------------
    async def create(self, circle: Circle, at: datetime) -> Circle:
        """Store a new circle (its ``id`` is ignored); raises NameTaken."""
        async with self.db.transaction() as s:
            await self._check_name(s, circle)
            new_id = await s.fetch_value(_INSERT + " RETURNING id", {**_params(circle), "at": to_epoch(at)})
        _log.info("circle %s created in %s", new_id, circle.community_id)
        found = await self.get(circle.community_id, int(new_id))
        assert found is not None
        return found

    async def create_many(self, circles: Sequence[Circle], at: datetime) -> None:
        """Store many circles in one transaction (bulk loads); the unique index still refuses a name used twice."""
        async with self.db.transaction() as s:
            await s.execute_many(_INSERT, [{**_params(c), "at": to_epoch(at)} for c in circles])

    async def update(self, circle: Circle) -> Circle:
        """Write every editable field; raises NameTaken."""
        async with self.db.transaction() as s:
            await self._check_name(s, circle)
            await s.execute(
                "UPDATE circles SET name = :name, name_key = :key, kind = :kind, first_date = :first, "
                "time_of_day = :tod, zone = :zone, repeat = :repeat, duration_s = :dur, channel_id = :channel, "
                "channel_name = :chname, capacity = :cap, topic = :topic, guidelines = :guide, reminders = :rem "
                "WHERE community_id = :c AND id = :id",
                {**_params(circle), "id": circle.id},
            )
        return circle

    async def _check_name(self, s: Session, circle: Circle) -> None:
        other = await s.fetch_value(
            "SELECT id FROM circles WHERE community_id = :c AND name_key = :key AND id != :id",
            {"c": circle.community_id, "key": circle.name.casefold(), "id": circle.id},
        )
        if other is not None:
            raise NameTaken(circle.name)

    async def get(self, community_id: str, circle_id: int) -> Circle | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM circles WHERE community_id = :c AND id = :id",
            {"c": community_id, "id": circle_id},
        )
        return _circle(row) if row else None

    async def by_name(self, community_id: str, name: str) -> Circle | None:
        row = await self.db.fetch_one(
            f"SELECT {_COLUMNS} FROM circles WHERE community_id = :c AND name_key = :key",
            {"c": community_id, "key": name.strip().casefold()},
        )
        return _circle(row) if row else None

    async def in_community(self, community_id: str) -> list[Circle]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM circles WHERE community_id = :c ORDER BY name_key", {"c": community_id}
        )
        return [_circle(r) for r in rows]

    async def everything(self) -> list[Circle]:
        """Every circle of every community: only for rebuilding the scheduler at start."""
        return [_circle(r) for r in await self.db.fetch_all(f"SELECT {_COLUMNS} FROM circles")]

    async def delete(self, community_id: str, circle_id: int) -> bool:
        async with self.db.transaction() as s:
            for table in ("circle_members", "circle_skips", "circle_occurrences", "circle_reminders"):
                await s.execute(
                    f"DELETE FROM {table} WHERE community_id = :c AND circle_id = :id",
                    {"c": community_id, "id": circle_id},
                )
            gone = await s.execute(
                "DELETE FROM circles WHERE community_id = :c AND id = :id", {"c": community_id, "id": circle_id}
            )
        return gone > 0

    # -- members and the waitlist ---------------------------------------------------------------------------
    async def join(self, circle: Circle, member_id: str, at: datetime, *, wait: bool = False) -> JoinResult:
        """Join if there is room; when full, join the waitlist only if ``wait``. Counted in one transaction."""
        async with self.db.transaction() as s:
            status = await s.fetch_value(
                "SELECT status FROM circle_members WHERE circle_id = :id AND community_id = :c AND member_id = :m",
                {"id": circle.id, "c": circle.community_id, "m": member_id},
            )
            if status == JoinResult.JOINED or (status == JoinResult.WAITING and wait):
                return JoinResult.ALREADY
            joined = await _count(s, circle, JoinResult.JOINED)
            has_room = circle.capacity is None or joined < circle.capacity
            if not has_room and not wait:
                return JoinResult.FULL
            result = JoinResult.JOINED if has_room else JoinResult.WAITING
            await s.execute(
                "INSERT INTO circle_members (circle_id, community_id, member_id, status, since) "
                "VALUES (:id, :c, :m, :st, :t) ON CONFLICT (circle_id, member_id) DO UPDATE SET status = :st",
                {"id": circle.id, "c": circle.community_id, "m": member_id, "st": str(result), "t": to_epoch(at)},
            )
        return result

    async def leave(self, circle: Circle, member_id: str) -> tuple[JoinResult | None, list[str]]:
        """Leave the circle or its waitlist. Returns what the member was, and who moved up into the place."""
        async with self.db.transaction() as s:
            status = await s.fetch_value(
                "SELECT status FROM circle_members WHERE circle_id = :id AND community_id = :c AND member_id = :m",
                {"id": circle.id, "c": circle.community_id, "m": member_id},
            )
            if status is None:
                return None, []
            await s.execute(
                "DELETE FROM circle_members WHERE circle_id = :id AND community_id = :c AND member_id = :m",
                {"id": circle.id, "c": circle.community_id, "m": member_id},
            )
            promoted = await _promote(s, circle)
        return JoinResult(status), promoted

    async def promote(self, circle: Circle) -> list[str]:
        """Move waiting members up while there is room (after the capacity was raised)."""
        async with self.db.transaction() as s:
            return await _promote(s, circle)

    async def members(self, circle: Circle) -> tuple[list[str], list[str]]:
        """(joined, waiting), each in the order they came."""
        rows = await self.db.fetch_all(
            "SELECT member_id, status FROM circle_members WHERE circle_id = :id AND community_id = :c "
            "ORDER BY since, member_id",
            {"id": circle.id, "c": circle.community_id},
        )
        joined = [r["member_id"] for r in rows if r["status"] == JoinResult.JOINED]
        return joined, [r["member_id"] for r in rows if r["status"] == JoinResult.WAITING]

    async def joined_counts(self, community_id: str) -> dict[int, int]:
        rows = await self.db.fetch_all(
            "SELECT circle_id, COUNT(*) AS n FROM circle_members WHERE community_id = :c AND status = :st "
            "GROUP BY circle_id",
            {"c": community_id, "st": str(JoinResult.JOINED)},
        )
        return {int(r["circle_id"]): int(r["n"]) for r in rows}

    async def statuses(self, community_id: str, member_id: str) -> dict[int, JoinResult]:
        """The member's status in each circle of the community they joined or wait for."""
        rows = await self.db.fetch_all(
            "SELECT circle_id, status FROM circle_members WHERE community_id = :c AND member_id = :m",
            {"c": community_id, "m": member_id},
        )
        return {int(r["circle_id"]): JoinResult(r["status"]) for r in rows}

    # -- skips ----------------------------------------------------------------------------------------------
    async def skip(self, circle: Circle, start: datetime) -> bool:
        """Mark one occurrence as not taking place; False if it already was."""
        return await self.db.execute(
            "INSERT INTO circle_skips (circle_id, community_id, start_at) VALUES (:id, :c, :s) "
            "ON CONFLICT (circle_id, start_at) DO NOTHING",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start)},
        ) > 0

    # -- claims: each firing happens once, even across a restart at the firing moment -----------------------
    async def claim_open(self, circle: Circle, start: datetime, at: datetime) -> bool:
        return await self.db.execute(
            "INSERT INTO circle_occurrences (circle_id, community_id, start_at, ends_at, opened_at) "
            "VALUES (:id, :c, :s, :e, :t) ON CONFLICT (circle_id, start_at) DO NOTHING",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start),
             "e": to_epoch(start + circle.schedule.duration), "t": to_epoch(at)},
        ) > 0

    async def set_thread(self, circle: Circle, start: datetime, thread_id: str) -> None:
        await self.db.execute(
            "UPDATE circle_occurrences SET thread_id = :t WHERE circle_id = :id AND community_id = :c "
            "AND start_at = :s",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start), "t": thread_id},
        )

    async def thread_of(self, circle: Circle, start: datetime) -> str | None:
        thread: str | None = await self.db.fetch_value(
            "SELECT thread_id FROM circle_occurrences WHERE circle_id = :id AND community_id = :c AND start_at = :s",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start)},
        )
        return thread

    async def claim_close(self, circle: Circle, start: datetime, at: datetime) -> bool:
        return await self.db.execute(
            "UPDATE circle_occurrences SET closed_at = :t WHERE circle_id = :id AND community_id = :c "
            "AND start_at = :s AND closed_at IS NULL",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start), "t": to_epoch(at)},
        ) > 0

    async def claim_reminder(self, circle: Circle, start: datetime, offset: timedelta, at: datetime) -> bool:
        return await self.db.execute(
            "INSERT INTO circle_reminders (circle_id, community_id, start_at, offset_s, sent_at) "
            "VALUES (:id, :c, :s, :o, :t) ON CONFLICT (circle_id, start_at, offset_s) DO NOTHING",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start),
             "o": int(offset.total_seconds()), "t": to_epoch(at)},
        ) > 0

    async def count_dms(self, circle: Circle, start: datetime, offset: timedelta, sent: int, failed: int) -> None:
        """Record how the reminder's direct messages went, so a failed one is counted, not lost."""
        await self.db.execute(
            "UPDATE circle_reminders SET dm_sent = :ok, dm_failed = :bad WHERE circle_id = :id "
            "AND community_id = :c AND start_at = :s AND offset_s = :o",
            {"id": circle.id, "c": circle.community_id, "s": to_epoch(start),
             "o": int(offset.total_seconds()), "ok": sent, "bad": failed},
        )

    async def failed_dms(self, community_id: str, circle_id: int) -> int:
        value = await self.db.fetch_value(
            "SELECT COALESCE(SUM(dm_failed), 0) FROM circle_reminders WHERE community_id = :c AND circle_id = :id",
            {"c": community_id, "id": circle_id},
        )
        return int(value or 0)

    async def state(self, circle: Circle, since: datetime) -> CircleState:
        states = await self._states(since, circle)
        return states.get(circle.id, CircleState())

    async def all_states(self, since: datetime) -> dict[int, CircleState]:
        """Recent history of every circle at once: only for rebuilding the scheduler at start."""
        return await self._states(since, None)

    async def _states(self, since: datetime, circle: Circle | None) -> dict[int, CircleState]:
        where = "" if circle is None else " AND circle_id = :id AND community_id = :c"
        p: dict[str, Any] = {"since": to_epoch(since)}
        if circle is not None:
            p |= {"id": circle.id, "c": circle.community_id}
        skips = await self.db.fetch_all(
            f"SELECT circle_id, start_at FROM circle_skips WHERE start_at >= :since{where}", p
        )
        occ = await self.db.fetch_all(
            "SELECT circle_id, start_at, ends_at, closed_at FROM circle_occurrences "
            f"WHERE (start_at >= :since OR closed_at IS NULL){where}", p,
        )
        rem = await self.db.fetch_all(
            f"SELECT circle_id, start_at, offset_s FROM circle_reminders WHERE start_at >= :since{where}", p
        )
        parts: dict[int, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
        for r in skips:
            parts[r["circle_id"]]["skipped"].add(from_epoch(r["start_at"]))
        for r in occ:
            parts[r["circle_id"]]["opened"].add(from_epoch(r["start_at"]))
            if r["closed_at"] is None:
                parts[r["circle_id"]]["live"].add((from_epoch(r["start_at"]), from_epoch(r["ends_at"])))
        for r in rem:
            parts[r["circle_id"]]["reminded"].add((from_epoch(r["start_at"]), timedelta(seconds=r["offset_s"])))
        return {
            int(cid): CircleState(
                skipped=frozenset(p["skipped"]), opened=frozenset(p["opened"]),
                live=tuple(sorted(p["live"])), reminded=frozenset(p["reminded"]),
            )
            for cid, p in parts.items()
        }

    # -- MemberData: export and delete ----------------------------------------------------------------------
    async def export_member(self, community_id: str, member_id: str) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT c.name, m.status, m.since FROM circle_members m JOIN circles c ON c.id = m.circle_id "
            "WHERE m.community_id = :c AND m.member_id = :m ORDER BY c.name_key",
            {"c": community_id, "m": member_id},
        )
        return [{"circle": r["name"], "status": r["status"], "since": from_epoch(r["since"]).isoformat()}
                for r in rows]

    async def delete_member(self, community_id: str, member_id: str) -> int:
        """Remove the member from every circle; whoever waited longest moves up into a freed place."""
        async with self.db.transaction() as s:
            freed = await s.fetch_all(
                f"SELECT {_COLUMNS} FROM circles WHERE community_id = :c AND id IN (SELECT circle_id FROM "
                "circle_members WHERE community_id = :c AND member_id = :m AND status = :st)",
                {"c": community_id, "m": member_id, "st": str(JoinResult.JOINED)},
            )
            gone = await s.execute(
                "DELETE FROM circle_members WHERE community_id = :c AND member_id = :m",
                {"c": community_id, "m": member_id},
            )
            for row in freed:
                await _promote(s, _circle(row))
        return gone


async def _count(s: Session, circle: Circle, status: JoinResult) -> int:
    return int(await s.fetch_value(
        "SELECT COUNT(*) FROM circle_members WHERE circle_id = :id AND community_id = :c AND status = :st",
        {"id": circle.id, "c": circle.community_id, "st": str(status)},
    ))


async def _promote(s: Session, circle: Circle) -> list[str]:
    """Move the longest-waiting members into free places, in the order they joined the waitlist."""
    room = None if circle.capacity is None else circle.capacity - await _count(s, circle, JoinResult.JOINED)
    if room is not None and room <= 0:
        return []
    rows = await s.fetch_all(
        "SELECT member_id FROM circle_members WHERE circle_id = :id AND community_id = :c AND status = :st "
        "ORDER BY since, member_id" + ("" if room is None else f" LIMIT {int(room)}"),
        {"id": circle.id, "c": circle.community_id, "st": str(JoinResult.WAITING)},
    )
    promoted = [r["member_id"] for r in rows]
    for member_id in promoted:
        await s.execute(
            "UPDATE circle_members SET status = :st WHERE circle_id = :id AND community_id = :c AND member_id = :m",
            {"id": circle.id, "c": circle.community_id, "m": member_id, "st": str(JoinResult.JOINED)},
        )
    return promoted
