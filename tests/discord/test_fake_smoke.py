"""The Discord fake is faithful enough: a bare discord.py bot answers a slash command, meets a refused DM."""

from __future__ import annotations

import asyncio

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.discord.conftest import StartBot
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


def _bot() -> commands.Bot:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0)

    @bot.tree.command(name="ping", description="Say pong")
    async def ping(interaction: discord.Interaction, loud: bool = False) -> None:
        await interaction.response.send_message("PONG" if loud else "pong", ephemeral=not loud)

    return bot


async def test_slash_command_round_trip(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(_bot())
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "ping"))
    call = await fake.wait_for_call("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.body["type"] == 4
    assert call.message["content"] == "pong"
    assert call.ephemeral
    assert bot.user is not None and bot.user.id == fake.world.app_id


async def test_option_values_reach_the_command(fake: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(_bot())
    await fake.dispatch("INTERACTION_CREATE", slash_interaction(fake.world, "ping", option("loud", True)))
    call = await fake.wait_for_call("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.message["content"] == "PONG"
    assert not call.ephemeral


async def test_command_sync_is_recorded(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(_bot())
    assert isinstance(bot, commands.Bot)
    synced = await bot.tree.sync()
    call = await fake.wait_for_call("PUT", rf"/applications/{fake.world.app_id}/commands")
    assert [c["name"] for c in call.json] == ["ping"] == [c.name for c in synced]


async def test_refused_dm_is_forbidden_50007(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(_bot())
    alice = fake.world.user_id("alice")
    fake.closed_dms.add(alice)
    member = await bot.fetch_user(alice)
    with pytest.raises(discord.Forbidden) as refused:
        await member.send("hello")
    assert refused.value.code == 50007
    assert fake.calls_to("POST", r"/users/@me/channels")[0].body == {"recipient_id": alice}


async def test_open_dm_is_delivered(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = await start_bot(_bot())
    bob = await bot.fetch_user(fake.world.user_id("bob"))
    sent = await bob.send("hello", file=discord.File(__file__, filename="note.txt"))
    call = await fake.wait_for_call("POST", rf"/channels/{fake.dm_channels[bob.id]}/messages")
    assert call.body["content"] == "hello"
    assert [f.filename for f in call.files] == ["note.txt"]
    assert sent.attachments[0].filename == "note.txt"


async def test_unallowed_privileged_intent_closes_4014(fake: FakeDiscord, start_bot: StartBot) -> None:
    fake.allow_privileged(message_content=False)
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(command_prefix="!", intents=intents, guild_ready_timeout=0)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await start_bot(bot)
    assert fake.identifies[0]["intents"] & INTENT_MESSAGE_CONTENT


async def test_button_click_reaches_a_persistent_view(fake: FakeDiscord, start_bot: StartBot) -> None:
    clicked: list[int] = []

    class Hand(discord.ui.View):
        def __init__(self) -> None:
            super().__init__(timeout=None)

        @discord.ui.button(label="Raise hand", custom_id="hand:raise")
        async def raise_hand(self, interaction: discord.Interaction, button: discord.ui.Button[Hand]) -> None:
            clicked.append(interaction.user.id)
            await interaction.response.defer()

    bot = _bot()
    bot.add_view(Hand())
    await start_bot(bot)
    await fake.dispatch("INTERACTION_CREATE", component_interaction(fake.world, "hand:raise", by="bob"))
    call = await fake.wait_for_call("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.body["type"] == 6  # deferred update: the click is acknowledged without a message
    assert clicked == [fake.world.user_id("bob")]


async def test_autocomplete_answers_choices(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = _bot()

    @bot.tree.command(name="coping", description="Find a strategy")
    async def coping(interaction: discord.Interaction, query: str) -> None:
        await interaction.response.send_message(query)

    @coping.autocomplete("query")
    async def suggest(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=n) for n in ("breathing", "walking") if n.startswith(current)]

    await start_bot(bot)
    typed = option("query", "bre", focused=True)
    await fake.dispatch("INTERACTION_CREATE", autocomplete_interaction(fake.world, "coping", typed))
    call = await fake.wait_for_call("POST", r"/interactions/\d+/[^/]+/callback")
    assert call.body == {"type": 8, "data": {"choices": [{"name": "breathing", "value": "breathing"}]}}


async def test_subcommand_group_and_deferred_follow_up(fake: FakeDiscord, start_bot: StartBot) -> None:
    bot = _bot()
    circle = app_commands.Group(name="circle", description="Circles")
    admin = app_commands.Group(name="admin", description="Admin", parent=circle)

    @admin.command(name="rename", description="Rename")
    async def rename(interaction: discord.Interaction, name: str, size: int) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(f"{name}:{size}", ephemeral=True)

    bot.tree.add_command(circle)
    await start_bot(bot)
    payload = slash_interaction(
        fake.world,
        "circle",
        group("admin", subcommand("rename", option("name", "Tuesday"), option("size", 6))),
    )
    await fake.dispatch("INTERACTION_CREATE", payload)
    deferred = await fake.wait_for_call("POST", r"/interactions/\d+/[^/]+/callback")
    follow = await fake.wait_for_call("POST", rf"/webhooks/{fake.world.app_id}/[^/]+")
    assert deferred.body == {"type": 5, "data": {"flags": 64}}
    assert follow.body["content"] == "Tuesday:6" and follow.ephemeral


class _QuickShards(commands.AutoShardedBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between the shards' IDENTIFYs: the fake has no identify rate limit."""


async def test_message_create_reaches_a_sharded_bot(fake: FakeDiscord, start_bot: StartBot) -> None:
    fake.shard_count = 2
    seen = asyncio.Queue[str]()
    intents = discord.Intents.default()
    intents.message_content = True
    bot = _QuickShards(command_prefix="!", intents=intents, guild_ready_timeout=0)

    @bot.event
    async def on_message(msg: discord.Message) -> None:
        await seen.put(msg.content)

    await start_bot(bot)
    await fake.dispatch("MESSAGE_CREATE", message_create(fake.world, "hello there", by="bob"))
    assert await asyncio.wait_for(seen.get(), 3) == "hello there"
    assert sorted(i["shard"] for i in fake.identifies) == [[0, 2], [1, 2]]
    assert fake.calls_to("GET", r"/gateway/bot")
