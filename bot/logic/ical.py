"""iCalendar (RFC 5545) feed of circles, so members see them in their own calendar app; no IO."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from icalendar import Calendar, Event

from bot.logic.recurrence import (
    RepeatKind,
    Schedule,
    first_occurrence_date,
    nominal_start,
)

__all__ = ["CalendarCircle", "calendar_for", "circle_uid"]

_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PRODID = "-//circlebot//support circles//EN"


@dataclass(frozen=True)
class CalendarCircle:
    """What a calendar may know of one circle: no members, no facilitators, nothing personal."""

    uid: str
    name: str
    schedule: Schedule
    description: str = ""
    skipped: Collection[datetime] = field(default=frozenset())
    """UTC starts of occurrences that will not take place."""


def circle_uid(community: str, circle_id: int) -> str:
    """A UID that stays the same for a circle across feeds but does not reveal the community's id."""
    digest = hashlib.sha256(f"{community}/{circle_id}".encode()).hexdigest()[:24]
    return f"circle-{digest}@circlebot"


def calendar_for(events: Sequence[CalendarCircle], *, stamp: datetime | None = None) -> bytes:
    """A VCALENDAR with one recurring VEVENT per circle, in each circle's own zone."""
    calendar = Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "My circles")
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    for circle in events:
        event = _event(circle, moment)
        if event is not None:
            calendar.add_component(event)
    calendar.add_missing_timezones()
    ics: bytes = calendar.to_ical()
    return ics


def _event(circle: CalendarCircle, stamp: datetime) -> Event | None:
    """One VEVENT; None for a one-off circle whose date does not match anything (nothing to show)."""
    schedule = circle.schedule
    first = first_occurrence_date(schedule)
    if first is None:
        return None
    event = Event()
    event.add("uid", circle.uid)
    event.add("dtstamp", stamp)
    event.add("summary", circle.name)
    if circle.description:
        event.add("description", circle.description)
    # The wall-clock start in the circle's zone, so calendar apps keep it there across DST changes.
    event.add("dtstart", datetime.combine(first, schedule.time, tzinfo=schedule.tz))
    event.add("duration", schedule.duration)
    rule = _rrule(schedule)
    if rule is not None:
        event.add("rrule", rule)
        exdates = sorted(_exdates(schedule, circle.skipped))
        if exdates:
            event.add("exdate", exdates)
    return event


def _rrule(schedule: Schedule) -> dict[str, object] | None:
    repeat = schedule.repeat
    match repeat.kind:
        case RepeatKind.ONCE:
            return None
        case RepeatKind.DAILY:
            return {"freq": "daily"}
        case RepeatKind.WEEKDAYS:
            return {"freq": "weekly", "byday": list(_ICAL_DAYS[:5])}
        case RepeatKind.WEEKLY:
            return {"freq": "weekly", "byday": _days(repeat.days)}
        case RepeatKind.BIWEEKLY:
            # WKST=MO matches how the schedule counts weeks (Monday to Sunday).
            return {"freq": "weekly", "interval": 2, "byday": _days(repeat.days), "wkst": "MO"}
        case RepeatKind.MONTHLY_NTH:
            return {"freq": "monthly", "byday": [f"{repeat.nth}{_ICAL_DAYS[repeat.weekday]}"]}
    return None  # pragma: no cover - the match is exhaustive


def _days(days: Collection[int]) -> list[str]:
    return [_ICAL_DAYS[d] for d in sorted(days)]


def _exdates(schedule: Schedule, skipped: Collection[datetime]) -> list[datetime]:
    """Skipped starts named as the recurrence names them: wall-clock in the circle's zone."""
    named = (nominal_start(schedule, start) for start in skipped)
    return [start for start in named if start is not None]
