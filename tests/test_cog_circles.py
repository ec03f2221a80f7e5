"""Circles as facilitators and members live them: scheduling, joining, the waitlist, listing and the calendar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from icalendar import Calendar

from bot.cogs.checkins import Checkins
from bot.cogs.circles import Circles
from bot.cogs.general import General
from bot.cogs.privacy import Privacy
from bot.cogs.settings import Settings
from bot.core.events import CommandCall
from bot.core.model import Level
from bot.store.circles import CircleRepo
from bot.testing.conversation import Person
from bot.testing.harness import Harness
from bot.testing.memory import Sent

COMMUNITY = "console:demo"
CIRCLES = "console:#circles"
# The harness starts on Monday 2 March 2026, 09:00 UTC; this circle first meets the next evening.
WEEKLY = {"name": "Tuesday evening", "kind": "check-in", "first": "2026-03-03", "time": "19:00",
          "zone": "Europe/London", "repeat": "weekly", "channel": "circles"}


@pytest_asyncio.fixture
async def harness(make_harness: Callable[..., Awaitable[Harness]]) -> Harness:
    """Only the cogs these tests need (the shared people fixtures join it), and a #circles channel."""
    harness = await make_harness(cogs=[Circles, Checkins, Settings, General, Privacy])
    harness.adapter.add_channel("circles")
    return harness


@pytest.fixture
def fran(facilitator: Person) -> Person:
    return facilitator


@pytest.fixture
def h(harness: Harness) -> Harness:
    return harness


def repo(h: Harness) -> CircleRepo:
    return CircleRepo(h.db)


async def call(person: Person, command: str, **options: object) -> list[Sent]:
    """Like ``Person.command``, which cannot take an option called ``name`` (its own first parameter)."""
    fixed = {k.replace("_", "-"): v for k, v in options.items() if v is not None}
    event = CommandCall(name=command, options=fixed, **person._event_fields())  # type: ignore[arg-type]
    return await person._run(event)


def only(sent: list[Sent]) -> Sent:
    assert len(sent) == 1, [s.text for s in sent]
    return sent[0]


async def create(fran: Person, **changes: object) -> Sent:
    return only(await call(fran, "circle create", **{**WEEKLY, **changes}))


# -- creating and editing -----------------------------------------------------------------------------------------
async def test_facilitator_schedules_a_circle(h: Harness, fran: Person) -> None:
    sent = await create(fran)
    assert sent.kind == "channel" and "Tuesday evening" in sent.text and "every Tuesday" in sent.text
    assert "Tuesday 3 March 2026, 19:00 GMT" in sent.text
    assert [b.label for b in sent.message.buttons] == ["Join"]
    circle = await repo(h).by_name(COMMUNITY, "tuesday EVENING")
    assert circle is not None and circle.channel_id == CIRCLES and circle.schedule.zone == "Europe/London"


async def test_a_member_cannot_schedule(h: Harness, alice: Person) -> None:
    sent = only(await call(alice, "circle create", **WEEKLY))
    assert sent.kind == "ephemeral" and "Only facilitators" in sent.text
    assert await repo(h).in_community(COMMUNITY) == []


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"zone": "Europe/Londno"}, "I don't know the time zone"),
        ({"time": "25:99"}, "time of day"),
        ({"time": "7"}, "time of day"),
        ({"repeat": "once", "first": "2026-03-01"}, "already passed"),
        ({"repeat": "now and then"}, "as a repeat"),
        ({"name": "x" * 101}, "at most 100 characters"),
        ({"first": "3rd of March"}, "should be a date"),
        ({"reminders": "soonish"}, "reminder time"),
        ({"duration": "20h"}, "up to 12 hours"),
        ({"name": "@everyone circle"}, "hold mentions"),
    ],
)
async def test_bad_input_gets_one_kind_line_and_changes_nothing(
    h: Harness, fran: Person, changes: dict[str, object], says: str
) -> None:
    sent = await create(fran, **changes)
    assert sent.kind == "ephemeral" and says in sent.text and "\n" not in sent.text
    assert await repo(h).in_community(COMMUNITY) == []
    assert h.scheduler is not None and h.scheduler.pending() == []


async def test_a_name_is_used_once_per_community(h: Harness, fran: Person) -> None:
    await create(fran)
    sent = await create(fran, name="TUESDAY evening")
    assert sent.kind == "ephemeral" and "already a circle called" in sent.text
    assert len(await repo(h).in_community(COMMUNITY)) == 1


async def test_edit_keeps_the_start_and_zone_unless_changed(h: Harness, fran: Person) -> None:
    await create(fran, zone="America/New_York")
    sent = only(await call(fran, "circle edit", name="Tuesday evening", repeat="weekly tue,thu", capacity=8))
    assert "is updated" in sent.text
    circle = await repo(h).by_name(COMMUNITY, "Tuesday evening")
    assert circle is not None and circle.capacity == 8
    assert circle.schedule.zone == "America/New_York" and str(circle.schedule.first_date) == "2026-03-03"
    assert circle.schedule.repeat.days == frozenset({1, 3}) and circle.schedule.time.hour == 19


async def test_capacity_cannot_go_below_the_members(h: Harness, fran: Person, alice: Person, bob: Person) -> None:
    await create(fran)
    await call(alice, "circle join", name="Tuesday evening")
    await call(bob, "circle join", name="Tuesday evening")
    sent = only(await call(fran, "circle edit", name="Tuesday evening", capacity=1))
    assert sent.kind == "ephemeral" and "can't go below 2" in sent.text
    circle = await repo(h).by_name(COMMUNITY, "Tuesday evening")
    assert circle is not None and circle.capacity is None


async def test_delete_asks_first_and_only_the_asker_confirms(
    h: Harness, fran: Person, alice: Person
) -> None:
    await create(fran)
    ask = only(await call(fran, "circle delete", name="Tuesday evening"))
    yes, no = ask.message.buttons
    refused = only(await alice.press(yes))
    assert "Only the facilitator who asked" in refused.text
    assert "stays" in only(await fran.press(no)).text
    assert await repo(h).by_name(COMMUNITY, "Tuesday evening") is not None
    assert "is deleted" in only(await fran.press(yes)).text
    assert await repo(h).by_name(COMMUNITY, "Tuesday evening") is None
    assert h.scheduler is not None and h.scheduler.pending() == []


# -- members --------------------------------------------------------------------------------------------------------
async def test_members_join_list_and_leave(h: Harness, fran: Person, alice: Person) -> None:
    created = await create(fran)
    joined = only(await alice.press(created.message.buttons[0]))
    assert joined.kind == "ephemeral" and "You've joined" in joined.text
    assert "already in" in only(await call(alice, "circle join", name="tuesday evening")).text
    await call(alice, "settings timezone", zone="Asia/Kolkata")
    listed = only(await call(alice, "circle list"))
    assert "Wednesday 4 March 2026, 00:30 IST" in listed.text and "you're in" in listed.text
    info = only(await call(alice, "circle info", name="Tuesday evening"))
    assert "Every Tuesday at 19:00 (Europe/London)" in info.text and "1d, 15m before" in info.text.replace(
        " before, ", ", ")
    members = only(await call(fran, "circle members", name="Tuesday evening"))
    assert "@alice" in members.text
    assert "You've left" in only(await call(alice, "circle leave", name="Tuesday evening")).text
    assert "aren't in" in only(await call(alice, "circle leave", name="Tuesday evening")).text
    assert "you're in" not in only(await call(alice, "circle list")).text


async def test_a_full_circle_offers_a_waitlist_that_moves_up(
    h: Harness, fran: Person, alice: Person, bob: Person
) -> None:
    await create(fran, capacity=1)
    await call(alice, "circle join", name="Tuesday evening")
    full = only(await call(bob, "circle join", name="Tuesday evening"))
    assert "is full" in full.text
    (wait,) = full.message.buttons
    assert "for someone else" in only(await alice.press(wait)).text
    assert "on the waitlist" in only(await bob.press(wait)).text
    assert "on the waitlist" in only(await call(bob, "circle list")).text
    sent = await call(alice, "circle leave", name="Tuesday evening")
    moved = [s for s in sent if s.kind == "channel"]
    assert len(moved) == 1 and moved[0].to == CIRCLES and "@bob" in moved[0].text and "you're in now" in moved[0].text
    assert "you're in" in only(await call(bob, "circle list")).text


async def test_raising_the_capacity_promotes_the_waitlist(
    h: Harness, fran: Person, alice: Person, bob: Person
) -> None:
    await create(fran, capacity=1)
    await call(alice, "circle join", name="Tuesday evening")
    await bob.press(only(await call(bob, "circle join", name="Tuesday evening")).message.buttons[0])
    await call(bob, "settings reminders", where="dm")
    await call(fran, "circle edit", name="Tuesday evening", capacity=2)
    assert any("you're in now" in s.text for s in bob.dms)


async def test_autocomplete_offers_this_communitys_circles(h: Harness, fran: Person, alice: Person) -> None:
    await create(fran)
    await create(fran, name="Morning check-in")
    assert [s.value for s in await alice.suggest("circle", "even")] == ["Tuesday evening"]


async def test_ical_is_sent_privately_and_parses_back(h: Harness, fran: Person, alice: Person) -> None:
    await create(fran)
    await create(fran, name="Sunday sharing", kind="sharing", repeat="monthly last sun", zone="Australia/Sydney")
    refused = only(await call(alice, "circle ical"))
    assert "haven't joined" in refused.text
    await call(alice, "circle join", name="Sunday sharing")
    await call(fran, "circle skip", name="Sunday sharing")
    sent = only(await call(alice, "circle ical"))
    assert sent.kind == "private"
    (file,) = sent.message.files
    calendar = Calendar.from_ical(file.data)
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Sunday sharing" and "BYDAY=-1SU" in event.content_line("RRULE", event["RRULE"])
    assert event["DTSTART"].params["TZID"] == "Australia/Sydney"
    assert "EXDATE" in event and b"alice" not in file.data


async def test_export_and_delete_cover_memberships(h: Harness, fran: Person, alice: Person, bob: Person) -> None:
    await create(fran, capacity=1)
    await call(alice, "circle join", name="Tuesday evening")
    await bob.press(only(await call(bob, "circle join", name="Tuesday evening")).message.buttons[0])
    exported = await repo(h).export_member(COMMUNITY, alice.id)
    assert exported[0]["circle"] == "Tuesday evening" and exported[0]["status"] == "joined"
    assert await repo(h).delete_member(COMMUNITY, alice.id) == 1
    assert await repo(h).export_member(COMMUNITY, alice.id) == []
    assert (await repo(h).export_member(COMMUNITY, bob.id))[0]["status"] == "joined"  # moved up


def test_start_of_harness_is_what_the_tests_assume() -> None:
    from bot.testing.harness import DEFAULT_START

    assert DEFAULT_START == datetime(2026, 3, 2, 9, 0, tzinfo=UTC) and DEFAULT_START.weekday() == 0
    assert timedelta(days=1) + DEFAULT_START == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


async def test_typed_commands_work_as_on_the_terminal_and_matrix(h: Harness, fran: Person, alice: Person) -> None:
    created = await fran.type('/circle create "Tuesday evening" check-in 2026-03-03 7pm Europe/London weekly '
                              "channel=circles capacity=5")
    assert only(created).kind == "channel"
    assert "You've joined" in only(await alice.type("/circle join Tuesday evening")).text
    edited = only(await fran.type("/circle edit Tuesday evening capacity=6 reminders=1h"))
    assert "is updated" in edited.text
    skipped = await fran.type('/circle skip Tuesday evening note="Back next week"')
    assert any(s.kind == "channel" and "Back next week" in s.text for s in skipped)
    circle = await repo(h).by_name(COMMUNITY, "Tuesday evening")
    assert circle is not None and circle.capacity == 6 and circle.reminders == (timedelta(hours=1),)


async def test_where_the_platform_has_threads_each_occurrence_lives_in_its_own(
    h: Harness, fran: Person, alice: Person
) -> None:
    h.adapter.threads = True
    await create(fran)
    await call(alice, "circle join", name="Tuesday evening")
    await h.advance(timedelta(days=1, hours=10))  # Tuesday 19:00 in London (GMT in March)
    opening = next(s for s in h.adapter.log if "is starting" in s.text)
    assert opening.to == f"{CIRCLES}/Tuesday evening · 3 Mar"
    in_thread = h.person("Alice", channel="circles/Tuesday evening · 3 Mar")
    assert "circle" in only(await in_thread.command("checkin", mood=4)).text.lower()
    await h.advance(timedelta(hours=2))
    closing = next(s for s in h.adapter.log if "has closed" in s.text)
    assert closing.to == opening.to and "1 person checked in" in closing.text


async def test_the_opening_says_when_crisis_detection_reads_the_channel(
    make_harness: Callable[..., Awaitable[Harness]],
) -> None:
    from bot.cogs.crisis import Crisis

    h = await make_harness(cogs=[Circles, Checkins, Settings, General, Privacy, Crisis])
    h.adapter.add_channel("circles")
    fran, ada = h.person("Fran", Level.FACILITATOR), h.person("Ada", Level.ADMIN, channel="circles")
    await ada.command("crisis detection", state="on")
    await create(fran)
    await h.advance(timedelta(days=1, hours=10))
    opening = next(s for s in h.adapter.log if "is starting" in s.text)
    assert "Crisis detection is on in #circles" in opening.text and "crisis-replies off" in opening.text
