"""The crisis detector on a blind set written apart from its rules: the only figures that say how it generalises.

Never tune the detector on tests/data/crisis_blind.tsv, never even read it while changing the rules: once it has
been looked at, write a new blind set. The issue's target is recall 0.97 and false positives at most 0.05; today
the detector is far from it on unseen phrasing (see the benchmark). The floors below only guard against regressions.
"""

from __future__ import annotations

from benchmarks.bench_crisis import load_blind, score
from bot.logic.crisis_detector import Severity

MIN_RECALL = 0.72
MAX_FALSE_POSITIVE_RATE = 0.04


def test_blind_set_is_well_formed() -> None:
    rows = load_blind()
    flagged = [row for row in rows if row.label is not Severity.NONE]
    assert len(flagged) >= 160
    assert len(rows) - len(flagged) >= 160
    assert all(row.text.strip() for row in rows)


def test_detector_does_not_regress_on_the_blind_set() -> None:
    scores = score(load_blind())
    assert scores.recall >= MIN_RECALL, f"recall {scores.recall:.3f}"
    assert scores.false_positive_rate <= MAX_FALSE_POSITIVE_RATE, f"false positives {scores.false_positive_rate:.3f}"
