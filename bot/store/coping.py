"""Coping strategies kept per community: each member's saved list, and strategies members suggested."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.logic.coping import Strategy
from bot.logic.coping_community import community_strategy, community_strategy_id
from bot.store.db import Database, Row, Session, from_epoch, to_epoch
from bot.store.migrations import UpgradeTable

__all__ = ["COPING_MIGRATIONS", "SavedRepo", "Status", "Suggestion", "SuggestionRepo"]

COPING_MIGRATIONS = UpgradeTable(
    "coping",
    (
        (
            """CREATE TABLE coping_saved (
                community_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                strategy_id TEXT NOT NULL,
                saved_at BIGINT NOT NULL,
                PRIMARY KEY (community_id, member_id, strategy_id)
            )""",
            # steps: a JSON array of strings. strategy_id is set when approved; NULLs never collide.
            """CREATE TABLE coping_suggestions (
                id {serial},
                community_id TEXT NOT NULL,
                author_id TEXT NOT NULL,
                title TEXT NOT NULL,
                steps TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                category TEXT,
                strategy_id TEXT,
                reason TEXT,
                suggested_at BIGINT NOT NULL,
                reviewed_at BIGINT
            )""",
            "CREATE INDEX coping_suggestions_status ON coping_suggestions (community_id, status, id)",
            "CREATE INDEX coping_suggestions_author ON coping_suggestions (community_id, author_id)",
            "CREATE UNIQUE INDEX coping_suggestions_strategy ON coping_suggestions (community_id, strategy_id)",
        ),
    ),
)


class Status(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A strategy a member suggested; once approved it has a ``strategy_id`` and is searchable here."""

    id: int
    author_id: str
    title: str
    steps: tuple[str, ...]
    status: Status
    suggested_at: datetime
    category: str | None = None
    strategy_id: str | None = None
    reason: str | None = None
    reviewed_at: datetime | None = None

    def to_strategy(self) -> Strategy:
        """The approved suggestion as a community-contributed strategy."""
        if self.strategy_id is None:
            raise ValueError("only an approved suggestion is a strategy")
        return community_strategy(self.strategy_id, self.title, self.steps, self.category)


class SavedRepo:
    """Each member's own list of strategies. ``MemberData`` (section "saved_strategies")."""

    section = "saved_strategies"

    def __init__(self, db: Database) -> None:
        self.db = db

    async def save(self, community_id: str, member_id: str, strategy_id: str, at: datetime) -> bool:
        """Add to the member's list; False when it was already there."""
        changed = await self.db.execute(
            "INSERT INTO coping_saved (community_id, member_id, strategy_id, saved_at) VALUES (:c, :m, :s, :at) "
            "ON CONFLICT (community_id, member_id, strategy_id) DO NOTHING",
            {"c": community_id, "m": member_id, "s": strategy_id, "at": to_epoch(at)},
        )
        return changed > 0

    async def unsave(self, community_id: str, member_id: str, strategy_id: str) -> bool:
        """Remove from the member's list; False when it was not there."""
        changed = await self.db.execute(
            "DELETE FROM coping_saved WHERE community_id = :c AND member_id = :m AND strategy_id = :s",
            {"c": community_id, "m": member_id, "s": strategy_id},
        )
        return changed > 0

    async def count(self, community_id: str, member_id: str) -> int:
        found = await self.db.fetch_value(
            "SELECT COUNT(*) FROM coping_saved WHERE community_id = :c AND member_id = :m",
            {"c": community_id, "m": member_id},
        )
        return int(found or 0)

    async def saved(self, community_id: str, member_id: str) -> list[tuple[str, datetime]]:
        """(strategy id, when saved), oldest first."""
        rows = await self.db.fetch_all(
            "SELECT strategy_id, saved_at FROM coping_saved WHERE community_id = :c AND member_id = :m "
            "ORDER BY saved_at, strategy_id",
            {"c": community_id, "m": member_id},
        )
        return [(str(r["strategy_id"]), from_epoch(r["saved_at"])) for r in rows]

    async def export_member(self, community_id: str, member_id: str) -> list[dict[str, Any]]:
        return [{"strategy_id": s, "saved_at": at.isoformat()} for s, at in await self.saved(community_id, member_id)]

    async def delete_member(self, community_id: str, member_id: str) -> int:
        return await self.db.execute(
            "DELETE FROM coping_saved WHERE community_id = :c AND member_id = :m", {"c": community_id, "m": member_id}
        )


_COLUMNS = "id, author_id, title, steps, status, category, strategy_id, reason, suggested_at, reviewed_at"


class SuggestionRepo:
    """Suggested strategies and the review of them. ``MemberData`` (section "strategy_suggestions").

    ``generation(community)`` changes whenever that community's approved strategies may have
    changed through this repository, so a cached search index knows when to rebuild.
    """

    section = "strategy_suggestions"

    def __init__(self, db: Database) -> None:
        self.db = db
        self._generations: dict[str, int] = {}

    def generation(self, community_id: str) -> int:
        return self._generations.get(community_id, 0)

    def _changed(self, community_id: str) -> None:
        self._generations[community_id] = self.generation(community_id) + 1

    async def suggest(self, community_id: str, author_id: str, title: str, steps: tuple[str, ...], at: datetime) -> int:
        """Record a pending suggestion; returns its number."""
        async with self.db.transaction() as s:
            number = await s.fetch_value(
                "INSERT INTO coping_suggestions (community_id, author_id, title, steps, suggested_at) "
                "VALUES (:c, :a, :t, :st, :at) RETURNING id",
                {"c": community_id, "a": author_id, "t": title, "st": json.dumps(list(steps)), "at": to_epoch(at)},
            )
        return int(number)

    async def pending_count(self, community_id: str, author_id: str) -> int:
        found = await self.db.fetch_value(
            "SELECT COUNT(*) FROM coping_suggestions WHERE community_id = :c AND author_id = :a AND status = :p",
            {"c": community_id, "a": author_id, "p": Status.PENDING.value},
        )
        return int(found or 0)

    async def pending(self, community_id: str, limit: int = 10) -> list[Suggestion]:
        """Suggestions waiting for review, oldest first."""
        return await self._where(
            community_id, "status = :p ORDER BY id LIMIT :n", {"p": Status.PENDING.value, "n": limit}
        )

    async def approved(self, community_id: str) -> list[Suggestion]:
        return await self._where(community_id, "status = :p ORDER BY id", {"p": Status.APPROVED.value})

    async def by_author(self, community_id: str, author_id: str) -> list[Suggestion]:
        return await self._where(community_id, "author_id = :a ORDER BY id", {"a": author_id})

    async def get(self, community_id: str, number: int) -> Suggestion | None:
        found = await self._where(community_id, "id = :n", {"n": number})
        return found[0] if found else None

    async def approve(self, community_id: str, number: int, category: str | None, at: datetime) -> Suggestion | None:
        """Approve a pending suggestion and give it its strategy id; None when there is no such pending one."""
        async with self.db.transaction() as s:
            found = await self._pending_in(s, community_id, number)
            if found is None:
                return None
            strategy_id = community_strategy_id(number, found.title)
            await s.execute(
                "UPDATE coping_suggestions SET status = :st, category = :cat, strategy_id = :sid, reviewed_at = :at "
                "WHERE community_id = :c AND id = :n",
                {
                    "st": Status.APPROVED.value,
                    "cat": category,
                    "sid": strategy_id,
                    "at": to_epoch(at),
                    "c": community_id,
                    "n": number,
                },
            )
        self._changed(community_id)
        return await self.get(community_id, number)

    async def reject(self, community_id: str, number: int, reason: str | None, at: datetime) -> Suggestion | None:
        """Decline a pending suggestion, with an optional reason its author will see; None when not pending."""
        async with self.db.transaction() as s:
            if await self._pending_in(s, community_id, number) is None:
                return None
            await s.execute(
                "UPDATE coping_suggestions SET status = :st, reason = :r, reviewed_at = :at "
                "WHERE community_id = :c AND id = :n",
                {"st": Status.REJECTED.value, "r": reason, "at": to_epoch(at), "c": community_id, "n": number},
            )
        return await self.get(community_id, number)

    async def _pending_in(self, s: Session, community_id: str, number: int) -> Suggestion | None:
        row = await s.fetch_one(
            f"SELECT {_COLUMNS} FROM coping_suggestions WHERE community_id = :c AND id = :n AND status = :p",
            {"c": community_id, "n": number, "p": Status.PENDING.value},
        )
        return _suggestion(row) if row else None

    async def _where(self, community_id: str, condition: str, params: dict[str, Any]) -> list[Suggestion]:
        rows = await self.db.fetch_all(
            f"SELECT {_COLUMNS} FROM coping_suggestions WHERE community_id = :c AND {condition}",
            {"c": community_id, **params},
        )
        return [_suggestion(r) for r in rows]

    async def export_member(self, community_id: str, member_id: str) -> list[dict[str, Any]]:
        return [
            {
                "number": s.id,
                "title": s.title,
                "steps": list(s.steps),
                "status": s.status.value,
                "category": s.category,
                "strategy_id": s.strategy_id,
                "reason": s.reason,
                "suggested_at": s.suggested_at.isoformat(),
                "reviewed_at": s.reviewed_at.isoformat() if s.reviewed_at else None,
            }
            for s in await self.by_author(community_id, member_id)
        ]

    async def delete_member(self, community_id: str, member_id: str) -> int:
        """Every suggestion the member made goes, approved ones too: the words are theirs."""
        removed = await self.db.execute(
            "DELETE FROM coping_suggestions WHERE community_id = :c AND author_id = :a",
            {"c": community_id, "a": member_id},
        )
        if removed:
            self._changed(community_id)
        return removed


def _suggestion(row: Row) -> Suggestion:
    reviewed = row["reviewed_at"]
    return Suggestion(
        id=int(row["id"]),
        author_id=str(row["author_id"]),
        title=str(row["title"]),
        steps=tuple(str(step) for step in json.loads(row["steps"])),
        status=Status(row["status"]),
        suggested_at=from_epoch(row["suggested_at"]),
        category=row["category"],
        strategy_id=row["strategy_id"],
        reason=row["reason"],
        reviewed_at=from_epoch(reviewed) if reviewed is not None else None,
    )
