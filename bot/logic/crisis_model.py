"""A small learned stage beside the crisis rules: two logistic regressions over word beginnings and their pairs.

The rules are precise but only know the phrasings someone wrote down; the model has read a few thousand labelled
messages in seven languages and weighs every word it has seen. It only ever adds to the rules: a message the rules
let pass is flagged when the model is confident, and a flagged one is made urgent when the urgency model is. The
weights are data (``bot/data/crisis/model.json``), made by ``python -m bot.logic.crisis_training``; scoring is one
dictionary lookup per feature, cheap enough to run on every message.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, pairwise, repeat
from pathlib import Path
from typing import Final

__all__ = ["MODEL_PATH", "Feature", "LinearModel", "Model", "features", "load_model", "tokens"]

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "data" / "crisis" / "model.json"
_STEM: Final = 6  # letters of a word kept (chosen on held-out folds: 5 to 7 do as well as whole words and stems)
_ZEROS: Final = repeat(0.0)

Feature = str | tuple[str, str]


def tokens(norm: str) -> list[str]:
    """The words of a normalised message cut to their first letters, which stand for a word's family across
    inflections and languages: "suicidal", "suicidio" and "suicidarme" are all "suicid"."""
    return [word[:_STEM] for word in norm.split()]


def features(norm: str) -> Iterator[Feature]:
    """The tokens of a normalised message and its pairs of neighbouring tokens."""
    return _with_pairs(tokens(norm))


def _with_pairs(found: list[str]) -> Iterator[Feature]:
    return chain(found, pairwise(found))


def _ceilings(weights: Mapping[Feature, float]) -> dict[str, float]:
    """The most each token can add to a logit: its own weight and the best pair it can begin (a pair is counted with
    its first token, so no pair is counted twice). Only positive weights count."""
    own = {f: w for f, w in weights.items() if isinstance(f, str) and w > 0}
    best_pair: dict[str, float] = {}
    for feature, weight in weights.items():
        if not isinstance(feature, str) and weight > best_pair.get(feature[0], 0.0):
            best_pair[feature[0]] = weight
    return {token: own.get(token, 0.0) + best_pair.get(token, 0.0) for token in own.keys() | best_pair.keys()}


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic regression: bias plus one weight per feature present, and the logit it must reach to say yes."""

    bias: float
    weights: Mapping[Feature, float]
    threshold: float  # a logit, chosen on held-out folds (see crisis_training)
    ceilings: Mapping[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ceilings", _ceilings(self.weights))

    def logit(self, norm: str) -> float:
        """The score of a normalised message (see ``crisis_detector.normalise``)."""
        return self._logit(tokens(norm))

    def says_yes(self, norm: str) -> bool:
        """Whether the logit reaches the threshold. Most messages are answered by their ceiling alone, at half the
        cost: the most their tokens could add does not reach it."""
        found = tokens(norm)
        ceiling: float = self.bias + sum(map(self.ceilings.get, found, _ZEROS))
        return ceiling >= self.threshold and self._logit(found) >= self.threshold

    def _logit(self, found: list[str]) -> float:
        return self.bias + sum(map(self.weights.get, _with_pairs(found), _ZEROS))

    def as_json(self) -> dict[str, object]:
        return {"bias": round(self.bias, 6), "threshold": round(self.threshold, 6),
                "weights": {_key(f): round(w, 5) for f, w in sorted(self.weights.items(), key=lambda i: _key(i[0]))}}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> LinearModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        bias, threshold = data["bias"], data["threshold"]
        assert isinstance(bias, float | int) and isinstance(threshold, float | int)
        return cls(float(bias), {_feature(k): float(w) for k, w in weights.items()}, float(threshold))


@dataclass(frozen=True, slots=True)
class Model:
    """Whether a message is a crisis (``flag``) and, among crises, whether it is urgent (``urgent``)."""

    flag: LinearModel
    urgent: LinearModel
    trained_on: str  # digest of the training data and settings, so a test can tell a stale model file

    def as_json(self) -> dict[str, object]:
        return {"trained_on": self.trained_on, "flag": self.flag.as_json(), "urgent": self.urgent.as_json()}

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def _key(feature: Feature) -> str:
    """JSON keys are strings: a word pair is written with a space, which no single word contains."""
    return feature if isinstance(feature, str) else " ".join(feature)


def _feature(key: str) -> Feature:
    first, _, second = key.partition(" ")
    return (first, second) if second else key


@functools.cache
def load_model(path: Path = MODEL_PATH) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(LinearModel.from_json(data["flag"]), LinearModel.from_json(data["urgent"]), data["trained_on"])
