"""When each circle's next reminder, opening and closing fire, worked out from its schedule and recent history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.logic.recurrence import occurrences_after
from bot.store.circles import Circle, CircleState

__all__ = ["Firing", "FiringKind", "due_offsets", "missed_firings", "next_firings"]

_MAX_SCAN = 400  # occurrences looked at for one reminder: enough for 14-day offsets on a daily circle


class FiringKind(StrEnum):
    REMIND = "remind"
    OPEN = "open"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Firing:
    """One thing to do for a circle: what, for which occurrence (its UTC start), and when."""

    kind: FiringKind
    occurrence: datetime
    at: datetime


def next_firings(
    circle: Circle, state: CircleState, offsets: Sequence[timedelta], now: datetime, grace: timedelta
) -> list[Firing]:
    """The earliest pending firing of each kind. Anything due up to ``grace`` ago is still pending (it runs
    late); anything older is left out (see ``missed_firings``)."""
    found = [f for f in (_next_open(circle, state, now, grace), _next_reminder(circle, state, offsets, now, grace))
             if f is not None]
    if state.live:
        start, end = min(state.live, key=lambda live: live[1])
        found.append(Firing(FiringKind.CLOSE, start, end))
    return found


def _next_open(circle: Circle, state: CircleState, now: datetime, grace: timedelta) -> Firing | None:
    after = now - grace - timedelta(microseconds=1)  # due at exactly the grace limit still runs, as in the runner
    for start in occurrences_after(circle.schedule, after, len(state.skipped) + len(state.opened) + 1):
        if start not in state.skipped and start not in state.opened:
            return Firing(FiringKind.OPEN, start, start)
    return None


def _next_reminder(
    circle: Circle, state: CircleState, offsets: Sequence[timedelta], now: datetime, grace: timedelta
) -> Firing | None:
    if not offsets:
        return None
    longest = max(offsets)
    best: Firing | None = None
    for start in occurrences_after(circle.schedule, now, _MAX_SCAN):
        if best is not None and start - longest > best.at:
            break  # every reminder of this and later occurrences comes after the best one
        if start in state.skipped:
            continue
        for offset in offsets:
            at = start - offset
            pending = at >= now - grace and (start, offset) not in state.reminded
            if pending and (best is None or at < best.at):
                best = Firing(FiringKind.REMIND, start, at)
    return best


def due_offsets(
    start: datetime, offsets: Sequence[timedelta], reminded: frozenset[tuple[datetime, timedelta]],
    now: datetime, grace: timedelta,
) -> list[timedelta]:
    """The reminders of one occurrence due now and not yet sent; sent together as one message."""
    if start <= now:
        return []
    return [o for o in offsets if now - grace <= start - o <= now and (start, o) not in reminded]


def missed_firings(
    circle: Circle, state: CircleState, offsets: Sequence[timedelta], now: datetime, grace: timedelta,
    since: datetime,
) -> list[Firing]:
    """Openings and reminders that fell due between ``since`` and ``now - grace`` and never ran (the bot was
    down): too late to run, so the caller logs them instead of dropping them silently."""
    floor = max(since, circle.created_at or since)
    missed: list[Firing] = []
    for start in occurrences_after(circle.schedule, floor - max(offsets, default=timedelta()), _MAX_SCAN):
        if start - max(offsets, default=timedelta()) > now - grace:
            break
        if start in state.skipped:
            continue
        if floor <= start < now - grace and start not in state.opened:
            missed.append(Firing(FiringKind.OPEN, start, start))
        for offset in offsets:
            at = start - offset
            if floor <= at < now - grace and at < start and (start, offset) not in state.reminded:
                missed.append(Firing(FiringKind.REMIND, start, at))
    return sorted(missed, key=lambda f: f.at)
