"""Conversation tests for the crisis cog: each response path, consent, and the no-text guarantee."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.cogs.crisis import Crisis, _owner_tag
from bot.cogs.crisis_text import choice_buttons
from bot.core.events import ChatMessage
from bot.core.messages import MessageRef
from bot.core.model import Level
from bot.logic.crisis_detector import Severity, Verdict, detect
from bot.testing.conversation import Person
from bot.testing.harness import Harness
from bot.testing.memory import Sent

MODS = "console:#mods"
SECRET = "zebra-lantern-4471"  # a marker that must never reach a log, a table, or another member
CONCERN_MSG = f"CONCERN {SECRET} I feel so heavy"
URGENT_MSG = f"URGENT {SECRET} tonight"


def fake_detect(text: str) -> Verdict:
    """Fires on a leading keyword, so each test decides the severity; echoes text in reasons to catch leaks."""
    word = text.split(" ", 1)[0]
    severity = {"URGENT": Severity.URGENT, "CONCERN": Severity.CONCERN}.get(word, Severity.NONE)
    return Verdict(severity, (text,) if severity is not Severity.NONE else ())


def crisis_cog(harness: Harness) -> Crisis:
    assert harness.rt is not None
    return next(c for c in harness.rt.cogs if isinstance(c, Crisis))


@pytest.fixture
async def on(harness: Harness, admin: Person) -> Harness:
    """Detection on in #general with a facilitators' alert channel; the fake detector decides severity."""
    crisis_cog(harness).detect = fake_detect
    harness.adapter.add_channel("mods")
    await admin.command("crisis alerts", channel="mods")
    await admin.command("crisis detection", state="on")
    return harness


def in_channel(harness: Harness, channel_id: str) -> list[Sent]:
    return [s for s in harness.adapter.log if s.kind == "channel" and s.to == channel_id]


async def say_with_link(harness: Harness, person: Person, text: str) -> list[Sent]:
    """Person.say sends no message reference; platforms do, so the alert can link to the message."""
    assert harness.rt is not None
    before = len(harness.adapter.log)
    await harness.rt.handle(ChatMessage(
        text=text, ref=MessageRef(person.channel.id, "m1", "https://example.test/m1"),
        community=harness.adapter.community, channel=person.channel, actor=person.member,
        standing=harness.adapter.standing[person.id],
    ))
    return harness.adapter.log[before:]


def no_secret(sent: list[Sent]) -> None:
    for s in sent:
        assert SECRET not in s.text
        assert all(SECRET not in b.action for b in s.message.buttons)


# ----------------------------------------------------------------------------------------------- consent


async def test_detection_is_off_until_an_admin_turns_it_on(harness: Harness, alice: Person) -> None:
    crisis_cog(harness).detect = fake_detect
    assert await alice.say(URGENT_MSG) == []
    about = (await alice.command("about"))[-1].text
    assert "detection is off" in about


async def test_only_admins_turn_detection_on_and_members_are_told(
    harness: Harness, admin: Person, alice: Person
) -> None:
    refused = await alice.command("crisis detection", state="on")
    assert "Only admins" in refused[-1].text
    sent = await admin.command("crisis detection", state="on")
    notice = [s for s in sent if s.kind == "channel" and s.to == "console:#general"]
    assert notice and "settings crisis-replies off" in notice[0].text
    told = [s.text for s in sent if s.kind == "ephemeral"]
    assert told and "not all of them" in told[-1] and "can't replace" in told[-1]  # what it can't do, said plainly
    about = (await alice.command("about"))[-1].text
    assert "Crisis detection is on in #general" in about and "crisis-replies off" in about
    community = harness.adapter.community.id
    notices = await harness.rt.channel_notices(community, "console:#general")
    assert len(notices) == 1 and "Crisis detection is on in #general" in notices[0]
    assert await harness.rt.channel_notices(community, "console:#other") == []
    await admin.command("crisis detection", state="off")
    crisis_cog(harness).detect = fake_detect
    assert await alice.say(URGENT_MSG) == []


async def test_detection_only_in_chosen_channels(on: Harness) -> None:
    carol = on.person("Carol", channel="random")
    assert await carol.say(URGENT_MSG) == []


# ----------------------------------------------------------------------------------------- response paths


async def test_flagged_message_gets_a_private_check_in_with_lines_and_three_choices(
    on: Harness, alice: Person
) -> None:
    await alice.command("settings country", code="gb")
    sent = await alice.say(CONCERN_MSG)
    assert [s.kind for s in sent] == ["dm"]
    dm = sent[0]
    assert dm.to == alice.id
    assert "116 123" in dm.text and "999" in dm.text  # Samaritans, and the UK emergency number
    assert "community are here for you too" in dm.text
    assert "not a counsellor" in dm.text
    assert [b.label for b in dm.message.buttons] == [
        "I'm OK for now", "I'd like a facilitator to reach out", "I'm not safe right now"]
    assert all(b.for_member == alice.id and b.style == "secondary" for b in dm.message.buttons)
    assert in_channel(on, MODS) == []  # a concern is not escalated
    no_secret(sent)


async def test_refused_dm_leaves_a_gentle_channel_note_that_does_not_quote(on: Harness, alice: Person) -> None:
    on.adapter.closed_dms.add(alice.id)
    sent = await alice.say(CONCERN_MSG)
    assert [s.kind for s in sent] == ["channel"]
    assert sent[0].to == "console:#general"
    assert "/crisis" in sent[0].text and "couldn't reach you" in sent[0].text
    no_secret(sent)


async def test_urgent_alerts_facilitators_with_who_where_link_and_severity_never_text(
    on: Harness, alice: Person
) -> None:
    sent = await say_with_link(on, alice, URGENT_MSG)
    alerts = in_channel(on, MODS)
    assert len(alerts) == 1 and alerts[0] in sent
    text = alerts[0].text
    assert "@alice" in text and "#general" in text and "urgent" in text and "sent privately" in text
    assert "[jump to the message](https://example.test/m1)" in text
    dm = next(s for s in sent if s.kind == "dm" and s.to == alice.id)
    assert "letting the facilitators know" in dm.text  # nothing escalated without saying so
    no_secret(sent)


async def test_urgent_alert_says_when_the_private_reply_was_not_delivered(on: Harness, alice: Person) -> None:
    on.adapter.closed_dms.add(alice.id)
    await alice.say(URGENT_MSG)
    alert = in_channel(on, MODS)[-1].text
    assert "not delivered" in alert and "direct messages closed" in alert


async def test_cool_down_per_member_then_again_after_it(on: Harness, alice: Person, bob: Person) -> None:
    assert len(await alice.say(CONCERN_MSG)) == 1
    await on.advance(timedelta(hours=5, minutes=59))
    assert await alice.say(CONCERN_MSG) == []
    assert len(await bob.say(CONCERN_MSG)) == 1  # another member is not cooled down by alice
    await on.advance(timedelta(minutes=2))
    assert len(await alice.say(CONCERN_MSG)) == 1


async def test_cool_down_is_configurable_per_community(on: Harness, admin: Person, alice: Person) -> None:
    reply = await admin.command("crisis cooldown", length="1h")
    assert "once every 1 hours" in reply[-1].text
    await alice.say(CONCERN_MSG)
    await on.advance(timedelta(minutes=61))
    assert len(await alice.say(CONCERN_MSG)) == 1
    assert "at most 7 days" in (await admin.command("crisis cooldown", length="8d"))[-1].text


async def test_urgent_during_cool_down_reaches_facilitators_once_without_messaging_the_member(
    on: Harness, alice: Person
) -> None:
    await alice.say(CONCERN_MSG)
    await on.advance(timedelta(minutes=10))
    sent = await alice.say(URGENT_MSG)
    assert [s.to for s in sent] == [MODS]
    assert "cool-down" in sent[0].text
    assert await alice.say(URGENT_MSG) == []


async def test_member_can_opt_out_of_automatic_replies_and_crisis_still_works(
    on: Harness, alice: Person
) -> None:
    await alice.command("settings crisis-replies", state="off")
    assert await alice.say(URGENT_MSG) == []
    assert in_channel(on, MODS) == []
    sent = await alice.command("crisis")
    assert sent[-1].kind == "private" and "Support, right now" in sent[-1].text
    await alice.command("settings crisis-replies", state="on")
    assert len(await alice.say(CONCERN_MSG)) == 1


# ------------------------------------------------------------------------------------------ the choices


async def dm_buttons(alice: Person) -> dict[str, str]:
    await alice.say(CONCERN_MSG)
    return {b.label: b.action for b in alice.dms[-1].message.buttons}


async def test_choice_ok_thanks_them_and_escalates_nothing(on: Harness, alice: Person) -> None:
    buttons = await dm_buttons(alice)
    sent = await alice.press(buttons["I'm OK for now"])
    assert [s.kind for s in sent] == ["private"] and "Thank you" in sent[0].text
    assert in_channel(on, MODS) == []


async def test_choice_facilitator_alerts_privately_once(on: Harness, alice: Person) -> None:
    buttons = await dm_buttons(alice)
    sent = await alice.press(buttons["I'd like a facilitator to reach out"])
    alert = [s for s in sent if s.to == MODS]
    assert len(alert) == 1 and "@alice" in alert[0].text and "reach out" in alert[0].text
    assert "let the facilitators know" in sent[-1].text and sent[-1].kind == "private"
    again = await alice.press(buttons["I'd like a facilitator to reach out"])
    assert [s.to for s in again if s.to == MODS] == []


async def test_choice_not_safe_shows_emergency_number_first_then_alerts(on: Harness, alice: Person) -> None:
    await alice.command("settings country", code="AU")
    buttons = await dm_buttons(alice)
    sent = await alice.press(buttons["I'm not safe right now"])
    assert sent[0].kind == "private" and "**000**" in sent[0].text and "13 11 14" in sent[0].text
    alert = [s for s in sent if s.to == MODS]
    assert len(alert) == 1 and "not safe" in alert[0].text
    assert sent.index(alert[0]) > 0


async def test_not_safe_after_asking_for_a_facilitator_alerts_again(on: Harness, alice: Person) -> None:
    buttons = await dm_buttons(alice)
    await alice.press(buttons["I'd like a facilitator to reach out"])
    sent = await alice.press(buttons["I'm not safe right now"])
    assert len([s for s in sent if s.to == MODS]) == 1


async def test_buttons_fit_long_member_ids(harness: Harness) -> None:
    long_id = "matrix:@" + "a" * 200 + ":example.org"
    buttons = choice_buttons("crisis:", long_id, _owner_tag(long_id))
    assert all(len(b.action) <= 100 and b.for_member == long_id for b in buttons)
    assert len({b.action for b in buttons}) == 3


async def test_choice_cannot_be_pressed_by_someone_else(on: Harness, alice: Person, bob: Person) -> None:
    buttons = await dm_buttons(alice)
    sent = await bob.press(buttons["I'm not safe right now"])
    assert "Only the person" in sent[-1].text
    assert in_channel(on, MODS) == []


async def test_choice_without_alert_channel_says_so(harness: Harness, admin: Person, alice: Person) -> None:
    crisis_cog(harness).detect = fake_detect
    await admin.command("crisis detection", state="on")
    buttons = await dm_buttons(alice)
    sent = await alice.press(buttons["I'd like a facilitator to reach out"])
    assert "couldn't reach the facilitators" in sent[-1].text


# ------------------------------------------------------------------------------------------ countries


async def test_country_member_setting_then_community_default_then_international(
    harness: Harness, admin: Person, alice: Person
) -> None:
    first = (await alice.command("crisis"))[-1].text
    assert "findahelpline.com" in first and "local emergency number" in first
    assert "Germany (DE)" in (await admin.command("crisis country", code="de"))[-1].text
    assert "0800 111 0 111" in (await alice.command("crisis"))[-1].text
    await alice.command("settings country", code="FR")
    text = (await alice.command("crisis"))[-1].text
    assert "3114" in text and "0800 111 0 111" not in text and "**112**" in text
    assert "3114" not in (await alice.command("crisis", country="nl"))[-1].text
    await alice.command("settings country", code="off")
    assert "0800 111 0 111" in (await alice.command("crisis"))[-1].text


async def test_bad_country_codes_get_one_kind_line(alice: Person) -> None:
    for sent in (await alice.command("settings country", code="England"), await alice.command("crisis", country="UK")):
        assert sent[-1].kind == "ephemeral" and "two letters" in sent[-1].text


async def test_country_without_lines_explains_the_directories(alice: Person) -> None:
    reply = (await alice.command("settings country", code="LU"))[-1].text
    assert "international directories" in reply
    text = (await alice.command("crisis"))[-1].text
    assert "I don't have lines for LU yet" in text
    assert "befrienders.org" in text


async def test_crisis_lists_open_lines_first_and_times_in_the_members_zone(harness: Harness, alice: Person) -> None:
    await alice.command("settings timezone", zone="Europe/London")
    await alice.command("settings country", code="JP")
    harness.clock.set(harness.clock.now().replace(hour=14))  # 23:00 in Tokyo: Inochi no Denwa has closed
    sent = await alice.command("crisis")
    assert sent[-1].kind == "private"
    text = sent[-1].text
    assert text.index("Yorisoi") < text.index("Inochi")
    assert "closed now, opens" in text and "01:00 GMT" in text  # 10:00 Tokyo is 01:00 in London in March


# --------------------------------------------------------------------------------------- local lines


async def test_admin_local_lines_are_shown_first_and_can_be_removed(
    harness: Harness, admin: Person, alice: Person
) -> None:
    await alice.command("settings country", code="GB")
    added = await admin.command("crisis resource add", line="Our warmline", phone="0800 000 111",
                                note="evenings, run by members")
    assert "number 1" in added[-1].text
    text = (await alice.command("crisis"))[-1].text
    assert text.index("Our warmline") < text.index("Samaritans") and "added by this community" in text
    listed = (await admin.command("crisis resource list"))[-1].text
    assert "1. **Our warmline**" in listed
    await admin.command("crisis resource remove", number=1)
    assert "Our warmline" not in (await alice.command("crisis"))[-1].text
    missing = await admin.command("crisis resource remove", number=1)
    assert "no local line number 1" in missing[-1].text


async def test_local_line_input_is_checked_and_members_cannot_add(admin: Person, alice: Person) -> None:
    assert "Only admins" in (await alice.command("crisis resource add", line="X", phone="123"))[-1].text
    assert "phone" in (await admin.command("crisis resource add", line="X"))[-1].text
    assert "https://" in (await admin.command("crisis resource add", line="X", url="http://x.org"))[-1].text
    assert "No local lines" in (await admin.command("crisis resource list"))[-1].text


# ------------------------------------------------------------------------------------------- worried


async def test_worried_tells_facilitators_never_the_named_member(on: Harness, alice: Person, bob: Person) -> None:
    sent = await alice.command("worried", member="bob")
    alerts = [s for s in sent if s.to == MODS]
    assert len(alerts) == 1 and "@alice" in alerts[0].text and "@bob" in alerts[0].text
    assert all(s.to != bob.id for s in on.adapter.log)
    reply = sent[-1]
    assert reply.kind == "private" and reply.to == alice.id
    assert "How to support someone" in reply.text and "findahelpline.com" in reply.text


async def test_worried_is_rate_limited_per_reporter(on: Harness, alice: Person, bob: Person) -> None:
    carol = on.person("Carol")
    for _ in range(3):
        await alice.command("worried", member="bob")
    fourth = await alice.command("worried", member="bob")
    assert [s for s in fourth if s.to == MODS] == [] and "already passed on" in fourth[-1].text
    assert [s for s in await carol.command("worried", member="bob") if s.to == MODS]
    await on.advance(timedelta(hours=24))
    assert [s for s in await alice.command("worried", member="bob") if s.to == MODS]


async def test_worried_without_alert_channel_and_about_oneself(harness: Harness, alice: Person, bob: Person) -> None:
    sent = await alice.command("worried", member="bob")
    assert "tell one of them directly" in sent[-1].text
    own = await alice.command("worried", member="alice")
    assert own[-1].kind == "private" and len(own[-1].message.buttons) == 3


# ------------------------------------------------------------------------------------------- privacy


async def test_no_message_text_in_logs_or_any_table(
    on: Harness, admin: Person, alice: Person, bob: Person, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await alice.say(URGENT_MSG)
    on.adapter.closed_dms.add(bob.id)
    await bob.say(URGENT_MSG)
    await bob.say(CONCERN_MSG)
    buttons = {b.label: b.action for b in alice.dms[-1].message.buttons}
    for action in buttons.values():
        await alice.press(action)
    await alice.command("worried", member="bob")
    assert SECRET not in caplog.text
    no_secret(on.adapter.log)
    rows = await dump_tables(on)
    assert rows and SECRET not in repr(rows)
    marks = [r for table, r in rows if table == "crisis_marks"]
    assert marks and all(set(r) == {"community_id", "member_id", "kind", "at"} for r in marks)


async def dump_tables(harness: Harness) -> list[tuple[str, dict[str, object]]]:
    tables = await harness.db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")
    found: list[tuple[str, dict[str, object]]] = []
    for t in tables:
        for row in await harness.db.fetch_all(f'SELECT * FROM "{t["name"]}"'):
            found.append((t["name"], dict(row)))
    return found


async def test_export_and_delete_include_crisis_marks(on: Harness, alice: Person) -> None:
    await alice.say(CONCERN_MSG)
    cog = crisis_cog(on)
    community = on.adapter.community.id
    exported = await cog.repo.export_member(community, alice.id)
    assert [e["kind"] for e in exported["events"]] == ["reply"]
    assert await cog.repo.delete_member(community, alice.id) >= 1
    assert (await cog.repo.export_member(community, alice.id))["events"] == []
    assert len(await alice.say(CONCERN_MSG)) == 1  # forgotten, so the cool-down no longer applies


# --------------------------------------------------------------------------------- the real detector


async def test_real_detector_is_the_default_and_an_everyday_message_passes(
    harness: Harness, admin: Person, alice: Person, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    assert crisis_cog(harness).detect is detect
    harness.adapter.add_channel("mods")
    await admin.command("crisis alerts", channel="mods")
    await admin.command("crisis detection", state="on")
    assert await alice.say("this exam is killing me, lol") == []
    message = "I want to kill myself tonight"
    assert detect(message).severity is Severity.URGENT
    sent = await alice.say(message)
    assert [s.kind for s in sent] == ["dm", "channel"] and sent[1].to == MODS
    assert all("kill" not in s.text for s in sent) and "kill" not in caplog.text


async def test_facilitators_are_not_special_for_detection(on: Harness) -> None:
    fran = on.person("Fran", Level.FACILITATOR)
    assert len(await fran.say(CONCERN_MSG)) == 1


async def test_a_thread_is_read_where_its_channel_is(on: Harness, alice: Person) -> None:
    """Circles open in threads: detection turned on for a channel covers its threads too."""
    assert on.rt is not None
    on.adapter.threads = True
    opened = await on.rt.start_thread("console:#general", "Tuesday circle", "Welcome")
    assert opened.ref is not None
    in_thread = on.person("Alice", channel="general/Tuesday circle")
    assert in_thread.channel.parent_id == "console:#general"
    sent = await in_thread.say(CONCERN_MSG)
    assert [s.kind for s in sent] == ["dm"] and sent[0].to == alice.id
    on.adapter.add_channel("elsewhere")
    assert await on.person("Bob", channel="elsewhere").say(CONCERN_MSG) == []  # not a thread of #general
