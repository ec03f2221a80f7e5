"""Jobs run once, in order, at their own time; the production scheduler really fires."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.core.clock import ManualClock
from bot.core.scheduler import ApsScheduler, ManualScheduler

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_manual_scheduler_runs_each_job_at_its_own_time() -> None:
    clock = ManualClock(START)
    scheduler = ManualScheduler(clock)
    seen: list[tuple[str, datetime]] = []

    async def job(name: str) -> None:
        seen.append((name, clock.now()))
        if name == "first":  # a job may schedule another that is already due within the same advance
            scheduler.at("third", START + timedelta(minutes=30), job, "third")

    scheduler.at("second", START + timedelta(hours=1), job, "second")
    scheduler.at("first", START + timedelta(minutes=10), job, "first")
    scheduler.at("gone", START + timedelta(minutes=20), job, "gone")
    scheduler.cancel("gone")
    scheduler.at("later", START + timedelta(days=2), job, "later")
    assert await scheduler.advance(timedelta(hours=2)) == 3
    assert seen == [("first", START + timedelta(minutes=10)), ("third", START + timedelta(minutes=30)),
                    ("second", START + timedelta(hours=1))]
    assert clock.now() == START + timedelta(hours=2)
    assert [j for j, _ in scheduler.pending()] == ["later"]


async def test_replacing_a_job_keeps_only_the_new_one() -> None:
    clock = ManualClock(START)
    scheduler = ManualScheduler(clock)
    seen: list[str] = []

    async def job(v: str) -> None:
        seen.append(v)

    scheduler.at("circle:1:open", START + timedelta(minutes=5), job, "old")
    scheduler.at("circle:1:open", START + timedelta(minutes=7), job, "new")
    assert scheduler.cancel_prefix("circle:2:") == 0
    await scheduler.advance(timedelta(minutes=10))
    assert seen == ["new"]


async def test_a_failing_job_is_logged_and_others_still_run(caplog) -> None:
    clock = ManualClock(START)
    scheduler = ManualScheduler(clock)
    seen: list[str] = []

    async def bad() -> None:
        raise RuntimeError("nope")

    async def good() -> None:
        seen.append("ok")

    scheduler.at("bad", START, bad)
    scheduler.at("good", START + timedelta(seconds=1), good)
    await scheduler.advance(timedelta(seconds=5))
    assert seen == ["ok"] and "scheduled job bad failed" in caplog.text


async def test_apscheduler_backend_fires_and_cancels() -> None:
    scheduler = ApsScheduler()
    await scheduler.start()
    fired = asyncio.Event()
    cancelled: list[str] = []

    async def job() -> None:
        fired.set()

    async def never() -> None:
        cancelled.append("ran")

    now = datetime.now(UTC)
    scheduler.at("soon", now + timedelta(milliseconds=50), job)
    scheduler.at("never", now + timedelta(milliseconds=60), never)
    assert scheduler.cancel("never")
    await asyncio.wait_for(fired.wait(), timeout=5)
    await asyncio.sleep(0.1)
    assert cancelled == []
    await scheduler.shutdown()
