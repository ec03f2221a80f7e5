"""Each member's own settings: time zone, reminders by direct message, time away."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core import options as opt
from bot.core.commands import Cog, command
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.i18n import _
from bot.core.messages import Field, Rich
from bot.core.options import parse_duration
from bot.core.privacy import MemberData
from bot.core.text import timestamp

__all__ = ["Settings"]

MAX_AWAY = timedelta(days=366)


def parse_away(value: str, now: datetime, zone: str) -> datetime | None:
    """'off', a date (back at the start of that day, in the member's zone) or a length of time like '2w'/'10d'."""
    v = value.strip().casefold()
    if v in ("off", "back", "no", "none"):
        return None
    try:
        day = datetime.fromisoformat(v).date()
        until = datetime.combine(day, time(0), ZoneInfo(zone)).astimezone(UTC)
    except ValueError:
        weeks = v.removesuffix("weeks").removesuffix("week").removesuffix("w").strip()
        try:
            until = now + (timedelta(weeks=int(weeks)) if weeks.isdigit() else parse_duration(v))
        except ValueError:
            raise UserError(_("Tell me when you'll be back: a date like `2026-12-28`, a length like `2w` or `10d`, "
                              "or `off` if you're back now.")) from None
    if until <= now:
        raise UserError(_("That date has already passed. Give a date in the future, or `off` if you're back."))
    if until - now > MAX_AWAY:
        raise UserError(_("I can pause reminders for up to a year at a time."))
    return until


class Settings(Cog):
    def member_data(self) -> tuple[MemberData, ...]:
        return (self.rt.members,)

    @command("settings show")
    async def show(self, ctx: Context) -> None:
        """See your settings here."""
        s = await self.rt.members.get(ctx.community.id, ctx.actor.id)
        zone = await ctx.zone()
        away = timestamp(s.away_until, "D", zone) if s.is_away(ctx.now()) and s.away_until else _("no")
        await ctx.reply_private(Rich(
            title=_("Your settings"),
            fields=(
                Field(_("Time zone"), s.timezone or _(f"not set (showing {zone})")),
                Field(_("Reminders"), _("by direct message too") if s.reminders_dm else _("in the circle's channel")),
                Field(_("Away until"), away),
                Field(_("Country for crisis lines"), s.country or _("not set")),
                Field(_("Automatic crisis replies"), _("on") if s.crisis_replies else _("off")),
            ),
        ))

    @command("settings timezone", opt.timezone("zone", "Your time zone, like Europe/London"))
    async def timezone(self, ctx: Context, zone: str) -> None:
        """Set your time zone, so every time I show you is in your local time."""
        await self.rt.members.update(ctx.community.id, ctx.actor.id, timezone=zone)
        now_there = timestamp(ctx.now(), "t", zone)
        await ctx.reply(_(f"Your time zone is now **{zone}** (it's {now_there} there)."), ephemeral=True)

    @command("settings reminders", opt.choice("where", "Where reminders reach you", ("dm", "channel")))
    async def reminders(self, ctx: Context, where: str) -> None:
        """Choose whether circle reminders also come to you as a direct message."""
        await self.rt.members.update(ctx.community.id, ctx.actor.id, reminders_dm=where == "dm")
        text = (_("I'll also send you circle reminders by direct message.") if where == "dm"
                else _("Reminders will reach you only in the circle's channel."))
        await ctx.reply(text, ephemeral=True)

    @command("settings away", opt.text("until", "A date like 2026-12-28, a length like 2w, or off", max_length=40))
    async def away(self, ctx: Context, until: str) -> None:
        """Pause your reminders for a while (a holiday, a break) without leaving your circles."""
        zone = await ctx.zone()
        back = parse_away(until, ctx.now(), zone)
        await self.rt.members.update(ctx.community.id, ctx.actor.id, away_until=back)
        if back is None:
            await ctx.reply(_("Welcome back. Your reminders are on again."), ephemeral=True)
        else:
            await ctx.reply(
                _(f"Reminders are paused until {timestamp(back, 'D', zone)}. Take care; your circles will be here."),
                ephemeral=True,
            )
