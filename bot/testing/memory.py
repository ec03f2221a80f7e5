"""An adapter that keeps everything in memory: the test suite's platform, and the terminal demo's engine."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.events import Event
from bot.core.messages import Delivery, MessageRef, Rich
from bot.core.model import Channel, Community, Level, Member, Standing
from bot.core.text import render_tokens

if TYPE_CHECKING:
    from bot.core.commands import Registry
    from bot.core.runtime import Runtime

__all__ = ["InMemoryAdapter", "Sent"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Sent:
    """One message the bot sent. ``kind``: channel (everyone there sees it), ephemeral (only ``to`` sees it,
    in place), private (an ephemeral-or-DM private reply) or dm."""

    kind: str
    to: str
    message: Rich
    ref: MessageRef

    @property
    def text(self) -> str:
        """What a reader sees: title, text and fields, with mentions and times rendered."""
        return render_tokens(self.message.plain(), mention_as=lambda mid: "@" + mid.partition(":")[2])

    @property
    def visible_to_one(self) -> bool:
        return self.kind in ("ephemeral", "private", "dm")


class InMemoryAdapter:
    """A community with channels and members on platform ``console``. Records every message; members whose DMs
    are closed and channels that are gone make sends fail the way real platforms do."""

    platform = "console"
    prefix = "/"

    def __init__(
        self, community_id: str = "console:demo", community_name: str = "Demo community", *, threads: bool = False
    ) -> None:
        self.community = Community(community_id, community_name)
        self.threads = threads  # the terminal has none; tests of thread behaviour turn them on
        self.members: dict[str, Member] = {}
        self.standing: dict[str, Standing] = {}
        self.channels: dict[str, Channel] = {}
        self.closed_dms: set[str] = set()
        self.gone_channels: set[str] = set()
        self.log: list[Sent] = []
        self.deferred: list[Event] = []
        self.left: list[str] = []
        self.on_sent: Callable[[Sent], None] | None = None
        self.rt: Runtime | None = None
        self._ids = itertools.count(1)
        self.add_channel("general")

    # -- the community --------------------------------------------------------------------------------------
    def add_channel(self, name: str) -> Channel:
        channel = Channel(f"console:#{name}", name)
        self.channels[channel.id] = channel
        return channel

    def add_member(self, name: str, level: Level = Level.MEMBER) -> Member:
        member = Member(f"console:{name.lower()}", name)
        self.members[member.id] = member
        self.set_level(member.id, level)
        return member

    def set_level(self, member_id: str, level: Level) -> None:
        self.standing[member_id] = Standing(is_admin=level is Level.ADMIN, is_facilitator=level >= Level.FACILITATOR)

    # -- the adapter protocol -------------------------------------------------------------------------------
    async def start(self, rt: Runtime) -> None:
        self.rt = rt

    async def close(self) -> None:
        self.rt = None

    def command_label(self, name: str) -> str:
        return self.prefix + name

    def owns(self, community_id: str) -> bool:
        return community_id == self.community.id

    async def register_commands(self, registry: Registry) -> None:
        """Typed lines need no registration: the text parser reads the registry directly."""

    def _record(self, kind: str, to: str, message: Rich) -> Delivery:
        channel_id = to if kind == "channel" else f"console:dm:{to}"
        ref = MessageRef(channel_id, str(next(self._ids)), f"console://{channel_id}/{len(self.log) + 1}")
        sent = Sent(kind, to, message, ref)
        self.log.append(sent)
        if self.on_sent:
            self.on_sent(sent)
        return Delivery.ok(ref)

    async def reply(self, event: Event, message: Rich, *, ephemeral: bool = False) -> Delivery:
        if ephemeral:
            return self._record("ephemeral", event.actor.id, message)
        return await self.send(event.channel.id, message)

    async def reply_private(self, event: Event, message: Rich) -> Delivery:
        return self._record("private", event.actor.id, message)

    async def send(self, channel_id: str, message: Rich) -> Delivery:
        if channel_id in self.gone_channels or (channel_id not in self.channels and ":dm:" not in channel_id):
            return Delivery.failed("channel not found")
        return self._record("channel", channel_id, message)

    async def start_thread(self, channel_id: str, title: str, message: Rich) -> Delivery:
        """With threads on, they are channels named after their parent: ``console:#general/Tuesday circle``;
        with them off, the message goes to the channel itself, as on a platform without threads."""
        if not self.threads:
            return await self.send(channel_id, message)
        if channel_id in self.gone_channels or channel_id not in self.channels:
            return Delivery.failed("channel not found")
        thread = Channel(f"{channel_id}/{title}", title, parent_id=channel_id)
        self.channels[thread.id] = thread
        return self._record("channel", thread.id, message)

    async def dm(self, member_id: str, message: Rich, *, community_id: str | None = None) -> Delivery:
        if member_id in self.closed_dms:
            return Delivery.failed("direct messages closed")
        return self._record("dm", member_id, message)

    async def defer(self, event: Event, *, private: bool) -> None:
        self.deferred.append(event)

    async def leave(self, event: Event) -> bool:
        self.left.append(event.community.id)
        return True

    async def resolve_member(self, community_id: str, text: str) -> Member | None:
        key = text.strip().removeprefix("<@").removesuffix(">").removeprefix("@").lower()
        return self.members.get(key) or self.members.get(f"console:{key}")

    async def resolve_channel(self, community_id: str, text: str) -> Channel | None:
        key = text.strip().removeprefix("#").lower()
        return self.channels.get(key) or self.channels.get(f"console:#{key}")
