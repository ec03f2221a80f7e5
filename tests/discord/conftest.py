"""Fixtures for wire-level Discord tests: a fake per test and a helper that runs a real client on it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass

import discord
import discord.gateway
import discord.http
import pytest
import yarl

from bot.adapters.discord import DiscordAdapter
from bot.app import start_runtime
from bot.cogs.admin import Admin
from bot.cogs.general import General
from bot.config import Config, DiscordSection, Secrets, Settings
from bot.core.clock import ManualClock
from bot.core.runtime import Runtime
from bot.core.scheduler import ManualScheduler
from bot.store.db import Database
from bot.testing.harness import DEFAULT_START
from tests.discord.probe import Probe
from tests.discord_fake import FakeDiscord

__all__ = ["Running", "StartAdapter", "StartBot", "fake", "start_adapter", "start_bot"]

StartBot = Callable[[discord.Client], Awaitable[discord.Client]]


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A started fake Discord that discord.py's REST and gateway clients are pointed at."""
    server = FakeDiscord()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url))
    yield server
    await server.close()


async def _guild_cached(client: discord.Client, fake: FakeDiscord) -> None:
    """READY may come before the guild is parsed (guild_ready_timeout=0): wait for it too."""
    async with asyncio.timeout(5):
        while client.get_guild(fake.world.guild_id) is None:  # noqa: ASYNC110 - no event marks a cached guild
            await asyncio.sleep(0.01)


async def _until_ready(client: discord.Client, task: asyncio.Task[None], fake: FakeDiscord) -> None:
    async with asyncio.timeout(5):
        while not (client.is_ready() and client.get_guild(fake.world.guild_id) is not None):
            if task.done():
                task.result()  # the client stopped: raise its error here
                raise AssertionError("the client stopped before it was ready")
            await asyncio.sleep(0.01)


@pytest.fixture
async def start_bot(fake: FakeDiscord) -> AsyncIterator[StartBot]:
    """`await start_bot(client)` runs `client.start("token")` until it has the guild; closed at teardown."""
    running: list[tuple[discord.Client, asyncio.Task[None]]] = []

    async def start(client: discord.Client) -> discord.Client:
        task = asyncio.create_task(client.start("token"))
        running.append((client, task))
        await _until_ready(client, task, fake)
        return client

    yield start
    for client, task in running:
        await client.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)


@dataclass
class Running:
    """The whole bot (runtime, cogs) on the Discord adapter, connected to the fake."""

    adapter: DiscordAdapter
    rt: Runtime
    probe: Probe


StartAdapter = Callable[..., Awaitable[Running]]


@pytest.fixture
async def start_adapter(fake: FakeDiscord) -> AsyncIterator[StartAdapter]:
    """`await start_adapter(message_content=False)`: General, Admin and the Probe cog on the Discord adapter."""
    stack = AsyncExitStack()
    databases: list[Database] = []

    async def start(*, message_content: bool = False, auto_defer_after: float | None = None) -> Running:
        settings = Settings(
            Config(discord=DiscordSection(message_content=message_content)), Secrets(discord_token="token"), "(test)"
        )
        db = Database.open(":memory:")
        databases.append(db)
        clock = ManualClock(DEFAULT_START)
        adapter = DiscordAdapter(settings, guild_ready_timeout=0)
        if auto_defer_after is not None:
            adapter.auto_defer_after = auto_defer_after
        rt = await start_runtime(
            stack,
            settings,
            db=db,
            clock=clock,
            scheduler=ManualScheduler(clock),
            adapters=[adapter],
            cogs=[General, Admin, Probe],
        )
        await _guild_cached(adapter.client, fake)
        probe = next(c for c in rt.cogs if isinstance(c, Probe))
        return Running(adapter, rt, probe)

    yield start
    await stack.aclose()
    for db in databases:
        await db.close()
