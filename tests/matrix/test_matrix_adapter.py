"""The Matrix adapter against a real Synapse: commands, private replies, reactions, power levels, restarts,
rate limits and encrypted rooms, as a member's client sees them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.core.messages import Rich
from tests.matrix.botrun import RunningBot, bot_settings, start_bot
from tests.matrix.conftest import MakeMember, new_user
from tests.matrix.member import Arrival, MemberClient, from_sender
from tests.matrix.synapse import RegisteredUser, SynapseServer, set_user_ratelimit

StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
async def bot_user(synapse: SynapseServer) -> RegisteredUser:
    return await new_user(synapse, "circlebot")


@pytest.fixture
async def start(synapse: SynapseServer, bot_user: RegisteredUser, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start the bot (again, after a stop: same store and database, like a restart); stopped after the test."""
    running: list[RunningBot] = []

    async def go(**matrix: Any) -> RunningBot:
        settings = bot_settings(synapse, bot_user, tmp_path / "matrix-store", **matrix)
        bot = await start_bot(settings, tmp_path / "bot.db")
        running.append(bot)
        return bot

    yield go
    for bot in running:
        if bot.adapter.rt is not None:
            await bot.stop()


def joined(user_id: str) -> Callable[[Arrival], bool]:
    return lambda a: a.type == "m.room.member" and a.sender == user_id and a.content.get("membership") == "join"


async def room_with_bot(member: MemberClient, bot: RunningBot, *, encrypted: bool = False) -> str:
    room = await member.create_room(invite=(bot.adapter.user_id,), encrypted=encrypted)
    await member.wait_for_message(room, joined(bot.adapter.user_id))
    return room


async def room_of_two(bot: RunningBot, make_member: MakeMember) -> tuple[MemberClient, MemberClient, str]:
    """Alice's room with the bot, and Bob in it too."""
    alice = await make_member("alice")
    bob = await make_member("bob")
    room = await room_with_bot(alice, bot)
    await alice.client.room_invite(room, bob.user_id)
    await bob.join(await bob.wait_for_invite(room))
    return alice, bob, room


async def answered_privately(
    member: MemberClient, bot: RunningBot, room: str, command: str, expected: str
) -> tuple[str, Arrival]:
    """Send a command in the room; the answer comes in a new direct room, which the member joins."""
    await member.send_text(room, command)
    direct = await member.wait_for_invite()
    await member.join(direct)
    return direct, await member.wait_for_message(direct, from_sender(bot.adapter.user_id, expected))


def reply_to(event_id: str) -> Callable[[Arrival], bool]:
    return lambda a: a.relates_to.get("m.in_reply_to", {}).get("event_id") == event_id


async def test_a_command_is_answered_in_the_room_and_in_its_thread(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)

    ping = await alice.send_text(room, "!ping")
    answer = await alice.wait_for_message(room, reply_to(ping))
    assert answer.sender == bot.adapter.user_id and "I'm here" in answer.body
    assert "formatted_body" in answer.content and answer.content["format"] == "org.matrix.custom.html"

    root = await alice.send_text(room, "starting a thread")
    thread_relation = {"rel_type": "m.thread", "event_id": root}
    in_thread = await alice.send_text(room, "!ping", **{"m.relates_to": thread_relation})
    threaded = await alice.wait_for_message(room, reply_to(in_thread))
    assert threaded.relates_to["rel_type"] == "m.thread" and threaded.relates_to["event_id"] == root


async def test_a_cog_can_open_a_thread_and_post_in_it(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)

    await alice.send_text(room, "!thread")
    opened = await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "Tuesday circle"))
    follow_up = await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "First round"))
    assert "Welcome, everyone." in opened.body
    assert follow_up.relates_to["rel_type"] == "m.thread" and follow_up.relates_to["event_id"] == opened.event_id


async def test_help_lists_only_what_the_member_may_use(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice, bob, room = await room_of_two(bot, make_member)

    asked = await bob.send_text(room, "!help")
    for_bob = await bob.wait_for_message(room, reply_to(asked))
    asked = await alice.send_text(room, "!help")  # alice created the room: power 100, an admin
    for_alice = await alice.wait_for_message(room, reply_to(asked))

    assert "!ping" in for_bob.body and "!facilitate" not in for_bob.body
    assert "!facilitate" in for_alice.body


async def test_power_levels_decide_who_is_a_facilitator(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice, bob, room = await room_of_two(bot, make_member)

    refused = await bob.wait_for_message(room, reply_to(await bob.send_text(room, "!facilitate")))
    assert "Only facilitators" in refused.body

    await alice.set_power_level(room, bob.user_id, 50)
    mark = bob.mark()
    await bob.wait_for_message(room, lambda a: a.type == "m.room.power_levels", since=mark)
    allowed = await bob.wait_for_message(room, reply_to(await bob.send_text(room, "!facilitate")))
    assert "Facilitator tools ready" in allowed.body

    await bot.stop()  # a restarted bot must know the room's power levels again
    await start()
    again = await bob.wait_for_message(room, reply_to(await bob.send_text(room, "!facilitate")))
    assert "Facilitator tools ready" in again.body


async def test_a_private_reply_arrives_in_a_direct_room_that_is_reused(
    start: StartBot, make_member: MakeMember
) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)

    direct, first = await answered_privately(alice, bot, room, "!secret", "Only you")
    assert direct != room
    assert bot.adapter._direct[alice.user_id] == [direct]  # recorded in m.direct

    await alice.send_text(room, "!secret")
    again = await alice.wait_for(
        lambda a: a.sender == bot.adapter.user_id and "Only you" in a.body and a.event_id != first.event_id
    )
    assert again.room_id == direct
    assert not [a for a in alice.arrivals if a.room_id == room and "Only you" in a.body]


async def test_a_failed_invite_is_reported_as_not_delivered(start: StartBot, synapse: SynapseServer) -> None:
    bot = await start()
    delivery = await bot.adapter.dm(f"matrix:@nobody-here:{synapse.server_name}", Rich(text="hello"))
    assert not delivery.delivered and delivery.reason


async def test_reactions_press_buttons_for_their_member_only(
    start: StartBot, make_member: MakeMember
) -> None:
    bot = await start()
    alice, bob, room = await room_of_two(bot, make_member)

    offer = await alice.wait_for_message(room, reply_to(await alice.send_text(room, "!pick")))
    keys = [b["key"] for b in offer.content["org.circlebot.buttons"]]
    await alice.wait_for_message(room, lambda a: a.type == "m.reaction" and a.relates_to.get("key") == keys[1])

    await bob.react(room, offer.event_id, keys[0])  # not bob's to press: ignored
    await alice.react(room, offer.event_id, keys[0])
    chose = await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "You chose"))
    assert "yes" in chose.body
    assert [p.action for p in bot.presses] == [f"probe:yes:matrix:{alice.user_id}"]

    await alice.send_text(room, "2", **{"m.relates_to": {"m.in_reply_to": {"event_id": offer.event_id}}})
    await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "You chose no"))

    bot.adapter.button_lifetime = bot.adapter.button_lifetime * 0  # every message is now too old
    await alice.react(room, offer.event_id, keys[1])
    await _ping_roundtrip(alice, room)
    assert len(bot.presses) == 2


async def test_a_press_in_a_direct_room_belongs_to_the_community_it_was_about(
    start: StartBot, make_member: MakeMember
) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)
    direct, offer = await answered_privately(alice, bot, room, "!privatepick", "Pick one privately")
    assert offer.content["org.circlebot.community"] == f"matrix:{room}"
    keys = [b["key"] for b in offer.content["org.circlebot.buttons"]]
    await alice.wait_for_message(direct, lambda a: a.type == "m.reaction" and a.relates_to.get("key") == keys[1])
    await alice.react(direct, offer.event_id, keys[0])
    await alice.wait_for_message(direct, from_sender(bot.adapter.user_id, "You chose yes"))
    [press] = bot.presses
    assert press.community.id == f"matrix:{room}" and press.channel.direct
    assert press.standing.is_admin  # alice created the community's room: her standing there, not the DM's
    where = await alice.wait_for_message(direct, reply_to(await alice.send_text(direct, "!where")))
    assert f"community matrix:{room} level ADMIN" in where.body  # typed commands there belong to it too


async def test_an_admin_asks_the_bot_to_leave_the_room(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)
    ask = await alice.wait_for_message(room, reply_to(await alice.send_text(room, "!setup leave")))
    keys = [b["key"] for b in ask.content["org.circlebot.buttons"]]
    await alice.wait_for_message(room, lambda a: a.type == "m.reaction" and a.relates_to.get("key") == keys[1])
    await alice.react(room, ask.event_id, keys[0])
    await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "Thank you for having me"))
    await alice.wait_for_message(
        room, lambda a: a.type == "m.room.member" and a.sender == bot.adapter.user_id
        and a.content.get("membership") == "leave"
    )


async def _ping_roundtrip(member: MemberClient, room: str) -> Arrival:
    """A later command answered shows that everything sent before it was handled (events are handled in order)."""
    return await member.wait_for_message(room, reply_to(await member.send_text(room, "!ping")))


async def test_a_restart_answers_what_was_missed_and_nothing_twice(
    start: StartBot, make_member: MakeMember
) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)
    before = await alice.send_text(room, "!ping")
    await alice.wait_for_message(room, reply_to(before))

    await bot.stop()
    while_down = await alice.send_text(room, "!ping")
    await start()

    await alice.wait_for_message(room, reply_to(while_down))
    await _ping_roundtrip(alice, room)
    answers_to_before = [a for a in alice.arrivals if reply_to(before)(a)]
    assert len(answers_to_before) == 1


async def test_a_rate_limited_reply_is_waited_out_and_sent_once(
    start: StartBot, make_member: MakeMember, synapse: SynapseServer, synapse_admin: RegisteredUser,
    bot_user: RegisteredUser, caplog: pytest.LogCaptureFixture,
) -> None:
    bot = await start()
    alice = await make_member("alice")
    room = await room_with_bot(alice, bot)
    await asyncio.to_thread(set_user_ratelimit, synapse, synapse_admin, bot_user.user_id, 1, 1)

    pings = [await alice.send_text(room, "!ping") for _ in range(3)]
    for ping in pings:
        await alice.wait_for_message(room, reply_to(ping), within=20)
    answers = [a for a in alice.arrivals if a.sender == bot_user.user_id and "I'm here" in a.body]
    assert len(answers) == 3
    assert any("ratelimited" in r.getMessage() for r in caplog.records)  # the limit really was hit


async def test_an_encrypted_room_is_read_and_answered_encrypted(start: StartBot, make_member: MakeMember) -> None:
    bot = await start()
    alice = await make_member("alice", encrypted=True)
    room = await room_with_bot(alice, bot, encrypted=True)

    ping = await alice.send_text(room, "!ping")
    answer = await alice.wait_for_message(room, reply_to(ping), within=20)
    assert answer.was_encrypted and not answer.undecryptable and "I'm here" in answer.body

    chart = await alice.send_text(room, "!chart")
    image = await alice.wait_for_message(room, lambda a: a.content.get("msgtype") == "m.image", within=20)
    assert "file" in image.content and chart


async def test_without_encryption_support_the_bot_says_once_that_it_cannot_read(
    start: StartBot, make_member: MakeMember, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("bot.adapters.matrix.E2E_AVAILABLE", False)
    bot = await start()
    assert any("no encryption support" in r.getMessage() for r in caplog.records)
    alice = await make_member("alice", encrypted=True)
    room = await room_with_bot(alice, bot, encrypted=True)

    await alice.send_text(room, "!ping")
    notice = await alice.wait_for_message(room, from_sender(bot.adapter.user_id, "can't read"))
    assert notice.content["msgtype"] == "m.notice"

    await bot.stop()
    await start()
    await alice.send_text(room, "!ping")
    plain_room = await room_with_bot(alice, bot)  # the restarted bot is working: it joins and answers here
    await _ping_roundtrip(alice, plain_room)
    assert len([a for a in alice.arrivals if a.room_id == room and "can't read" in a.body]) == 1
