"""Training the crisis model (``crisis_model``) on the labelled messages in ``tests/data``, and measuring it honestly.

``python -m bot.logic.crisis_training`` fits the three regressions and the network, picks their thresholds on
held-out folds (a model judged on messages it has learnt says nothing), prints the cross-validated figures for the
rules, the model and both together, and writes ``bot/data/crisis/model.json`` and ``model.npz``. The blind sets are
never read here.

Plain numpy: tens of thousands of short messages and a hundred thousand features fit in seconds (full-batch gradient
descent for a regression, minibatches for the network; the whole run, each with 5 folds, in under two minutes),
deterministic from run to run, so a test can check that the shipped weights are what this code makes.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from bot.logic.crisis_detector import RulesView, Severity, rules_view, with_model
from bot.logic.crisis_model import MODEL_PATH, Feature, LinearModel, Model, Network, feature_key, features

__all__ = ["DATA_DIR", "LabelledRow", "Settings", "load_rows", "main", "train", "training_files", "training_rows"]

DATA_DIR: Final = Path(__file__).resolve().parent.parent.parent / "tests" / "data"
_TRAINING_GLOBS: Final = ("crisis_eval.tsv", "crisis_fresh_*.tsv", "crisis_train_*.tsv")  # never crisis_blind*

Vector = npt.NDArray[np.float64]
Matrix = npt.NDArray[np.float32]
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
    gate_loss: float = 0.05  # of the crises (held out), the share the gate regression may keep from the network
    gate_min_weight: float = 0.1  # the gate keeps only weights this large: a smaller table is faster to look up in
    # Of the hard negatives (held-out folds), the share the network alone may flag as crises: the 5% (our
    # training negatives are look-alikes written to fool a detector; written apart from it, far fewer are flagged) ...
    flag_false_positive_rate: float = 0.05
    danger_false_positive_rate: float = 0.01  # ... and as urgent ones besides
    hidden: int = 32  # the network's hidden units (64 did no better held out)
    network_epochs: int = 4
    network_batch: int = 256
    network_rate: float = 2e-3
    network_l2: float = 1e-5
    seed: int = 0
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
        vocabulary = _vocabulary(found, min_count)
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


def _linear(found: Sequence[list[Feature]], targets: Vector, settings: Settings, threshold: float,
            min_weight: float = 1e-3) -> LinearModel:
    design = _Design.build(found, settings.min_count)
    bias, weights = _fit(design, targets, settings)
    kept = {f: float(w) for f, w in zip(design.vocabulary, weights, strict=True) if abs(w) >= min_weight}
    return LinearModel(bias, kept, threshold)


def _vocabulary(found: Sequence[list[Feature]], min_count: int) -> tuple[Feature, ...]:
    """The features of at least ``min_count`` messages, in a fixed order."""
    counts = Counter(f for row in found for f in set(row))
    return tuple(sorted((f for f, n in counts.items() if n >= min_count), key=feature_key))


def _folds(size: int, folds: int) -> Iterator[tuple[list[int], list[int]]]:
    """(held out, trained on) for each fold: every k-th message is held out together, so files mix."""
    for fold in range(folds):
        yield list(range(fold, size, folds)), [i for i in range(size) if i % folds != fold]


def _held_out_logits(found: Sequence[list[Feature]], targets: Vector, settings: Settings,
                     min_weight: float = 1e-3) -> Vector:
    """Each message scored by a model fitted on the other folds."""
    out = np.zeros(len(found))
    for test, train in _folds(len(found), settings.folds):
        model = _linear([found[i] for i in train], targets[train], settings, 0.0, min_weight)
        out[test] = [model.logit(found[i]) for i in test]
    return out


def _threshold(negative_logits: Vector, rate: float) -> float:
    """The logit that at most ``rate`` of the negatives reach."""
    if not len(negative_logits):
        return 0.0
    ordered = np.sort(negative_logits)[::-1]
    allowed = int(rate * len(ordered))
    return float(ordered[allowed]) + 1e-6


# ----------------------------------------------------------------------------------------------- the network


def _indexed(found: Sequence[list[Feature]], min_count: int) -> dict[Feature, int]:
    """Row numbers (from 1; row 0 is the bias) for the features of at least ``min_count`` messages."""
    return {f: row for row, f in enumerate(_vocabulary(found, min_count), start=1)}


def _rows(found: Sequence[list[Feature]], index: Mapping[Feature, int]) -> list[npt.NDArray[np.int64]]:
    return [np.array([0, *(index[f] for f in row if f in index)], dtype=np.int64) for row in found]


def _fit_network(rows: Sequence[npt.NDArray[np.int64]], targets: Matrix, size: int,
                 settings: Settings) -> tuple[Matrix, Matrix, Matrix]:
    """Minibatch Adam on the class-weighted cross-entropy of both outputs. Only the embedding rows a batch uses are
    updated (lazy Adam): a step costs what its messages cost, not what the vocabulary does. Deterministic."""
    rng = np.random.default_rng(settings.seed)
    hidden = settings.hidden
    embedding = (rng.standard_normal((size, hidden)) * 0.01).astype(np.float32)
    embedding[0] = 0.0
    output = (rng.standard_normal((hidden, 2)) / np.sqrt(hidden)).astype(np.float32)
    output_bias = np.zeros(2, dtype=np.float32)
    moments = [np.zeros_like(p) for p in (embedding, output, output_bias)]
    velocities = [np.zeros_like(p) for p in (embedding, output, output_bias)]
    positive_weight = ((1 - targets).sum(axis=0) / np.maximum(targets.sum(axis=0), 1)).astype(np.float32)
    step = 0
    for _epoch in range(settings.network_epochs):
        order = rng.permutation(len(rows))
        for start in range(0, len(order), settings.network_batch):
            step += 1
            batch = order[start:start + settings.network_batch]
            lengths = np.array([len(rows[i]) for i in batch])
            flat = np.concatenate([rows[i] for i in batch])
            gathered = embedding[flat]
            summed = np.add.reduceat(gathered, np.concatenate(([0], np.cumsum(lengths)[:-1])), axis=0)
            active = np.maximum(summed, 0.0)
            logits = active @ output + output_bias
            wanted = targets[batch]
            weight = np.where(wanted > 0, positive_weight, 1.0).astype(np.float32)
            error = weight * (1.0 / (1.0 + np.exp(-logits)) - wanted) / (2 * len(batch))
            per_row = ((error @ output.T) * (summed > 0))[np.repeat(np.arange(len(batch)), lengths)]
            used, where = np.unique(flat, return_inverse=True)
            row_grad = np.zeros((len(used), hidden), dtype=np.float32)
            np.add.at(row_grad, where, per_row + settings.network_l2 * gathered)
            correction = (1 - 0.9**step, 1 - 0.999**step)
            for param, grad, moment, velocity, rows_of in (
                    (embedding, row_grad, moments[0], velocities[0], used),
                    (output, active.T @ error, moments[1], velocities[1], slice(None)),
                    (output_bias, error.sum(axis=0), moments[2], velocities[2], slice(None))):
                moment[rows_of] = 0.9 * moment[rows_of] + 0.1 * grad
                velocity[rows_of] = 0.999 * velocity[rows_of] + 0.001 * grad * grad
                param[rows_of] -= settings.network_rate * (moment[rows_of] / correction[0]) / (
                    np.sqrt(velocity[rows_of] / correction[1]) + 1e-8)
    return embedding, output, output_bias


def _network_logits(found: Sequence[list[Feature]], targets: Matrix, settings: Settings,
                    scored: Sequence[list[Feature]]) -> tuple[Network, Matrix]:
    """A network fitted on ``found`` (no thresholds yet) and its logits for the messages ``scored``."""
    index = _indexed(found, settings.min_count)
    weights = _fit_network(_rows(found, index), targets, len(index) + 1, settings)
    network = Network(index, *weights, (0.0, 0.0))
    return network, np.array([network.logits(row) for row in scored], dtype=np.float32).reshape(-1, 2)


def _network(found: Sequence[list[Feature]], targets: Matrix, passed: npt.NDArray[np.bool_],
             settings: Settings) -> tuple[Network, Matrix]:
    """The network and its held-out logits. Its thresholds let the settings' shares of the held-out negatives
    through, counting only those the gate passes on (the others never reach it)."""
    held_out = np.zeros((len(found), 2), dtype=np.float32)
    for test, train in _folds(len(found), settings.folds):
        _, held_out[test] = _network_logits([found[i] for i in train], targets[train], settings,
                                            [found[i] for i in test])
    negatives = targets[:, 0] == 0
    reached = np.where(passed[:, None], held_out, -np.inf)[negatives]
    thresholds = (_threshold(reached[:, 0], settings.flag_false_positive_rate),
                  _threshold(reached[:, 1], settings.danger_false_positive_rate))
    network, _ = _network_logits(found, targets, settings, [])
    return dataclasses.replace(network, thresholds=thresholds), held_out


# ----------------------------------------------------------------------------------------------- training


@dataclass(frozen=True, slots=True)
class Trained:
    model: Model
    views: list[RulesView]  # the rules' reading of each training message
    held_out_gate: Vector  # logits of each training message from models that did not see it
    held_out_network: Matrix  # the same for the network's two outputs (rows x 2)
    held_out_urgent: Vector  # the same for urgency, over the crises only (NaN elsewhere)
    held_out_doubt: Vector  # the same for the doubt model, over the rules' concerns only (NaN elsewhere)


def train(rows: Sequence[LabelledRow], settings: Settings = Settings(), files: Sequence[Path] = ()) -> Trained:
    """The gate regression and the network (crisis or not, urgent or not, over all messages), urgent or not among
    the crises, and a crisis or not among the messages the rules call a concern (to clear their false ones); each with
    its thresholds from held-out folds."""
    views = [rules_view(r.text) for r in rows]
    found = [features(view.norm) for view in views]
    crisis = np.array([r.label is not Severity.NONE for r in rows], dtype=np.float64)
    gate_logits = _held_out_logits(found, crisis, settings, settings.gate_min_weight)
    gate = _linear(found, crisis, settings, float(np.quantile(gate_logits[crisis == 1], settings.gate_loss)),
                   settings.gate_min_weight)
    targets = np.stack([crisis, [r.label is URGENT for r in rows]], axis=1).astype(np.float32)
    network, network_logits = _network(found, targets, gate_logits >= gate.threshold, settings)

    crises = [i for i, r in enumerate(rows) if r.label is not Severity.NONE]
    urgent = np.array([rows[i].label is URGENT for i in crises], dtype=np.float64)
    urgent_model, held_out_urgent = _sub_model(found, crises, urgent, settings, settings.urgent_false_rate, len(rows))

    concerns = [i for i, view in enumerate(views) if view.verdict.severity is Severity.CONCERN]
    doubt_model, held_out_doubt = _sub_model(found, concerns, crisis[concerns], settings, settings.doubt_loss,
                                             len(rows), keep_positives=True)
    model = Model(gate, network, urgent_model, doubt_model, digest(files, settings, views))
    return Trained(model, views, gate_logits, network_logits, held_out_urgent, held_out_doubt)


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
    flags = (trained.held_out_gate >= model.gate.threshold) & model.network.over_threshold(trained.held_out_network)
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
    settings = Settings()
    trained = train(rows, settings, paths)
    model = trained.model
    weights = " + ".join(str(len(m.weights)) for m in (model.gate, model.urgent, model.doubt))
    weights += f" weights, a network over {len(model.network.index)} features with {settings.hidden} hidden units"
    print(f"{len(rows)} messages from {len(paths)} files, {weights}")
    _report(rows, trained, print)
    if "--dry-run" not in argv:
        trained.model.save()
        print(f"written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
