"""Check-ins as members live them: moods and notes, mood buttons, circle windows, history, chart and privacy."""

from __future__ import annotations

import json
import struct
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio

from bot.cogs.checkins import Checkins, mood_buttons
from bot.cogs.privacy import Privacy
from bot.cogs.settings import Settings
from bot.core.text import MENTION_RE
from bot.store.checkins import CHECKIN_MIGRATIONS, CheckinRepo, MoodSummary
from bot.store.db import Database
from bot.store.migrations import migrate
from bot.testing.conversation import Person
from bot.testing.harness import Harness
from bot.testing.memory import Sent

COMMUNITY = "console:demo"
CIRCLE = 7
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest_asyncio.fixture
async def harness(make_harness: Callable[..., Awaitable[Harness]]) -> Harness:
    """Only the cogs these tests need (the shared people fixtures join it), and a #circles channel."""
    harness = await make_harness(cogs=[Checkins, Privacy, Settings])
    harness.adapter.add_channel("circles")
    return harness


@pytest.fixture
def repo(h: Harness) -> CheckinRepo:
    return CheckinRepo(h.db)


@pytest.fixture
def h(harness: Harness) -> Harness:
    return harness


def in_circles(h: Harness, name: str) -> Person:
    return h.person(name, channel="circles")


async def open_circle(h: Harness, repo: CheckinRepo, minutes: int = 30) -> datetime:
    """What the circles cog does when a check-in circle opens: a window in #circles for this occurrence."""
    occurrence = h.clock.now()
    await repo.open_window(COMMUNITY, "console:#circles", CIRCLE, occurrence, occurrence + timedelta(minutes=minutes))
    return occurrence


async def all_checkins(repo: CheckinRepo, member_id: str) -> list[tuple[int, str | None, bool, int | None]]:
    since = datetime(2000, 1, 1, tzinfo=UTC)
    return [(c.mood, c.note, c.shared, c.circle_id) for c in await repo.history(COMMUNITY, member_id, since)]


def only_to(sent: list[Sent], person: Person) -> bool:
    return bool(sent) and all(s.visible_to_one and s.to == person.id for s in sent)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# -- checking in ---------------------------------------------------------------------------------------------------
async def test_a_check_in_is_answered_privately_and_kindly(alice: Person, repo: CheckinRepo) -> None:
    sent = await alice.command("checkin", mood=4)
    assert only_to(sent, alice) and len(sent) == 1
    assert "Doing okay" in sent[0].text and "crisis" not in sent[0].text
    assert await all_checkins(repo, alice.id) == [(4, None, False, None)]


async def test_a_hard_day_gently_mentions_crisis_and_facilitators_without_escalating(
    h: Harness, alice: Person, repo: CheckinRepo
) -> None:
    sent = await alice.command("checkin", mood=1)
    assert only_to(sent, alice) and len(sent) == 1
    assert "`crisis`" in sent[0].text and "facilitators" in sent[0].text
    assert "Really struggling" in sent[0].text
    assert h.adapter.log == sent  # nobody else was told: no channel post, no DM
    assert await all_checkins(repo, alice.id) == [(1, None, False, None)]


async def test_a_note_stays_private(h: Harness, alice: Person, repo: CheckinRepo) -> None:
    sent = await alice.command("checkin", mood=3, note="tired after work")
    assert only_to(sent, alice)
    assert "private to you" in sent[0].text
    assert all(s.kind != "channel" for s in h.adapter.log)
    assert await all_checkins(repo, alice.id) == [(3, "tired after work", False, None)]


async def test_typed_check_in_takes_the_rest_of_the_line_as_the_note(alice: Person, repo: CheckinRepo) -> None:
    sent = await alice.type("/checkin 2 a long day at work")
    assert only_to(sent, alice)
    assert await all_checkins(repo, alice.id) == [(2, "a long day at work", False, None)]


@pytest.mark.parametrize(
    "options",
    [
        {"mood": 0},
        {"mood": 6},
        {"mood": "lots"},
        {"mood": 3, "note": "x" * 501},
        {"mood": 3, "note": "a note", "share": True},  # no check-in open here to share with
        {"mood": 3, "share": True},  # nothing to share
        {"note": "a note without a mood"},
    ],
)
async def test_bad_input_changes_nothing(
    h: Harness, alice: Person, repo: CheckinRepo, options: dict[str, object]
) -> None:
    sent = await alice.command("checkin", **options)
    assert len(sent) == 1 and sent[0].kind == "ephemeral" and sent[0].to == alice.id
    assert "went wrong" not in sent[0].text
    assert await all_checkins(repo, alice.id) == []
    assert all(s.kind != "channel" for s in h.adapter.log)


async def test_a_note_of_exactly_500_characters_is_kept(alice: Person, repo: CheckinRepo) -> None:
    await alice.command("checkin", mood=3, note="y" * 500)
    assert await all_checkins(repo, alice.id) == [(3, "y" * 500, False, None)]


# -- buttons -------------------------------------------------------------------------------------------------------
async def test_without_a_mood_the_member_gets_private_buttons(alice: Person, bob: Person, repo: CheckinRepo) -> None:
    sent = await alice.command("checkin")
    assert only_to(sent, alice)
    buttons = sent[0].message.buttons
    assert [b.action for b in buttons] == [f"checkin:0:0:{m}" for m in range(1, 6)]
    assert {b.for_member for b in buttons} == {alice.id}
    assert await all_checkins(repo, alice.id) == []
    pressed = await alice.press(alice.buttons()[4])
    assert only_to(pressed, alice) and "Doing well" in pressed[0].text
    assert await all_checkins(repo, alice.id) == [(5, None, False, None)]
    assert await all_checkins(repo, bob.id) == []


async def test_inside_a_window_the_private_buttons_carry_the_occurrence(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    alice = in_circles(h, "Alice")
    sent = await alice.command("checkin")
    assert sent[0].message.buttons == mood_buttons(CIRCLE, occurrence, for_member=alice.id)
    await alice.press(sent[0].message.buttons[1])
    assert await all_checkins(repo, alice.id) == [(2, None, False, CIRCLE)]


async def test_each_press_of_channel_buttons_is_the_pressers_own(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    await h.rt.send("console:#circles", "Check-in time")  # type: ignore[union-attr]
    buttons = mood_buttons(CIRCLE, occurrence)
    people = [in_circles(h, n) for n in ("Alice", "Bob", "Cara")]
    for person, choice in zip(people, (0, 3, 3), strict=True):
        sent = await person.press(buttons[choice])
        assert only_to(sent, person)
    assert [await all_checkins(repo, p.id) for p in people] == [
        [(1, None, False, CIRCLE)], [(4, None, False, CIRCLE)], [(4, None, False, CIRCLE)]
    ]
    assert await repo.summary(COMMUNITY, CIRCLE, occurrence) == MoodSummary(3, {1: 1, 2: 0, 3: 0, 4: 2, 5: 0})


async def test_a_press_after_the_window_closed_is_a_personal_check_in(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo, minutes=30)
    alice = in_circles(h, "Alice")
    await h.advance(timedelta(minutes=31))
    sent = await alice.press(mood_buttons(CIRCLE, occurrence)[2])
    assert only_to(sent, alice) and "closed" in sent[0].text
    assert await all_checkins(repo, alice.id) == [(3, None, False, None)]
    assert (await repo.summary(COMMUNITY, CIRCLE, occurrence)).count == 0


@pytest.mark.parametrize("action", ["checkin:0:0:9", "checkin:7:0:3", "checkin:nonsense"])
async def test_a_malformed_button_changes_nothing(alice: Person, repo: CheckinRepo, action: str) -> None:
    sent = await alice.press(action)
    assert len(sent) == 1 and sent[0].to == alice.id and "`checkin`" in sent[0].text
    assert await all_checkins(repo, alice.id) == []


async def test_buttons_keep_working_after_a_restart(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    await h.restart(downtime=timedelta(minutes=2))
    alice = in_circles(h, "Alice")
    await alice.press(mood_buttons(CIRCLE, occurrence)[3])
    assert await all_checkins(repo, alice.id) == [(4, None, False, CIRCLE)]


# -- the circle's window -------------------------------------------------------------------------------------------
async def test_a_check_in_inside_a_window_is_linked_to_the_occurrence(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    alice = in_circles(h, "Alice")
    sent = await alice.command("checkin", mood=3)
    assert only_to(sent, alice) and "never who" in sent[0].text
    assert await all_checkins(repo, alice.id) == [(3, None, False, CIRCLE)]
    assert (await repo.summary(COMMUNITY, CIRCLE, occurrence)).count == 1


async def test_elsewhere_during_a_window_a_check_in_is_personal(h: Harness, alice: Person, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    await alice.command("checkin", mood=3)  # alice is in #general, the window is in #circles
    assert await all_checkins(repo, alice.id) == [(3, None, False, None)]
    assert (await repo.summary(COMMUNITY, CIRCLE, occurrence)).count == 0


async def test_one_check_in_per_member_per_occurrence(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    alice = in_circles(h, "Alice")
    await alice.command("checkin", mood=2, note="rough morning")
    await h.advance(timedelta(minutes=5))
    sent = await alice.press(mood_buttons(CIRCLE, occurrence)[3])
    assert "replaces" in sent[0].text
    assert await all_checkins(repo, alice.id) == [(4, None, False, CIRCLE)]
    assert await repo.summary(COMMUNITY, CIRCLE, occurrence) == MoodSummary(1, None)
    # personal check-ins are never folded together
    await h.person("Alice").command("checkin", mood=5)
    await h.person("Alice").command("checkin", mood=5)
    assert len(await all_checkins(repo, alice.id)) == 3


async def test_a_shared_note_is_posted_under_the_members_name_without_the_mood(h: Harness, repo: CheckinRepo) -> None:
    await open_circle(h, repo)
    alice = in_circles(h, "Alice")
    sent = await alice.command("checkin", mood=2, note="grateful for this group <@console:bob> @everyone",
                               share=True)
    posts = [s for s in sent if s.kind == "channel"]
    assert len(posts) == 1 and posts[0].to == "console:#circles"
    assert "@alice" in posts[0].text and "grateful for this group" in posts[0].text
    assert MENTION_RE.findall(posts[0].message.text) == [alice.id]  # the note pings nobody
    assert "Having a hard time" not in posts[0].text and "2" not in posts[0].text.replace("\u200b", "")
    assert any(s.to == alice.id and "posted" in s.text for s in sent)
    assert await all_checkins(repo, alice.id) == [(2, "grateful for this group <@console:bob> @everyone", True,
                                                   CIRCLE)]


async def test_a_share_that_cannot_be_posted_stays_private(h: Harness, repo: CheckinRepo) -> None:
    await open_circle(h, repo)
    h.adapter.gone_channels.add("console:#circles")
    alice = in_circles(h, "Alice")
    sent = await alice.command("checkin", mood=4, note="ok today", share=True)
    assert only_to(sent, alice) and "stays private" in sent[0].text
    assert await all_checkins(repo, alice.id) == [(4, "ok today", False, CIRCLE)]


async def test_closing_the_window_returns_the_summary_and_ends_the_link(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    assert await repo.window_in(COMMUNITY, "console:#circles", h.clock.now()) is not None
    await in_circles(h, "Alice").command("checkin", mood=5)
    summary = await repo.close_window(COMMUNITY, CIRCLE, occurrence)
    assert summary == MoodSummary(1, None)
    assert await repo.window_in(COMMUNITY, "console:#circles", h.clock.now()) is None
    assert await repo.close_window(COMMUNITY, CIRCLE, occurrence) == summary  # safe to repeat
    await in_circles(h, "Bob").command("checkin", mood=1)
    assert (await repo.summary(COMMUNITY, CIRCLE, occurrence)).count == 1


async def test_summary_singles_nobody_out(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    names = ("Alice", "Bob", "Cara")
    await in_circles(h, names[0]).command("checkin", mood=1, note="secret")
    await in_circles(h, names[1]).command("checkin", mood=5)
    two = await repo.summary(COMMUNITY, CIRCLE, occurrence)
    assert two == MoodSummary(2, None)
    await in_circles(h, names[2]).command("checkin", mood=5)
    three = await repo.close_window(COMMUNITY, CIRCLE, occurrence)
    assert three == MoodSummary(3, {1: 1, 2: 0, 3: 0, 4: 0, 5: 2})
    shown = repr(three).casefold()
    assert not any(n.casefold() in shown for n in names) and "secret" not in shown
    assert set(vars(type(three)).get("__slots__", ())) == {"count", "spread"}


async def test_summaries_are_per_community_and_occurrence(h: Harness, repo: CheckinRepo) -> None:
    occurrence = await open_circle(h, repo)
    await in_circles(h, "Alice").command("checkin", mood=3)
    assert (await repo.summary(COMMUNITY, CIRCLE, occurrence + timedelta(days=7))).count == 0
    assert (await repo.summary(COMMUNITY, CIRCLE + 1, occurrence)).count == 0
    assert (await repo.summary("console:other", CIRCLE, occurrence)).count == 0


# -- history and chart ---------------------------------------------------------------------------------------------
async def test_history_shows_only_my_own_entries_in_my_zone(h: Harness, alice: Person, bob: Person) -> None:
    await alice.command("settings timezone", zone="America/New_York")
    await alice.command("checkin", mood=2, note="a heavy week")
    await bob.command("checkin", mood=5, note="bob's words")
    await h.advance(timedelta(days=1))
    await alice.command("checkin", mood=4)
    sent = await alice.command("mood history")
    assert only_to(sent, alice) and len(sent) == 1
    text = sent[0].text
    assert "2 March 2026, 04:00 EST" in text  # 09:00 UTC on the first day, in alice's zone
    assert "a heavy week" in text and "Having a hard time" in text and "Doing okay" in text
    assert "bob's words" not in text and "Doing well" not in text
    assert "2 check-ins, average 3.0" in text
    assert text.index("Doing okay") < text.index("Having a hard time")  # newest first


async def test_history_respects_the_number_of_days(h: Harness, alice: Person) -> None:
    await alice.command("checkin", mood=1)
    await h.advance(timedelta(days=40))
    await alice.command("checkin", mood=5)
    recent = (await alice.command("mood history"))[0].text
    assert "Doing well" in recent and "Really struggling" not in recent
    year = (await alice.command("mood history", days=365))[0].text
    assert "Doing well" in year and "Really struggling" in year


async def test_history_with_nothing_yet(alice: Person) -> None:
    sent = await alice.command("mood history", days=7)
    assert only_to(sent, alice) and "7 days" in sent[0].text and "`checkin`" in sent[0].text


async def test_long_history_is_shortened(h: Harness, alice: Person) -> None:
    for _day in range(25):
        await alice.command("checkin", mood=3, note="z" * 500)
        await h.advance(timedelta(hours=12))
    text = (await alice.command("mood history"))[0].text
    assert text.count("Getting by") == 20 and "5 earlier" in text
    assert "z" * 100 not in text and len(text) < 4000


@pytest.mark.parametrize("days", [0, 366])
async def test_history_refuses_days_out_of_range(alice: Person, days: int) -> None:
    sent = await alice.command("mood history", days=days)
    assert len(sent) == 1 and sent[0].kind == "ephemeral" and "days" in sent[0].text


@pytest.mark.parametrize("days", ["30", "90"])
async def test_chart_is_a_private_png(h: Harness, alice: Person, days: str) -> None:
    for mood in (1, 3, 5, 4):
        await alice.command("checkin", mood=mood, note="never drawn")
        await h.advance(timedelta(days=1))
    sent = await alice.command("mood chart", days=days)
    assert only_to(sent, alice) and len(sent) == 1
    files = sent[0].message.files
    assert len(files) == 1 and files[0].mime == "image/png"
    assert png_size(files[0].data) == (800, 360)
    assert "4 check-ins" in sent[0].text and days in files[0].filename
    assert h.adapter.deferred and h.adapter.deferred[-1].actor.id == alice.id


async def test_chart_with_no_check_ins_says_so(alice: Person) -> None:
    sent = await alice.command("mood chart")
    assert only_to(sent, alice) and "empty" in sent[0].text
    assert png_size(sent[0].message.files[0].data) == (800, 360)


async def test_chart_refuses_other_spans(alice: Person) -> None:
    sent = await alice.command("mood chart", days="45")
    assert len(sent) == 1 and not sent[0].message.files and "30" in sent[0].text


# -- privacy -------------------------------------------------------------------------------------------------------
async def test_export_holds_my_check_ins_only(h: Harness, alice: Person, bob: Person, repo: CheckinRepo) -> None:
    await open_circle(h, repo)
    await in_circles(h, "Alice").command("checkin", mood=2, note="shared words", share=True)
    await alice.command("checkin", mood=4, note="my own")
    await bob.command("checkin", mood=5, note="bob's")
    sent = await alice.command("privacy export")
    data = json.loads(sent[-1].message.files[0].data)
    entries = data["checkins"]
    assert [(e["mood"], e["note"], e["shared"], e["circle_id"]) for e in entries] == [
        (2, "shared words", True, CIRCLE), (4, "my own", False, None)
    ]
    assert entries[0]["occurrence_at"] == "2026-03-02T09:00:00+00:00"
    assert "bob's" not in json.dumps(data)


async def test_delete_removes_my_check_ins_and_keeps_others(alice: Person, bob: Person, repo: CheckinRepo) -> None:
    await alice.command("checkin", mood=2, note="mine")
    await alice.command("checkin", mood=3)
    await bob.command("checkin", mood=5)
    await alice.command("privacy delete")
    confirm = next(b for b in alice.buttons() if b.action.startswith("privacy:delete"))
    await alice.press(confirm)
    assert await all_checkins(repo, alice.id) == []
    assert await all_checkins(repo, bob.id) == [(5, None, False, None)]
    assert await repo.delete_member(COMMUNITY, alice.id) == 0


async def test_repo_refuses_what_the_scale_cannot_hold(h: Harness, repo: CheckinRepo) -> None:
    for mood, note in ((0, None), (6, None), (3, "n" * 501)):
        with pytest.raises(ValueError):
            await repo.add(COMMUNITY, "console:alice", mood, h.clock.now(), note=note)
    assert await all_checkins(repo, "console:alice") == []


async def test_repository_on_both_databases(database_url: str) -> None:
    """The upsert on a unique index with NULLs behaves the same on SQLite and PostgreSQL."""
    db = Database.open(database_url)
    try:
        await migrate(db, [CHECKIN_MIGRATIONS])
        repo = CheckinRepo(db)
        now = datetime(2026, 3, 2, 19, tzinfo=UTC)
        await repo.open_window(COMMUNITY, "console:#circles", CIRCLE, now, now + timedelta(minutes=20))
        window = await repo.window_in(COMMUNITY, "console:#circles", now)
        assert window is not None and window.circle_id == CIRCLE and window.occurrence_at == now
        for member, mood in (("a", 1), ("b", 2), ("a", 3), ("c", 3)):
            await repo.add(COMMUNITY, f"console:{member}", mood, now, window=window)
        await repo.add(COMMUNITY, "console:a", 5, now)
        await repo.add(COMMUNITY, "console:a", 5, now)
        assert await repo.close_window(COMMUNITY, CIRCLE, now) == MoodSummary(3, {1: 0, 2: 1, 3: 2, 4: 0, 5: 0})
        assert len(await repo.export_member(COMMUNITY, "console:a")) == 3
        assert await repo.delete_member(COMMUNITY, "console:a") == 3
    finally:
        await db.close()
