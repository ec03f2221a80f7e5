"""The adapter protocol: the only seam between the core and a platform, small like an HTTP transport."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from bot.core.events import Event
from bot.core.messages import Delivery, Rich
from bot.core.model import Channel, Member

if TYPE_CHECKING:
    from bot.core.commands import Registry
    from bot.core.runtime import Runtime

__all__ = ["Adapter"]


class Adapter(Protocol):
    """One platform. Inbound: translate platform events into core events and ``await rt.handle(event)``.
    Outbound: render neutral messages natively. Refusals (closed DMs, missing permissions) come back as an
    undelivered ``Delivery``, never as an exception."""

    platform: str
    prefix: str  # how members type commands here: "/" on Discord and the terminal, "!" on Matrix

    def command_label(self, name: str) -> str:
        """How a member types the command here (``/circle join``, ``!circle join``, ``/cope find``)."""
        ...

    async def start(self, rt: Runtime) -> None:
        """Connect and begin delivering events; returns once connected (receiving runs in the background)."""
        ...

    async def close(self) -> None: ...

    def owns(self, community_id: str) -> bool:
        """Whether this process answers for the community (on Discord: whether its shard is ours), so each
        community's circles are scheduled by exactly one process."""
        ...

    async def register_commands(self, registry: Registry) -> None:
        """Prepare the native form of the registry's commands (build a command tree, a help index)."""
        ...

    async def reply(self, event: Event, message: Rich, *, ephemeral: bool = False) -> Delivery: ...

    async def reply_private(self, event: Event, message: Rich) -> Delivery:
        """Private to the actor: an ephemeral reply where the platform has one, else a direct message."""
        ...

    async def send(self, channel_id: str, message: Rich) -> Delivery: ...

    async def dm(self, member_id: str, message: Rich, *, community_id: str | None = None) -> Delivery:
        """A direct message. ``community_id`` says which community it is about, so buttons pressed in it come
        back with that community (a direct conversation belongs to no community by itself)."""
        ...

    async def start_thread(self, channel_id: str, title: str, message: Rich) -> Delivery:
        """Post ``message`` opening a thread where the platform has them (else in the channel itself).
        ``Delivery.ref.channel_id`` is where follow-ups go: an opaque id that ``send`` accepts."""
        ...

    async def defer(self, event: Event, *, private: bool) -> None: ...

    async def leave(self, event: Event) -> bool:
        """Leave where the event happened, at an admin's request: the Discord server, the Matrix room."""
        ...

    async def resolve_member(self, community_id: str, text: str) -> Member | None:
        """A member from typed text (a mention, an id, a name) on text platforms."""
        ...

    async def resolve_channel(self, community_id: str, text: str) -> Channel | None: ...
