"""Tests for the iCalendar feed: parsed back, its recurrence expands to the same starts as the schedule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import available_timezones

import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from bot.logic.ical import CalendarCircle, calendar_for, circle_uid
from bot.logic.recurrence import Schedule, occurrences_after, parse_repeat

COMMUNITY = "discord:987654321987654"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
REPEATS = [
    "once", "daily", "weekdays", "weekly mon,thu", "biweekly tue,sat", "every 2 weeks",
    "monthly 2nd tue", "monthly last fri", "monthly 1st sun",
]
ALL_ZONES = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("posix", "right")))
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Santiago", "UTC"]


def _circle(schedule: Schedule, n: int = 1, skipped: frozenset[datetime] = frozenset()) -> CalendarCircle:
    return CalendarCircle(circle_uid(COMMUNITY, n), f"Circle {n}", schedule, "A sharing circle", skipped)


def _expand(ics: bytes, start: datetime, end: datetime) -> list[datetime]:
    calendar = Calendar.from_ical(ics)
    return sorted(e.start.astimezone(UTC) for e in recurring_ical_events.of(calendar).between(start, end))


def _check_expansion(schedule: Schedule, count: int, skipped: frozenset[datetime] = frozenset()) -> None:
    since = datetime.combine(schedule.first_date, time(), tzinfo=UTC) - timedelta(days=2)
    expected = [s for s in occurrences_after(schedule, since, count) if s not in skipped]
    if not expected:
        return
    ics = calendar_for([_circle(schedule, skipped=skipped)], stamp=STAMP)
    assert _expand(ics, since, expected[-1] + timedelta(days=1)) == expected


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("repeat", REPEATS)
def test_expansion_matches_the_schedule_across_dst(repeat: str, zone: str) -> None:
    # 01:30 and 02:30 sit in or near the change hours of these zones in 2026.
    for at in (time(19), time(2, 30), time(1, 30)):
        _check_expansion(Schedule(date(2026, 1, 3), at, zone, parse_repeat(repeat)), 60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ALL_ZONES),
    st.sampled_from(REPEATS),
    st.dates(date(2020, 1, 1), date(2032, 12, 31)),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 30])),
)
def test_expansion_matches_in_any_zone(zone: str, repeat: str, first: date, at: time) -> None:
    _check_expansion(Schedule(first, at, zone, parse_repeat(repeat)), 20)


def test_skipped_occurrences_become_exdates() -> None:
    schedule = Schedule(date(2026, 3, 1), time(1, 30), "Europe/London", parse_repeat("daily"))
    starts = list(occurrences_after(schedule, datetime(2026, 3, 1, tzinfo=UTC), 40))
    skipped = frozenset({starts[3], starts[28]})  # 28 lands on 29 March, moved over the gap to 02:30 BST
    _check_expansion(schedule, 40, skipped)
    ics = calendar_for([_circle(schedule, skipped=skipped)], stamp=STAMP)
    assert ics.count(b"EXDATE;TZID=Europe/London:") == 1 and b"20260329T013000" in ics


def test_rrule_per_repeat() -> None:
    rules = {}
    for text in ("weekdays", "biweekly tue,sat", "monthly 2nd tue", "monthly last fri"):
        schedule = Schedule(date(2026, 1, 3), time(19), "Europe/London", parse_repeat(text))
        event = Calendar.from_ical(calendar_for([_circle(schedule)], stamp=STAMP)).walk("VEVENT")[0]
        rules[text] = event.content_line("RRULE", event["RRULE"])
    assert "BYDAY=MO,TU,WE,TH,FR" in rules["weekdays"]
    assert "INTERVAL=2" in rules["biweekly tue,sat"] and "BYDAY=TU,SA" in rules["biweekly tue,sat"]
    assert "BYDAY=2TU" in rules["monthly 2nd tue"]
    assert "BYDAY=-1FR" in rules["monthly last fri"]


def test_one_event_per_circle_in_its_own_zone_with_a_stable_uid() -> None:
    ninety = timedelta(minutes=90)
    london = Schedule(date(2026, 1, 5), time(19), "Europe/London", parse_repeat("weekly"), ninety)
    sydney = Schedule(date(2026, 1, 5), time(7), "Australia/Sydney", parse_repeat("once"))
    ics = calendar_for([_circle(london, 1), _circle(sydney, 2)], stamp=STAMP)
    calendar = Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert [e["SUMMARY"] for e in events] == ["Circle 1", "Circle 2"]
    assert [e["DTSTART"].params["TZID"] for e in events] == ["Europe/London", "Australia/Sydney"]
    assert events[0].decoded("DURATION") == ninety
    assert "RRULE" not in events[1]
    assert {tz.tz_name for tz in calendar.timezones} == {"Europe/London", "Australia/Sydney"}
    again = Calendar.from_ical(calendar_for([_circle(london, 1)], stamp=STAMP + timedelta(days=3)))
    assert again.walk("VEVENT")[0]["UID"] == events[0]["UID"] != events[1]["UID"]


def test_no_community_id_or_personal_data_leaks() -> None:
    schedule = Schedule(date(2026, 1, 5), time(19), "Europe/London", parse_repeat("weekly"))
    ics = calendar_for([_circle(schedule)], stamp=STAMP)
    assert b"discord" not in ics and b"987654321987654" not in ics
    assert b"ATTENDEE" not in ics and b"ORGANIZER" not in ics
