"""help, about, settings, privacy and setup: the commands every community has."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.core.events import CommandCall
from bot.core.model import Level, Standing
from bot.testing.conversation import Person
from bot.testing.harness import Harness


async def test_help_shows_only_what_the_reader_may_use(alice: Person, admin: Person) -> None:
    member_help = (await alice.type("/help"))[0].text
    admin_help = (await admin.type("/help"))[0].text
    assert "`/settings timezone`" in member_help and "`/setup timezone`" not in member_help
    assert "For admins" in admin_help and "`/setup timezone`" in admin_help


async def test_about_says_what_the_bot_is_not(alice: Person) -> None:
    text = (await alice.type("/about"))[0].text
    assert "peer support, not therapy" in text and "not an emergency service" in text
    assert "never keep the text of chat messages" in text


async def test_settings_round_trip_and_bad_input_changes_nothing(harness: Harness, alice: Person) -> None:
    await alice.command("settings timezone", zone="asia/kolkata")
    assert "Asia/Kolkata" in (await alice.type("/settings show"))[0].text
    sent = await alice.command("settings timezone", zone="Mars/Olympus")
    assert "don't know the time zone" in sent[0].text
    assert (await harness.rt.members.get(harness.adapter.community.id, alice.id)).timezone == "Asia/Kolkata"


async def test_away_pauses_until_a_date_and_refuses_the_past(harness: Harness, alice: Person) -> None:
    assert "already passed" in (await alice.command("settings away", until="2020-01-01"))[0].text
    assert "paused until" in (await alice.command("settings away", until="2w"))[0].text
    settings = await harness.rt.members.get(harness.adapter.community.id, alice.id)
    assert settings.is_away(harness.clock.now())
    assert not settings.is_away(harness.clock.now() + timedelta(weeks=2, seconds=1))
    assert "Welcome back" in (await alice.command("settings away", until="off"))[0].text


async def test_export_then_delete_everything(harness: Harness, alice: Person, bob: Person) -> None:
    await alice.command("settings timezone", zone="Europe/Paris")
    await bob.command("settings timezone", zone="Europe/Rome")
    export = (await alice.command("privacy export"))[0]
    assert export.kind == "private" and harness.adapter.deferred  # slow work was deferred first
    data = json.loads(export.message.files[0].data)
    assert data["settings"]["timezone"] == "Europe/Paris" and data["member"] == alice.id
    await alice.command("privacy delete")
    confirm, keep = alice.buttons()
    assert "Only the person who asked" in (await bob.press(confirm))[0].text  # nobody confirms for alice
    assert "Nothing was deleted" in (await alice.press(keep))[0].text
    assert "gone" in (await alice.press(confirm))[0].text
    community = harness.adapter.community.id
    assert (await harness.rt.members.get(community, alice.id)).timezone is None
    assert (await harness.rt.members.get(community, bob.id)).timezone == "Europe/Rome"


async def test_facilitator_role_is_the_communitys_choice(harness: Harness, admin: Person) -> None:
    dana = harness.person("Dana")
    harness.adapter.standing[dana.id] = Standing(roles=frozenset({"Listeners"}))
    call = CommandCall(name="help", community=harness.adapter.community, channel=dana.channel, actor=dana.member,
                       standing=harness.adapter.standing[dana.id])
    assert await harness.rt.level_of(call) is Level.MEMBER
    await admin.type("/setup facilitator-role Listeners")
    assert await harness.rt.level_of(call) is Level.FACILITATOR
    audit = (await admin.type("/setup audit"))[0].text
    assert "facilitator_role → Listeners" in audit and "@ada" in audit
    assert "Only admins" in (await dana.type("/setup audit"))[0].text


async def test_an_admin_can_ask_the_bot_to_leave(harness: Harness, admin: Person, alice: Person) -> None:
    assert "Only admins" in (await alice.type("/setup leave"))[0].text
    await admin.type("/setup leave")
    yes, stay = admin.buttons()
    assert "Only the admin who asked" in (await alice.press(yes))[0].text
    assert "stay" in (await admin.press(stay))[0].text and harness.adapter.left == []
    goodbye = await admin.press(yes)
    assert "Thank you for having me" in goodbye[0].text and harness.adapter.left == [harness.adapter.community.id]
