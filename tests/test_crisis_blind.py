"""The crisis detector on blind sets written apart from its rules and its training data: the only figures that say
how it generalises.

Never tune the rules or train the model on tests/data/crisis_blind*.tsv, never even read them while changing the
detector: once a set has guided a change, write a new one. The issue's target is recall 0.97 and false positives at
most 0.05. On the five sets nobody has read the detector is within its false-positive limit (0.02 to 0.04) and at
0.94 to 0.97 recall (0.96 in all; see the benchmark); on blind8, whose false alarms were read, 0.06 of its hard
negatives are flagged. The floors below, just under today's figures, only guard against regressions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_crisis import BLIND_PATHS, score
from bot.logic.crisis_detector import Severity, normalise
from bot.logic.crisis_training import load_rows, training_rows

# set name: (least recall, most false positives, least urgent recall)
FLOORS = {
    # Each set's first figures, then today's (90,184 training messages, none of them in a blind set; the network).
    # Rules alone, for comparison: blind6 0.380 / 0.049 / 0.215, blind5 0.316 / 0.046 / 0.100, blind4 0.415 / 0.054 /
    # 0.238, blind3 0.511 / 0.025 / 0.233, blind2 0.486 / 0.052 / 0.177, blind 0.746 / 0.027 / 0.522.
    # blind7 and blind8, new writers (2026-11-25): 0.964 / 0.033 / 0.992 and 0.943 / 0.071 / 0.977 (rules alone 0.478 /
    # 0.065 / 0.300 and 0.380 / 0.066 / 0.234). blind8's false alarms were read: three, from missing guards (an ex, an
    # English idiom, a Spanish "back then"), are gone, 0.063 now; it is spent.
    "crisis_blind8": (0.93, 0.065, 0.96),
    "crisis_blind7": (0.95, 0.04, 0.98),
    "crisis_blind6": (0.92, 0.035, 0.94),  # first measured with regressions only: 0.934 / 0.030 / 0.969 -> 0.936 /
    "crisis_blind5": (0.945, 0.045, 0.945),  # 0.022 / 0.954; blind5: 0.958 / 0.038 / 0.946 -> 0.958 / 0.038 / 0.954
    # blind4, written from a two-line definition with no labelling guide: 0.857 / 0.040 / 0.810 -> 0.972 / 0.024 / 0.968
    "crisis_blind4": (0.95, 0.035, 0.94),
    # blind3's first figures were inflated: 162 of its lines were also in the training files (since removed)
    "crisis_blind3": (0.96, 0.035, 0.98),  # 0.819 / 0.033 / 0.744 -> 0.971 / 0.028 / 0.992
    "crisis_blind2": (0.96, 0.04, 0.94),  # 0.741 / 0.052 / 0.549 -> 0.971 / 0.028 / 0.956; spent (misses read)
    "crisis_blind": (0.98, 0.035, 0.97),  # 0.902 / 0.027 / 0.841 -> 0.990 / 0.022 / 0.986; spent
}


@pytest.mark.parametrize("path", BLIND_PATHS, ids=lambda p: p.stem)
def test_blind_set_is_well_formed(path: Path) -> None:
    rows = load_rows(path)
    flagged = [row for row in rows if row.label is not Severity.NONE]
    assert len(flagged) >= 160
    assert len(rows) - len(flagged) >= 160
    assert all(row.text.strip() for row in rows)
    assert {row.lang for row in rows} == {"en", "es", "de", "fr", "pt", "it", "nl"}


def test_no_blind_message_is_trained_on() -> None:
    """A common line ("i want to sleep and not wake up") can come to two writers: it must stay out of training."""
    trained = {normalise(row.text) for row in training_rows()}
    assert not [row.text for path in BLIND_PATHS for row in load_rows(path) if normalise(row.text) in trained]


@pytest.mark.parametrize("path", BLIND_PATHS, ids=lambda p: p.stem)
def test_detector_does_not_regress_on_the_blind_sets(path: Path) -> None:
    least_recall, most_false, least_urgent = FLOORS[path.stem]
    scores = score(load_rows(path))
    assert scores.recall >= least_recall, f"recall {scores.recall:.3f}"
    assert scores.false_positive_rate <= most_false, f"false positives {scores.false_positive_rate:.3f}"
    assert scores.urgent_recall >= least_urgent, f"urgent recall {scores.urgent_recall:.3f}"
