"""The circle planner: what it schedules is exactly what the runner will then act on (so no job ever spins), and
what it leaves out as missed is exactly what is too late."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cogs.circles_schedule import FiringKind, due_offsets, missed_firings, next_firings
from bot.logic.recurrence import Schedule, occurrences_after, parse_repeat
from bot.store.circles import Circle, CircleKind, CircleState

GRACE = timedelta(minutes=10)
OFFSETS = (timedelta(hours=24), timedelta(minutes=15))
CREATED = datetime(2026, 2, 1, tzinfo=UTC)


def _circle(repeat: str, zone: str, at: time) -> Circle:
    schedule = Schedule(date(2026, 2, 2), at, zone, parse_repeat(repeat), timedelta(hours=1))
    return Circle(1, "discord:1", "c", CircleKind.SHARING, schedule, "discord:2", created_at=CREATED)


circle_st = st.builds(
    _circle,
    st.sampled_from(["daily", "weekly mon,thu", "biweekly tue", "monthly last fri", "once", "weekdays"]),
    st.sampled_from(["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 30])),
)
now_st = st.datetimes(datetime(2026, 2, 1), datetime(2026, 12, 1), timezones=st.just(UTC))


@st.composite
def histories(draw: st.DrawFn, circle: Circle, now: datetime) -> CircleState:
    """Some occurrences near `now` skipped, opened, reminded, as a running bot would have left them."""
    near = list(occurrences_after(circle.schedule, now - timedelta(days=3), 8))
    picked = st.sets(st.sampled_from(near)) if near else st.just(set())
    reminded = {(s, o) for s in draw(picked) for o in OFFSETS if s - o <= now}
    return CircleState(skipped=frozenset(draw(picked)), opened=frozenset(s for s in draw(picked) if s <= now),
                       reminded=frozenset(reminded))


@settings(max_examples=300, deadline=None)
@given(st.data(), circle_st, now_st)
def test_whatever_is_scheduled_is_acted_on_when_it_runs(data: st.DataObject, circle: Circle, now: datetime) -> None:
    state = data.draw(histories(circle, now))
    for firing in next_firings(circle, state, OFFSETS, now, GRACE):
        runs_at = max(now, firing.at)  # a past job runs at once
        assert firing.occurrence not in state.skipped
        if firing.kind is FiringKind.OPEN:
            assert firing.occurrence not in state.opened and runs_at - firing.at <= GRACE
        if firing.kind is FiringKind.REMIND:
            assert due_offsets(firing.occurrence, OFFSETS, state.reminded, runs_at, GRACE)


@settings(max_examples=200, deadline=None)
@given(st.data(), circle_st, now_st)
def test_missed_and_pending_never_overlap(data: st.DataObject, circle: Circle, now: datetime) -> None:
    state = data.draw(histories(circle, now))
    pending = {(f.kind, f.occurrence, f.at) for f in next_firings(circle, state, OFFSETS, now, GRACE)}
    missed = missed_firings(circle, state, OFFSETS, now, GRACE, now - timedelta(days=1))
    assert not pending & {(f.kind, f.occurrence, f.at) for f in missed}
    assert all(now - f.at > GRACE and f.at >= CREATED and f.occurrence not in state.skipped for f in missed)
    assert all(f.occurrence not in state.opened for f in missed if f.kind is FiringKind.OPEN)


def test_a_reminder_due_at_the_grace_limit_still_runs() -> None:
    circle = _circle("daily", "UTC", time(19))
    start = datetime(2026, 3, 3, 19, tzinfo=UTC)
    now = start - timedelta(minutes=15) + GRACE
    (remind,) = [f for f in next_firings(circle, CircleState(), OFFSETS, now, GRACE) if f.kind is FiringKind.REMIND]
    assert remind.at == start - timedelta(minutes=15)
    assert due_offsets(start, OFFSETS, frozenset(), now, GRACE) == [timedelta(minutes=15)]
    later = now + timedelta(microseconds=1)
    assert all(f.occurrence != start or f.kind is not FiringKind.REMIND
               for f in next_firings(circle, CircleState(), OFFSETS, later, GRACE))


def test_an_opening_is_scheduled_up_to_the_grace_limit_and_not_a_moment_after() -> None:
    circle = _circle("daily", "UTC", time(19))
    start = datetime(2026, 3, 3, 19, tzinfo=UTC)
    for late, expected in ((GRACE, True), (GRACE + timedelta(milliseconds=500), False)):
        opens = [f for f in next_firings(circle, CircleState(), OFFSETS, start + late, GRACE)
                 if f.kind is FiringKind.OPEN]
        assert (opens[0].occurrence == start) is expected
