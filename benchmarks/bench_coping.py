"""Benchmark of the coping search: top-3 hit rate on the labelled queries and lookup time at scale."""

from __future__ import annotations

import random
import statistics
import time
import tomllib
from pathlib import Path

from bot.logic.coping import CATEGORIES, SITUATIONS, SearchIndex, Strategy, load_library

__all__ = ["community_strategies", "hit_rate", "labelled_queries", "run"]

_QUERIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "coping_queries.toml"
_COMMUNITY_SIZE = 1_000
_ROUNDS = 5
_WORDS = (
    "walk breathe music friend tea write list sit stand cold warm quiet garden bus dog cat rain "
    "phone call text sing draw paint cook bake clean room window light candle blanket book game "
    "puzzle count notice slow calm rest water shower stretch dance run jog swim cycle pray hum "
    "garden plant knit sew build sort fold laugh joke photo memory plan note journal poem story"
).split()


def labelled_queries() -> list[tuple[str, frozenset[str]]]:
    """(query, expected ids) pairs from tests/data/coping_queries.toml."""
    document = tomllib.loads(_QUERIES.read_text(encoding="utf-8"))
    return [(q["text"], frozenset(q["expect"])) for q in document["query"]]


def _made_up_word(rng: random.Random) -> str:
    """A pronounceable nonsense word, so the community vocabulary grows like a real one would."""
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(_WORDS) if rng.random() < 0.7 else _made_up_word(rng) for _ in range(size))


def community_strategies(count: int, seed: int = 7) -> tuple[Strategy, ...]:
    """`count` generated community strategies with everyday and made-up words, reproducibly."""
    rng = random.Random(seed)
    return tuple(
        Strategy(
            id=f"community-{n}",
            title=_sentence(rng, rng.randint(2, 5)).capitalize(),
            summary=_sentence(rng, 10),
            steps=tuple(_sentence(rng, rng.randint(5, 12)) for _ in range(rng.randint(3, 6))),
            minutes=rng.randint(1, 30),
            categories=tuple(rng.sample(CATEGORIES, rng.randint(0, 2))),
            situations=tuple(rng.sample(SITUATIONS, rng.randint(0, 2))),
            source="Community",
            community_contributed=True,
        )
        for n in range(count)
    )


def hit_rate(index: SearchIndex, queries: list[tuple[str, frozenset[str]]], top: int = 3) -> float:
    """Share of queries with an expected id among the first `top` results."""
    hits = sum(any(m.strategy.id in expect for m in index.search(text, top)) for text, expect in queries)
    return hits / len(queries)


def _lookup_times_ms(index: SearchIndex, texts: list[str]) -> list[float]:
    times: list[float] = []
    for _ in range(_ROUNDS):
        for text in texts:
            start = time.perf_counter()
            index.search(text, 5)
            times.append((time.perf_counter() - start) * 1000)
    return times


def run() -> list[tuple[str, float, str]]:
    """Measure hit rates and lookup latency over the library plus 1,000 community strategies."""
    queries = labelled_queries()
    library = SearchIndex.build(load_library())
    start = time.perf_counter()
    combined = library.extended(community_strategies(_COMMUNITY_SIZE))
    build_ms = (time.perf_counter() - start) * 1000
    times = sorted(_lookup_times_ms(combined, [text for text, _ in queries]))
    return [
        ("coping top-3 hit rate, library", hit_rate(library, queries), "ratio"),
        ("coping top-1 hit rate, library", hit_rate(library, queries, top=1), "ratio"),
        (f"coping top-3 hit rate, library + {_COMMUNITY_SIZE} community", hit_rate(combined, queries), "ratio"),
        (f"coping index build, library + {_COMMUNITY_SIZE} community", build_ms, "ms"),
        (f"coping lookup, median ({len(combined)} strategies)", statistics.median(times), "ms"),
        (f"coping lookup, p99 ({len(combined)} strategies)", times[int(len(times) * 0.99) - 1], "ms"),
    ]


if __name__ == "__main__":
    for what, value, unit in run():
        print(f"{what}: {value:.3f} {unit}")
