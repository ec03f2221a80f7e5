"""Community setup for admins: the facilitator role, the time zone, an audit trail, and asking the bot to leave."""

from __future__ import annotations

import re

from bot.core import options as opt
from bot.core.commands import Cog, command, on_button
from bot.core.context import Context
from bot.core.events import ButtonPress
from bot.core.i18n import _
from bot.core.messages import Button, ButtonStyle, Field, Rich
from bot.core.model import Level
from bot.core.text import mention, timestamp
from bot.store.db import from_epoch

__all__ = ["Admin"]


class Admin(Cog):
    @command("setup show", level=Level.ADMIN)
    async def show(self, ctx: Context) -> None:
        """See this community's settings."""
        s = await self.rt.communities.get(ctx.community.id)
        await ctx.reply(Rich(title=_("Community settings"), fields=(
            Field(_("Facilitator role"), s.facilitator_role or _("facilitator (default)")),
            Field(_("Time zone"), s.timezone or _(f"{self.rt.config.bot.timezone} (default)")),
            Field(_("Country for crisis lines"), s.country or self.rt.config.bot.country or _("not set")),
            Field(_("Moderator alert channel"), s.alert_channel or _("not set")),
        )), ephemeral=True)

    @command("setup facilitator-role", opt.text("role", "The role whose members facilitate circles", max_length=100),
             level=Level.ADMIN)
    async def facilitator_role(self, ctx: Context, role: str) -> None:
        """Choose the role whose members can schedule and run circles."""
        value = re.sub(r"^<@&(\d+)>$", r"\1", role.strip()).removeprefix("@")
        await self.rt.communities.set(ctx.community.id, ctx.actor.id, "facilitator_role", value, ctx.now())
        await ctx.reply(_(f"Members with the role **{value}** can now facilitate circles."), ephemeral=True)

    @command("setup timezone", opt.timezone("zone", "The community's time zone, like Europe/Berlin"),
             level=Level.ADMIN)
    async def timezone(self, ctx: Context, zone: str) -> None:
        """Set the community's time zone, used when a member hasn't set their own."""
        await self.rt.communities.set(ctx.community.id, ctx.actor.id, "timezone", zone, ctx.now())
        await ctx.reply(_(f"The community's time zone is now **{zone}**."), ephemeral=True)

    @command("setup leave", level=Level.ADMIN)
    async def leave(self, ctx: Context) -> None:
        """Ask me to leave this community (asks you to confirm first). Its data stays until deleted."""
        mine = ctx.actor.id
        await ctx.reply(Rich(
            text=_("Should I leave? Scheduled circles here stop until I'm invited back; nothing is deleted."),
            buttons=(
                Button(_("Yes, leave"), f"leave:yes:{mine}", "👋", ButtonStyle.DANGER, for_member=mine),
                Button(_("Stay"), f"leave:no:{mine}", "", ButtonStyle.SECONDARY, for_member=mine),
            ),
        ), ephemeral=True)

    @on_button("leave")
    async def confirm_leave(self, ctx: Context, press: ButtonPress) -> None:
        _prefix, choice, owner = press.action.split(":", 2)
        ctx.require_asker(owner, Level.ADMIN)
        if choice != "yes":
            await ctx.reply(_("I'll stay."), ephemeral=True)
            return
        await ctx.reply(_("Thank you for having me. Take care of each other. 💛"))
        if not await ctx.adapter.leave(press):
            await ctx.reply(_("I couldn't leave from here; you can remove me in the server or room settings."),
                            ephemeral=True)

    @command("setup audit", level=Level.ADMIN)
    async def audit(self, ctx: Context) -> None:
        """See who changed the community's settings, and when."""
        rows = await self.rt.communities.audit(ctx.community.id)
        zone = await ctx.zone()
        lines = [f"{timestamp(from_epoch(r['at']), 'f', zone)} {mention(r['actor_id'])}: {r['setting']} → "
                 f"{r['value'] or _('cleared')}" for r in rows]
        await ctx.reply("\n".join(lines) or _("No settings have been changed yet."), ephemeral=True)
