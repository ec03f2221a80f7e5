"""Typed options convert what members type, and refuse the rest with a message that says what to do."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core import options as opt
from bot.core.errors import OptionError
from bot.core.model import Member


@pytest.mark.parametrize(("typed", "expected"), [
    ("90m", timedelta(minutes=90)), ("1h30m", timedelta(minutes=90)), ("1 hour 30 minutes", timedelta(minutes=90)),
    ("2d", timedelta(days=2)), ("45", timedelta(minutes=45)), ("2h and 5m", timedelta(hours=2, minutes=5)),
])
def test_durations(typed: str, expected: timedelta) -> None:
    assert opt.duration("length", "How long").convert(typed) == expected


@pytest.mark.parametrize("typed", ["soon", "90x", "h", "-5m", "0m", "1h banana"])
def test_bad_durations(typed: str) -> None:
    with pytest.raises(OptionError):
        opt.duration("length", "How long").convert(typed)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_24h_time_parses(hour: int, minute: int) -> None:
    assert opt.parse_time_of_day(f"{hour:02d}:{minute:02d}") == time(hour, minute)


@pytest.mark.parametrize(("typed", "expected"), [
    ("7pm", time(19)), ("7:30 pm", time(19, 30)), ("12am", time(0)), ("12pm", time(12)), ("19.30", time(19, 30)),
])
def test_times(typed: str, expected: time) -> None:
    assert opt.time_of_day("at", "When").convert(typed) == expected


@pytest.mark.parametrize("typed", ["7", "25:00", "19:60", "13pm", "evening"])
def test_bad_times(typed: str) -> None:
    with pytest.raises(OptionError, match="19:00"):
        opt.time_of_day("at", "When").convert(typed)


def test_time_zones_are_canonical_and_offsets_are_refused_kindly() -> None:
    zone = opt.timezone("zone", "Zone")
    assert zone.convert("europe/london") == "Europe/London"
    assert zone.convert("America/New York") == "America/New_York"
    with pytest.raises(OptionError, match="daylight saving"):
        zone.convert("+02:00")
    with pytest.raises(OptionError, match="Europe/London"):
        zone.convert("Europe/Lodnon")


def test_text_length_is_bounded_with_the_count_in_the_message() -> None:
    name = opt.text("name", "Name", max_length=100)
    with pytest.raises(OptionError, match="at most 100 characters; this one has 10,000"):
        name.convert("x" * 10_000)
    assert name.convert("  Tuesday evening  ") == "Tuesday evening"


def test_integers_choices_booleans_members() -> None:
    n = opt.integer("n", "N", min_value=1, max_value=5)
    assert n.convert("3") == 3 and n.convert(4) == 4
    for bad in ("0", "6", "three"):
        with pytest.raises(OptionError):
            n.convert(bad)
    assert opt.choice("kind", "K", ("check-in", "sharing")).convert("SHARING") == "sharing"
    with pytest.raises(OptionError, match="`check-in`, `sharing`"):
        opt.choice("kind", "K", ("check-in", "sharing")).convert("talk")
    assert opt.boolean("on", "On").convert("yes") is True and opt.boolean("on", "On").convert(False) is False
    alice = Member("console:alice", "Alice")
    assert opt.member("who", "Who").convert(alice) is alice
    with pytest.raises(OptionError):
        opt.member("who", "Who").convert("alice")
