"""Fixtures for the Matrix tests: one Synapse per session, and members who log in to it."""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from tests.matrix.member import MemberClient
from tests.matrix.synapse import (
    RegisteredUser,
    SynapseServer,
    SynapseUnavailableError,
    ensure_synapse_installed,
    register_user,
    run_synapse,
)

MakeMember = Callable[..., Awaitable[MemberClient]]

_names = itertools.count()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the homeserver are e2e (``-m "not e2e"`` skips them); the pure ones here are not."""
    for item in items:
        if "synapse" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def synapse() -> Iterator[SynapseServer]:
    """One Synapse for the whole session; skipped with the reason when it cannot be installed."""
    try:
        python = ensure_synapse_installed()
    except SynapseUnavailableError as exc:
        pytest.skip(f"no Synapse to test against: {exc}")
    with tempfile.TemporaryDirectory(prefix="synapse-") as tmp, run_synapse(Path(tmp), python) as server:
        yield server


@pytest.fixture(scope="session")
def synapse_admin(synapse: SynapseServer) -> RegisteredUser:
    """A server admin, for the admin API (rate-limit overrides)."""
    return register_user(synapse, "harness-admin", admin=True)


def unique_localpart(prefix: str) -> str:
    """Localparts are unique per session, since the server outlives each test."""
    return f"{prefix}-{next(_names)}"


async def new_user(synapse: SynapseServer, prefix: str) -> RegisteredUser:
    return await asyncio.to_thread(register_user, synapse, unique_localpart(prefix))


@pytest.fixture
async def make_member(synapse: SynapseServer, tmp_path: Path) -> AsyncIterator[MakeMember]:
    """Register a fresh member and start their client; all are closed after the test."""
    started: list[MemberClient] = []

    async def make(prefix: str = "member", *, encrypted: bool = False) -> MemberClient:
        user = await new_user(synapse, prefix)
        store = tmp_path / f"store-{user.user_id}" if encrypted else None
        if store is not None:
            store.mkdir()
        member = MemberClient(synapse, user, store)
        started.append(member)
        await member.start()
        return member

    yield make
    for member in started:
        await member.close()
