"""Check-ins: a member says how they are (1-5, an optional note), alone or in a circle's check-in, and sees their
own mood history and chart, privately."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.core import options as opt
from bot.core.commands import Cog, command, on_button
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.events import ButtonPress
from bot.core.i18n import _
from bot.core.messages import Attachment, Field, Rich
from bot.core.privacy import MemberData
from bot.core.text import mention, timestamp
from bot.logic.mood import (
    ACTION_PREFIX,
    MAX_MOOD,
    MAX_NOTE,
    MIN_MOOD,
    CheckinAction,
    mood_buttons,
    render_chart,
    safe_note,
    stats,
)
from bot.logic.mood import mood as mood_of
from bot.store.checkins import CHECKIN_MIGRATIONS, Checkin, CheckinRepo, Window

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["Checkins", "mood_buttons"]

_log = logging.getLogger(__name__)

HISTORY_DAYS, MAX_HISTORY_DAYS = 30, 365
HISTORY_SHOWN = 20  # entries listed in one message; the chart and the export show them all
NOTE_SHOWN = 100  # characters of a note in the history list

_THANKS = {
    1: _("Thank you for telling me. I'm sorry things are so hard right now; you don't have to carry it alone. "
         "If it would help to talk to someone, `crisis` shows people you can reach at any hour, and the "
         "facilitators here are around too."),
    2: _("Thank you for checking in. Hard days count too; please be gentle with yourself."),
    3: _("Thanks for checking in. Some days getting by is plenty."),
    4: _("Thanks for checking in. I'm glad things are okay."),
    5: _("Thanks for checking in. It's lovely to hear you're doing well."),
}


class Checkins(Cog):
    migrations = (CHECKIN_MIGRATIONS,)

    def __init__(self, rt: Runtime) -> None:
        super().__init__(rt)
        self.checkins = CheckinRepo(rt.db)

    def member_data(self) -> tuple[MemberData, ...]:
        return (self.checkins,)

    async def about_notes(self, community_id: str) -> list[str]:
        return [_("Check-ins: your moods and notes are for you alone unless you share a note; a circle hears only "
                  "how many checked in, and the spread of moods once three or more have.")]

    @command(
        "checkin",
        opt.integer("mood", f"{MIN_MOOD} (really struggling) to {MAX_MOOD} (doing well)", required=False,
                    min_value=MIN_MOOD, max_value=MAX_MOOD),
        opt.text("note", "A few words for yourself; private unless you say share=yes", required=False,
                 max_length=MAX_NOTE, rest=True),
        opt.boolean("share", "Post your note to the circle's check-in, under your name", required=False,
                    default=False),
    )
    async def checkin(self, ctx: Context, mood: int | None = None, note: str | None = None,
                      share: bool = False) -> None:
        """Say how you're doing, from 1 (really struggling) to 5 (doing well), with a note if you like."""
        window = await self.checkins.window_in(ctx.community.id, ctx.channel.id, ctx.now())
        if mood is None:
            if note:
                raise UserError(_("Add a mood from 1 to 5 to go with your note, like `checkin 3 a long day`."))
            await ctx.reply_private(Rich(
                text=_("How are you doing right now? Only you see what you pick."),
                buttons=mood_buttons(window.circle_id if window else None, window.occurrence_at if window else None,
                                     for_member=ctx.actor.id),
            ))
            return
        if share and not note:
            raise UserError(_("There's no note to share. Add a few words after your mood, or leave out share."))
        if share and window is None:
            raise UserError(_("Sharing posts your note to a circle's check-in, and none is open in this channel. "
                              "Check in without share and your note stays private to you."))
        await self._record(ctx, mood, note, share, window)

    @on_button(ACTION_PREFIX)
    async def pressed(self, ctx: Context, press: ButtonPress) -> None:
        """Each press is the presser's own check-in, whoever the buttons were posted for."""
        try:
            action = CheckinAction.parse(press.action)
        except ValueError:
            raise UserError(_("That button is no longer active. Use `checkin` to check in.")) from None
        window = None
        if action.circle_id is not None and action.occurrence_at is not None:
            window = await self.checkins.window(ctx.community.id, action.circle_id, action.occurrence_at, ctx.now())
        late = action.circle_id is not None and window is None
        await self._record(ctx, action.mood, None, False, window, late=late)

    async def _record(self, ctx: Context, value: int, note: str | None, share: bool, window: Window | None,
                      *, late: bool = False) -> None:
        shared = share and window is not None and await self._share(ctx, window, note)
        updated = await self.checkins.add(ctx.community.id, ctx.actor.id, value, ctx.now(), note=note,
                                          shared=shared, window=window)
        _log.info("check-in recorded in %s (%s)", ctx.community.id, "circle" if window else "personal")
        await ctx.reply_private(_confirmation(value, note, share, shared, window, updated, late))

    async def _share(self, ctx: Context, window: Window, note: str | None) -> bool:
        if not note:
            return False
        text = _(f"{mention(ctx.actor.id)} shared with the circle:\n“{safe_note(note)}”")
        delivery = await ctx.send(window.channel_id, text)
        if not delivery.delivered:
            _log.warning("shared check-in note not delivered (%s)", delivery.reason)
        return delivery.delivered

    @command("mood history", opt.integer("days", f"How far back to look (1 to {MAX_HISTORY_DAYS} days)",
                                         required=False, min_value=1, max_value=MAX_HISTORY_DAYS,
                                         default=HISTORY_DAYS))
    async def history(self, ctx: Context, days: int = HISTORY_DAYS) -> None:
        """See your own check-ins, privately, in your time zone."""
        entries = await self.checkins.history(ctx.community.id, ctx.actor.id, ctx.now() - timedelta(days=days))
        if not entries:
            await ctx.reply_private(_(f"You haven't checked in during the last {days} days. "
                                      "Use `checkin` whenever you like."))
            return
        zone = await ctx.zone()
        numbers = stats([c.mood for c in entries])
        lines = [_history_line(c, zone) for c in reversed(entries[-HISTORY_SHOWN:])]
        if len(entries) > HISTORY_SHOWN:
            lines.append(_(f"*…and {len(entries) - HISTORY_SHOWN} earlier. `mood chart` shows them all.*"))
        await ctx.reply_private(Rich(
            title=_(f"Your check-ins, last {days} days"),
            text="\n".join(lines),
            fields=(Field(_("In all"), _(f"{numbers.count} check-in{'s' if numbers.count != 1 else ''}, "
                                         f"average {numbers.average} (from {numbers.lowest} to {numbers.highest})")),),
        ))

    @command("mood chart", opt.choice("days", "How far back to draw", ("30", "90"), required=False, default="30"),
             defer=True)
    async def chart(self, ctx: Context, days: str = "30") -> None:
        """Get a chart of your mood over the last 30 or 90 days, just for you."""
        now = ctx.now()
        start = now - timedelta(days=int(days))
        entries = await self.checkins.history(ctx.community.id, ctx.actor.id, start)
        zone = await ctx.zone()
        png = await asyncio.to_thread(render_chart, [(c.at, c.mood) for c in entries], zone=zone, start=start,
                                      end=now)
        text = (_(f"Your mood over the last {days} days ({len(entries)} check-ins)."
                  ) if entries else _(f"No check-ins in the last {days} days yet, so the chart is empty."))
        await ctx.reply_private(Rich(text=text, files=(Attachment(f"mood-{days}-days.png", png, "image/png"),)))


def _history_line(c: Checkin, zone: str) -> str:
    where = _(" · circle") if c.circle_id is not None else ""
    line = f"- {timestamp(c.at, 'f', zone)}{where} — {mood_of(c.mood).shown}"
    if c.note:
        short = c.note if len(c.note) <= NOTE_SHOWN else c.note[: NOTE_SHOWN - 1].rstrip() + "…"
        line += f" — *{safe_note(short)}*" + (_(" (shared)") if c.shared else "")
    return line


def _confirmation(value: int, note: str | None, share: bool, shared: bool, window: Window | None, updated: bool,
                  late: bool) -> str:
    """A kind, private answer that says what was kept and who can see it."""
    parts = [_THANKS[value], _(f"I've noted {mood_of(value).shown}.")]
    if updated:
        parts.append(_("That replaces your earlier check-in for this circle."))
    elif window is not None:
        parts.append(_("It counts toward this circle's check-in: the circle hears only how many checked in (and how "
                       "moods spread once three or more have), never who."))
    elif late:
        parts.append(_("That circle's check-in has closed, so I kept this as a personal check-in."))
    if note and shared:
        parts.append(_("Your note was posted to the circle."))
    elif note and share:
        parts.append(_("I couldn't post your note to the circle's channel, so it stays private to you."))
    elif note:
        parts.append(_("Your note is private to you."))
    return " ".join(parts)

