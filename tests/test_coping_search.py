"""Tests for the forgiving coping search, the self-harm query check, random picks and the CLI lookup."""

from __future__ import annotations

import io
import json
import random
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.logic.coping import (
    CATEGORIES,
    SearchIndex,
    Strategy,
    cope_cli,
    is_self_harm_query,
    library_index,
    load_library,
    random_strategy,
)
from bot.logic.coping_text import CONCEPT_PREFIX, analyse, stem, stem_all, surface_tokens

_QUERIES = Path(__file__).parent / "data" / "coping_queries.toml"


def _labelled() -> list[tuple[str, list[str]]]:
    document = tomllib.loads(_QUERIES.read_text(encoding="utf-8"))
    return [(q["text"], q["expect"]) for q in document["query"]]


def _top_ids(query: str, limit: int = 3, index: SearchIndex | None = None) -> list[str]:
    return [m.strategy.id for m in (index or library_index()).search(query, limit)]


def _community(title: str, steps: tuple[str, ...], n: int = 1) -> Strategy:
    return Strategy(
        id=f"community-{n}",
        title=title,
        summary=title,
        steps=steps,
        minutes=5,
        categories=(),
        situations=(),
        source="Community",
        community_contributed=True,
    )


def test_labelled_queries_are_a_real_set() -> None:
    labelled = _labelled()
    known = {s.id for s in load_library()}
    assert len(labelled) >= 70
    assert all(expect and set(expect) <= known for _, expect in labelled)
    assert len({text for text, _ in labelled}) == len(labelled)


def test_top3_hit_rate_on_everyday_queries() -> None:
    labelled = _labelled()
    misses = [text for text, expect in labelled if not set(_top_ids(text)) & set(expect)]
    assert 1 - len(misses) / len(labelled) >= 0.9, misses


@pytest.mark.parametrize("strategy", load_library(), ids=lambda s: s.id)
def test_every_strategy_is_found_by_its_title(strategy: Strategy) -> None:
    assert strategy.id in _top_ids(strategy.title)


@pytest.mark.parametrize(
    ("typo", "spelt"),
    [
        ("brething", "breathing"),
        ("anxios", "anxious"),
        ("lonley", "lonely"),
        ("insomia", "insomnia"),
        ("nightmars", "nightmares"),
        ("disociation", "dissociation"),
        ("grouding", "grounding"),
        ("slef compassion", "self compassion"),
    ],
)
def test_typos_find_what_the_right_spelling_finds(typo: str, spelt: str) -> None:
    assert _top_ids(typo, 1) == _top_ids(spelt, 1) != []


@pytest.mark.parametrize(
    ("one", "other"),
    [("nightmare", "nightmares"), ("urge", "urges"), ("breathe", "breathing"), ("worry", "worries")],
)
def test_word_forms_meet(one: str, other: str) -> None:
    assert _top_ids(one) == _top_ids(other) != []


@pytest.mark.parametrize(
    ("words", "situation"),
    [
        ("cant sleep", "insomnia"),
        ("wide awake at 3am", "insomnia"),
        ("panic attack", "panic"),
        ("so angry", "anger"),
        ("feel numb", "dissociation"),
        ("everything feels unreal", "dissociation"),
        ("urge to cut", "self-harm-urges"),
        ("nobody cares", "loneliness"),
        ("swamped with deadlines", "overwhelm"),
        ("feeling hopeless", "sadness"),
    ],
)
def test_everyday_phrasing_lands_on_the_right_situation(words: str, situation: str) -> None:
    top = library_index().search(words, 3)
    assert len(top) == 3
    assert all(situation in m.strategy.situations for m in top)


def test_urge_queries_bring_urge_strategies() -> None:
    for query in ("urge to cut", "want to hurt myself", "sh urges", "self harm"):
        top = library_index().search(query, 3)
        assert all("urges" in m.strategy.categories or "connection" in m.strategy.categories for m in top)


@pytest.mark.parametrize(
    "query",
    ["urge to cut", "self harm", "slef harm", "selfharm", "sh", "i want to die", "suicidal", "sucidal",
     "hurting myself", "kms", "thinking about ending my life"],
)  # fmt: skip
def test_self_harm_queries_are_recognised(query: str) -> None:
    assert is_self_harm_query(query)


@pytest.mark.parametrize(
    "query",
    ["cant sleep", "panic attack", "cute animal videos", "cutie", "so angry", "feel numb", "harmony", "",
     "shower", "breathing"],
)  # fmt: skip
def test_ordinary_queries_are_not_flagged(query: str) -> None:
    assert not is_self_harm_query(query)


def test_results_are_ranked_scored_and_limited() -> None:
    for limit in (1, 3, 7):
        matches = library_index().search("anxious and cant sleep", limit)
        assert len(matches) == limit
        scores = [m.score for m in matches]
        assert scores == sorted(scores, reverse=True)
        assert all(0 < s <= 1 for s in scores)
    assert library_index().search("breathing", 0) == []


@pytest.mark.parametrize("query", ["", "   ", "the and of", "xqzvkw", "!!!"])
def test_meaningless_queries_find_nothing(query: str) -> None:
    assert library_index().search(query) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=0, max_value=12))
def test_search_never_raises(query: str, limit: int) -> None:
    matches = library_index().search(query, limit)
    assert len(matches) <= limit
    assert len({m.strategy.id for m in matches}) == len(matches)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15))
def test_stems_are_short_lowercase_and_plurals_meet(word: str) -> None:
    stemmed = stem(word)
    assert stemmed and stemmed.isalpha() and stemmed == stemmed.lower()
    assert len(stemmed) <= len(word) + 1  # only a final "e" is ever restored (hop-ing -> hope)
    if len(word) >= 4 and word[-1] not in "seyiu" and not word.endswith(("ing", "ed", "ly", "ness", "tion", "ion")):
        assert stem(word + "s") == stemmed  # words in -us/-is (anxious, crisis) keep their s


@given(st.text(max_size=80))
def test_analysis_keeps_concepts_apart_from_words(text: str) -> None:
    found = analyse(surface_tokens(text))
    assert all(c.startswith(CONCEPT_PREFIX) for c in found.concepts)
    assert not any(s.startswith(CONCEPT_PREFIX) for s in found.stems)
    assert set(found.in_phrases) <= set(stem_all(surface_tokens(text)))


def test_extended_index_finds_community_strategies_only_where_added() -> None:
    base = library_index()
    extra = _community("Feed the ducks at the pond", ("Take oats.", "Walk to the pond.", "Watch the ducks."))
    combined = base.extended([extra])
    assert _top_ids("ducks", 1, combined) == ["community-1"]
    assert combined.search("ducks")[0].strategy.community_contributed
    assert "community-1" not in _top_ids("ducks", 5, base)
    assert len(combined) == len(base) + 1
    assert combined.get("community-1") == extra and base.get("community-1") is None


def test_community_words_are_typo_tolerant_too() -> None:
    extra = _community("Origami cranes", ("Fold a square.", "Crease it.", "Make a crane."))
    combined = library_index().extended([extra])
    assert _top_ids("origammi", 1, combined) == ["community-1"]


def test_duplicate_ids_are_refused() -> None:
    first = load_library()[0]
    with pytest.raises(ValueError, match="unique"):
        SearchIndex.build([first, replace(first, title="Copy")])


def test_library_plus_many_community_strategies_still_ranks_library_well() -> None:
    rng = random.Random(3)
    words = "garden tea window biscuit puzzle kettle sofa walk candle song".split()
    extras = [
        _community(" ".join(rng.sample(words, 3)), tuple(" ".join(rng.sample(words, 5)) for _ in range(3)), n)
        for n in range(300)
    ]
    combined = library_index().extended(extras)
    labelled = _labelled()
    hits = sum(bool(set(_top_ids(text, 3, combined)) & set(expect)) for text, expect in labelled)
    assert hits / len(labelled) >= 0.9


@pytest.mark.parametrize("category", CATEGORIES)
def test_random_strategy_respects_the_category(category: str) -> None:
    rng = random.Random(1)
    picks = {random_strategy(load_library(), category, rng) for _ in range(30)}
    assert None not in picks
    assert all(p is not None and category in p.categories for p in picks)
    assert len(picks) > 1


def test_random_strategy_handles_any_and_unknown() -> None:
    library = load_library()
    assert random_strategy(library, None, random.Random(5)) in library
    assert random_strategy(library, "juggling", random.Random(5)) is None
    assert random_strategy((), None, random.Random(5)) is None
    pick = random_strategy(library, "Panic", random.Random(5))
    assert pick is not None and "panic" in pick.situations
    assert random_strategy(library, None, random.Random(9)) == random_strategy(library, None, random.Random(9))


def test_cope_cli_prints_json_lines() -> None:
    out = io.StringIO()
    assert cope_cli("box breathing", out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["id"] == "box-breathing"
    assert all(set(row) == {"id", "title", "score"} for row in rows)
    assert 1 <= len(rows) <= 5


def test_cope_cli_on_empty_and_unmatched_queries(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert cope_cli("  ", out) == 2
    assert cope_cli("xqzvkw", out) == 1
    assert out.getvalue() == ""
    assert "circlebot cope" in capsys.readouterr().err
