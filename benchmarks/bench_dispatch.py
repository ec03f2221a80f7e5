"""The command path: a call through the registry, permission check, option conversion, handler and reply
on the in-memory adapter."""

from __future__ import annotations

import asyncio
import time

from benchmarks.stats import median, p99
from bot.cogs.general import General
from bot.cogs.settings import Settings
from bot.core.model import Level
from bot.testing.harness import Harness

ROUNDS = 2000


async def _measure() -> list[tuple[str, float, str]]:
    h = Harness(cogs=[General, Settings])
    await h.start()
    alice = h.person("Alice", Level.MEMBER)
    samples: dict[str, list[float]] = {"ping": [], "settings timezone": [], "typed line": []}
    for _ in range(ROUNDS):
        t = time.perf_counter()
        await alice.command("ping")
        samples["ping"].append(time.perf_counter() - t)
        t = time.perf_counter()
        await alice.command("settings timezone", zone="Europe/London")
        samples["settings timezone"].append(time.perf_counter() - t)
        t = time.perf_counter()
        await alice.type("/ping")
        samples["typed line"].append(time.perf_counter() - t)
    await h.close()
    rows = []
    for name, values in samples.items():
        rows.append((f"{name}, median", median(values) * 1e6, "µs"))
        rows.append((f"{name}, p99", p99(values) * 1e6, "µs"))
    return rows


def run() -> list[tuple[str, float, str]]:
    return asyncio.run(_measure())


if __name__ == "__main__":
    for row in run():
        print(*row)
