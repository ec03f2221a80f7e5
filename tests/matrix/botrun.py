"""Runs the real bot (runtime, cogs, Matrix adapter) against the test Synapse, and a probe cog to observe it."""

from __future__ import annotations

from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from bot.adapters.matrix import MatrixAdapter
from bot.app import start_runtime
from bot.cogs.admin import Admin
from bot.cogs.general import General
from bot.config import Config, MatrixSection, Secrets, Settings
from bot.core.clock import ManualClock, SystemClock
from bot.core.commands import Cog, command, on_button
from bot.core.context import Context
from bot.core.events import ButtonPress
from bot.core.messages import Attachment, Button, Rich
from bot.core.model import Level
from bot.core.runtime import Runtime
from bot.core.scheduler import ManualScheduler
from bot.store.db import Database
from tests.matrix.synapse import RegisteredUser, SynapseServer

__all__ = ["PNG", "Probe", "RunningBot", "start_bot"]

# The smallest valid PNG (1x1), to see a file arrive as m.image.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


class Probe(Cog):
    """Commands that exercise each way a cog can answer, recording the buttons pressed."""

    presses: ClassVar[list[ButtonPress]] = []  # reset by start_bot; tests reach it without the instance

    @command("secret")
    async def secret(self, ctx: Context) -> None:
        """Answer privately."""
        await ctx.reply_private("Only you can see this.")

    @command("pick")
    async def pick(self, ctx: Context) -> None:
        """Offer two buttons only the caller may press."""
        who = ctx.actor.id
        await ctx.reply(Rich(text="Pick one", buttons=(
            Button("Yes", f"probe:yes:{who}", for_member=who), Button("No", f"probe:no:{who}", for_member=who),
        )))

    @command("privatepick")
    async def private_pick(self, ctx: Context) -> None:
        """Offer the buttons privately: in a direct room on Matrix."""
        who = ctx.actor.id
        await ctx.reply_private(Rich(text="Pick one privately", buttons=(
            Button("Yes", f"probe:yes:{who}", for_member=who), Button("No", f"probe:no:{who}", for_member=who),
        )))

    @command("where")
    async def where(self, ctx: Context) -> None:
        """Say which community this is."""
        await ctx.reply(f"community {ctx.community.id} level {ctx.level.name}")

    @on_button("probe")
    async def pressed(self, ctx: Context, press: ButtonPress) -> None:
        Probe.presses.append(press)
        await ctx.reply(f"You chose {press.action.split(':')[1]}.")

    @command("facilitate", level=Level.FACILITATOR)
    async def facilitate(self, ctx: Context) -> None:
        """Only facilitators."""
        await ctx.reply("Facilitator tools ready.")

    @command("thread")
    async def thread(self, ctx: Context) -> None:
        """Open a thread and post in it."""
        opened = await self.rt.start_thread(ctx.channel.id, "Tuesday circle", "Welcome, everyone.")
        assert opened.ref is not None
        await ctx.send(opened.ref.channel_id, "First round starts now.")

    @command("chart")
    async def chart(self, ctx: Context) -> None:
        """Send a file."""
        await ctx.reply(Rich(text="Your chart", files=(Attachment("mood.png", PNG, "image/png"),)))


@dataclass
class RunningBot:
    """A started bot; ``stop`` is a clean shutdown (the session file keeps where it stopped)."""

    rt: Runtime
    adapter: MatrixAdapter
    stack: AsyncExitStack
    db: Database
    presses: list[ButtonPress] = field(default_factory=list)

    async def stop(self) -> None:
        await self.stack.aclose()
        await self.db.close()


def bot_settings(server: SynapseServer, bot: RegisteredUser, store: Path, **matrix: object) -> Settings:
    section = MatrixSection(homeserver=server.base_url, user_id=bot.user_id, store_path=str(store), **matrix)
    return Settings(Config(matrix=section), Secrets(matrix_access_token=bot.access_token), "(test)")


async def start_bot(settings: Settings, database: Path) -> RunningBot:
    Probe.presses = []
    stack = AsyncExitStack()
    db = Database.open(f"sqlite:///{database}")
    adapter = MatrixAdapter(settings)
    rt = await start_runtime(
        stack, settings, db=db, clock=SystemClock(), scheduler=ManualScheduler(ManualClock()),
        adapters=[adapter], cogs=[General, Admin, Probe],
    )
    return RunningBot(rt, adapter, stack, db, Probe.presses)
