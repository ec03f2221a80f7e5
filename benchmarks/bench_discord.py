"""Benchmark: slash-command latency through the Discord adapter, at the wire, beside a bare discord.py bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import statistics
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack

import discord
import discord.gateway
import discord.http
import yarl
from discord.ext import commands

from bot.adapters.discord import DiscordAdapter
from bot.app import start_runtime
from bot.cogs.general import General
from bot.config import Config, Secrets, Settings
from bot.core.clock import ManualClock
from bot.core.scheduler import ManualScheduler
from bot.store.db import Database
from tests.discord_fake import FakeDiscord, slash_interaction

__all__ = ["run"]

COMMANDS = 1000

Row = tuple[str, float, str]


@contextlib.asynccontextmanager
async def _pointed_at(fake: FakeDiscord) -> AsyncIterator[None]:
    """Point discord.py at the fake for the duration (what the test fixture does with monkeypatch)."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


async def _latencies(fake: FakeDiscord, command: str, n: int) -> list[float]:
    """Milliseconds from INTERACTION_CREATE leaving the fake gateway to the callback reaching the fake REST."""
    payloads = [slash_interaction(fake.world, command) for _ in range(n)]
    out: list[float] = []
    for payload in payloads:
        start = len(fake.calls)
        sent = await fake.dispatch("INTERACTION_CREATE", payload)
        call = await fake.wait_for_call("POST", rf"/interactions/{payload['id']}/[^/]+/callback", start=start)
        out.append((call.received_at - sent) * 1000)
    return out


def _bare_bot() -> commands.Bot:
    bot = commands.Bot(command_prefix="!", intents=discord.Intents.default(), guild_ready_timeout=0)

    @bot.tree.command(name="ping", description="Say pong")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    return bot


async def _measure(
    start: Callable[[FakeDiscord], Awaitable[Callable[[], Awaitable[None]]]], command: str
) -> list[float]:
    """Start a client on a fresh fake with `start` (which returns its closer), then time COMMANDS commands."""
    fake = FakeDiscord()
    await fake.start()
    try:
        async with _pointed_at(fake):
            close = await start(fake)
            try:
                await _latencies(fake, command, 20)  # warm-up: first-call costs are not what we measure
                return await _latencies(fake, command, COMMANDS)
            finally:
                await close()
    finally:
        await fake.close()


async def _start_bare(fake: FakeDiscord) -> Callable[[], Awaitable[None]]:
    bot = _bare_bot()
    task = asyncio.create_task(bot.start("token"))
    await fake.wait_connected()

    async def close() -> None:
        await bot.close()
        await task

    return close


async def _start_adapter(fake: FakeDiscord) -> Callable[[], Awaitable[None]]:
    """The whole bot (runtime, General cog, in-memory SQLite) on the Discord adapter."""
    settings = Settings(Config(), Secrets(discord_token="token"), "(bench)")
    db = Database.open(":memory:")
    clock = ManualClock()
    stack = AsyncExitStack()
    adapter = DiscordAdapter(settings, guild_ready_timeout=0)
    await start_runtime(
        stack, settings, db=db, clock=clock, scheduler=ManualScheduler(clock), adapters=[adapter], cogs=[General]
    )

    async def close() -> None:
        await stack.aclose()
        await db.close()

    return close


def _rows(label: str, values: list[float]) -> list[Row]:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * len(ordered)) - 1)]
    return [(f"{label}, median", statistics.median(values), "ms"), (f"{label}, p99", p99, "ms")]


async def _run() -> list[Row]:
    bare = await _measure(_start_bare, "ping")
    ours = await _measure(_start_adapter, "ping")
    ratio = statistics.median(ours) / statistics.median(bare)
    return [
        *_rows("circlebot /ping -> callback", ours),
        *_rows("bare discord.py /ping -> callback", bare),
        ("circlebot / bare discord.py, median ratio", ratio, "x"),
    ]


def run() -> list[Row]:
    logging.getLogger("discord").setLevel(logging.ERROR)
    return asyncio.run(_run())


if __name__ == "__main__":
    for what, value, unit in run():
        print(f"{what}: {value:.3f} {unit}")
