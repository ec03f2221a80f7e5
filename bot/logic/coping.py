"""Coping strategies: the public face of the library, its search, random picks and the CLI lookup."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterable
from functools import cache
from typing import TextIO

from bot.logic.coping_library import (
    CATEGORIES,
    SITUATIONS,
    LibraryError,
    Strategy,
    load_library,
    parse_library,
    strategy_from_entry,
    validate,
)
from bot.logic.coping_search import Match, SearchIndex
from bot.logic.coping_text import SELF_HARM_CONCEPT

__all__ = [
    "CATEGORIES",
    "SITUATIONS",
    "LibraryError",
    "Match",
    "SearchIndex",
    "Strategy",
    "cope_cli",
    "is_self_harm_query",
    "library_index",
    "load_library",
    "parse_library",
    "random_strategy",
    "strategy_from_entry",
    "validate",
]

_CLI_LIMIT = 5


@cache
def library_index() -> SearchIndex:
    """The search index over the shipped library alone, built once."""
    return SearchIndex.build(load_library())


def is_self_harm_query(query: str) -> bool:
    """Whether a search names self-harm or suicide, so the reply can gently point to `crisis`.

    Uses the same phrase groups and typo repair as the search ("urge to cut", "self harm",
    "suicidal", "slef harm"), so what finds urge strategies also adds the pointer.
    """
    _, found = library_index().understand(query)
    return SELF_HARM_CONCEPT in found.concepts


def random_strategy(strategies: Iterable[Strategy], category: str | None, rng: random.Random) -> Strategy | None:
    """A random strategy, optionally from one category (a situation name works too); None if none fit."""
    wanted = category.strip().lower() if category else None
    pool = [s for s in strategies if wanted is None or wanted in s.categories or wanted in s.situations]
    return rng.choice(pool) if pool else None


def cope_cli(query: str, out: TextIO) -> int:
    """`circlebot cope "<query>"`: print the best matches as JSON lines (id, title, score).

    Returns 0 when something matched, 1 when nothing did, 2 when the query is empty.
    """
    if not query.strip():
        print('Please give a few words to search for, for example: circlebot cope "cant sleep"', file=sys.stderr)
        return 2
    matches = library_index().search(query, limit=_CLI_LIMIT)
    for match in matches:
        line = {"id": match.strategy.id, "title": match.strategy.title, "score": match.score}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    if not matches:
        print("Nothing matched; try other words, like 'panic' or 'cant sleep'.", file=sys.stderr)
        return 1
    return 0
