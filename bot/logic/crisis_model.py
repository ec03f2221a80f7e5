"""A small learned stage beside the crisis rules: a network with one hidden layer, and three logistic regressions,
over word beginnings and their pairs.

The rules are precise but only know the phrasings someone wrote down; the model has read tens of thousands of
labelled messages in seven languages and weighs every word it has seen. It adds to the rules: a message the rules let
pass is flagged when the network is confident that it is a crisis, or an urgent one (the misses that cost most); a
flagged one is made urgent when the urgency regression is; and it clears a rule's concern the doubt regression is
sure of (never an urgent verdict). The weights are data (``bot/data/crisis/model.json`` and ``model.npz``), made by
``python -m bot.logic.crisis_training``. A regression costs one dictionary lookup per feature (about 1 µs a message);
the network, about 7 µs, is asked only for messages a gate regression lets through.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ["MODEL_PATH", "Feature", "LinearModel", "Model", "Network", "feature_key", "features", "load_model",
           "tokens"]

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "data" / "crisis" / "model.json"
_STEM: Final = 6  # letters of a word kept (chosen on held-out folds: 5 to 7 do as well as whole words and stems)
_ZEROS: Final = repeat(0.0)

Feature = str | tuple[str, str]


def tokens(norm: str) -> list[str]:
    """The words of a normalised message cut to their first letters, which stand for a word's family across
    inflections and languages: "suicidal", "suicidio" and "suicidarme" are all "suicid"."""
    return [word[:_STEM] for word in norm.split()]


def features(norm: str) -> list[Feature]:
    """The tokens of a normalised message and its pairs of neighbouring tokens."""
    found = tokens(norm)
    return [*found, *pairwise(found)]


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic regression: bias plus one weight per feature present, and the logit it must reach to say yes."""

    bias: float
    weights: Mapping[Feature, float]
    threshold: float  # a logit, chosen on held-out folds (see crisis_training)

    def logit(self, found: Iterable[Feature]) -> float:
        """The score of a message's ``features``."""
        return self.bias + sum(map(self.weights.get, found, _ZEROS))

    def says_yes(self, found: Iterable[Feature]) -> bool:
        return self.logit(found) >= self.threshold

    def as_json(self) -> dict[str, object]:
        return {"bias": round(self.bias, 6), "threshold": round(self.threshold, 6),
                "weights": {feature_key(f): round(w, 5)
                            for f, w in sorted(self.weights.items(), key=lambda i: feature_key(i[0]))}}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> LinearModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        bias, threshold = data["bias"], data["threshold"]
        assert isinstance(bias, float | int) and isinstance(threshold, float | int)
        return cls(float(bias), {_feature(k): float(w) for k, w in weights.items()}, float(threshold))


@dataclass(frozen=True, slots=True)
class Network:
    """One hidden layer over the features and two outputs: a crisis or not, and an urgent one or not (among all
    messages). Unlike a linear model it weighs words together ("cut" with "blood" and "now"): held out, it finds about
    3 crises in 100 more at the same rate of false alarms. It costs about 7 µs, so only messages the gate lets through
    ask it (see ``Model.crisis``)."""

    index: Mapping[Feature, int]  # each known feature's row of ``embedding``; row 0, added to every message, is a bias
    embedding: npt.NDArray[np.float32]  # rows x hidden units
    output: npt.NDArray[np.float32]  # hidden units x 2
    output_bias: npt.NDArray[np.float32]  # 2
    thresholds: tuple[float, float]  # crisis, danger: logits chosen on held-out folds (see crisis_training)

    def logits(self, found: Iterable[Feature]) -> npt.NDArray[np.float32]:
        hidden = self.embedding[[0, *filter(None, map(self.index.get, found))]].sum(axis=0)
        logits: npt.NDArray[np.float32] = np.maximum(hidden, 0.0) @ self.output + self.output_bias
        return logits

    def says_crisis(self, found: Iterable[Feature]) -> bool:
        return bool(self.over_threshold(self.logits(found)))

    def over_threshold(self, logits: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_]:
        """A crisis where either output reaches its threshold: for one message's two logits, or a row per message."""
        reached: npt.NDArray[np.bool_] = np.any(logits >= np.asarray(self.thresholds), axis=-1, keepdims=False)
        return reached

    def save(self, path: Path) -> None:
        """Half-precision weights (enough for a sum of a few dozen rows) and the features in row order."""
        keys = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(path, features=np.array([feature_key(f) for f in keys]),
                            embedding=self.embedding.astype(np.float16), output=self.output,
                            output_bias=self.output_bias, thresholds=np.array(self.thresholds))

    @classmethod
    def load(cls, path: Path) -> Network:
        with np.load(path) as data:
            index = {_feature(str(key)): row for row, key in enumerate(data["features"], start=1)}
            crisis, danger = (float(t) for t in data["thresholds"])
            return cls(index, data["embedding"].astype(np.float32), data["output"].astype(np.float32),
                       data["output_bias"].astype(np.float32), (crisis, danger))


@dataclass(frozen=True, slots=True)
class Model:
    """Whether a message is a crisis, and whether an urgent one (``network``, asked only when the linear ``gate`` says
    it might be); among crises, whether it is urgent (``urgent``); and among the messages the rules call a concern,
    whether it is one after all (``doubt``: below its threshold, it is not)."""

    gate: LinearModel
    network: Network
    urgent: LinearModel
    doubt: LinearModel
    trained_on: str  # digest of the training data and settings, so a test can tell a stale model file

    def crisis(self, found: Sequence[Feature]) -> bool:
        """Whether the network says crisis. Most chat never reaches it: below the gate's threshold (where held out,
        5 crises in 100 fall, and the network flags almost none of those) the answer is no."""
        return self.gate.says_yes(found) and self.network.says_crisis(found)

    def as_json(self) -> dict[str, object]:
        return {"trained_on": self.trained_on} | {name: getattr(self, name).as_json() for name in _LINEAR}

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        self.network.save(path.with_suffix(".npz"))


_LINEAR: Final = ("gate", "urgent", "doubt")


def feature_key(feature: Feature) -> str:
    """JSON keys are strings: a word pair is written with a space, which no single word contains."""
    return feature if isinstance(feature, str) else " ".join(feature)


def _feature(key: str) -> Feature:
    first, _, second = key.partition(" ")
    return (first, second) if second else key


@functools.cache
def load_model(path: Path = MODEL_PATH) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    gate, urgent, doubt = (LinearModel.from_json(data[name]) for name in _LINEAR)
    network = Network.load(path.with_suffix(".npz"))
    return Model(gate, network, urgent, doubt, data["trained_on"])
