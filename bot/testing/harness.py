"""A whole bot on the in-memory adapter with a manual clock: what tests and the demo run."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta

from bot.app import start_runtime
from bot.config import Config, Secrets, Settings
from bot.core.clock import ManualClock
from bot.core.commands import Cog
from bot.core.model import Level
from bot.core.runtime import Runtime
from bot.core.scheduler import ManualScheduler
from bot.store.db import Database
from bot.testing.conversation import Person
from bot.testing.memory import InMemoryAdapter

__all__ = ["DEFAULT_START", "Harness"]

# A Monday morning, well clear of any DST change, so tests read simply.
DEFAULT_START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Harness:
    """Owns the database across restarts; ``restart()`` is a crash and a fresh start on the same data."""

    def __init__(
        self,
        *,
        cogs: Iterable[type[Cog]] | None = None,
        start: datetime = DEFAULT_START,
        database: str = ":memory:",
        config: Config | None = None,
    ) -> None:
        self.cogs = list(cogs) if cogs is not None else None
        self.clock = ManualClock(start)
        self.settings = Settings(config or Config(), Secrets(), "(test)")
        self.db = Database.open(database)
        self.adapter = InMemoryAdapter()
        self._stack: AsyncExitStack | None = None
        self.rt: Runtime | None = None
        self.scheduler: ManualScheduler | None = None

    async def start(self) -> Runtime:
        self._stack = AsyncExitStack()
        self.scheduler = ManualScheduler(self.clock)
        self.rt = await start_runtime(
            self._stack, self.settings, db=self.db, clock=self.clock, scheduler=self.scheduler,
            adapters=[self.adapter], cogs=self.cogs,
        )
        return self.rt

    async def stop(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    async def restart(self, *, downtime: timedelta = timedelta()) -> Runtime:
        """Stop as a crash would (jobs in memory are lost), let time pass, start again on the same database."""
        await self.stop()
        self.clock.advance(downtime)
        return await self.start()

    async def close(self) -> None:
        await self.stop()
        await self.db.close()

    def person(self, name: str, level: Level | None = None, channel: str = "general") -> Person:
        """A member, new (a plain member unless ``level`` says otherwise) or known (keeping their level unless
        ``level`` changes it), speaking in ``channel``."""
        assert self.rt is not None, "start the harness first"
        member = self.adapter.members.get(f"console:{name.lower()}")
        if member is None:
            member = self.adapter.add_member(name, level or Level.MEMBER)
        elif level is not None:
            self.adapter.set_level(member.id, level)
        chan = self.adapter.channels.get(f"console:#{channel}") or self.adapter.add_channel(channel)
        return Person(self._current, self.adapter, member, chan)

    def _current(self) -> Runtime:
        assert self.rt is not None, "the harness is stopped"
        return self.rt

    async def advance(self, delta: timedelta) -> int:
        """Move time forward, running each job at its own due time."""
        assert self.scheduler is not None
        return await self.scheduler.advance(delta)
