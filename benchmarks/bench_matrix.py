"""Matrix round trip on a real local Synapse: a member's `!ping` to the bot's reply, beside a message to oneself."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.matrix.botrun import bot_settings, start_bot
from tests.matrix.member import Arrival, MemberClient, from_sender
from tests.matrix.synapse import SynapseServer, register_user, run_synapse

__all__ = ["run"]

ROUNDS = 300


def _median_p99(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _replies_to(event_id: str) -> Callable[[Arrival], bool]:
    return lambda a: a.relates_to.get("m.in_reply_to", {}).get("event_id") == event_id


async def _measure(server: SynapseServer, work: Path, rounds: int) -> tuple[list[float], list[float]]:
    bot_user = register_user(server, "bench-bot")
    bot = await start_bot(bot_settings(server, bot_user, work / "matrix-store"), work / "bot.db")
    member = MemberClient(server, register_user(server, "bench-member"))
    await member.start()
    try:
        room = await member.create_room(invite=(bot_user.user_id,))
        alone = await member.create_room()
        await member.wait_for_message(room, lambda a: a.sender == bot_user.user_id and a.type == "m.room.member")
        pings, echoes = [], []
        for i in range(rounds):
            mark = member.mark()
            start = time.perf_counter()
            sent = await member.send_text(room, "!ping")
            await member.wait_for_message(room, _replies_to(sent), since=mark)
            pings.append(time.perf_counter() - start)

            mark = member.mark()
            start = time.perf_counter()
            await member.send_text(alone, f"note {i}")
            await member.wait_for_message(alone, from_sender(member.user_id, f"note {i}"), since=mark)
            echoes.append(time.perf_counter() - start)
        return pings, echoes
    finally:
        await member.close()
        await bot.stop()


def run(rounds: int = ROUNDS) -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="bench-matrix-") as tmp:
        work = Path(tmp)
        with run_synapse(work / "synapse") as server:
            pings, echoes = asyncio.run(_measure(server, work, rounds))
    ping_median, ping_p99 = _median_p99(pings)
    echo_median, echo_p99 = _median_p99(echoes)
    return [
        (f"!ping to the bot's reply, median of {rounds}", ping_median * 1000, "ms"),
        (f"!ping to the bot's reply, p99 of {rounds}", ping_p99 * 1000, "ms"),
        (f"member's message to themselves, median of {rounds}", echo_median * 1000, "ms"),
        (f"member's message to themselves, p99 of {rounds}", echo_p99 * 1000, "ms"),
        ("bot reply / own echo, ratio of medians", ping_median / echo_median, "x"),
    ]


if __name__ == "__main__":
    for what, value, unit in run():
        print(f"{what:<55} {value:10.2f} {unit}")
