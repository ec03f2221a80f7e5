"""Benchmark of the circles scheduler at start: 1,000 and 10,000 circles (10 per community) rebuilt from the
database into APScheduler; start time (median) and the memory the jobs add (tracemalloc), and how both grow."""

from __future__ import annotations

import asyncio
import gc
import random
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day

from benchmarks.stats import median
from bot.adapters.discord import DiscordAdapter
from bot.cogs.circles import Circles
from bot.config import Config, Secrets, Settings
from bot.core.clock import ManualClock
from bot.core.runtime import Runtime
from bot.core.scheduler import ApsScheduler
from bot.logic.recurrence import Schedule, parse_repeat
from bot.store.circles import Circle, CircleKind, CircleRepo
from bot.store.db import Database
from bot.store.migrations import migrate
from bot.store.settings import CORE_MIGRATIONS

__all__ = ["run"]

_SIZES = (1_000, 10_000)
_PER_COMMUNITY = 10
_ROUNDS = 3
_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_ZONES = ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Europe/Berlin",
          "America/Los_Angeles", "Asia/Tokyo", "America/Sao_Paulo", "Africa/Lagos", "Pacific/Auckland")
_REPEATS = ("weekly", "weekly mon,thu", "biweekly tue", "daily", "weekdays", "monthly 2nd tue",
            "monthly last fri", "once")


def _circles(count: int, rng: random.Random) -> list[Circle]:
    made = []
    for i in range(count):
        schedule = Schedule(
            first_date=date(2026, 3, 1) + timedelta(days=rng.randrange(60)) - timedelta(days=30),
            time=time_of_day(rng.randrange(24), rng.choice((0, 15, 30, 45))),
            zone=rng.choice(_ZONES),
            repeat=parse_repeat(rng.choice(_REPEATS)),
            duration=timedelta(minutes=rng.choice((45, 60, 90))),
        )
        made.append(Circle(id=0, community_id=f"discord:{i // _PER_COMMUNITY}", name=f"circle {i}",
                           kind=rng.choice(tuple(CircleKind)), schedule=schedule, channel_id=f"discord:c{i}"))
    # A one-off in the past is refused by `circle create`; keep them in the future as real data would be.
    return [c if c.schedule.repeat.kind != "once" else _future_once(c) for c in made]


def _future_once(circle: Circle) -> Circle:
    s = circle.schedule
    later = Schedule(_NOW.date() + timedelta(days=7), s.time, s.zone, s.repeat, s.duration)
    return Circle(circle.id, circle.community_id, circle.name, circle.kind, later, circle.channel_id)


async def _database(count: int) -> Database:
    db = Database.open(":memory:")
    await migrate(db, [CORE_MIGRATIONS, *Circles.migrations])
    await CircleRepo(db).create_many(_circles(count, random.Random(count)), _NOW)
    return db


async def _start(db: Database, *, traced: bool) -> tuple[float, int, int]:
    """One start: the cog rebuilds every circle's jobs. Returns (seconds, jobs, bytes added)."""
    settings = Settings(Config(), Secrets(), "(benchmark)")
    scheduler = ApsScheduler()  # not started: jobs wait in its store, as they do until adapters connect
    rt = Runtime(settings=settings, db=db, clock=ManualClock(_NOW), scheduler=scheduler)
    rt.attach(DiscordAdapter(settings))  # not connected: it only says that this process owns every guild
    cog = Circles(rt)
    gc.collect()
    if traced:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0] if traced else 0
    started = time.perf_counter()
    jobs = await cog.runner.rebuild()  # what the cog's setup() does
    elapsed = time.perf_counter() - started
    gc.collect()
    added = tracemalloc.get_traced_memory()[0] - before if traced else 0
    if traced:
        tracemalloc.stop()
    return elapsed, jobs, added


async def _measure(count: int) -> tuple[float, int, int]:
    db = await _database(count)
    try:
        times = []
        jobs = 0
        for _ in range(_ROUNDS):
            elapsed, jobs, _added = await _start(db, traced=False)
            times.append(elapsed)
        _elapsed, _jobs, added = await _start(db, traced=True)
        return median(times), jobs, added
    finally:
        await db.close()


def run() -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    figures = {}
    for count in _SIZES:
        seconds, jobs, added = asyncio.run(_measure(count))
        figures[count] = (seconds, added)
        communities = count // _PER_COMMUNITY
        rows += [
            (f"start with {count:,} circles in {communities:,} communities, median", seconds * 1000, "ms"),
            (f"jobs scheduled for {count:,} circles", float(jobs), "jobs"),
            (f"memory added by {count:,} circles' jobs", added / 2**20, "MiB"),
            (f"start time per circle at {count:,}", seconds / count * 1e6, "µs"),
            (f"memory per circle at {count:,}", added / count / 1024, "KiB"),
        ]
    small, large = _SIZES
    rows += [
        (f"start time growth {small:,} -> {large:,} circles", figures[large][0] / figures[small][0], "x"),
        (f"memory growth {small:,} -> {large:,} circles", figures[large][1] / max(1, figures[small][1]), "x"),
    ]
    return rows


if __name__ == "__main__":
    for what, value, unit in run():
        print(f"{what}: {value:,.4g} {unit}")
