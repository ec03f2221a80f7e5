"""Tests for the shipped coping-strategy library and its schema check."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.logic.coping import (
    CATEGORIES,
    SITUATIONS,
    LibraryError,
    Strategy,
    load_library,
    parse_library,
    validate,
)


def _raw_entries() -> list[dict[str, Any]]:
    text = resources.files("bot").joinpath("data", "coping", "strategies.toml").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = tomllib.loads(text)["strategy"]
    return entries


def _good_entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "test-strategy",
        "title": "Test strategy",
        "summary": "One line.",
        "steps": ["One.", "Two.", "Three."],
        "minutes": 5,
        "categories": ["breathing"],
        "situations": ["panic"],
        "source": "NHS Every Mind Matters",
    }
    entry.update(changes)
    return entry


def _all_text(strategy: Strategy) -> str:
    return " ".join((strategy.title, strategy.summary, *strategy.steps, *strategy.keywords)).lower()


def test_library_is_big_enough() -> None:
    assert len(load_library()) >= 85


@pytest.mark.parametrize("entry", _raw_entries(), ids=lambda e: str(e.get("id")))
def test_every_shipped_entry_validates(entry: dict[str, Any]) -> None:
    assert validate(entry) == []


def test_ids_are_unique_slugs() -> None:
    ids = [s.id for s in load_library()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_covered_well(category: str) -> None:
    assert sum(category in s.categories for s in load_library()) >= 8


@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_situation_is_covered_well(situation: str) -> None:
    assert sum(situation in s.situations for s in load_library()) >= 8


def test_every_strategy_names_a_source() -> None:
    assert all(len(s.source) > 5 for s in load_library())
    assert len({s.source for s in load_library()}) >= 8


@pytest.mark.parametrize(
    "strategy_id",
    [
        "urge-surfing",
        "tipp-skills",
        "cold-water-face",
        "delay-and-distract",
        "hold-ice",
        "five-four-three-two-one",
        "box-breathing",
        "paced-breathing",
        "progressive-muscle-relaxation",
        "worry-time",
        "thought-record",
        "opposite-action",
        "self-compassion-break",
        "reach-out-script",
        "sleep-hygiene-basics",
        "body-scan",
    ],
)
def test_core_skills_are_in_the_library(strategy_id: str) -> None:
    assert strategy_id in {s.id for s in load_library()}


def test_shipped_strategies_are_not_marked_community() -> None:
    assert not any(s.community_contributed for s in load_library())


# Words that would only appear if an entry described a means of self-harm.
_METHOD_WORDS = (
    "blade", "razor", "overdose", "pills", "tablets", "noose", "rope", "ligature", "poison",
    "bleach", "lighter", "rubber band", "elastic band", "bridge", "jump off", "scissors",
)  # fmt: skip


def test_no_entry_mentions_a_means_of_harm() -> None:
    found = [(s.id, w) for s in load_library() for w in _METHOD_WORDS if w in _all_text(s)]
    assert found == []


def test_self_harm_strategies_point_towards_a_person() -> None:
    """Urge strategies are about getting through safely and reaching someone."""
    people = ("someone", "person", "people", "friend", "crisis command", "helpline", "call", "message")
    urge_help = [s for s in load_library() if "self-harm-urges" in s.situations]
    assert len(urge_help) >= 8
    assert [s.id for s in urge_help if not any(p in _all_text(s) for p in people)] == []


def test_steps_are_short_and_unnumbered() -> None:
    for strategy in load_library():
        assert 3 <= len(strategy.steps) <= 8, strategy.id
        assert all(not re.match(r"\s*\d+[.)]", step) for step in strategy.steps), strategy.id
        assert all(len(step) <= 200 for step in strategy.steps), strategy.id


def test_load_library_is_cached() -> None:
    assert load_library() is load_library()


def test_validate_accepts_a_good_entry() -> None:
    assert validate(_good_entry()) == []
    assert validate(_good_entry(keywords=["cant sleep"])) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "Box Breathing"}, "kebab-case"),
        ({"steps": ["Only.", "Two."]}, "3-8"),
        ({"steps": [f"Step {n}." for n in range(9)]}, "3-8"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": True}, "minutes"),
        ({"minutes": "5"}, "minutes"),
        ({"categories": ["breathing", "juggling"]}, "juggling"),
        ({"categories": []}, "categories must not be empty"),
        ({"situations": ["panic", "panic"]}, "duplicates"),
        ({"source": "  "}, "source"),
        ({"summary": "two\nlines"}, "one line"),
        ({"keywords": "cant sleep"}, "keywords"),
        ({"colour": "blue"}, "unknown field 'colour'"),
    ],
)
def test_validate_names_the_problem(changes: dict[str, object], expected: str) -> None:
    problems = validate(_good_entry(**changes))
    assert any(expected in p for p in problems), problems


def test_validate_reports_missing_fields() -> None:
    entry = _good_entry()
    del entry["source"], entry["steps"]
    problems = validate(entry)
    assert "missing field 'source'" in problems
    assert "missing field 'steps'" in problems


@given(st.dictionaries(st.text(max_size=12), st.one_of(st.none(), st.integers(), st.text(), st.lists(st.text()))))
def test_validate_never_raises(entry: dict[str, object]) -> None:
    assert isinstance(validate(entry), list)


def test_parse_library_rejects_duplicates_and_lists_every_problem() -> None:
    good = """
[[strategy]]
id = "a"
title = "A"
summary = "A."
steps = ["1", "2", "3"]
minutes = 1
categories = ["grounding"]
situations = ["panic"]
source = "Somewhere"
"""
    with pytest.raises(LibraryError, match="duplicate id"):
        parse_library(good + good)
    with pytest.raises(LibraryError, match="minutes") as caught:
        parse_library(good.replace("minutes = 1", "minutes = -1").replace('"grounding"', '"nope"'))
    assert "nope" in str(caught.value)
    with pytest.raises(LibraryError, match="not valid TOML"):
        parse_library("[[strategy]\n")
    with pytest.raises(LibraryError, match="no \\[\\[strategy\\]\\]"):
        parse_library("title = 'x'\n")
    assert [s.id for s in parse_library(good)] == ["a"]
