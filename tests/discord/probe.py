"""A neutral test cog that exercises every path of a platform adapter (it imports nothing from discord)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot.core import options as opt
from bot.core.commands import Cog, autocomplete, command, on_button, on_message
from bot.core.context import Context
from bot.core.events import AutocompleteRequest, ButtonPress, ChatMessage, Suggestion
from bot.core.messages import Attachment, Button, Field, Rich
from bot.core.model import Channel, Level, Member
from bot.core.text import mention, timestamp

__all__ = ["STRATEGIES", "WHEN", "Probe"]

WHEN = datetime(2026, 3, 3, 19, 0, tzinfo=UTC)
STRATEGIES = ("box breathing", "grounding 5-4-3-2-1", "cold water", "walk outside")


class Probe(Cog):
    """Records what reached it; answers in every way a cog can."""

    def __init__(self, rt: object) -> None:
        super().__init__(rt)  # type: ignore[arg-type]
        self.calls: list[tuple[str, dict[str, object]]] = []
        self.presses: list[ButtonPress] = []
        self.heard: list[str] = []  # who spoke; never what they said

    @command(
        "circle create",
        opt.text("name", "The circle's name", max_length=60),
        opt.integer("size", "How many seats", required=False, min_value=2, max_value=12),
        opt.boolean("open", "Anyone may join", required=False),
        opt.member("host", "Who hosts it", required=False),
        opt.channel("where", "Where it meets", required=False),
    )
    async def create(
        self,
        ctx: Context,
        name: str,
        size: int | None,
        open: bool | None,
        host: Member | None,
        where: Channel | None,
    ) -> None:
        """Create a circle."""
        self.calls.append(("circle create", {"name": name, "size": size, "open": open, "host": host, "where": where}))
        await ctx.reply(
            Rich(
                title=f"Circle {name}",
                text=f"Hosted by {mention(host.id if host else ctx.actor.id)}, first on {timestamp(WHEN, 'F', 'UTC')}",
                fields=(Field("Seats", str(size or 8)),),
                buttons=(Button("Join", f"join:{name}"), Button("Leave", f"leave:{name}")),
            )
        )

    @command("circle mood", opt.choice("mood", "How you feel", ("good", "okay", "low")))
    async def mood(self, ctx: Context, mood: str) -> None:
        """Say how you feel."""
        self.calls.append(("circle mood", {"mood": mood}))
        await ctx.reply(f"Noted: {mood}", ephemeral=True)

    @command("circle admin rename", opt.text("name", "New name"), level=Level.ADMIN)
    async def rename(self, ctx: Context, name: str) -> None:
        """Rename a circle."""
        self.calls.append(("circle admin rename", {"name": name}))
        await ctx.reply("Renamed.", ephemeral=True)

    @command("circle next", level=Level.FACILITATOR)
    async def next_turn(self, ctx: Context) -> None:
        """Give the next person their turn."""
        self.calls.append(("circle next", {}))
        await ctx.reply("Next, please.")

    @command("cope", opt.text("query", "What helps", autocomplete="strategy"))
    async def cope(self, ctx: Context, query: str) -> None:
        """Find a strategy."""
        self.calls.append(("cope", {"query": query}))
        await ctx.reply_private(query)

    @command("cope saved")
    async def saved(self, ctx: Context) -> None:
        """Your saved strategies."""
        self.calls.append(("cope saved", {}))
        await ctx.reply_private("none yet")

    @command("report", defer=True)
    async def report(self, ctx: Context) -> None:
        """A chart, as a file."""
        self.calls.append(("report", {}))
        await ctx.reply(Rich(text="Your chart", files=(Attachment("mood.png", b"\x89PNG fake", "image/png"),)))

    @command("slow")
    async def slow(self, ctx: Context) -> None:
        """Takes longer than Discord waits."""
        await asyncio.sleep(0.3)
        await ctx.reply("Finally.")

    @command("nudge", opt.member("who", "Whom to message"))
    async def nudge(self, ctx: Context, who: Member) -> None:
        """Send someone a direct message."""
        delivery = await ctx.dm(who.id, "A gentle reminder: the circle starts soon.")
        await ctx.reply("Sent." if delivery.delivered else f"Not delivered: {delivery.reason}", ephemeral=True)

    @command("post", opt.channel("where", "Where to post"))
    async def post(self, ctx: Context, where: Channel) -> None:
        """Post in a channel."""
        delivery = await ctx.send(where.id, "Hello, circle.")
        await ctx.reply("Posted." if delivery.delivered else f"Not posted: {delivery.reason}", ephemeral=True)

    @command("quiet")
    async def quiet(self, ctx: Context) -> None:
        """Answers nothing."""
        self.calls.append(("quiet", {}))

    @on_button("join")
    async def join(self, ctx: Context, press: ButtonPress) -> None:
        self.presses.append(press)
        await ctx.reply(f"Welcome to {press.action.partition(':')[2]}", ephemeral=True)

    @autocomplete("strategy")
    async def strategies(self, request: AutocompleteRequest) -> list[Suggestion]:
        typed = request.partial.casefold()
        return [Suggestion(s.capitalize(), s) for s in STRATEGIES if typed in s]

    @on_message
    async def listen(self, ctx: Context, message: ChatMessage) -> None:
        self.heard.append(message.actor.id)
