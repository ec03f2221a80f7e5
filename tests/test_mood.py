"""Tests for the pure mood logic: the scale, the button actions, summary maths, shared notes and the chart."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.messages import MAX_ACTION_LENGTH
from bot.core.text import MENTION_RE, TIME_RE
from bot.logic.mood import (
    MOODS,
    SPREAD_MINIMUM,
    CheckinAction,
    check_mood,
    mood,
    mood_buttons,
    render_chart,
    safe_note,
    spread,
    stats,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which a valid PNG must start with."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_scale_has_five_distinct_warm_labels() -> None:
    assert [m.value for m in MOODS] == [1, 2, 3, 4, 5]
    assert len({m.label for m in MOODS}) == 5 and len({m.emoji for m in MOODS}) == 5
    assert mood(1).label == "Really struggling" and mood(5).label == "Doing well"
    assert mood(3).shown == f"{mood(3).emoji} {mood(3).label}"


@pytest.mark.parametrize("value", [0, 6, -1, 100])
def test_moods_off_the_scale_are_refused(value: int) -> None:
    with pytest.raises(ValueError):
        check_mood(value)
    with pytest.raises(ValueError):
        mood(value)


@given(
    circle=st.integers(min_value=1, max_value=2**53),
    epoch=st.integers(min_value=1, max_value=2**37),
    value=st.integers(min_value=1, max_value=5),
)
def test_actions_round_trip_and_fit_discord(circle: int, epoch: int, value: int) -> None:
    when = datetime.fromtimestamp(epoch, UTC)
    action = CheckinAction(circle, when, value)
    text = action.encode()
    assert text == f"checkin:{circle}:{epoch}:{value}"
    assert len(text) <= MAX_ACTION_LENGTH
    assert CheckinAction.parse(text) == action


def test_a_personal_action_is_zero_zero() -> None:
    assert CheckinAction(None, None, 4).encode() == "checkin:0:0:4"
    assert CheckinAction.parse("checkin:0:0:4") == CheckinAction(None, None, 4)


@pytest.mark.parametrize(
    "action",
    ["checkin:0:0:0", "checkin:0:0:6", "checkin:1:0:3", "checkin:0:5:3", "checkin:x:0:3", "checkin:0:0",
     "checkin:0:0:3:9", "other:0:0:3", "checkin:-1:0:3"],
)
def test_malformed_actions_are_refused(action: str) -> None:
    with pytest.raises(ValueError):
        CheckinAction.parse(action)


def test_mood_buttons_carry_the_occurrence() -> None:
    occurrence = NOW + timedelta(hours=10)
    buttons = mood_buttons(12, occurrence)
    assert [b.action for b in buttons] == [f"checkin:12:{int(occurrence.timestamp())}:{m}" for m in range(1, 6)]
    assert all(b.for_member is None for b in buttons)
    assert [b.label for b in buttons] == [m.label for m in MOODS]
    private = mood_buttons(None, None, for_member="console:alice")
    assert [b.action for b in private] == [f"checkin:0:0:{m}" for m in range(1, 6)]
    assert {b.for_member for b in private} == {"console:alice"}


@given(st.lists(st.integers(min_value=1, max_value=5), max_size=40))
def test_spread_hides_small_groups_and_counts_everyone_otherwise(moods: list[int]) -> None:
    result = spread(moods)
    if len(moods) < SPREAD_MINIMUM:
        assert result is None
    else:
        assert result is not None
        assert sorted(result) == [1, 2, 3, 4, 5]
        assert sum(result.values()) == len(moods)
        assert all(result[m] == moods.count(m) for m in result)


def test_spread_threshold_is_three() -> None:
    assert spread([2, 5]) is None
    assert spread([2, 5, 5]) == {1: 0, 2: 1, 3: 0, 4: 0, 5: 2}
    with pytest.raises(ValueError):
        spread([1, 2, 9])


def test_stats() -> None:
    assert stats([]).count == 0 and stats([]).average is None
    s = stats([1, 2, 4, 5])
    assert (s.count, s.average, s.middle, s.lowest, s.highest) == (4, 3.0, 3.0, 1, 5)
    assert stats([1, 2, 2]).average == 1.7


def test_safe_note_never_pings() -> None:
    note = "thanks <@discord:42> and <@&99> @everyone @here see <#5> at <t:1700000000:F>"
    cleaned = safe_note(note)
    assert not MENTION_RE.search(cleaned) and not TIME_RE.search(cleaned)
    assert "@everyone" not in cleaned and "@here" not in cleaned and "<#" not in cleaned
    assert cleaned.replace("\u200b", "") == note
    assert safe_note("  a quiet day  ") == "a quiet day"


def test_chart_is_a_png_of_the_expected_size() -> None:
    start = NOW - timedelta(days=30)
    points = [(start + timedelta(days=d, hours=5), 1 + d % 5) for d in range(0, 30, 2)]
    data = render_chart(points, zone="America/New_York", start=start, end=NOW)
    assert png_size(data) == (800, 360)
    assert len(data) > 5_000  # a drawn chart, not an empty image


def test_empty_chart_is_still_a_png_and_differs_from_a_full_one() -> None:
    start = NOW - timedelta(days=90)
    empty = render_chart([], zone="UTC", start=start, end=NOW)
    full = render_chart([(NOW - timedelta(days=1), 3)], zone="UTC", start=start, end=NOW)
    assert png_size(empty) == png_size(full) == (800, 360)
    assert empty != full


def test_chart_refuses_a_mood_off_the_scale() -> None:
    with pytest.raises(ValueError):
        render_chart([(NOW, 7)], zone="UTC", start=NOW - timedelta(days=30), end=NOW)
