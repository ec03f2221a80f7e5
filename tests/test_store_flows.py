"""Every feature's queries on both databases: a short day in a community, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.core.model import Level
from bot.testing.harness import Harness


async def test_a_day_in_the_community_on_each_database(
    make_harness: Callable[..., Awaitable[Harness]], database_url: str
) -> None:
    h = await make_harness(database=database_url)
    fran, ada = h.person("Fran", Level.FACILITATOR), h.person("Ada", Level.ADMIN)
    alice, bob = h.person("Alice"), h.person("Bob")

    created = await fran.command("circle create", name="Tuesday check-in", kind="check-in", first="2026-03-03",
                                 time="19:00", zone="Europe/London", repeat="weekly", channel="general")
    assert "New circle" in created[0].text
    for person in (alice, bob):
        assert "joined" in (await person.command("circle join", name="Tuesday check-in"))[0].text
    await alice.command("settings timezone", zone="Europe/Paris")
    await alice.command("cope save", id="box-breathing")
    await alice.command("cope suggest", title="Feed the ducks", steps="Go to the pond; Bring oats")
    await ada.command("crisis detection", state="on")
    await h.advance(timedelta(days=1, hours=10))  # the reminders, then the opening
    await alice.command("checkin", mood=4)
    await bob.command("checkin", mood=2)
    await h.advance(timedelta(hours=2))
    assert any("2 people checked in" in s.text for s in h.adapter.log)

    await h.restart(downtime=timedelta(minutes=5))  # everything comes back from the database
    sent = await alice.command("privacy export")
    exported = json.loads(sent[0].message.files[0].data)
    assert exported["settings"]["timezone"] == "Europe/Paris"
    assert any(v for k, v in exported.items() if k not in ("community", "member", "exported_at", "settings"))
    await alice.command("privacy delete")
    assert "gone" in (await alice.press(alice.buttons()[0]))[0].text
    after = json.loads((await alice.command("privacy export"))[-1].message.files[0].data)
    assert after["settings"]["timezone"] is None
