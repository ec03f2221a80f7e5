"""Training the crisis model (``crisis_model``) on the labelled messages in ``tests/data``, and measuring it honestly.

``python -m bot.logic.crisis_training`` fits the four regressions, picks their thresholds on held-out folds (a model
judged on messages it has learnt says nothing), prints the cross-validated figures for the rules, the model and
both together, and writes ``bot/data/crisis/model.json``. The blind sets are never read here.

Plain numpy: tens of thousands of short messages and a hundred thousand features fit by full-batch gradient descent
in seconds (the whole run, 4 regressions with 5 folds each, a little over a minute), deterministic from run to run, so
a test can check that the shipped weights are what this code makes.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from bot.logic.crisis_detector import RulesView, Severity, rules_view, with_model
from bot.logic.crisis_model import MODEL_PATH, Feature, LinearModel, Model, feature_key, features

__all__ = ["DATA_DIR", "LabelledRow", "Settings", "load_rows", "main", "train", "training_files", "training_rows"]

DATA_DIR: Final = Path(__file__).resolve().parent.parent.parent / "tests" / "data"
_TRAINING_GLOBS: Final = ("crisis_eval.tsv", "crisis_fresh_*.tsv", "crisis_train_*.tsv")  # never crisis_blind*

Vector = npt.NDArray[np.float64]
URGENT: Final = Severity.URGENT


@dataclass(frozen=True, slots=True)
class LabelledRow:
    label: Severity
    lang: str
    split: str  # "dev" or "heldout" in the rules' own set, else the file's name
    text: str


@dataclass(frozen=True, slots=True)
class Settings:
    """What the fit depends on besides the data; part of the model's digest."""

    min_count: int = 2  # a feature must occur in two messages: no weight for a single sentence's quirk
    l2: float = 3e-5
    epochs: int = 300
    learning_rate: float = 0.05
    folds: int = 5
    # Of the hard negatives (held-out folds), the share the flag model alone may flag: the 5% (our training
    # negatives are look-alikes written to fool a detector; written apart from it, far fewer are flagged) ...
    flag_false_positive_rate: float = 0.05
    danger_false_positive_rate: float = 0.01  # ... and the danger model besides
    urgent_false_rate: float = 0.08  # of concerns the urgency model may call urgent (held-out folds)
    doubt_loss: float = 0.01  # of real crises the rules call a concern that the doubt model may clear (held out)


def load_rows(path: Path) -> list[LabelledRow]:
    """A labelled TSV (label, lang, [split,] text); quotes in the text are kept as written."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [LabelledRow(Severity(r["label"]), r["lang"], r.get("split") or path.stem, r["text"]) for r in reader]


def training_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for pattern in _TRAINING_GLOBS for p in data_dir.glob(pattern))


def training_rows(data_dir: Path = DATA_DIR) -> list[LabelledRow]:
    return [row for path in training_files(data_dir) for row in load_rows(path)]


def digest(paths: Iterable[Path], settings: Settings, views: Iterable[RulesView]) -> str:
    """What the model was made from: the training files' bytes, the settings and the rules' verdicts on the
    messages (the doubt model learns from them, so a rule change that changes one asks for retraining)."""
    sha = hashlib.sha256(repr(settings).encode())
    for path in paths:
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    sha.update("".join(view.verdict.severity.value[0] for view in views).encode())
    return sha.hexdigest()[:16]


# ----------------------------------------------------------------------------------------------- fitting


@dataclass(frozen=True, slots=True)
class _Design:
    """Messages as sparse feature counts without scipy: entry k is feature ``columns[k]`` of row ``row_of[k]``."""

    vocabulary: tuple[Feature, ...]
    columns: npt.NDArray[np.int64]
    row_of: npt.NDArray[np.int64]  # the row of each stored column
    rows: int

    @classmethod
    def build(cls, found: Sequence[list[Feature]], min_count: int) -> _Design:
        counts = Counter(f for row in found for f in set(row))
        vocabulary = tuple(sorted((f for f, n in counts.items() if n >= min_count), key=feature_key))
        index = {f: i for i, f in enumerate(vocabulary)}
        columns, row_of = [], []
        for r, row in enumerate(found):
            kept = [index[f] for f in row if f in index]
            columns += kept
            row_of += [r] * len(kept)
        return cls(vocabulary, np.array(columns, dtype=np.int64), np.array(row_of, dtype=np.int64), len(found))

    def times(self, weights: Vector) -> Vector:
        return np.bincount(self.row_of, weights=weights[self.columns], minlength=self.rows).astype(np.float64)

    def transposed_times(self, per_row: Vector) -> Vector:
        return np.bincount(self.columns, weights=per_row[self.row_of], minlength=len(self.vocabulary)).astype(
            np.float64)


def _fit(design: _Design, targets: Vector, settings: Settings) -> tuple[float, Vector]:
    """Class-balanced logistic regression with an L2 penalty, by Adam over the full batch."""
    positives = max(float(targets.sum()), 1.0)
    negatives = max(float(len(targets) - targets.sum()), 1.0)
    balance = np.where(targets > 0, len(targets) / (2 * positives), len(targets) / (2 * negatives)) / len(targets)
    params = np.zeros(len(design.vocabulary) + 1)
    moment, velocity = np.zeros_like(params), np.zeros_like(params)
    for step in range(1, settings.epochs + 1):
        logits = design.times(params[1:]) + params[0]
        error = balance * (1.0 / (1.0 + np.exp(-logits)) - targets)
        grad = np.concatenate(([error.sum()], design.transposed_times(error) + settings.l2 * params[1:]))
        moment = 0.9 * moment + 0.1 * grad
        velocity = 0.999 * velocity + 0.001 * grad * grad
        params -= settings.learning_rate * (moment / (1 - 0.9**step)) / (np.sqrt(velocity / (1 - 0.999**step)) + 1e-8)
    return float(params[0]), params[1:]


def _linear(found: Sequence[list[Feature]], targets: Vector, settings: Settings, threshold: float) -> LinearModel:
    design = _Design.build(found, settings.min_count)
    bias, weights = _fit(design, targets, settings)
    kept = {f: float(w) for f, w in zip(design.vocabulary, weights, strict=True) if abs(w) >= 1e-3}
    return LinearModel(bias, kept, threshold)


def _held_out_logits(found: Sequence[list[Feature]], targets: Vector, settings: Settings) -> Vector:
    """Each message scored by a model fitted on the other folds (every k-th message in a fold, so files mix)."""
    out = np.zeros(len(found))
    for fold in range(settings.folds):
        test = range(fold, len(found), settings.folds)
        train = [i for i in range(len(found)) if i % settings.folds != fold]
        model = _linear([found[i] for i in train], targets[train], settings, 0.0)
        out[test] = [model.logit(found[i]) for i in test]
    return out


def _threshold(negative_logits: Vector, rate: float) -> float:
    """The logit that at most ``rate`` of the negatives reach."""
    if not len(negative_logits):
        return 0.0
    ordered = np.sort(negative_logits)[::-1]
    allowed = int(rate * len(ordered))
    return float(ordered[allowed]) + 1e-6


# ----------------------------------------------------------------------------------------------- training


@dataclass(frozen=True, slots=True)
class Trained:
    model: Model
    views: list[RulesView]  # the rules' reading of each training message
    held_out_flag: Vector  # logits of each training message from models that did not see it
    held_out_danger: Vector  # the same for the danger model
    held_out_urgent: Vector  # the same for urgency, over the crises only (NaN elsewhere)
    held_out_doubt: Vector  # the same for the doubt model, over the rules' concerns only (NaN elsewhere)


def train(rows: Sequence[LabelledRow], settings: Settings = Settings(), files: Sequence[Path] = ()) -> Trained:
    """The four regressions, each with its threshold from held-out folds: crisis or not, and urgent or not (all
    messages; each may flag a share of the negatives), urgent or not among the crises, and a crisis or not among the
    messages the rules call a concern (to clear their false ones)."""
    views = [rules_view(r.text) for r in rows]
    found = [features(view.norm) for view in views]
    crisis = np.array([r.label is not Severity.NONE for r in rows], dtype=np.float64)
    flag, flag_logits = _whole_model(found, crisis, settings, settings.flag_false_positive_rate)
    danger, danger_logits = _whole_model(found, np.array([r.label is URGENT for r in rows], dtype=np.float64),
                                         settings, settings.danger_false_positive_rate, negatives=crisis == 0)

    crises = [i for i, r in enumerate(rows) if r.label is not Severity.NONE]
    urgent = np.array([rows[i].label is URGENT for i in crises], dtype=np.float64)
    urgent_model, held_out_urgent = _sub_model(found, crises, urgent, settings, settings.urgent_false_rate, len(rows))

    concerns = [i for i, view in enumerate(views) if view.verdict.severity is Severity.CONCERN]
    doubt_model, held_out_doubt = _sub_model(found, concerns, crisis[concerns], settings, settings.doubt_loss,
                                             len(rows), keep_positives=True)
    model = Model(flag, urgent_model, doubt_model, danger, digest(files, settings, views))
    return Trained(model, views, flag_logits, danger_logits, held_out_urgent, held_out_doubt)


def _whole_model(found: Sequence[list[Feature]], targets: Vector, settings: Settings, rate: float,
                 negatives: npt.NDArray[np.bool_] | None = None) -> tuple[LinearModel, Vector]:
    """A regression over all messages and its held-out logits; its threshold lets ``rate`` of the held-out
    ``negatives`` (by default, those not among the targets) through."""
    logits = _held_out_logits(found, targets, settings)
    among = targets == 0 if negatives is None else negatives
    return _linear(found, targets, settings, _threshold(logits[among], rate)), logits


def _sub_model(found: Sequence[list[Feature]], among: list[int], targets: Vector, settings: Settings, rate: float,
               size: int, keep_positives: bool = False) -> tuple[LinearModel, Vector]:
    """A regression over some of the messages, and its held-out logits spread back over all of them (NaN for the
    rest). Its threshold lets ``rate`` of the held-out negatives through or, with ``keep_positives``, keeps all but
    ``rate`` of the positives above it."""
    chosen = [found[i] for i in among]
    logits = _held_out_logits(chosen, targets, settings)
    if keep_positives:
        threshold = float(np.quantile(logits[targets == 1], rate)) if targets.any() else 0.0
    else:
        threshold = _threshold(logits[targets == 0], rate)
    spread = np.full(size, np.nan)
    spread[among] = logits
    return _linear(chosen, targets, settings, threshold), spread


def _report(rows: Sequence[LabelledRow], trained: Trained, write: Callable[[str], object]) -> None:
    """Held-out figures: the rules alone, the model alone and the two together, as ``detect`` combines them."""
    model = trained.model
    flags = (trained.held_out_flag >= model.flag.threshold) | (trained.held_out_danger >= model.danger.threshold)
    urgents = np.nan_to_num(trained.held_out_urgent, nan=-np.inf) >= model.urgent.threshold
    doubts = np.nan_to_num(trained.held_out_doubt, nan=np.inf) < model.doubt.threshold
    views = trained.views
    combined = [with_model(view, _constant(bool(f)), _constant(bool(u)), _constant(bool(d)))
                for view, f, u, d in zip(views, flags, urgents, doubts, strict=True)]
    for name, verdicts in (("rules", [v.verdict for v in views]), ("rules + model", combined)):
        write(f"{name:<22} {_figures(rows, [v.crisis for v in verdicts], [v.severity is URGENT for v in verdicts])}")
    write(f"{'model alone (held out)':<22} {_figures(rows, list(flags), list(urgents))}")
    cleared = [view.verdict.crisis and not verdict.crisis for view, verdict in zip(views, combined, strict=True)]
    wrongly = sum(c and r.label is not Severity.NONE for c, r in zip(cleared, rows, strict=True))
    write(f"{'doubt model':<22} cleared {sum(cleared)} rule verdicts, {wrongly} of them real crises")


def _constant(answer: bool) -> Callable[[], bool]:
    return lambda: answer


def _figures(rows: Sequence[LabelledRow], flagged: Sequence[bool], urgent: Sequence[bool]) -> str:
    positive = np.array([r.label is not Severity.NONE for r in rows])
    should_be_urgent = np.array([r.label is URGENT for r in rows])
    flags, urgents = np.array(flagged, dtype=bool), np.array(urgent, dtype=bool)
    return (f"recall {flags[positive].mean():.3f}  false positives {flags[~positive].mean():.3f}  "
            f"urgent recall {urgents[should_be_urgent].mean():.3f}")


def main(argv: Sequence[str] = ()) -> int:
    paths = training_files()
    rows = training_rows()
    trained = train(rows, Settings(), paths)
    model = trained.model
    weights = " + ".join(str(len(m.weights)) for m in (model.flag, model.danger, model.urgent, model.doubt))
    print(f"{len(rows)} messages from {len(paths)} files, {weights} weights")
    _report(rows, trained, print)
    if "--dry-run" not in argv:
        trained.model.save()
        print(f"written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
