"""Every member can see and delete what is kept about them, in every feature at once."""

from __future__ import annotations

import json
import logging
from typing import Any

from bot.core.commands import Cog, command, on_button
from bot.core.context import Context
from bot.core.events import ButtonPress
from bot.core.i18n import _
from bot.core.messages import Attachment, Button, ButtonStyle, Rich
from bot.core.privacy import MemberData

__all__ = ["Privacy"]

_log = logging.getLogger(__name__)


class Privacy(Cog):
    def _stores(self) -> list[MemberData]:
        return [store for cog in self.rt.cogs for store in cog.member_data()]

    @command("privacy export", defer=True)
    async def export(self, ctx: Context) -> None:
        """Get a file with everything I keep about you in this community."""
        data: dict[str, Any] = {"community": ctx.community.id, "member": ctx.actor.id,
                                "exported_at": ctx.now().isoformat()}
        for store in self._stores():
            data[store.section] = await store.export_member(ctx.community.id, ctx.actor.id)
        body = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()
        await ctx.reply_private(Rich(
            text=_("Here is everything I keep about you in this community."),
            files=(Attachment("circlebot-my-data.json", body, "application/json"),),
        ))

    @command("privacy delete")
    async def delete(self, ctx: Context) -> None:
        """Delete everything I keep about you in this community (asks you to confirm first)."""
        mine = ctx.actor.id
        await ctx.reply_private(Rich(
            text=_("This deletes your settings, circle memberships, check-ins and saved strategies here. "
                   "It can't be undone. Are you sure?"),
            buttons=(
                Button(_("Delete my data"), f"privacy:delete:{mine}", "🗑️", ButtonStyle.DANGER, for_member=mine),
                Button(_("Keep it"), f"privacy:keep:{mine}", "", ButtonStyle.SECONDARY, for_member=mine),
            ),
        ))

    @on_button("privacy")
    async def confirm(self, ctx: Context, press: ButtonPress) -> None:
        _prefix, choice, owner = press.action.split(":", 2)
        ctx.require_asker(owner)
        if choice != "delete":
            await ctx.reply(_("Nothing was deleted."), ephemeral=True)
            return
        removed = 0
        for store in self._stores():
            removed += await store.delete_member(ctx.community.id, owner)
        _log.info("member data deleted on request (%d records)", removed)
        await ctx.reply(_("Done. Everything I kept about you here is gone."), ephemeral=True)
