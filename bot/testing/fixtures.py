"""Pytest fixtures every feature's tests start from (loaded as a plugin from pyproject's addopts)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest_asyncio

from bot.core.model import Level
from bot.testing.conversation import Person
from bot.testing.harness import Harness

__all__ = ["admin", "alice", "bob", "facilitator", "harness", "make_harness"]


@pytest_asyncio.fixture
async def make_harness() -> AsyncIterator[Callable[..., Awaitable[Harness]]]:
    """Build and start harnesses with chosen cogs, start time or config; all are closed after the test."""
    made: list[Harness] = []

    async def make(**kwargs: Any) -> Harness:
        h = Harness(**kwargs)
        await h.start()
        made.append(h)
        return h

    yield make
    for h in made:
        await h.close()


@pytest_asyncio.fixture
async def harness(make_harness: Callable[..., Awaitable[Harness]]) -> Harness:
    """The whole bot, every cog loaded, on an in-memory database and a manual clock."""
    return await make_harness()


@pytest_asyncio.fixture
async def alice(harness: Harness) -> Person:
    return harness.person("Alice")


@pytest_asyncio.fixture
async def bob(harness: Harness) -> Person:
    return harness.person("Bob")


@pytest_asyncio.fixture
async def facilitator(harness: Harness) -> Person:
    return harness.person("Fran", Level.FACILITATOR)


@pytest_asyncio.fixture
async def admin(harness: Harness) -> Person:
    return harness.person("Ada", Level.ADMIN)
