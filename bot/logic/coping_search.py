"""Forgiving search over coping strategies: weighted fields, everyday-phrase concepts, typo repair.

The index is an inverted map from term to (strategy positions, precomputed weights) held in
numpy arrays, so a lookup is a handful of vector additions however many community strategies
sit in the index. Per-strategy analysis is cached, so building an index for "library plus one
community's strategies" costs little; callers keep one index per community and rebuild it
when that community's strategies change.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from bot.logic.coping_library import Strategy
from bot.logic.coping_text import (
    CONCEPT_PREFIX,
    Analysed,
    analyse,
    concept_words,
    correct,
    stem,
    surface_tokens,
)

__all__ = ["Match", "SearchIndex", "analyse_text"]

# How much a word counts depending on where in a strategy it appears.
_TITLE, _KEYWORDS, _TAGS, _SUMMARY, _STEPS = 3.0, 2.5, 2.0, 1.5, 0.5
# A concept is broader than the word that named it, so it counts for less than the word.
_CONCEPT_QUERY_WEIGHT = 0.6
# BM25-style saturation: the tenth mention of a word adds little.
_K1 = 1.2
# Matching a whole word pair from a title or keyword phrase adds this much on top of the words.
_PAIR_QUERY_WEIGHT = 0.5
_PAIR = "~"
# A word read as part of an everyday phrase ("work" in "uni work") is mostly explained by the
# phrase's concept, so on its own it counts for less.
_PHRASE_WORD_WEIGHT = 0.5
_FUZZY_CHOICE_MIN_LEN = 4

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Match:
    """A strategy found for a query, with a score in (0, 1]: 1 means every query term hit hard."""

    strategy: Strategy
    score: float


def _digit_runs(tokens: Sequence[str]) -> list[str]:
    """Join runs of single digits, so "5 4 3 2 1" and "5-4-3-2-1" both also read as "54321"."""
    runs: list[str] = []
    current = ""
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isdigit():
            current += token
            continue
        if len(current) > 1:
            runs.append(current)
        current = ""
    return runs


def _bigrams(tokens: Sequence[str]) -> tuple[str, ...]:
    """Adjacent word pairs, stopwords included, so "get out of bed" matches as a phrase too."""
    stems = [stem(t) for t in tokens]
    return tuple(f"{_PAIR}{a} {b}" for a, b in itertools.pairwise(stems))


def analyse_text(tokens: Sequence[str]) -> Analysed:
    """`analyse` plus joined digit runs; the one analysis both strategies and queries go through."""
    base = analyse(tokens)
    runs = tuple(_digit_runs(tokens))
    return Analysed(base.stems + runs, base.concepts, base.in_phrases) if runs else base


@dataclass(frozen=True, slots=True)
class _Document:
    terms: dict[str, float]
    words: frozenset[str]


def _add(terms: dict[str, float], text: str, weight: float, words: set[str], *, pairs: bool = False) -> None:
    tokens = surface_tokens(text)
    words.update(tokens)
    found = analyse_text(tokens)
    for term in (*found.stems, *found.concepts, *(_bigrams(tokens) if pairs else ())):
        terms[term] = terms.get(term, 0.0) + weight


@lru_cache(maxsize=16_384)
def _document(strategy: Strategy) -> _Document:
    """Weighted terms of one strategy; cached so rebuilding an index with extras is cheap."""
    terms: dict[str, float] = {}
    words: set[str] = set()
    _add(terms, strategy.title, _TITLE, words, pairs=True)
    _add(terms, strategy.id.replace("-", " "), _TITLE / 2, words)
    for keyword in strategy.keywords:
        _add(terms, keyword, _KEYWORDS, words, pairs=True)
    _add(terms, strategy.summary, _SUMMARY, words)
    for step in strategy.steps:
        _add(terms, step, _STEPS, words)
    for tag in (*strategy.categories, *strategy.situations):
        _add(terms, tag.replace("-", " "), _TAGS, words)
        key = CONCEPT_PREFIX + tag
        terms[key] = terms.get(key, 0.0) + _TAGS
    return _Document(terms=terms, words=frozenset(words))


class SearchIndex:
    """An immutable search index over a fixed tuple of strategies."""

    __slots__ = ("_by_id", "_contributed_choices", "_known", "_postings", "_shipped_choices", "strategies")

    def __init__(self, strategies: tuple[Strategy, ...]) -> None:
        """Prefer `SearchIndex.build`; ids must be unique."""
        self.strategies = strategies
        self._by_id = {s.id: s for s in strategies}
        if len(self._by_id) != len(strategies):
            raise ValueError("strategy ids must be unique within one index")
        documents = [_document(s) for s in strategies]
        self._postings = _postings(documents)
        shipped: Counter[str] = Counter()
        contributed: Counter[str] = Counter()
        for strategy, document in zip(strategies, documents, strict=True):
            (contributed if strategy.community_contributed else shipped).update(document.words)
        shipped.update(concept_words())
        self._known = frozenset(shipped) | frozenset(contributed)
        # Typos are repaired against shipped words first (a small, fixed list), then against
        # words communities added, which can be many: those only among words with the same
        # first letter, which keeps a lookup fast at the cost of missing a slip in letter one.
        self._shipped_choices = _choices(shipped)
        self._contributed_choices = _by_first_letter(_choices(contributed - shipped))

    @classmethod
    def build(cls, strategies: Iterable[Strategy]) -> SearchIndex:
        """Index `strategies`, e.g. the shipped library plus one community's approved ones."""
        return cls(tuple(strategies))

    def extended(self, extras: Iterable[Strategy]) -> SearchIndex:
        """A new index with `extras` after this index's strategies (this one is unchanged)."""
        return SearchIndex.build((*self.strategies, *extras))

    def get(self, strategy_id: str) -> Strategy | None:
        """The strategy with this id, if the index has it."""
        return self._by_id.get(strategy_id.strip().lower())

    def __len__(self) -> int:
        return len(self.strategies)

    def understand(self, query: str) -> tuple[dict[str, float], Analysed]:
        """Query terms with weights, after typo repair against this index's vocabulary."""
        weights: dict[str, float] = {}
        repaired: list[str] = []
        confidence: dict[str, float] = {}
        for token in surface_tokens(query):
            fixed, sure = self._repair(token)
            repaired.append(fixed)
            confidence[stem(fixed)] = min(sure, confidence.get(stem(fixed), 1.0))
        found = analyse_text(repaired)
        for pair in _bigrams(repaired):
            weights[pair] = _PAIR_QUERY_WEIGHT
        for term in found.stems:
            weight = confidence.get(term, 1.0) * (_PHRASE_WORD_WEIGHT if term in found.in_phrases else 1.0)
            weights[term] = max(weights.get(term, 0.0), weight)
        for concept in found.concepts:
            weights[concept] = max(weights.get(concept, 0.0), _CONCEPT_QUERY_WEIGHT)
        return weights, found

    def search(self, query: str, limit: int = 5) -> list[Match]:
        """The best `limit` strategies for an everyday query, best first; empty when nothing fits."""
        weights, _ = self.understand(query)
        if not weights or limit <= 0 or not self.strategies:
            return []
        scores = np.zeros(len(self.strategies))
        ceiling = 0.0
        for term, weight in weights.items():
            posting = self._postings.get(term)
            if posting is None:
                continue
            positions, values, idf = posting
            scores[positions] += weight * values
            ceiling += weight * idf * (_K1 + 1)
        return self._top(scores, ceiling, limit)

    def _top(self, scores: FloatArray, ceiling: float, limit: int) -> list[Match]:
        hits = np.flatnonzero(scores > 0)
        if hits.size == 0 or ceiling <= 0:
            return []
        order = hits[np.lexsort((hits, -scores[hits]))][:limit]
        return [Match(self.strategies[int(i)], round(float(scores[i]) / ceiling, 4)) for i in order]

    def _repair(self, token: str) -> tuple[str, float]:
        if token in self._known or stem(token) in self._postings:
            return token, 1.0
        fixed, sure = correct(token, self._known, self._shipped_choices)
        if fixed == token:
            fixed, sure = correct(token, self._known, self._contributed_choices.get(token[:1], ()))
        return fixed, sure


def _by_first_letter(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in words:
        grouped[word[0]].append(word)
    return {letter: tuple(group) for letter, group in grouped.items()}


def _choices(counts: Counter[str]) -> tuple[str, ...]:
    """Words worth guessing a typo towards, most common first so ties go to the likelier word."""
    return tuple(w for w, _ in counts.most_common() if len(w) >= _FUZZY_CHOICE_MIN_LEN and not w.isdigit())


def _postings(documents: Sequence[_Document]) -> dict[str, tuple[IntArray, FloatArray, float]]:
    """term -> (positions, idf-weighted saturated scores, idf)."""
    collected: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for position, document in enumerate(documents):
        for term, tf in document.terms.items():
            positions, values = collected[term]
            positions.append(position)
            values.append(tf * (_K1 + 1) / (tf + _K1))
    total = len(documents)
    result: dict[str, tuple[IntArray, FloatArray, float]] = {}
    for term, (positions, values) in collected.items():
        idf = math.log(1.0 + (total - len(positions) + 0.5) / (len(positions) + 0.5))
        result[term] = (np.array(positions, dtype=np.int64), np.array(values) * idf, idf)
    return result
