"""The terminal adapter: try every feature with no account and no token (``circlebot demo``)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TextIO

from bot.core.i18n import _
from bot.core.model import Level
from bot.core.options import parse_duration
from bot.testing.harness import Harness
from bot.testing.memory import Sent

__all__ = ["DEMO_HELP", "run_demo"]

DEMO_HELP = _(
    "Demo community. Lines starting with / are commands (try /help); other lines are chat messages.\n"
    ":as NAME  act as another member    :role NAME member|facilitator|admin\n"
    ":channel NAME  speak in another channel    :press N  press button N of the last message with buttons\n"
    ":clock +90m  move time forward (also +1d, +2h30m) and run what came due    :quit  leave"
)
_LEVELS = {"member": Level.MEMBER, "facilitator": Level.FACILITATOR, "admin": Level.ADMIN}


def render(sent: Sent, names: Callable[[str], str]) -> str:
    """One bot message as terminal lines: where it went, then the text, then numbered buttons and files."""
    where = {
        "channel": f"#{sent.to.partition('#')[2]}",
        "ephemeral": _(f"only {names(sent.to)} sees"),
        "private": _(f"private to {names(sent.to)}"),
        "dm": _(f"direct message to {names(sent.to)}"),
    }[sent.kind]
    first, *more = sent.text.split("\n")
    lines = [f"[{where}] {first}", *(f"    {line}" for line in more)]
    if sent.message.buttons:
        lines.append("   " + "   ".join(f"[{i}] {b.emoji} {b.label}".replace("  ", " ")
                                        for i, b in enumerate(sent.message.buttons, 1)))
    lines.extend(f"   (file: {f.filename}, {len(f.data):,} bytes)" for f in sent.message.files)
    return "\n".join(lines)


class Demo:
    """The demo's state: who is speaking, where, and the command loop."""

    def __init__(self, harness: Harness, out: TextIO) -> None:
        self.h = harness
        self.out = out
        self.actor = "Ada"
        self.channel = "general"
        harness.adapter.on_sent = lambda sent: print(render(sent, self._name), file=out, flush=True)
        harness.person("Ada", Level.ADMIN)

    def _name(self, member_id: str) -> str:
        member = self.h.adapter.members.get(member_id)
        return member.name if member else member_id.partition(":")[2]

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    async def line(self, raw: str) -> bool:
        """Handle one input line; False means leave."""
        line = raw.strip()
        if not line:
            return True
        if line.startswith(":"):
            return await self.meta(line)
        person = self.h.person(self.actor, channel=self.channel)
        await person.type(line)
        return True

    async def meta(self, line: str) -> bool:
        word, _sep, rest = line.partition(" ")
        rest = rest.strip()
        actions: dict[str, Callable[[str], Awaitable[None]]] = {
            ":as": self._as, ":role": self._role, ":clock": self._clock, ":press": self._press,
            ":channel": self._channel,
        }
        if word in (":quit", ":q", ":exit"):
            return False
        action = actions.get(word)
        if action is None:
            self.say(DEMO_HELP)
        else:
            await action(rest)
        return True

    async def _as(self, name: str) -> None:
        if not name.isidentifier() or len(name) > 32:
            self.say(_("Names are one word, like :as Alice"))
            return
        self.actor = name.capitalize()
        self.h.person(self.actor, channel=self.channel)
        self.say(_(f"(you are now {self.actor})"))

    async def _role(self, rest: str) -> None:
        name, _sep, level = rest.partition(" ")
        if level.strip().lower() not in _LEVELS or not name:
            self.say(_("Usage: :role NAME member|facilitator|admin"))
            return
        self.h.person(name.capitalize(), _LEVELS[level.strip().lower()], self.channel)
        self.say(_(f"({name.capitalize()} is now a {level.strip().lower()})"))

    async def _channel(self, name: str) -> None:
        self.channel = name.removeprefix("#") or "general"
        self.h.person(self.actor, channel=self.channel)
        self.say(_(f"(now speaking in #{self.channel})"))

    async def _clock(self, rest: str) -> None:
        try:
            delta = parse_duration(rest.removeprefix("+"))
        except ValueError:
            self.say(_("Usage: :clock +90m (or +2h, +1d)"))
            return
        await self.h.advance(delta)
        self.say(_(f"(the time is now {self.h.clock.now():%A %d %B %Y, %H:%M} UTC)"))

    async def _press(self, rest: str) -> None:
        person = self.h.person(self.actor, channel=self.channel)
        buttons = person.buttons()
        if not rest.isdigit() or not 1 <= int(rest) <= len(buttons):
            self.say(_("No such button. Use :press N with a number shown in [brackets]."))
            return
        await person.press(buttons[int(rest) - 1])


async def _read_line(stream: TextIO) -> str:
    return await asyncio.get_running_loop().run_in_executor(None, stream.readline)


async def run_demo(
    database: str, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout, start: datetime | None = None
) -> int:
    """Read lines until :quit or end of input. Works with piped input, so sessions can be scripted; ``start``
    fixes the demo clock so a scripted session reads the same every day."""
    harness = Harness(database=database, start=start or datetime.now(UTC).replace(second=0, microsecond=0))
    await harness.start()
    demo = Demo(harness, out)
    interactive = stdin.isatty()
    demo.say(DEMO_HELP)
    try:
        while True:
            if interactive:
                print(f"{demo.actor}> ", end="", file=out, flush=True)
            raw = await _read_line(stdin)
            if raw.strip() and not interactive:
                print(f"{demo.actor}> {raw.strip()}", file=out, flush=True)  # a scripted session reads as a transcript
            if not raw or not await demo.line(raw):
                break
    finally:
        await harness.close()
    return 0
