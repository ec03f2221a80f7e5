"""Wires config, store, scheduler, adapters and cogs together, and takes them down in order."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Iterable, Sequence
from contextlib import AsyncExitStack

from bot.adapters.base import Adapter
from bot.cogs import all_cogs
from bot.config import Settings
from bot.core.clock import Clock, SystemClock
from bot.core.commands import Cog
from bot.core.runtime import Runtime
from bot.core.scheduler import ApsScheduler, Scheduler
from bot.store.db import Database
from bot.store.migrations import UpgradeTable, migrate
from bot.store.settings import CORE_MIGRATIONS

__all__ = ["all_migrations", "configured_adapters", "run", "start_runtime"]

_log = logging.getLogger(__name__)


def all_migrations(cogs: Iterable[type[Cog]] | None = None) -> list[UpgradeTable]:
    tables = [CORE_MIGRATIONS]
    for cog in all_cogs() if cogs is None else cogs:
        tables.extend(t for t in cog.migrations if t not in tables)
    return tables


def configured_adapters(settings: Settings) -> list[Adapter]:
    """The platforms with credentials; imported lazily so an unused platform costs nothing at start."""
    adapters: list[Adapter] = []
    if settings.discord_enabled:
        from bot.adapters.discord import DiscordAdapter

        adapters.append(DiscordAdapter(settings))
    if settings.matrix_enabled:
        from bot.adapters.matrix import MatrixAdapter

        adapters.append(MatrixAdapter(settings))
    return adapters


async def start_runtime(
    stack: AsyncExitStack,
    settings: Settings,
    *,
    db: Database,
    clock: Clock,
    scheduler: Scheduler,
    adapters: Sequence[Adapter],
    cogs: Iterable[type[Cog]] | None = None,
) -> Runtime:
    """Migrate, load cogs (which rebuild their jobs), connect adapters, then start the scheduler, so a job that
    is already due finds every platform connected. Everything is undone in reverse by ``stack``."""
    cog_classes = list(all_cogs() if cogs is None else cogs)
    await migrate(db, all_migrations(cog_classes))
    rt = Runtime(settings=settings, db=db, clock=clock, scheduler=scheduler)
    for adapter in adapters:
        rt.attach(adapter)
    for cls in cog_classes:
        await rt.add_cog(cls(rt))
    stack.push_async_callback(_unload_cogs, rt)
    for adapter in adapters:
        await adapter.register_commands(rt.registry)
        await adapter.start(rt)
        stack.push_async_callback(adapter.close)
    await scheduler.start()
    stack.push_async_callback(scheduler.shutdown)
    return rt


async def _unload_cogs(rt: Runtime) -> None:
    for cog in reversed(list(rt.cogs)):
        await rt.remove_cog(cog)


async def run(settings: Settings) -> None:
    """Run the configured platforms until SIGINT/SIGTERM; then close adapters, stop jobs, close the store."""
    adapters = configured_adapters(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncExitStack() as stack:
        db = Database.open(settings.database_url)
        stack.push_async_callback(db.close)
        await start_runtime(
            stack, settings, db=db, clock=SystemClock(), scheduler=ApsScheduler(), adapters=adapters
        )
        _log.info("running on %s", ", ".join(a.platform for a in adapters))
        await stop.wait()
        _log.info("shutting down")
