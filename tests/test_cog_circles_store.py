"""The circles repository on SQLite and PostgreSQL: names, members and waitlists, claims, history, deletion."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta

import pytest_asyncio

from bot.cogs.circles import Circles
from bot.logic.recurrence import Schedule, parse_repeat
from bot.store.circles import Circle, CircleKind, CircleRepo, JoinResult, NameTaken
from bot.store.db import Database
from bot.store.migrations import migrate
from bot.store.settings import CORE_MIGRATIONS

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
START = datetime(2026, 3, 3, 19, tzinfo=UTC)


@pytest_asyncio.fixture
async def circles(database_url: str) -> AsyncIterator[CircleRepo]:
    db = Database.open(database_url)
    await migrate(db, [CORE_MIGRATIONS, *Circles.migrations])
    yield CircleRepo(db)
    await db.close()


def circle(name: str = "Tuesday evening", community: str = "discord:1", capacity: int | None = None) -> Circle:
    schedule = Schedule(date(2026, 3, 3), time(19), "Europe/London", parse_repeat("weekly"), timedelta(hours=1))
    return Circle(0, community, name, CircleKind.CHECK_IN, schedule, "discord:9", "circles", capacity,
                  "Rest", "Kindness", (timedelta(hours=2),))


async def test_a_circle_reads_back_as_it_was_written(circles: CircleRepo) -> None:
    made = await circles.create(circle(), NOW)
    found = await circles.by_name("discord:1", "TUESDAY EVENING")
    assert found == made and found.schedule.repeat.days == frozenset({1}) and found.reminders == (timedelta(hours=2),)
    assert await circles.by_name("discord:2", "Tuesday evening") is None  # one community, one owner


async def test_names_are_unique_per_community_only(circles: CircleRepo) -> None:
    await circles.create(circle(), NOW)
    await circles.create(circle(community="discord:2"), NOW)
    try:
        await circles.create(circle(name="tuesday Evening"), NOW)
    except NameTaken:
        pass
    else:
        raise AssertionError("a second circle with the same name was stored")
    assert len(await circles.in_community("discord:1")) == 1


async def test_join_waitlist_leave_and_promotion(circles: CircleRepo) -> None:
    c = await circles.create(circle(capacity=2), NOW)
    assert await circles.join(c, "a", NOW) is JoinResult.JOINED
    assert await circles.join(c, "b", NOW + timedelta(seconds=1)) is JoinResult.JOINED
    assert await circles.join(c, "c", NOW) is JoinResult.FULL
    assert await circles.join(c, "c", NOW + timedelta(seconds=2), wait=True) is JoinResult.WAITING
    assert await circles.join(c, "d", NOW + timedelta(seconds=3), wait=True) is JoinResult.WAITING
    assert await circles.join(c, "a", NOW) is JoinResult.ALREADY
    assert await circles.members(c) == (["a", "b"], ["c", "d"])
    assert await circles.leave(c, "a") == (JoinResult.JOINED, ["c"])
    assert await circles.leave(c, "d") == (JoinResult.WAITING, [])
    assert await circles.leave(c, "zed") == (None, [])
    assert await circles.members(c) == (["b", "c"], [])


async def test_each_firing_is_claimed_once_even_when_raced(circles: CircleRepo) -> None:
    c = await circles.create(circle(), NOW)
    opens = await asyncio.gather(*(circles.claim_open(c, START, START) for _ in range(5)))
    assert sorted(opens) == [False, False, False, False, True]
    assert await circles.claim_reminder(c, START, timedelta(minutes=15), NOW)
    assert not await circles.claim_reminder(c, START, timedelta(minutes=15), NOW)
    assert await circles.claim_close(c, START, START + timedelta(hours=1))
    assert not await circles.claim_close(c, START, START + timedelta(hours=1))
    assert not await circles.claim_close(c, START + timedelta(days=7), START)  # never opened


async def test_state_tells_what_already_happened(circles: CircleRepo) -> None:
    c = await circles.create(circle(), NOW)
    await circles.skip(c, START + timedelta(days=7))
    await circles.claim_open(c, START, START)
    await circles.claim_reminder(c, START, timedelta(minutes=15), NOW)
    state = await circles.state(c, NOW)
    assert state.skipped == {START + timedelta(days=7)} and state.opened == {START}
    assert state.live == ((START, START + timedelta(hours=1)),)
    assert state.reminded == {(START, timedelta(minutes=15))}
    assert (await circles.all_states(NOW))[c.id] == state


async def test_deleting_a_circle_or_a_member_leaves_nothing_behind(circles: CircleRepo) -> None:
    c = await circles.create(circle(capacity=1), NOW)
    await circles.join(c, "a", NOW)
    await circles.join(c, "b", NOW + timedelta(seconds=1), wait=True)
    assert await circles.delete_member("discord:1", "a") == 1
    assert await circles.members(c) == (["b"], [])
    await circles.claim_open(c, START, START)
    assert await circles.delete("discord:1", c.id)
    assert await circles.get("discord:1", c.id) is None and await circles.export_member("discord:1", "b") == []
    assert await circles.all_states(NOW) == {}
