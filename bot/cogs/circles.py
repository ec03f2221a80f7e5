"""Circles: facilitators schedule them in their own time zone; members list, join and leave them, and get a calendar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, TypeVar

from bot.cogs.circles_runner import JOB_PREFIX, CircleRunner
from bot.core import options as opt
from bot.core.commands import Cog, autocomplete, command, on_button
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.events import AutocompleteRequest, ButtonPress, Suggestion
from bot.core.i18n import _
from bot.core.messages import Attachment, Button, ButtonStyle, Field, Rich
from bot.core.model import Channel, Level
from bot.core.privacy import MemberData
from bot.core.text import mention, timestamp
from bot.logic.ical import CalendarCircle, calendar_for, circle_uid
from bot.logic.mood import safe_note
from bot.logic.recurrence import Schedule, describe, next_occurrence, occurrences_after, parse_offsets, parse_repeat
from bot.store.checkins import CHECKIN_MIGRATIONS, CheckinRepo
from bot.store.circles import CIRCLES_MIGRATIONS, Circle, CircleKind, CircleRepo, JoinResult, NameTaken

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["Circles"]

T = TypeVar("T")

_log = logging.getLogger(__name__)

MAX_DURATION = timedelta(hours=12)
NAME = opt.text("name", "The circle's name", max_length=100, autocomplete="circle", rest=True)
KINDS = tuple(str(k) for k in CircleKind)


def _schedule_options(required: bool) -> tuple[opt.Option, ...]:
    return (
        opt.date_("first", "The first day it meets, like 2026-03-10", required=required),
        opt.time_of_day("time", "When it starts, like 19:00 or 7pm", required=required),
        opt.timezone("zone", "The time zone it meets in, like Europe/London", required=required),
        opt.text("repeat", "once, daily, weekdays, weekly mon,thu, every 2 weeks, monthly 2nd tue",
                 max_length=60, required=required),
    )


def _detail_options() -> tuple[opt.Option, ...]:
    return (
        opt.duration("duration", "How long it lasts, like 60m or 1h30m", required=False),
        opt.channel("channel", "The channel it meets in", required=False),
        opt.integer("capacity", "The most members it takes (0 for no limit)", required=False, min_value=0,
                    max_value=1000),
        opt.text("topic", "What this circle is about", required=False, max_length=200),
        opt.text("guidelines", "Guidelines shown when it opens", required=False, max_length=1000),
        opt.text("reminders", "When to remind before it, like 24h,15m, or none", required=False, max_length=60),
    )


def _read(parse: Callable[[str], T], text: str) -> T:
    """Turn a parser's ValueError (already a kind one-line message) into a UserError."""
    try:
        return parse(text)
    except ValueError as exc:
        raise UserError(_(str(exc))) from None


class Circles(Cog):
    """Scheduled peer-support circles, their members and waitlists, reminders, and the live open and close."""

    migrations = (CHECKIN_MIGRATIONS, CIRCLES_MIGRATIONS)

    def __init__(self, rt: Runtime) -> None:
        super().__init__(rt)
        self.repo = CircleRepo(self.rt.db)
        self.runner = CircleRunner(self.rt, self.repo, CheckinRepo(self.rt.db))

    async def setup(self) -> None:
        await self.runner.rebuild()

    async def unload(self) -> None:
        self.rt.scheduler.cancel_prefix(JOB_PREFIX)

    def member_data(self) -> tuple[MemberData, ...]:
        return (self.repo,)

    async def about_notes(self, community_id: str) -> list[str]:
        count = len(await self.repo.in_community(community_id))
        if not count:
            return []
        return [_(f"{count} circle{'s' if count != 1 else ''} meet here: `circle list` shows when.")]

    # -- helpers --------------------------------------------------------------------------------------------
    async def _find(self, ctx: Context, name: str) -> Circle:
        circle = await self.repo.by_name(ctx.community.id, name)
        if circle is None:
            raise UserError(_(f"I can't find a circle called **{name[:100]}** here. `circle list` shows them all."))
        return circle

    def _check_future(self, schedule: Schedule, now: datetime) -> datetime:
        upcoming = next_occurrence(schedule, now)
        if upcoming is None:
            raise UserError(_("That date and time have already passed. Please choose a time in the future."))
        return upcoming

    @staticmethod
    def _check_duration(duration: timedelta) -> timedelta:
        if duration > MAX_DURATION:
            raise UserError(_("A circle can last up to 12 hours. Please choose a shorter duration."))
        return duration

    async def _store(self, ctx: Context, circle: Circle, *, new: bool) -> Circle:
        if safe_note(circle.name) != circle.name or not circle.name:
            raise UserError(_("A circle's name can't be empty or hold mentions. Please choose plain words."))
        try:
            return await (self.repo.create(circle, ctx.now()) if new else self.repo.update(circle))
        except NameTaken:
            raise UserError(_(f"There's already a circle called **{circle.name}** here. Please pick another "
                              "name.")) from None

    # -- facilitators ---------------------------------------------------------------------------------------
    @command(
        "circle create", opt.text("name", "The circle's name", max_length=100),
        opt.choice("kind", "check-in (moods at the start) or sharing", KINDS),
        *_schedule_options(True), *_detail_options(),
        level=Level.FACILITATOR,
    )
    async def create(
        self, ctx: Context, name: str, kind: str, first: date, time: time, zone: str, repeat: str,
        duration: timedelta | None = None, channel: Channel | None = None, capacity: int | None = None,
        topic: str | None = None, guidelines: str | None = None, reminders: str | None = None,
    ) -> None:
        """Schedule a new circle in its own time zone; it keeps its local time across daylight saving."""
        schedule = Schedule(first, time, zone, _read(parse_repeat, repeat),
                            self._check_duration(duration or timedelta(hours=1)))
        upcoming = self._check_future(schedule, ctx.now())
        where = channel or ctx.channel
        if where.direct:
            raise UserError(_("A circle needs a channel to meet in. Run this in that channel, or name it with "
                              "`channel`."))
        circle = await self._store(ctx, Circle(
            id=0, community_id=ctx.community.id, name=name.strip(), kind=CircleKind(kind), schedule=schedule,
            channel_id=where.id, channel_name=where.name,
            capacity=capacity or None, topic=topic or "", guidelines=guidelines or "",
            reminders=None if reminders is None else _read(parse_offsets, reminders),
        ), new=True)
        await self.runner.replan(circle)
        await ctx.reply(Rich(
            title=_(f"New circle: {circle.name}"),
            text=_(f"Meets {describe(schedule.repeat)} at {time.strftime('%H:%M')} ({zone}), first on "
                   f"{timestamp(upcoming, 'F', zone)}, in {channel_link(circle)}."),
            buttons=(Button(_("Join"), f"circlejoin:{circle.id}", "🤝", ButtonStyle.PRIMARY),),
        ))

    @command(
        "circle edit", NAME,
        opt.text("rename", "A new name for it", required=False, max_length=100),
        *_schedule_options(False), *_detail_options(),
        level=Level.FACILITATOR,
    )
    async def edit(
        self, ctx: Context, name: str, rename: str | None = None, first: date | None = None,
        time: time | None = None, zone: str | None = None, repeat: str | None = None,
        duration: timedelta | None = None, channel: Channel | None = None, capacity: int | None = None,
        topic: str | None = None, guidelines: str | None = None, reminders: str | None = None,
    ) -> None:
        """Change a circle. Whatever you leave out stays as it was, including its first date and time zone."""
        circle = await self._find(ctx, name)
        s = circle.schedule
        schedule = Schedule(
            first or s.first_date, time or s.time, zone or s.zone,
            _read(parse_repeat, repeat) if repeat else s.repeat,
            self._check_duration(duration) if duration else s.duration,
        )
        if schedule != s:
            self._check_future(schedule, ctx.now())
        joined, _waiting = await self.repo.members(circle)
        if capacity and capacity < len(joined):
            raise UserError(_(f"**{circle.name}** already has {len(joined)} members, so its capacity can't go "
                              f"below {len(joined)}."))
        changed = replace(
            circle, name=(rename or circle.name).strip(), schedule=schedule,
            channel_id=channel.id if channel else circle.channel_id,
            channel_name=channel.name if channel else circle.channel_name,
            capacity=circle.capacity if capacity is None else capacity or None,
            topic=circle.topic if topic is None else topic,
            guidelines=circle.guidelines if guidelines is None else guidelines,
            reminders=circle.reminders if reminders is None else _read(parse_offsets, reminders),
        )
        changed = await self._store(ctx, changed, new=False)
        await self.runner.tell_promoted(changed, await self.repo.promote(changed))
        await self.runner.replan(changed)
        await ctx.reply(_(f"**{changed.name}** is updated. {self._next_line(changed, ctx.now())}"), ephemeral=True)

    @command("circle skip", NAME, opt.text("note", "A short note for the circle (optional)", required=False,
                                           max_length=300), level=Level.FACILITATOR)
    async def skip(self, ctx: Context, name: str, note: str | None = None) -> None:
        """Skip the circle's next meeting only; the ones after stay as they are."""
        circle = await self._find(ctx, name)
        state = await self.repo.state(circle, ctx.now())
        upcoming = next((s for s in occurrences_after(circle.schedule, ctx.now(), 400) if s not in state.skipped),
                        None)
        if upcoming is None:
            raise UserError(_(f"**{circle.name}** has no meeting left to skip."))
        await self.repo.skip(circle, upcoming)
        await self.runner.replan(circle)
        when = timestamp(upcoming, "F", circle.schedule.zone)
        text = _(f"**{circle.name}** won't meet on {when}.") + (f"\n{safe_note(note)}" if note else "")
        delivery = await ctx.send(circle.channel_id, text)
        posted = _("I've let the circle know.") if delivery.delivered else _("I couldn't post in its channel.")
        await ctx.reply(_(f"Skipped {when}. {posted}"), ephemeral=True)

    @command("circle delete", NAME, level=Level.FACILITATOR)
    async def delete(self, ctx: Context, name: str) -> None:
        """Delete a circle for good (asks you to confirm first)."""
        circle = await self._find(ctx, name)
        who = ctx.actor.id
        await ctx.reply(Rich(
            text=_(f"Delete **{circle.name}** and its member list? This can't be undone."),
            buttons=(
                Button(_("Delete it"), f"circledel:{circle.id}:yes:{who}", "🗑️", ButtonStyle.DANGER, for_member=who),
                Button(_("Keep it"), f"circledel:{circle.id}:no:{who}", "", for_member=who),
            ),
        ), ephemeral=True)

    @on_button("circledel")
    async def confirm_delete(self, ctx: Context, press: ButtonPress) -> None:
        _prefix, circle_id, choice, owner = press.action.split(":", 3)
        ctx.require_asker(owner, Level.FACILITATOR)
        circle = await self.repo.get(ctx.community.id, int(circle_id))
        if circle is None:
            raise UserError(_("That circle is already gone."))
        if choice != "yes":
            await ctx.reply(_(f"**{circle.name}** stays as it is."), ephemeral=True)
            return
        self.runner.cancel(circle.id)
        await self.repo.delete(ctx.community.id, circle.id)
        _log.info("circle %d deleted in %s", circle.id, ctx.community.id)
        await ctx.reply(_(f"**{circle.name}** is deleted."), ephemeral=True)

    @command("circle members", NAME, level=Level.FACILITATOR)
    async def members(self, ctx: Context, name: str) -> None:
        """See who joined a circle and who is waiting for a place."""
        circle = await self._find(ctx, name)
        joined, waiting = await self.repo.members(circle)
        fields = [Field(_(f"Members ({len(joined)}{f'/{circle.capacity}' if circle.capacity else ''})"),
                        "\n".join(mention(m) for m in joined) or _("nobody yet"))]
        if waiting:
            fields.append(Field(_(f"Waiting ({len(waiting)})"), "\n".join(mention(m) for m in waiting)))
        failed = await self.repo.failed_dms(ctx.community.id, circle.id)
        text = _(f"{failed} reminder DM{'s' if failed != 1 else ''} could not be delivered.") if failed else ""
        await ctx.reply(Rich(title=circle.name, text=text, fields=tuple(fields)), ephemeral=True)

    # -- members --------------------------------------------------------------------------------------------
    @command("circle list")
    async def list_circles(self, ctx: Context) -> None:
        """See the circles here and when each meets next, in your time zone."""
        circles = await self.repo.in_community(ctx.community.id)
        if not circles:
            await ctx.reply(_("No circles are scheduled here yet."), ephemeral=True)
            return
        zone, now = await ctx.zone(), ctx.now()
        counts = await self.repo.joined_counts(ctx.community.id)
        mine = await self.repo.statuses(ctx.community.id, ctx.actor.id)
        dated = sorted(((next_occurrence(c.schedule, now), c) for c in circles),
                       key=lambda p: (p[0] is None, p[0] or now, p[1].name))
        lines = [self._list_line(c, start, zone, counts.get(c.id, 0), mine.get(c.id)) for start, c in dated]
        await ctx.reply(Rich(title=_("Circles"), text="\n".join(lines)), ephemeral=True)

    @staticmethod
    def _list_line(circle: Circle, start: datetime | None, zone: str, joined: int, status: JoinResult | None) -> str:
        when = timestamp(start, "F", zone) if start else _("no more meetings")
        places = f"{joined}/{circle.capacity}" if circle.capacity else str(joined)
        marks = {JoinResult.JOINED: _(" · you're in"), JoinResult.WAITING: _(" · you're on the waitlist")}
        return _(f"- **{circle.name}** ({circle.kind}), {describe(circle.schedule.repeat)}: next {when} · "
                 f"{places} joined") + (marks.get(status, "") if status else "")

    def _next_line(self, circle: Circle, now: datetime, zone: str | None = None) -> str:
        start = next_occurrence(circle.schedule, now)
        return _(f"Next: {timestamp(start, 'F', zone or circle.schedule.zone)}.") if start else _("No more meetings.")

    @command("circle info", NAME)
    async def info(self, ctx: Context, name: str) -> None:
        """See when a circle meets, what it is about and its guidelines."""
        circle = await self._find(ctx, name)
        zone, now = await ctx.zone(), ctx.now()
        s = circle.schedule
        joined, waiting = await self.repo.members(circle)
        upcoming = [timestamp(start, "F", zone) for start in occurrences_after(s, now, 3)]
        offsets = self.runner.offsets(circle)
        fields = [
            Field(_("When"), _(f"{_upper_first(describe(s.repeat))} at {s.time.strftime('%H:%M')} ({s.zone}), for "
                               f"{_minutes(s.duration)}")),
            Field(_("Next"), "\n".join(upcoming) or _("no more meetings")),
            Field(_("Where"), channel_link(circle)),
            Field(_("Members"), _places(circle, len(joined), len(waiting))),
            Field(_("Reminders"), ", ".join(_minutes(o) + _(" before") for o in offsets) or _("none")),
        ]
        if circle.topic:
            fields.append(Field(_("Topic"), circle.topic))
        if circle.guidelines:
            fields.append(Field(_("Guidelines"), circle.guidelines))
        await ctx.reply(Rich(title=_(f"{circle.name} ({circle.kind})"), fields=tuple(fields)), ephemeral=True)

    @command("circle join", NAME)
    async def join(self, ctx: Context, name: str) -> None:
        """Join a circle, to get its reminders and a place in it."""
        await self._join(ctx, await self._find(ctx, name), wait=False)

    @on_button("circlejoin")
    async def join_button(self, ctx: Context, press: ButtonPress) -> None:
        await self._join(ctx, await self._by_id(ctx, press.action.split(":")[1]), wait=False)

    @on_button("circlewait")
    async def wait_button(self, ctx: Context, press: ButtonPress) -> None:
        _prefix, circle_id, owner = press.action.split(":", 2)
        if owner != ctx.actor.id:
            raise UserError(_("This waitlist button was for someone else. Use `circle join` yourself."))
        await self._join(ctx, await self._by_id(ctx, circle_id), wait=True)

    async def _by_id(self, ctx: Context, circle_id: str) -> Circle:
        circle = await self.repo.get(ctx.community.id, int(circle_id)) if circle_id.isdigit() else None
        if circle is None:
            raise UserError(_("That circle is no longer scheduled. `circle list` shows the current ones."))
        return circle

    async def _join(self, ctx: Context, circle: Circle, *, wait: bool) -> None:
        result = await self.repo.join(circle, ctx.actor.id, ctx.now(), wait=wait)
        next_line = self._next_line(circle, ctx.now(), await ctx.zone())
        if result is JoinResult.FULL:
            who = ctx.actor.id
            await ctx.reply(Rich(
                text=_(f"**{circle.name}** is full right now. Join the waitlist? You'll move up automatically "
                       "when a place opens."),
                buttons=(Button(_("Join the waitlist"), f"circlewait:{circle.id}:{who}", "⏳", for_member=who),),
            ), ephemeral=True)
            return
        text = {
            JoinResult.JOINED: _(f"You've joined **{circle.name}**. {next_line} I'll remind you in its channel."),
            JoinResult.WAITING: _(f"You're on the waitlist for **{circle.name}**. I'll let you know when a place "
                                  "opens."),
            JoinResult.ALREADY: _(f"You're already in **{circle.name}**. {next_line}"),
        }[result]
        await ctx.reply(text, ephemeral=True)

    @command("circle leave", NAME)
    async def leave(self, ctx: Context, name: str) -> None:
        """Leave a circle, or its waitlist."""
        circle = await self._find(ctx, name)
        was, promoted = await self.repo.leave(circle, ctx.actor.id)
        if was is None:
            raise UserError(_(f"You aren't in **{circle.name}**, so there's nothing to leave."))
        await self.runner.tell_promoted(circle, promoted)
        left = _("the waitlist for ") if was is JoinResult.WAITING else ""
        await ctx.reply(_(f"You've left {left}**{circle.name}**. You're welcome back any time."), ephemeral=True)

    @command("circle ical", defer=True)
    async def ical(self, ctx: Context) -> None:
        """Get a calendar file (.ics) of the circles you joined, for your own calendar app."""
        mine = await self.repo.statuses(ctx.community.id, ctx.actor.id)
        circles = [c for c in await self.repo.in_community(ctx.community.id) if mine.get(c.id) is JoinResult.JOINED]
        if not circles:
            raise UserError(_("You haven't joined any circles yet. `circle list` shows them."))
        now = ctx.now()
        events = []
        for c in circles:
            state = await self.repo.state(c, now)
            events.append(CalendarCircle(circle_uid(c.community_id, c.id), c.name, c.schedule,
                                         _(f"A {c.kind} circle.") + (f" {c.topic}" if c.topic else ""),
                                         state.skipped))
        data = calendar_for(events, stamp=now)
        await ctx.reply_private(Rich(
            text=_("Here are your circles as a calendar file. Open it with your calendar app."),
            files=(Attachment("circles.ics", data, "text/calendar"),),
        ))

    @autocomplete("circle")
    async def names(self, request: AutocompleteRequest) -> list[Suggestion]:
        typed = request.partial.strip().casefold()
        circles = await self.repo.in_community(request.community.id)
        return [Suggestion(c.name, c.name) for c in circles if typed in c.name.casefold()]


def channel_link(circle: Circle) -> str:
    """The circle's channel as members read it: its name as it was when chosen."""
    return "#" + (circle.channel_name or circle.channel_id.rpartition(":")[2]).removeprefix("#")


def _minutes(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return "".join(parts) or "0m"


def _places(circle: Circle, joined: int, waiting: int) -> str:
    if circle.capacity is None:
        return str(joined)
    return f"{joined}/{circle.capacity}" + (_(f", {waiting} waiting") if waiting else "")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
