"""Shared figures for benchmarks: medians and p99 of repeated timings (noisy machines: never means)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

__all__ = ["median", "p99"]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def p99(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
