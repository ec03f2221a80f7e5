"""Runs circles over time: reminders, opening and closing each occurrence, each claimed once in the database."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.cogs.circles_schedule import FiringKind, due_offsets, missed_firings, next_firings
from bot.core.i18n import _
from bot.core.messages import Rich
from bot.core.text import in_words, mention, timestamp
from bot.logic.mood import MOODS, mood_buttons, safe_note
from bot.logic.recurrence import nominal_start, parse_offsets
from bot.store.checkins import CheckinRepo, MoodSummary
from bot.store.circles import Circle, CircleKind, CircleRepo, CircleState
from bot.store.db import from_epoch, to_epoch

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["JOB_PREFIX", "CircleRunner", "DmCounts"]

_log = logging.getLogger(__name__)

JOB_PREFIX = "circle:"
MISSED_LOOKBACK = timedelta(days=1)
"""How far back a start looks for firings missed while the bot was down, to report them."""


@dataclass(slots=True)
class DmCounts:
    """Reminder direct messages since start: a failed one is counted and logged, never lost silently."""

    sent: int = 0
    failed: int = 0


class CircleRunner:
    """Keeps one job per circle and kind (``circle:<id>:remind|open|close``), rebuilt from the database."""

    def __init__(self, rt: Runtime, circles: CircleRepo, checkins: CheckinRepo) -> None:
        self.rt = rt
        self.circles = circles
        self.checkins = checkins
        self.dms = DmCounts()
        self.default_offsets = parse_offsets(",".join(rt.config.circles.reminders))

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.rt.config.circles.grace_minutes)

    def offsets(self, circle: Circle) -> tuple[timedelta, ...]:
        return self.default_offsets if circle.reminders is None else circle.reminders

    # -- scheduling -----------------------------------------------------------------------------------------
    async def rebuild(self) -> int:
        """At start: every circle's next firings from the database; late ones within grace run at once, older
        ones are logged as missed. Returns how many jobs were scheduled."""
        now = self.rt.clock.now()
        states = await self.circles.all_states(now - MISSED_LOOKBACK - self.grace)
        jobs = 0
        for circle in await self.circles.everything():
            if not self.rt.owns(circle.community_id):
                continue  # another process runs that community's shard (or its platform is not connected here)
            state = states.get(circle.id, CircleState())
            for missed in missed_firings(circle, state, self.offsets(circle), now, self.grace, now - MISSED_LOOKBACK):
                _log.warning("circle %d: %s for %s was missed while down; skipped", circle.id, missed.kind,
                             missed.occurrence.isoformat())
            jobs += self._schedule(circle, state, now)
        _log.info("circle jobs rebuilt: %d", jobs)
        return jobs

    async def replan(self, circle: Circle) -> None:
        """After any change to a circle, or a firing: its jobs again from what the database says now."""
        now = self.rt.clock.now()
        self.cancel(circle.id)
        self._schedule(circle, await self.circles.state(circle, now - self.grace - timedelta(days=1)), now)

    def cancel(self, circle_id: int) -> None:
        self.rt.scheduler.cancel_prefix(f"{JOB_PREFIX}{circle_id}:")

    def _schedule(self, circle: Circle, state: CircleState, now: datetime) -> int:
        firings = next_firings(circle, state, self.offsets(circle), now, self.grace)
        for f in firings:
            self.rt.scheduler.at(
                f"{JOB_PREFIX}{circle.id}:{f.kind}", f.at, self.fire, circle.community_id, circle.id, str(f.kind),
                to_epoch(f.occurrence),
            )
        return len(firings)

    # -- firing ---------------------------------------------------------------------------------------------
    async def fire(self, community_id: str, circle_id: int, kind: str, start_epoch: int) -> None:
        """A job: re-read the circle (it may have changed or gone), claim the firing, act, plan the next."""
        circle = await self.circles.get(community_id, circle_id)
        if circle is None:
            return
        start, now = from_epoch(start_epoch), self.rt.clock.now()
        try:
            if kind == FiringKind.CLOSE:
                await self._close(circle, start, now)
            elif kind == FiringKind.OPEN:
                await self._open(circle, start, now)
            else:
                await self._remind(circle, start, now)
        finally:
            await self.replan(circle)

    async def _still_on(self, circle: Circle, start: datetime, due: datetime, now: datetime, what: str) -> bool:
        """Whether the occurrence still belongs to the (maybe edited) schedule, is not skipped, and is not too late."""
        if nominal_start(circle.schedule, start) is None:
            return False
        state = await self.circles.state(circle, start)
        if start in state.skipped:
            return False
        if now - due > self.grace:
            _log.warning("circle %d: %s for %s came %s late; skipped", circle.id, what, start.isoformat(), now - due)
            return False
        return True

    async def _open(self, circle: Circle, start: datetime, now: datetime) -> None:
        if not await self._still_on(circle, start, start, now, "opening"):
            return
        if not await self.circles.claim_open(circle, start, now):
            return  # another run (or the run before a restart) already opened it
        if now > start:
            _log.info("circle %d opened %s late", circle.id, now - start)
        checkin = circle.kind is CircleKind.CHECK_IN
        title = _(f"{circle.name} · {start.astimezone(ZoneInfo(circle.schedule.zone)):%-d %b}")
        notices = await self.rt.channel_notices(circle.community_id, circle.channel_id)
        opening = opening_message(circle, start, checkin=checkin, notices=notices)
        delivery = await self.rt.start_thread(circle.channel_id, title, opening)
        where = circle.channel_id
        if not delivery.delivered:
            _log.warning("circle %d: its channel refused the opening (%s)", circle.id, delivery.reason)
        elif delivery.ref is not None and delivery.ref.channel_id != circle.channel_id:
            where = delivery.ref.channel_id
            await self.circles.set_thread(circle, start, where)
        if checkin:
            await self.checkins.open_window(circle.community_id, where, circle.id, start,
                                            start + circle.schedule.duration)

    async def _close(self, circle: Circle, start: datetime, now: datetime) -> None:
        if not await self.circles.claim_close(circle, start, now):
            return
        if now - (start + circle.schedule.duration) > self.grace:
            # Closing late still matters: it ends the check-in and tells the circle it is over.
            _log.warning("circle %d: closed %s late", circle.id, now - start - circle.schedule.duration)
        summary = None
        if circle.kind is CircleKind.CHECK_IN:
            summary = await self.checkins.close_window(circle.community_id, circle.id, start)
        await self._post(circle, closing_message(circle, summary), await self.circles.thread_of(circle, start))

    async def _remind(self, circle: Circle, start: datetime, now: datetime) -> None:
        if not await self._still_on(circle, start, now, now, "reminder"):
            return
        state = await self.circles.state(circle, start)
        claimed = [o for o in due_offsets(start, self.offsets(circle), state.reminded, now, self.grace)
                   if await self.circles.claim_reminder(circle, start, o, now)]
        if not claimed:
            return
        joined, _waiting = await self.circles.members(circle)
        settings = await self.rt.members.many(circle.community_id, joined)
        present = [m for m in joined if not settings[m].is_away(now)]
        await self._post(circle, reminder_message(circle, start, present, now))
        wanted = [m for m in present if settings[m].reminders_dm]
        sent, failed = await self._dm_all(wanted, reminder_dm(circle, start, now))
        await self.circles.count_dms(circle, start, claimed[0], sent, failed)

    async def _dm_all(self, member_ids: Sequence[str], message: Rich) -> tuple[int, int]:
        sent = failed = 0
        for member_id in member_ids:
            delivery = await self.rt.dm(member_id, message)
            if delivery.delivered:
                sent += 1
            else:
                failed += 1
                _log.warning("reminder DM not delivered (%s)", delivery.reason or "no reason given")
        self.dms.sent += sent
        self.dms.failed += failed
        return sent, failed

    async def _post(self, circle: Circle, message: Rich, where: str | None = None) -> None:
        delivery = await self.rt.send(where or circle.channel_id, message)
        if not delivery.delivered:
            # The circle is kept for an admin to fix (a new channel with `circle edit`), not deleted.
            _log.warning("circle %d: its channel refused a message (%s)", circle.id, delivery.reason)

    async def tell_promoted(self, circle: Circle, member_ids: Sequence[str]) -> None:
        """Members who moved up from the waitlist hear it by DM if they asked for DMs, else in the channel."""
        if not member_ids:
            return
        settings = await self.rt.members.many(circle.community_id, list(member_ids))
        by_dm = [m for m in member_ids if settings[m].reminders_dm]
        text = _(f"A place opened up in **{circle.name}**: you're in now. `circle leave {circle.name}` if it "
                 "no longer suits you.")
        await self._dm_all(by_dm, Rich(text=text))
        in_channel = [m for m in member_ids if m not in by_dm]
        if in_channel:
            await self._post(circle, Rich(text=" ".join(mention(m) for m in in_channel) + " " + text))


# -- messages --------------------------------------------------------------------------------------------------
def _when(circle: Circle, start: datetime) -> str:
    return timestamp(start, "F", circle.schedule.zone)


def opening_message(circle: Circle, start: datetime, *, checkin: bool, notices: Sequence[str] = ()) -> Rich:
    parts = []
    if circle.topic:
        parts.append(_(f"**Topic:** {safe_note(circle.topic)}"))
    if circle.guidelines:
        parts.append(_(f"**Guidelines:** {safe_note(circle.guidelines)}"))
    parts.extend(notices)
    if checkin:
        parts.append(_("How are you arriving today? Tap the one that fits. The circle only hears how many checked "
                       "in, never who chose what."))
    else:
        parts.append(_("Welcome. Take your time; listening is taking part too."))
    return Rich(
        title=_(f"{circle.name} is starting"),
        text="\n".join(parts),
        buttons=mood_buttons(circle.id, start) if checkin else (),
    )


def closing_message(circle: Circle, summary: MoodSummary | None) -> Rich:
    lines = []
    if summary is not None:
        lines.append(_("Nobody checked in this time.") if summary.count == 0 else
                     _("1 person checked in.") if summary.count == 1 else
                     _(f"{summary.count} people checked in."))
        if summary.spread is not None:
            lines.append(_("How the circle arrived: ") + " · ".join(
                f"{m.emoji} {summary.spread.get(m.value, 0)}" for m in MOODS))
    lines.append(_("Thank you for being here. Take care until next time."))
    return Rich(title=_(f"{circle.name} has closed"), text="\n".join(lines))


def reminder_message(circle: Circle, start: datetime, member_ids: Sequence[str], now: datetime) -> Rich:
    who = " ".join(mention(m) for m in member_ids)
    text = _(f"**{circle.name}** starts {in_words(start - now)}: {_when(circle, start)}.")
    return Rich(text=f"{who} {text}" if who else text)


def reminder_dm(circle: Circle, start: datetime, now: datetime) -> Rich:
    return Rich(text=_(f"A gentle reminder: **{circle.name}** starts {in_words(start - now)}: {_when(circle, start)}. "
                       "`settings reminders channel` stops these messages."))

