"""The Matrix adapter's sync loop keeps going through a homeserver that fails, waiting longer each time."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientConnectionError
from nio import SyncError

import bot.adapters.matrix as matrix
from bot.config import Config, MatrixSection, Secrets, Settings


class FailingClient:
    """Fails the first syncs (a dropped connection, then a refusal), then stops the test."""

    def __init__(self, failures: list[Any]) -> None:
        self.failures = failures

    async def sync(self, **_kwargs: Any) -> Any:
        if not self.failures:
            raise asyncio.CancelledError
        failure = self.failures.pop(0)
        if isinstance(failure, Exception):
            raise failure
        return failure


async def test_sync_failures_are_retried_with_growing_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = MatrixSection(homeserver="http://127.0.0.1:9", user_id="@bot:hs", store_path=str(tmp_path))
    adapter = matrix.MatrixAdapter(Settings(Config(matrix=section), Secrets(matrix_access_token="t"), "(test)"))
    failures: list[Any] = [ClientConnectionError(), SyncError("down", "M_UNKNOWN"), ClientConnectionError()]
    adapter.client = FailingClient(failures)
    waits: list[float] = []

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("asyncio.sleep", no_wait)
    with pytest.raises(asyncio.CancelledError):
        await adapter._sync_loop()
    assert waits == [1.0, 2.0, 4.0]
