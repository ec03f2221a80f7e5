"""The Discord adapter at the wire: the real discord.py client, the core and a test cog against the fake Discord."""

from __future__ import annotations

import logging

import discord
import pytest

from bot.adapters.discord import DiscordAdapter, shipped_specs, sync_commands
from bot.adapters.discord_commands import build_commands
from bot.config import Config, DiscordSection, Secrets, Settings
from bot.core.clock import ManualClock
from bot.core.commands import Registry
from bot.core.messages import MessageRef, Rich
from bot.core.model import Channel, Member
from bot.core.runtime import Runtime
from bot.core.scheduler import ManualScheduler
from bot.store.db import Database
from tests.discord.conftest import StartAdapter
from tests.discord.probe import WHEN
from tests.discord_fake import (
    FakeDiscord,
    autocomplete_interaction,
    component_interaction,
    group,
    message_create,
    option,
    slash_interaction,
    subcommand,
)
from tests.discord_fake.server import INTENT_MESSAGE_CONTENT

CALLBACK = r"/interactions/\d+/[^/]+/callback"


async def test_slash_command_round_trip(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    world = fake.world
    bob = world.user_id("bob")
    create = subcommand(
        "create",
        option("name", "Tuesday"),
        option("size", 6),
        option("open", True),
        option("host", str(bob), type=6),
        option("where", str(world.channel_id), type=7),
    )
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(world, "circle", create))
    call = await fake.wait_for_call("POST", CALLBACK)

    assert bot.probe.calls == [
        (
            "circle create",
            {
                "name": "Tuesday",
                "size": 6,
                "open": True,
                "host": Member(f"discord:{bob}", "Bob"),
                "where": Channel(f"discord:{world.channel_id}", "general"),
            },
        )
    ]
    assert call.body["type"] == 4 and not call.ephemeral
    sent = call.message
    embed = sent["embeds"][0]
    assert embed["title"] == "Circle Tuesday"
    assert f"<@{bob}>" in embed["description"] and f"<t:{int(WHEN.timestamp())}:F>" in embed["description"]
    assert sent["content"] == f"<@{bob}>"  # a mention inside an embed would not notify: repeated in the content
    assert embed["fields"] == [{"name": "Seats", "value": "6", "inline": False}]
    buttons = [c for row in sent["components"] for c in row["components"]]
    assert [(b["label"], b["custom_id"]) for b in buttons] == [("Join", "join:Tuesday"), ("Leave", "leave:Tuesday")]
    assert sent["allowed_mentions"]["parse"] == ["users"]


async def test_ephemeral_reply_and_choices(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    payload = slash_interaction(fake.world, "circle", subcommand("mood", option("mood", "low")))
    await fake.dispatch("INTERACTION_CREATE", payload)
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.ephemeral and call.message["content"] == "Noted: low"
    assert bot.probe.calls == [("circle mood", {"mood": "low"})]


async def test_bare_command_beside_its_group_is_a_sub_command(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    await fake.dispatch(
        "INTERACTION_CREATE", slash_interaction(fake.world, "cope", subcommand("find", option("query", "breathing")))
    )
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.ephemeral and call.message["content"] == "breathing"  # reply_private is ephemeral on Discord
    assert bot.probe.calls == [("cope", {"query": "breathing"})]
    assert bot.adapter.command_label("cope") == "/cope find"  # so `help` shows what members really type
    assert bot.adapter.command_label("circle admin rename") == "/circle admin rename"


async def test_button_click_reaches_the_cog_and_survives_restart(
    fake: FakeDiscord, start_adapter: StartAdapter
) -> None:
    first = await start_adapter()
    await first.adapter.close()  # the bot restarts: nothing of the first run is kept in memory
    bot = await start_adapter()
    click = component_interaction(fake.world, "join:Tuesday", by="bob")
    await fake.dispatch("INTERACTION_CREATE", click)
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.ephemeral and call.message["content"] == "Welcome to Tuesday"
    [press] = bot.probe.presses
    assert press.action == "join:Tuesday" and press.actor.id == f"discord:{fake.world.user_id('bob')}"
    assert press.ref == MessageRef(f"discord:{fake.world.channel_id}", str(click["message"]["id"]))  # type: ignore[typeddict-item]


async def test_unknown_button_prefix_is_answered_kindly(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    await start_adapter()
    await fake.dispatch("INTERACTION_CREATE", component_interaction(fake.world, "gone:12"))
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.ephemeral and "no longer active" in call.message["content"]


async def test_autocomplete_offers_the_cog_suggestions(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    await start_adapter()
    typed = subcommand("find", option("query", "bre", focused=True))
    await fake.dispatch("INTERACTION_CREATE", autocomplete_interaction(fake.world, "cope", typed))
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.body == {"type": 8, "data": {"choices": [{"name": "Box breathing", "value": "box breathing"}]}}


async def test_direct_message_delivered_and_refused(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    await start_adapter()
    world = fake.world
    bob, alice = world.user_id("bob"), world.user_id("alice")
    fake.closed_dms.add(alice)

    await fake.dispatch("INTERACTION_CREATE", slash_interaction(world, "nudge", option("who", str(bob), type=6)))
    sent = await fake.wait_for_call("POST", CALLBACK)
    start = len(fake.calls)
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(world, "nudge", option("who", str(alice), type=6)))
    refused = await fake.wait_for_call("POST", CALLBACK, start=start)

    assert sent.message["content"] == "Sent."
    dm = fake.calls_to("POST", rf"/channels/{fake.dm_channels[bob]}/messages")
    assert [c.body["content"] for c in dm] == ["A gentle reminder: the circle starts soon."]
    assert refused.message["content"] == "Not delivered: direct messages closed"
    assert refused.ephemeral


async def test_deferred_response_then_file_follow_up(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    await start_adapter()
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "report"))
    deferred = await fake.wait_for_call("POST", CALLBACK)
    follow = await fake.wait_for_call("POST", rf"/webhooks/{fake.world.app_id}/[^/]+")
    assert deferred.body == {"type": 5}  # public "thinking…" first: Discord's 3-second window is kept
    assert follow.body["content"] == "Your chart"
    assert [(f.filename, f.data) for f in follow.files] == [("mood.png", b"\x89PNG fake")]


async def test_slow_handler_is_deferred_automatically(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    await start_adapter(auto_defer_after=0.05)
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "slow"))
    deferred = await fake.wait_for_call("POST", CALLBACK)
    # The automatic defer is private (the answer might be); this answer is public, so the placeholder goes.
    removed = await fake.wait_for_call("DELETE", r"/webhooks/\d+/[^/]+/messages/@original")
    follow = await fake.wait_for_call("POST", rf"/webhooks/{fake.world.app_id}/[^/]+")
    assert deferred.body == {"type": 5, "data": {"flags": 64}}
    assert removed.received_at < follow.received_at
    assert not follow.ephemeral and follow.body["content"] == "Finally."


async def test_silent_handler_still_closes_the_interaction(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "quiet"))
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.ephemeral and call.message["content"] == "Done."
    assert bot.probe.calls == [("quiet", {})]


async def test_member_is_refused_an_admin_command(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    rename = group("admin", subcommand("rename", option("name", "Thursday")))
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "circle", rename, by="alice"))
    refused = await fake.wait_for_call("POST", CALLBACK)
    start = len(fake.calls)
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "circle", rename, by="owner"))
    allowed = await fake.wait_for_call("POST", CALLBACK, start=start)

    assert refused.ephemeral and "Only admins can use `circle admin rename`" in refused.message["content"]
    assert allowed.message["content"] == "Renamed."
    assert bot.probe.calls == [("circle admin rename", {"name": "Thursday"})]


async def test_message_content_intent_absent(
    fake: FakeDiscord, start_adapter: StartAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    fake.allow_privileged(message_content=False)
    with caplog.at_level(logging.INFO, logger="bot.adapters.discord"):
        bot = await start_adapter(message_content=True)
    lines = [r.getMessage() for r in caplog.records if "Message Content Intent" in r.getMessage()]
    assert len(lines) == 1 and "developer portal" in lines[0] and "\n" not in lines[0]
    assert not fake.identifies[-1]["intents"] & INTENT_MESSAGE_CONTENT  # so Discord does not close with 4014
    await fake.dispatch("MESSAGE_CREATE", message_create(fake.world, "a message", by="bob"))
    await fake.dispatch(
        "INTERACTION_CREATE", slash_interaction(fake.world, "circle", subcommand("mood", option("mood", "okay")))
    )
    call = await fake.wait_for_call("POST", CALLBACK)
    assert call.message["content"] == "Noted: okay"  # everything else works
    assert bot.probe.heard == []


async def test_message_content_intent_present_feeds_listeners(
    fake: FakeDiscord, start_adapter: StartAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.adapters.discord"):
        bot = await start_adapter(message_content=True)
    assert fake.identifies[-1]["intents"] & INTENT_MESSAGE_CONTENT
    assert not [r for r in caplog.records if "Message Content Intent" in r.getMessage()]
    await fake.dispatch("MESSAGE_CREATE", message_create(fake.world, "hello all", by="bob"))
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "quiet"))
    await fake.wait_for_call("POST", CALLBACK)  # events are handled in order: the message came first
    assert bot.probe.heard == [f"discord:{fake.world.user_id('bob')}"]
    assert "hello all" not in caplog.text  # message text is never logged


async def test_post_refused_or_channel_gone_is_a_log_line(
    fake: FakeDiscord, start_adapter: StartAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await start_adapter()
    channel = fake.world.channel_id
    fake.forbidden_channels.add(channel)
    with caplog.at_level(logging.WARNING, logger="bot.adapters.discord"):
        await fake.dispatch(
            "INTERACTION_CREATE", slash_interaction(fake.world, "post", option("where", str(channel), type=7))
        )
        refused = await fake.wait_for_call("POST", CALLBACK)
        start = len(fake.calls)
        await fake.delete_channel(channel)
        gone = await bot.rt.send(f"discord:{channel}", "still there?")
        await fake.leave_guild()
        await fake.wait_for_call("POST", rf"/channels/{channel}/messages", start=start)
    assert refused.message["content"] == "Not posted: missing permission"
    assert not gone.delivered and gone.reason == "channel not found"
    assert any("no permission to post" in r.getMessage() for r in caplog.records)
    assert any("no longer exists" in r.getMessage() for r in caplog.records)
    assert not bot.adapter.client.is_closed()


async def test_thread_opened_on_a_post(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    channel = fake.world.channel_id
    opened = await bot.adapter.start_thread(f"discord:{channel}", "Tuesday circle", Rich(text="We begin."))
    created = await fake.wait_for_call("POST", rf"/channels/{channel}/messages/\d+/threads")
    assert opened.delivered and opened.ref is not None
    assert created.body["name"] == "Tuesday circle"
    thread_id = opened.ref.channel_id
    assert thread_id != f"discord:{channel}"
    followed = await bot.rt.send(thread_id, "Welcome, everyone.")
    assert followed.delivered
    assert fake.calls_to("POST", rf"/channels/{thread_id.partition(':')[2]}/messages")


async def test_sync_uploads_the_registry_to_one_server(fake: FakeDiscord, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(Config(), Secrets(discord_token="token"), "(test)")
    assert await sync_commands(settings, guild_id=fake.world.guild_id) == 0
    [put] = fake.calls_to("PUT", rf"/applications/{fake.world.app_id}/guilds/{fake.world.guild_id}/commands")
    assert put.json == build_commands(await shipped_specs(settings)).payload
    assert not fake.calls_to("PUT", rf"/applications/{fake.world.app_id}/commands")  # nothing global
    assert "visible now" in capsys.readouterr().out


async def test_configured_shards_are_the_ones_identified(fake: FakeDiscord) -> None:
    settings = Settings(
        Config(discord=DiscordSection(shard_count=2, shard_ids=[1])), Secrets(discord_token="token"), "(test)"
    )
    adapter = DiscordAdapter(settings, guild_ready_timeout=0)
    await adapter.register_commands(Registry())
    db = Database.open(":memory:")
    clock = ManualClock()
    try:
        await adapter.start(Runtime(settings=settings, db=db, clock=clock, scheduler=ManualScheduler(clock)))
        assert [i["shard"] for i in fake.identifies] == [[1, 2]]
        assert not fake.calls_to("GET", r"/gateway/bot")  # the count is configured: no need to ask Discord
    finally:
        await adapter.close()
        await db.close()


async def test_button_in_a_direct_message_knows_its_community(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    await fake.dispatch("INTERACTION_CREATE", component_interaction(fake.world, "join:Tuesday", by="bob", in_dm=True))
    call = await fake.wait_for_call("POST", CALLBACK)
    [press] = bot.probe.presses
    assert press.community.id == f"discord:{fake.world.guild_id}" and press.channel.direct
    assert call.message["content"] == "Welcome to Tuesday"


async def test_facilitator_role_is_read_from_the_member_roles(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    world = fake.world
    world.members[world.user_id("bob")]["roles"] = [str(world.facilitator_role_id)]
    bot = await start_adapter()
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(world, "circle", subcommand("next"), by="alice"))
    refused = await fake.wait_for_call("POST", CALLBACK)
    start = len(fake.calls)
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(world, "circle", subcommand("next"), by="bob"))
    allowed = await fake.wait_for_call("POST", CALLBACK, start=start)
    assert "Only facilitators" in refused.message["content"]
    assert allowed.message["content"] == "Next, please." and not allowed.ephemeral
    assert bot.probe.calls == [("circle next", {})]


async def test_typed_mentions_resolve(fake: FakeDiscord, start_adapter: StartAdapter) -> None:
    bot = await start_adapter()
    world = fake.world
    community = f"discord:{world.guild_id}"
    bob = world.user_id("bob")
    assert await bot.adapter.resolve_member(community, f"<@{bob}>") == Member(f"discord:{bob}", "")
    general = Channel(f"discord:{world.channel_id}", "general")
    assert await bot.adapter.resolve_channel(community, f"<#{world.channel_id}>") == general
    assert await bot.adapter.resolve_channel(community, "#general") == general
    assert await bot.adapter.resolve_channel(community, "#nowhere") is None


async def test_refused_identify_fails_start_in_one_line(fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    """A gateway that refuses the session (here 4004, a revoked token) fails start clearly instead of hanging."""
    fake.identify_close_code = 4004
    adapter = DiscordAdapter(Settings(Config(), Secrets(discord_token="token"), "(test)"), guild_ready_timeout=0)
    db = Database.open(":memory:")
    clock = ManualClock()
    try:
        with pytest.raises(discord.ConnectionClosed):
            await adapter.start(
                Runtime(settings=adapter.settings, db=db, clock=clock, scheduler=ManualScheduler(clock))
            )
    finally:
        await db.close()
    assert [r.getMessage() for r in caplog.records if "could not connect" in r.getMessage()]
    with pytest.raises(RuntimeError):
        adapter.client  # noqa: B018 - closed: nothing is left running


async def test_a_direct_message_button_carries_its_server_across_restarts(
    fake: FakeDiscord, start_adapter: StartAdapter
) -> None:
    from bot.adapters.discord import _send_kwargs
    from bot.adapters.discord_translate import render
    from bot.core.messages import Button, Rich

    view = _send_kwargs(render(Rich(text="x", buttons=(Button("Join", "join:Tuesday"),))), 4242)["view"]
    assert [item.custom_id for item in view.children] == ["join:Tuesday|4242"]

    bot = await start_adapter()
    routed = f"join:Tuesday|{fake.world.guild_id}"
    await fake.dispatch("INTERACTION_CREATE", component_interaction(fake.world, routed, by="bob", in_dm=True))
    await fake.wait_for_call("POST", CALLBACK)
    [press] = bot.probe.presses
    assert press.action == "join:Tuesday" and press.community.id == f"discord:{fake.world.guild_id}"


async def test_joining_a_server_greets_its_admins_in_the_system_channel(
    fake: FakeDiscord, start_adapter: StartAdapter
) -> None:
    await start_adapter()
    payload = fake.world.guild_payload()
    payload["system_channel_id"] = str(fake.world.channel_id)
    await fake.dispatch("GUILD_CREATE", payload)  # without `unavailable`: the bot was just added
    welcome = await fake.wait_for_call("POST", rf"/channels/{fake.world.channel_id}/messages")
    assert "/setup facilitator-role" in welcome.body["content"] and "/help" in welcome.body["content"]
