"""Circles over time, on the manual clock: reminders, opening and closing with the check-in summary, daylight
saving, skips, and restarts at and around the firing time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio

from bot.cogs.checkins import Checkins
from bot.cogs.circles import Circles
from bot.cogs.general import General
from bot.cogs.settings import Settings
from bot.core.events import CommandCall
from bot.core.model import Level
from bot.store.circles import Circle, CircleRepo
from bot.store.db import to_epoch
from bot.testing.conversation import Person
from bot.testing.harness import Harness
from bot.testing.memory import Sent

COMMUNITY = "console:demo"
CIRCLES = "console:#circles"
# The harness starts on Monday 2 March 2026, 09:00 UTC (GMT in London).
TUESDAY = datetime(2026, 3, 3, 19, 0, tzinfo=UTC)
WEEKLY = {"name": "Tuesday evening", "kind": "check-in", "first": "2026-03-03", "time": "19:00",
          "zone": "Europe/London", "repeat": "weekly", "channel": "circles"}

Timed = list[tuple[datetime, Sent]]


@pytest_asyncio.fixture
async def make(make_harness: Callable[..., Awaitable[Harness]]) -> Callable[..., Awaitable[Harness]]:
    async def build(**kwargs: object) -> Harness:
        harness = await make_harness(cogs=[Circles, Checkins, Settings, General], **kwargs)
        harness.adapter.add_channel("circles")
        return harness

    return build


@pytest_asyncio.fixture
async def h(make: Callable[..., Awaitable[Harness]]) -> Harness:
    return await make()


def timed(h: Harness) -> Timed:
    """Every message from now on, with the clock's time when it was sent."""
    log: Timed = []
    h.adapter.on_sent = lambda sent: log.append((h.clock.now(), sent))
    return log


async def call(person: Person, command: str, **options: object) -> list[Sent]:
    """Like ``Person.command``, which cannot take an option called ``name`` (its own first parameter)."""
    fixed = {k.replace("_", "-"): v for k, v in options.items() if v is not None}
    event = CommandCall(name=command, options=fixed, **person._event_fields())  # type: ignore[arg-type]
    return await person._run(event)


async def schedule(h: Harness, **changes: object) -> Circle:
    fran = h.person("Fran", Level.FACILITATOR)
    sent = await call(fran, "circle create", **{**WEEKLY, **changes})
    assert sent[-1].kind == "channel", sent[-1].text
    circle = await CircleRepo(h.db).by_name(COMMUNITY, str(changes.get("name", WEEKLY["name"])))
    assert circle is not None
    return circle


async def join(h: Harness, *names: str) -> list[Person]:
    people = [h.person(n, channel="circles") for n in names]
    for p in people:
        await call(p, "circle join", name="Tuesday evening")
    return people


def in_circles(log: Timed, words: str) -> list[tuple[datetime, Sent]]:
    return [(at, s) for at, s in log if s.kind == "channel" and s.to == CIRCLES and words in s.text]


async def until(h: Harness, moment: datetime) -> None:
    await h.advance(moment - h.clock.now())


# -- reminders ------------------------------------------------------------------------------------------------------
async def test_one_channel_reminder_mentions_members_not_away_and_dms_only_who_asked(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await schedule(h)
    _alice, bob, cara, dan = await join(h, "Alice", "Bob", "Cara", "Dan")
    await call(bob, "settings away", until="2w")
    for p in (cara, dan):
        await call(p, "settings reminders", where="dm")
    h.adapter.closed_dms.add(dan.id)
    log = timed(h)
    with caplog.at_level(logging.WARNING):
        await until(h, TUESDAY - timedelta(hours=24))
    ((at, reminder),) = in_circles(log, "starts")
    assert at == TUESDAY - timedelta(hours=24)
    assert "@alice" in reminder.text and "@cara" in reminder.text and "@dan" in reminder.text
    assert "@bob" not in reminder.text and "Tuesday 3 March 2026, 19:00 GMT" in reminder.text
    assert [s.to for _at, s in log if s.kind == "dm"] == [cara.id]
    assert any("reminder DM not delivered" in r.message for r in caplog.records)
    fran = h.person("Fran", Level.FACILITATOR)
    members = await call(fran, "circle members", name="Tuesday evening")
    assert "1 reminder DM could not be delivered" in members[0].text
    await until(h, TUESDAY - timedelta(minutes=1))
    reminded = [at for at, _s in in_circles(log, "starts")]
    assert reminded == [TUESDAY - timedelta(hours=24), TUESDAY - timedelta(minutes=15)]


async def test_reminder_offsets_are_configurable_per_circle(h: Harness) -> None:
    await schedule(h, reminders="2h")
    await join(h, "Alice")
    log = timed(h)
    await until(h, TUESDAY)
    assert [at for at, _s in in_circles(log, "starts")] == [TUESDAY - timedelta(hours=2)]


# -- opening and closing --------------------------------------------------------------------------------------------
async def test_a_check_in_circle_opens_with_mood_buttons_and_closes_with_an_anonymous_summary(h: Harness) -> None:
    circle = await schedule(h, topic="Rest", guidelines="One voice at a time")
    people = await join(h, "Alice", "Bob", "Cara")
    log = timed(h)
    await until(h, TUESDAY)
    ((at, opening),) = in_circles(log, "is starting")
    assert at == TUESDAY and "Rest" in opening.text and "One voice at a time" in opening.text
    buttons = opening.message.buttons
    assert len(buttons) == 5
    for person, mood in zip(people, (2, 4, 4), strict=True):
        await person.press(buttons[mood - 1])
    await until(h, TUESDAY + circle.schedule.duration)
    ((at, closing),) = in_circles(log, "has closed")
    assert at == TUESDAY + timedelta(hours=1)
    assert "3 people checked in" in closing.text and "😟 1" in closing.text and "🙂 2" in closing.text
    assert not any(f"@{n}" in closing.text for n in ("alice", "bob", "cara"))


async def test_the_spread_stays_hidden_below_three_check_ins(h: Harness) -> None:
    await schedule(h)
    people = await join(h, "Alice", "Bob")
    log = timed(h)
    await until(h, TUESDAY)
    ((_at, opening),) = in_circles(log, "is starting")
    for person in people:
        await person.press(opening.message.buttons[0])
    await until(h, TUESDAY + timedelta(hours=1))
    ((_at, closing),) = in_circles(log, "has closed")
    assert "2 people checked in" in closing.text and "arrived" not in closing.text and "😞" not in closing.text


async def test_a_sharing_circle_has_no_check_in(h: Harness) -> None:
    await schedule(h, kind="sharing")
    log = timed(h)
    await until(h, TUESDAY + timedelta(hours=1))
    ((_at, opening),) = in_circles(log, "is starting")
    ((_at, closing),) = in_circles(log, "has closed")
    assert opening.message.buttons == () and "checked in" not in closing.text


async def test_a_gone_channel_is_logged_and_the_circle_kept(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await schedule(h)
    h.adapter.gone_channels.add(CIRCLES)
    with caplog.at_level(logging.WARNING):
        await until(h, TUESDAY)
    assert any("channel refused" in r.message for r in caplog.records)
    assert await CircleRepo(h.db).by_name(COMMUNITY, "Tuesday evening") is not None


# -- daylight saving ------------------------------------------------------------------------------------------------
async def test_london_19_00_stays_19_00_when_the_clocks_go_forward(h: Harness) -> None:
    await schedule(h, reminders="none")
    log = timed(h)
    await until(h, datetime(2026, 4, 8, tzinfo=UTC))
    opened = [at for at, _s in in_circles(log, "is starting")]
    assert [at.date().day for at in opened] == [3, 10, 17, 24, 31, 7]
    assert [at.hour for at in opened] == [19, 19, 19, 19, 18, 18]  # BST from Sunday 29 March


async def test_new_york_moves_on_its_own_date_and_back_in_autumn(make: Callable[..., Awaitable[Harness]]) -> None:
    h = await make(start=datetime(2026, 10, 20, 9, tzinfo=UTC))
    await schedule(h, first="2026-10-20", zone="America/New_York", reminders="none")
    log = timed(h)
    await until(h, datetime(2026, 11, 12, tzinfo=UTC))
    opened = [at for at, _s in in_circles(log, "is starting")]
    assert [(at.day, at.hour) for at in opened] == [(20, 23), (27, 23), (4, 0), (11, 0)]  # EST from 1 November


# -- skipping -------------------------------------------------------------------------------------------------------
async def test_skip_moves_nothing_but_the_next_meeting(h: Harness) -> None:
    await schedule(h)
    await join(h, "Alice")
    fran = h.person("Fran", Level.FACILITATOR)
    log = timed(h)
    sent = await call(fran, "circle skip", name="Tuesday evening", note="Fran is away; back next week.")
    notice = [s for s in sent if s.kind == "channel"]
    assert len(notice) == 1 and notice[0].to == CIRCLES and "back next week" in notice[0].text
    assert "Tuesday 3 March 2026" in notice[0].text
    await until(h, TUESDAY + timedelta(days=7, hours=2))
    assert [at for at, _s in in_circles(log, "is starting")] == [TUESDAY + timedelta(days=7)]
    assert all(at > TUESDAY for at, _s in in_circles(log, "starts"))


async def test_only_facilitators_skip(h: Harness) -> None:
    await schedule(h)
    (alice,) = await join(h, "Alice")
    sent = await call(alice, "circle skip", name="Tuesday evening")
    assert "Only facilitators" in sent[0].text


# -- restarts -------------------------------------------------------------------------------------------------------
async def test_a_restart_right_after_the_firing_does_not_fire_again(h: Harness) -> None:
    await schedule(h)
    log = timed(h)
    await until(h, TUESDAY)  # the opening ran at 19:00:00
    await h.restart()
    await h.restart(downtime=timedelta(minutes=1))
    await until(h, TUESDAY + timedelta(hours=2))
    assert len(in_circles(log, "is starting")) == 1 and len(in_circles(log, "has closed")) == 1


async def test_down_at_the_firing_time_and_back_within_grace_runs_once_late(h: Harness) -> None:
    await schedule(h)
    log = timed(h)
    await until(h, TUESDAY - timedelta(minutes=5))
    await h.restart(downtime=timedelta(minutes=10))  # down from 18:55 to 19:05
    await h.restart()
    await until(h, TUESDAY + timedelta(hours=2))
    (opening,) = in_circles(log, "is starting")
    assert opening[0] == TUESDAY + timedelta(minutes=5)
    assert [at for at, _s in in_circles(log, "has closed")] == [TUESDAY + timedelta(hours=1)]


async def test_back_after_the_grace_time_skips_and_logs(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await schedule(h)
    log = timed(h)
    await until(h, TUESDAY - timedelta(minutes=5))
    with caplog.at_level(logging.WARNING):
        await h.restart(downtime=timedelta(minutes=20))  # back at 19:15, grace is 10 minutes
    assert in_circles(log, "is starting") == []
    assert any("missed while down" in r.message and "open" in r.message for r in caplog.records)
    await until(h, TUESDAY + timedelta(days=7, minutes=1))
    assert [at for at, _s in in_circles(log, "is starting")] == [TUESDAY + timedelta(days=7)]


async def test_a_firing_claimed_before_a_crash_is_not_repeated(h: Harness) -> None:
    circle = await schedule(h)
    log = timed(h)
    await until(h, TUESDAY - timedelta(seconds=1))
    # The process before the crash claimed the opening at 19:00:00 and died before posting.
    assert await CircleRepo(h.db).claim_open(circle, TUESDAY, TUESDAY)
    await h.restart(downtime=timedelta(seconds=30))
    await until(h, TUESDAY + timedelta(minutes=30))
    assert in_circles(log, "is starting") == []


async def test_a_missed_reminder_within_grace_is_sent_once(h: Harness) -> None:
    await schedule(h)
    await join(h, "Alice")
    await until(h, TUESDAY - timedelta(minutes=16))
    log = timed(h)
    await h.restart(downtime=timedelta(minutes=3))  # the 15-minute reminder fell due while down
    await h.restart()
    await until(h, TUESDAY - timedelta(minutes=1))
    assert [at for at, _s in in_circles(log, "starts")] == [TUESDAY - timedelta(minutes=13)]


async def test_two_firings_at_once_claim_one(h: Harness) -> None:
    circle = await schedule(h)
    log = timed(h)
    await until(h, TUESDAY - timedelta(minutes=1))
    cog = next(c for c in h.rt.cogs if isinstance(c, Circles)) if h.rt else None
    assert cog is not None
    h.clock.set(TUESDAY)
    fire = cog.runner.fire(COMMUNITY, circle.id, "open", to_epoch(TUESDAY))
    again = cog.runner.fire(COMMUNITY, circle.id, "open", to_epoch(TUESDAY))
    await asyncio.gather(fire, again)
    assert len(in_circles(log, "is starting")) == 1


async def test_deleting_a_circle_cancels_its_jobs(h: Harness) -> None:
    await schedule(h)
    fran = h.person("Fran", Level.FACILITATOR)
    ask = (await call(fran, "circle delete", name="Tuesday evening"))[0]
    await fran.press(ask.message.buttons[0])
    log = timed(h)
    await until(h, TUESDAY + timedelta(hours=2))
    assert log == []


async def test_a_circle_open_when_the_bot_went_down_is_closed_late_with_its_summary(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await schedule(h)
    log = timed(h)
    await until(h, TUESDAY + timedelta(minutes=30))
    with caplog.at_level(logging.WARNING):
        await h.restart(downtime=timedelta(hours=3))
    assert [at for at, _s in in_circles(log, "has closed")] == [TUESDAY + timedelta(hours=3, minutes=30)]
    assert any("closed" in r.message and "late" in r.message for r in caplog.records)


async def test_facilitator_text_posted_by_the_bot_cannot_ping_everyone(h: Harness) -> None:
    await schedule(h, topic="@everyone come", kind="sharing")
    fran = h.person("Fran", Level.FACILITATOR)
    log = timed(h)
    await call(fran, "circle skip", name="Tuesday evening", note="sorry @here")
    await until(h, TUESDAY + timedelta(days=7))
    posted = " ".join(s.message.text for _at, s in log if s.kind == "channel")
    assert "come" in posted and "sorry" in posted
    assert "@everyone" not in posted and "@here" not in posted
