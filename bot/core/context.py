"""What a command handler answers through: the same calls on every platform."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.core.errors import UserError
from bot.core.events import Event
from bot.core.i18n import _
from bot.core.messages import Delivery, Rich, as_rich
from bot.core.model import Channel, Community, Level, Member

if TYPE_CHECKING:
    from bot.adapters.base import Adapter
    from bot.core.runtime import Runtime

__all__ = ["Context"]


class Context:
    """The member, the place and the ways to answer. ``reply(ephemeral=True)`` is for answers only the caller
    needs (shown only to them where the platform can, else in place); ``reply_private`` is for answers that must
    stay private (an ephemeral reply, else a direct message)."""

    def __init__(self, rt: Runtime, adapter: Adapter, event: Event, level: Level) -> None:
        self.rt = rt
        self.adapter = adapter
        self.event = event
        self.level = level
        self.replied = False

    @property
    def community(self) -> Community:
        return self.event.community

    @property
    def channel(self) -> Channel:
        return self.event.channel

    @property
    def actor(self) -> Member:
        return self.event.actor

    def now(self) -> datetime:
        return self.rt.clock.now()

    def require_asker(self, asker: str, level: Level = Level.MEMBER) -> None:
        """A confirmation button answers only the member who asked for it, while they still hold ``level``: nobody
        confirms a deletion for someone else."""
        if asker != self.actor.id or self.level < level:
            raise UserError({Level.ADMIN: _("Only the admin who asked can answer this."),
                             Level.FACILITATOR: _("Only the facilitator who asked can answer this.")}.get(
                level, _("Only the person who asked can answer this.")))

    async def reply(self, message: str | Rich, *, ephemeral: bool = False) -> Delivery:
        self.replied = True
        return await self.adapter.reply(self.event, as_rich(message), ephemeral=ephemeral)

    async def reply_private(self, message: str | Rich) -> Delivery:
        self.replied = True
        return await self.adapter.reply_private(self.event, as_rich(message))

    async def send(self, channel_id: str, message: str | Rich) -> Delivery:
        return await self.rt.send(channel_id, message)

    async def dm(self, member_id: str, message: str | Rich) -> Delivery:
        """A direct message about this community."""
        return await self.rt.dm(member_id, message, community_id=self.community.id)

    async def defer(self, *, private: bool = False) -> None:
        """Tell the platform an answer is coming (Discord's 3-second window); a no-op elsewhere."""
        await self.adapter.defer(self.event, private=private)

    async def zone(self) -> str:
        """The caller's time zone: their own setting, else the community's, else the configured default."""
        return await self.rt.zone_for(self.community.id, self.actor.id)
