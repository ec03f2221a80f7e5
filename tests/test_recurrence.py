"""Tests for the recurrence and reminder maths: wall-clock semantics across DST in many zones."""

from __future__ import annotations

import calendar
import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.logic.recurrence import (
    Repeat,
    RepeatKind,
    Schedule,
    describe,
    first_occurrence_date,
    next_occurrence,
    nominal_start,
    occurrences_after,
    parse_offsets,
    parse_repeat,
    previous_occurrence,
    reminder_times,
    repeat_text,
)

ZONES = sorted(z for z in available_timezones() if "/" in z and not z.startswith(("posix/", "right/")))
HOUR = timedelta(hours=1)


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def _take(schedule: Schedule, after: datetime, n: int) -> list[datetime]:
    return list(occurrences_after(schedule, after, n))


# --- an independent oracle for which local dates a repeat picks --------------------------------------


def _oracle_matches(schedule: Schedule, day: date) -> bool:
    """Which dates a repeat picks, worked out differently from the module (ordinals, month calendars)."""
    repeat = schedule.repeat
    if day < schedule.first_date:
        return False
    if repeat.kind is RepeatKind.ONCE:
        return day == schedule.first_date
    if repeat.kind is RepeatKind.DAILY:
        return True
    if repeat.kind is RepeatKind.WEEKDAYS:
        return day.isoweekday() <= 5
    if repeat.kind is RepeatKind.WEEKLY:
        return day.weekday() in repeat.days
    if repeat.kind is RepeatKind.BIWEEKLY:
        # Ordinal 1 (0001-01-01) is a Monday, so ordinal-1 // 7 numbers Monday-to-Sunday weeks.
        week = (day.toordinal() - 1) // 7 - (schedule.first_date.toordinal() - 1) // 7
        return day.weekday() in repeat.days and week % 2 == 0
    candidates = [w[repeat.weekday] for w in calendar.monthcalendar(day.year, day.month) if w[repeat.weekday]]
    return day.day == candidates[repeat.nth - 1 if repeat.nth > 0 else -1]


def _wall_time_exists(day: date, at: time, zone: str) -> bool:
    wall = datetime.combine(day, at, tzinfo=ZoneInfo(zone))
    return wall.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) == wall.replace(tzinfo=None)


# --- hypothesis strategies ----------------------------------------------------------------------------

days_st = st.frozensets(st.integers(0, 6), min_size=1, max_size=7)
repeat_st = st.one_of(
    st.sampled_from([Repeat(RepeatKind.ONCE), Repeat(RepeatKind.DAILY), Repeat(RepeatKind.WEEKDAYS)]),
    st.builds(Repeat, st.just(RepeatKind.WEEKLY), days_st),
    st.builds(Repeat, st.just(RepeatKind.BIWEEKLY), days_st),
    st.builds(
        Repeat,
        st.just(RepeatKind.MONTHLY_NTH),
        nth=st.sampled_from([1, 2, 3, 4, -1]),
        weekday=st.integers(0, 6),
    ),
)
# Times near the usual change hours (00:00-03:59) are drawn often, so gaps and folds really get exercised.
time_st = st.one_of(
    st.builds(time, st.integers(0, 3), st.sampled_from([0, 15, 30, 45])),
    st.builds(time, st.integers(0, 23), st.integers(0, 59)),
)
schedule_st = st.builds(
    Schedule,
    first_date=st.dates(date(2000, 1, 1), date(2035, 12, 31)),
    time=time_st,
    zone=st.sampled_from(ZONES),
    repeat=repeat_st,
    duration=st.just(HOUR),
)
offset_days_st = st.integers(-40, 400)

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _after(schedule: Schedule, offset_days: int) -> datetime:
    noon = datetime.combine(schedule.first_date, time(12), tzinfo=UTC)
    return noon + timedelta(days=offset_days, minutes=7)


@PROPERTY
@given(schedule_st, offset_days_st)
def test_each_occurrence_lands_on_the_local_wall_time_or_just_after_a_gap(
    schedule: Schedule, offset_days: int
) -> None:
    after = _after(schedule, offset_days)
    for start in _take(schedule, after, 12):
        local = _local(start, schedule.zone)
        if local.time() == schedule.time:
            assert _oracle_matches(schedule, local.date())
            # The first of two equal wall times (fold=0), never the second.
            assert local.fold == 0 or not _wall_time_exists(local.date(), schedule.time, schedule.zone)
        else:
            # Moved forward over a gap: the nominal wall time on its date does not exist.
            named = nominal_start(schedule, start)
            assert named is not None and _oracle_matches(schedule, named.date())
            assert not _wall_time_exists(named.date(), schedule.time, schedule.zone)
            assert timedelta(0) < local.replace(tzinfo=None) - named.replace(tzinfo=None) <= timedelta(days=1)


@PROPERTY
@given(schedule_st, offset_days_st)
def test_occurrences_are_exactly_the_matching_dates_strictly_increasing(
    schedule: Schedule, offset_days: int
) -> None:
    after = _after(schedule, offset_days)
    got = _take(schedule, after, 10)
    assert all(a < b for a, b in itertools.pairwise(got))
    assert all(start > after for start in got)
    # Brute force: every date from just before `after` to the last occurrence, through the oracle.
    day = _local(after, schedule.zone).date() - timedelta(days=2)
    end = _local(got[-1], schedule.zone).date() if got else day + timedelta(days=70)
    expected: list[datetime] = []
    while day <= end:
        if _oracle_matches(schedule, day):
            start = datetime.combine(day, schedule.time, tzinfo=ZoneInfo(schedule.zone)).astimezone(UTC)
            if start > after and (not expected or start > expected[-1]):
                expected.append(start)
        day += timedelta(days=1)
    assert got == expected[:10]


@PROPERTY
@given(schedule_st, offset_days_st)
def test_previous_and_next_agree_with_the_sequence(schedule: Schedule, offset_days: int) -> None:
    after = _after(schedule, offset_days)
    got = _take(schedule, after, 4)
    for earlier, later in itertools.pairwise(got):
        assert previous_occurrence(schedule, later) == later
        assert previous_occurrence(schedule, later - timedelta(microseconds=1)) == earlier
        assert next_occurrence(schedule, earlier) == later
    before = previous_occurrence(schedule, after)
    assert before is None or (before <= after and next_occurrence(schedule, before) == next(iter(got), None))


@given(repeat_st)
def test_repeat_text_reads_back_to_the_same_repeat(repeat: Repeat) -> None:
    assert parse_repeat(repeat_text(repeat)) == repeat
    assert describe(repeat)


@given(
    st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)),
    st.lists(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=14)), max_size=5),
)
def test_reminders_come_before_the_start_one_per_offset(start: datetime, offsets: list[timedelta]) -> None:
    times = reminder_times(start, offsets)
    assert times == sorted(times)
    assert len(times) == len(set(offsets))
    assert all(start - t in offsets for t in times)


# --- explicit zones and dates -------------------------------------------------------------------------


def weekly(zone: str, first: date, at: time, days: str = "") -> Schedule:
    return Schedule(first, at, zone, parse_repeat(f"weekly {days}".strip()), HOUR)


def test_london_weekly_1900_stays_1900_across_both_changes_of_2026() -> None:
    schedule = weekly("Europe/London", date(2026, 3, 1), time(19))  # a Sunday
    starts = _take(schedule, _utc(2026, 3, 1), 40)
    assert {_local(s, "Europe/London").time() for s in starts} == {time(19)}
    by_date = {_local(s, "Europe/London").date(): s.hour for s in starts}
    assert by_date[date(2026, 3, 22)] == 19 and by_date[date(2026, 3, 29)] == 18  # BST from 29 March
    assert by_date[date(2026, 10, 18)] == 18 and by_date[date(2026, 10, 25)] == 19  # GMT from 25 October


def test_new_york_changes_on_its_own_date_not_europes() -> None:
    new_york = weekly("America/New_York", date(2026, 3, 2), time(19), "mon")
    london = weekly("Europe/London", date(2026, 3, 2), time(19), "mon")
    after = _utc(2026, 3, 1)
    ny = {_local(s, "America/New_York").date(): s for s in _take(new_york, after, 6)}
    ldn = {_local(s, "Europe/London").date(): s for s in _take(london, after, 6)}
    assert ny[date(2026, 3, 2)] - ldn[date(2026, 3, 2)] == 5 * HOUR
    assert ny[date(2026, 3, 9)] - ldn[date(2026, 3, 9)] == 4 * HOUR  # US moved on 8 March, UK not yet
    assert ny[date(2026, 3, 30)] - ldn[date(2026, 3, 30)] == 5 * HOUR


def test_sydney_moves_the_other_way_in_the_southern_hemisphere() -> None:
    schedule = weekly("Australia/Sydney", date(2026, 3, 1), time(19), "sun")
    hours = {_local(s, "Australia/Sydney").date(): s.hour for s in _take(schedule, _utc(2026, 3, 1), 40)}
    assert hours[date(2026, 3, 29)] == 8  # AEDT, UTC+11
    assert hours[date(2026, 4, 5)] == 9  # AEST from 5 April, UTC+10
    assert hours[date(2026, 9, 27)] == 9
    assert hours[date(2026, 10, 4)] == 8  # AEDT again from 4 October


def test_kolkata_has_no_change_at_all() -> None:
    schedule = Schedule(date(2026, 1, 1), time(19), "Asia/Kolkata", parse_repeat("daily"), HOUR)
    starts = _take(schedule, _utc(2026, 1, 1), 365)
    assert {(s.hour, s.minute) for s in starts} == {(13, 30)}
    assert len(starts) == 365


def test_a_time_in_the_spring_gap_moves_forward_by_the_gap() -> None:
    new_york = weekly("America/New_York", date(2026, 3, 1), time(2, 30), "sun")
    start = _take(new_york, _utc(2026, 3, 7), 1)[0]
    assert _local(start, "America/New_York").time() == time(3, 30)
    assert start == _utc(2026, 3, 8, 7, 30)
    london = Schedule(date(2026, 3, 28), time(1, 30), "Europe/London", parse_repeat("daily"), HOUR)
    starts = _take(london, _utc(2026, 3, 27), 3)
    assert [_local(s, "Europe/London").time() for s in starts] == [time(1, 30), time(2, 30), time(1, 30)]


def test_an_ambiguous_autumn_time_fires_once_the_first_time() -> None:
    london = Schedule(date(2026, 10, 20), time(1, 30), "Europe/London", parse_repeat("daily"), HOUR)
    starts = _take(london, _utc(2026, 10, 24, 12), 3)
    assert starts == [_utc(2026, 10, 25, 0, 30), _utc(2026, 10, 26, 1, 30), _utc(2026, 10, 27, 1, 30)]
    assert next_occurrence(london, _utc(2026, 10, 25, 0, 30)) == _utc(2026, 10, 26, 1, 30)


def test_samoa_skipping_a_calendar_day_does_not_fire_twice() -> None:
    schedule = Schedule(date(2011, 12, 25), time(19), "Pacific/Apia", parse_repeat("daily"), HOUR)
    starts = _take(schedule, _utc(2011, 12, 28), 4)
    assert len(set(starts)) == 4 and starts == sorted(starts)
    assert [_local(s, "Pacific/Apia").day for s in starts] == [27, 28, 29, 31]


@pytest.mark.parametrize(("year", "day"), [(2024, 23), (2026, 27), (2027, 26), (2028, 25)])
def test_monthly_last_friday_of_february(year: int, day: int) -> None:
    schedule = Schedule(date(2020, 1, 1), time(18), "Europe/Berlin", parse_repeat("monthly last fri"), HOUR)
    start = next_occurrence(schedule, _utc(year, 2, 1))
    assert start is not None and _local(start, "Europe/Berlin").date() == date(year, 2, day)


def test_monthly_second_tuesday() -> None:
    schedule = Schedule(date(2026, 1, 1), time(18), "Europe/Paris", parse_repeat("monthly 2nd tue"), HOUR)
    dates = [_local(s, "Europe/Paris").date() for s in _take(schedule, _utc(2026, 1, 1), 3)]
    assert dates == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10)]


def test_biweekly_counts_weeks_from_the_first_dates_week() -> None:
    # 7 January 2026 is a Wednesday; its week starts Monday 5 January, which is before the first date.
    schedule = Schedule(date(2026, 1, 7), time(18), "UTC", parse_repeat("biweekly mon,thu"), HOUR)
    dates = [s.date() for s in _take(schedule, _utc(2026, 1, 1), 5)]
    expected = [date(2026, 1, 8), date(2026, 1, 19), date(2026, 1, 22), date(2026, 2, 2), date(2026, 2, 5)]
    assert dates == expected
    assert first_occurrence_date(schedule) == date(2026, 1, 8)


def test_plain_weekly_and_biweekly_take_the_first_dates_weekday() -> None:
    schedule = Schedule(date(2026, 1, 7), time(18), "UTC", parse_repeat("every 2 weeks"), HOUR)
    assert schedule.repeat.days == frozenset({2})
    assert [s.date() for s in _take(schedule, _utc(2026, 1, 1), 2)] == [date(2026, 1, 7), date(2026, 1, 21)]


def test_a_one_off_happens_once() -> None:
    schedule = Schedule(date(2026, 5, 1), time(18), "UTC", parse_repeat("once"), HOUR)
    assert _take(schedule, _utc(2026, 1, 1), 5) == [_utc(2026, 5, 1, 18)]
    assert next_occurrence(schedule, _utc(2026, 5, 1, 18)) is None
    assert previous_occurrence(schedule, _utc(2026, 5, 1, 17)) is None
    assert previous_occurrence(schedule, _utc(2027, 1, 1)) == _utc(2026, 5, 1, 18)


# --- parsing ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("once", Repeat(RepeatKind.ONCE)),
        ("Daily", Repeat(RepeatKind.DAILY)),
        ("weekdays", Repeat(RepeatKind.WEEKDAYS)),
        ("weekly", Repeat(RepeatKind.WEEKLY)),
        ("weekly mon,thu", Repeat(RepeatKind.WEEKLY, frozenset({0, 3}))),
        ("every 2 weeks", Repeat(RepeatKind.BIWEEKLY)),
        ("biweekly tue", Repeat(RepeatKind.BIWEEKLY, frozenset({1}))),
        ("every other week on Monday and Thursday", Repeat(RepeatKind.BIWEEKLY, frozenset({0, 3}))),
        ("monthly 2nd tue", Repeat(RepeatKind.MONTHLY_NTH, nth=2, weekday=1)),
        ("monthly last fri", Repeat(RepeatKind.MONTHLY_NTH, nth=-1, weekday=4)),
    ],
)
def test_parse_repeat_reads_what_facilitators_type(text: str, expected: Repeat) -> None:
    assert parse_repeat(text) == expected


@pytest.mark.parametrize(
    "text", ["", "sometimes", "weekly funday", "monthly tue", "monthly 5th mon", "daily mon"]
)
def test_parse_repeat_refuses_kindly_in_one_line(text: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_repeat(text)
    assert "\n" not in str(error.value) and len(str(error.value)) < 140


def test_describe_in_plain_words() -> None:
    assert describe(parse_repeat("weekly mon,thu")) == "every Monday and Thursday"
    assert describe(parse_repeat("biweekly tue")) == "every other Tuesday"
    assert describe(parse_repeat("monthly last fri")) == "on the last Friday of each month"


def test_parse_offsets() -> None:
    assert parse_offsets("24h,15m") == (timedelta(hours=24), timedelta(minutes=15))
    assert parse_offsets("15m, 1h30m,2d") == (timedelta(days=2), timedelta(minutes=90), timedelta(minutes=15))
    assert parse_offsets("15") == (timedelta(minutes=15),)  # a bare number means minutes, as in the config
    assert parse_offsets("none") == ()
    for bad in ("soon", "0m", "15d", "1h-5m"):
        with pytest.raises(ValueError):
            parse_offsets(bad)


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError):
        Schedule(date(2026, 1, 1), time(19), "Mars/Olympus_Mons", Repeat(RepeatKind.DAILY))


def test_naive_datetimes_are_refused() -> None:
    schedule = Schedule(date(2026, 1, 1), time(19), "UTC", Repeat(RepeatKind.DAILY))
    with pytest.raises(ValueError):
        next_occurrence(schedule, datetime(2026, 1, 1))
