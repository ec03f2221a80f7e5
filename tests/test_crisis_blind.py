"""The crisis detector on blind sets written apart from its rules and its training data: the only figures that say
how it generalises.

Never tune the rules or train the model on tests/data/crisis_blind*.tsv, never even read them while changing the
detector: once a set has guided a change, write a new one. The issue's target is recall 0.97 and false positives at
most 0.05; the detector is far from it on unseen phrasing (see the benchmark). The floors below, just under the
figures measured when each set was first used, only guard against regressions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_crisis import BLIND_PATHS, score
from bot.logic.crisis_detector import Severity
from bot.logic.crisis_training import load_rows

# set name: (least recall, most false positives, least urgent recall)
FLOORS = {
    # written from a two-line definition, no labelling guide; first measured at 31,767 training messages: 0.857 /
    # 0.040 / 0.810 (rules alone 0.415 / 0.054 / 0.238); with 39,367: 0.874 / 0.032 / 0.825
    "crisis_blind4": (0.85, 0.045, 0.80),
    # first measured at 16,617: 0.819 / 0.033 / 0.744 (rules alone: 0.511 / 0.025 / 0.233); now 0.908 / 0.030 / 0.899
    "crisis_blind3": (0.89, 0.04, 0.87),
    # first measured at 11,282: 0.741 / 0.052 / 0.549 (rules alone 0.486 / 0.052 / 0.177); now 0.898 / 0.034 / 0.841
    "crisis_blind2": (0.87, 0.045, 0.81),
    "crisis_blind": (0.95, 0.04, 0.93),  # 0.974 / 0.027 / 0.957; spent on rule tuning before the model came
}


@pytest.mark.parametrize("path", BLIND_PATHS, ids=lambda p: p.stem)
def test_blind_set_is_well_formed(path: Path) -> None:
    rows = load_rows(path)
    flagged = [row for row in rows if row.label is not Severity.NONE]
    assert len(flagged) >= 160
    assert len(rows) - len(flagged) >= 160
    assert all(row.text.strip() for row in rows)
    assert {row.lang for row in rows} == {"en", "es", "de", "fr", "pt", "it", "nl"}


@pytest.mark.parametrize("path", BLIND_PATHS, ids=lambda p: p.stem)
def test_detector_does_not_regress_on_the_blind_sets(path: Path) -> None:
    least_recall, most_false, least_urgent = FLOORS[path.stem]
    scores = score(load_rows(path))
    assert scores.recall >= least_recall, f"recall {scores.recall:.3f}"
    assert scores.false_positive_rate <= most_false, f"false positives {scores.false_positive_rate:.3f}"
    assert scores.urgent_recall >= least_urgent, f"urgent recall {scores.urgent_recall:.3f}"
