"""Recurrence and reminder maths for circles: wall-clock schedules in an IANA zone, no IO."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.options import parse_duration

__all__ = [
    "MAX_OFFSET",
    "Repeat",
    "RepeatKind",
    "Schedule",
    "describe",
    "first_occurrence_date",
    "local_start",
    "next_occurrence",
    "nominal_start",
    "occurrences_after",
    "parse_offsets",
    "parse_repeat",
    "previous_occurrence",
    "reminder_times",
    "repeat_text",
]

MAX_OFFSET = timedelta(days=14)
"""The earliest a reminder may come before its occurrence; further ahead it stops being a reminder."""

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_WORDS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(_DAY_NAMES)},
    **{name[:3].lower(): i for i, name in enumerate(_DAY_NAMES)},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}
_NTH_WORDS: dict[str, int] = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4, "last": -1,
}
_NTH_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_NTH_SHORT = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}
_WEEKDAYS = frozenset(range(5))
_EVERY_DAY = frozenset(range(7))
# How far back a search starts: a local time shifted over a gap can land on the next day.
_LOOKBACK = timedelta(days=2)

_REPEAT_HELP = "Try 'once', 'daily', 'weekdays', 'weekly mon,thu', 'every 2 weeks' or 'monthly 2nd tue'."


class RepeatKind(StrEnum):
    """How a circle repeats."""

    ONCE = "once"
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY_NTH = "monthly_nth"


@dataclass(frozen=True)
class Repeat:
    """A repeat rule; empty `days` on a weekly rule means "the weekday of the first date"."""

    kind: RepeatKind
    days: frozenset[int] = frozenset()
    nth: int = 0
    weekday: int = 0

    def __post_init__(self) -> None:
        if not self.days <= _EVERY_DAY:
            raise ValueError("Days are numbered 0 (Monday) to 6 (Sunday).")
        if self.kind is RepeatKind.MONTHLY_NTH:
            if self.nth not in _NTH_NAMES or not 0 <= self.weekday <= 6:
                raise ValueError("A monthly repeat needs a week (1st to 4th, or last) and a day.")
        elif self.days and self.kind not in (RepeatKind.WEEKLY, RepeatKind.BIWEEKLY):
            raise ValueError("Only a weekly or every-2-weeks repeat takes days.")


@dataclass(frozen=True)
class Schedule:
    """When a circle meets: a wall-clock time in `zone` on the dates `repeat` picks, from `first_date`."""

    first_date: date
    time: time
    zone: str
    repeat: Repeat
    duration: timedelta = field(default=timedelta(hours=1))

    def __post_init__(self) -> None:
        _zone(self.zone)  # raises ValueError for an unknown zone
        if self.time.tzinfo is not None:
            raise ValueError("The time of day is a wall-clock time; the zone says where.")
        if self.duration <= timedelta(0):
            raise ValueError("A circle needs to last longer than no time at all.")
        if self.repeat.kind in (RepeatKind.WEEKLY, RepeatKind.BIWEEKLY) and not self.repeat.days:
            # Resolve "weekly" to a concrete day here, so every reader agrees on it.
            days = frozenset({self.first_date.weekday()})
            object.__setattr__(self, "repeat", replace(self.repeat, days=days))

    @property
    def tz(self) -> ZoneInfo:
        """The schedule's zone as a tzinfo."""
        return _zone(self.zone)


@cache
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"I don't know the time zone '{name}'. Try a name like Europe/London.") from None


# --- parsing what facilitators type -------------------------------------------------------------------


def parse_repeat(text: str) -> Repeat:
    """Read a repeat as a facilitator types it, e.g. "weekly mon,thu" or "monthly last fri"."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))
    if not words:
        raise ValueError(f"Please say how the circle repeats. {_REPEAT_HELP}")
    head, rest = _split_head(words)
    if head in ("once", "daily", "weekdays") and not rest:
        return Repeat(RepeatKind(head))
    if head in ("weekly", "biweekly"):
        return Repeat(RepeatKind(head), days=_parse_days(rest))
    if head == "monthly":
        return _parse_monthly(rest)
    raise ValueError(f"I couldn't read '{text.strip()}' as a repeat. {_REPEAT_HELP}")


_HEAD_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("every", "2", "weeks"), "biweekly"),
    (("every", "two", "weeks"), "biweekly"),
    (("every", "other", "week"), "biweekly"),
    (("fortnightly",), "biweekly"),
    (("bi", "weekly"), "biweekly"),
    (("every", "weekday"), "weekdays"),
    (("every", "day"), "daily"),
    (("every", "week"), "weekly"),
    (("every", "month"), "monthly"),
    (("one", "off"), "once"),
    (("oneoff",), "once"),
)


def _split_head(words: list[str]) -> tuple[str, list[str]]:
    """Split the leading kind word (or phrase) from the words that qualify it."""
    for phrase, kind in _HEAD_PHRASES:
        if tuple(words[: len(phrase)]) == phrase:
            return kind, words[len(phrase):]
    return words[0], words[1:]


def _parse_days(words: Sequence[str]) -> frozenset[int]:
    days = set()
    for word in words:
        if word in ("on", "and"):
            continue
        if word not in _DAY_WORDS:
            raise ValueError(f"I don't know the day '{word}'. Use mon, tue, wed, thu, fri, sat or sun.")
        days.add(_DAY_WORDS[word])
    return frozenset(days)


def _parse_monthly(words: Sequence[str]) -> Repeat:
    words = [w for w in words if w not in ("on", "the", "of", "each", "every", "month")]
    if len(words) != 2 or words[0] not in _NTH_WORDS or words[1] not in _DAY_WORDS:
        raise ValueError("Say which week and day, like 'monthly 2nd tue' or 'monthly last fri'.")
    return Repeat(RepeatKind.MONTHLY_NTH, nth=_NTH_WORDS[words[0]], weekday=_DAY_WORDS[words[1]])


def repeat_text(repeat: Repeat) -> str:
    """The canonical text of a repeat, which `parse_repeat` reads back to the same value."""
    if repeat.kind is RepeatKind.MONTHLY_NTH:
        return f"monthly {_NTH_SHORT[repeat.nth]} {_DAY_NAMES[repeat.weekday][:3].lower()}"
    if repeat.days:
        return f"{repeat.kind} " + ",".join(_DAY_NAMES[d][:3].lower() for d in sorted(repeat.days))
    return str(repeat.kind)


def describe(repeat: Repeat) -> str:
    """A repeat in plain words, e.g. "every Monday and Thursday"."""
    if repeat.kind is RepeatKind.ONCE:
        return "once"
    if repeat.kind is RepeatKind.DAILY:
        return "every day"
    if repeat.kind is RepeatKind.WEEKDAYS:
        return "every weekday"
    if repeat.kind is RepeatKind.MONTHLY_NTH:
        return f"on the {_NTH_NAMES[repeat.nth]} {_DAY_NAMES[repeat.weekday]} of each month"
    if not repeat.days:
        return "every week" if repeat.kind is RepeatKind.WEEKLY else "every other week"
    days = _join([_DAY_NAMES[d] for d in sorted(repeat.days)])
    return f"every {days}" if repeat.kind is RepeatKind.WEEKLY else f"every other {days}"


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def parse_offsets(text: str) -> tuple[timedelta, ...]:
    """Read reminder offsets like "24h,15m" or "1h30m, 2d"; "none" means no reminders. Sorted, largest first."""
    if text.strip().lower() in ("none", "off", "no", ""):
        return ()
    return tuple(sorted({_parse_offset(part) for part in text.split(",") if part.strip()}, reverse=True))


def _parse_offset(part: str) -> timedelta:
    try:
        offset = parse_duration(part)
    except ValueError:
        raise ValueError(f"I couldn't read '{part.strip()}' as a reminder time. Try something like 24h,15m.") from None
    if not timedelta(0) < offset <= MAX_OFFSET:
        raise ValueError(f"A reminder can come from 1 minute to 14 days before; '{part.strip()}' is outside that.")
    return offset


# --- occurrence maths -----------------------------------------------------------------------------------


def _matches(schedule: Schedule, day: date) -> bool:
    """Whether the circle meets on this local date."""
    repeat = schedule.repeat
    if day < schedule.first_date:
        return False
    match repeat.kind:
        case RepeatKind.ONCE:
            return day == schedule.first_date
        case RepeatKind.DAILY:
            return True
        case RepeatKind.WEEKDAYS:
            return day.weekday() in _WEEKDAYS
        case RepeatKind.WEEKLY:
            return day.weekday() in repeat.days
        case RepeatKind.BIWEEKLY:
            weeks = (_monday(day) - _monday(schedule.first_date)).days // 7
            return day.weekday() in repeat.days and weeks % 2 == 0
        case RepeatKind.MONTHLY_NTH:
            return day.weekday() == repeat.weekday and _week_of_month(day, repeat.nth)
    return False  # pragma: no cover - the match is exhaustive


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_of_month(day: date, nth: int) -> bool:
    if nth == -1:
        return (day + timedelta(days=7)).month != day.month
    return (day.day - 1) // 7 + 1 == nth


def local_start(schedule: Schedule, day: date) -> datetime:
    """The UTC start on a local date: a time in a spring-forward gap moves forward by the gap,
    an ambiguous fall-back time is the first of the two (PEP 495 fold=0, as RFC 5545 also reads it)."""
    wall = datetime.combine(day, schedule.time, tzinfo=schedule.tz)
    return wall.astimezone(UTC)


def _dated(schedule: Schedule, start_day: date, step: int) -> Iterator[tuple[date, datetime]]:
    """Matching local dates from `start_day` (forwards or backwards) with their UTC starts."""
    day = max(start_day, schedule.first_date) if step > 0 else start_day
    if schedule.repeat.kind is RepeatKind.ONCE:
        if (step > 0 and day <= schedule.first_date) or (step < 0 and day >= schedule.first_date):
            yield schedule.first_date, local_start(schedule, schedule.first_date)
        return
    while step > 0 or day >= schedule.first_date:
        if _matches(schedule, day):
            yield day, local_start(schedule, day)
        day += timedelta(days=step)


def _dated_after(schedule: Schedule, after_utc: datetime) -> Iterator[tuple[date, datetime]]:
    """(local date, UTC start) of each occurrence strictly after `after_utc`, strictly increasing."""
    _require_aware(after_utc)
    last = after_utc
    start_day = (after_utc.astimezone(schedule.tz) - _LOOKBACK).date()
    for day, start in _dated(schedule, start_day, 1):
        if start > last:  # also drops a date a skipped calendar day folded onto the next one
            last = start
            yield day, start


def occurrences_after(schedule: Schedule, after_utc: datetime, limit: int) -> Iterator[datetime]:
    """Up to `limit` UTC starts strictly after `after_utc`, in order, never one twice."""
    for count, (_day, start) in enumerate(_dated_after(schedule, after_utc)):
        if count >= limit:
            return
        yield start


def next_occurrence(schedule: Schedule, after_utc: datetime) -> datetime | None:
    """The first UTC start strictly after `after_utc`, or None when the circle has no more."""
    return next(occurrences_after(schedule, after_utc, 1), None)


def previous_occurrence(schedule: Schedule, at_or_before_utc: datetime) -> datetime | None:
    """The last UTC start at or before `at_or_before_utc`, or None if the circle had not started yet."""
    _require_aware(at_or_before_utc)
    start_day = (at_or_before_utc.astimezone(schedule.tz) + _LOOKBACK).date()
    # Starts never decrease from one matching date to the next, so the first found walking back is the latest.
    return next((start for _day, start in _dated(schedule, start_day, -1) if start <= at_or_before_utc), None)


def first_occurrence_date(schedule: Schedule) -> date | None:
    """The local date of the circle's first occurrence (the first date need not match the repeat)."""
    return next((day for day, _ in _dated(schedule, schedule.first_date, 1)), None)


def nominal_start(schedule: Schedule, start_utc: datetime) -> datetime | None:
    """The wall-clock start (in the schedule's zone) of the occurrence at `start_utc`, as calendars
    name it, even when the real start was moved over a gap; None if no occurrence starts then."""
    for day, start in _dated_after(schedule, start_utc - timedelta(microseconds=1)):
        if start == start_utc:
            return datetime.combine(day, schedule.time, tzinfo=schedule.tz)
        return None
    return None


def reminder_times(start_utc: datetime, offsets: Sequence[timedelta]) -> list[datetime]:
    """When to remind before an occurrence, earliest first, one per distinct positive offset."""
    _require_aware(start_utc)
    return sorted({start_utc - offset for offset in offsets if offset > timedelta(0)})


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("Occurrence maths needs an aware datetime (in UTC).")
