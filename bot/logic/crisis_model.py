"""A small learned stage beside the crisis rules: four logistic regressions over word beginnings and their pairs.

The rules are precise but only know the phrasings someone wrote down; the model has read tens of thousands of
labelled messages in seven languages and weighs every word it has seen. It adds to the rules: a message the rules let
pass is flagged when the crisis model is confident, or when the danger model is (it looks only for urgent ones, the
misses that cost most); a flagged one is made urgent when the urgency model is; and it clears a rule's concern the
doubt model is sure of (never an urgent verdict). The weights are data (``bot/data/crisis/model.json``), made by
``python -m bot.logic.crisis_training``; scoring is one dictionary lookup per feature, cheap enough to run on every
message (about 2 µs).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from pathlib import Path
from typing import Final

__all__ = ["MODEL_PATH", "Feature", "LinearModel", "Model", "feature_key", "features", "load_model", "tokens"]

MODEL_PATH: Final = Path(__file__).resolve().parent.parent / "data" / "crisis" / "model.json"
_STEM: Final = 6  # letters of a word kept (chosen on held-out folds: 5 to 7 do as well as whole words and stems)
_ZEROS: Final = repeat(0.0)
_NO_WEIGHTS: Final = repeat(0j)

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
class Model:
    """Whether a message is a crisis (``flag``), or an urgent one (``danger``, among all messages); among crises,
    whether it is urgent (``urgent``); and among the messages the rules call a concern, whether it is one after all
    (``doubt``: below its threshold, it is not)."""

    flag: LinearModel
    urgent: LinearModel
    doubt: LinearModel
    danger: LinearModel
    trained_on: str  # digest of the training data and settings, so a test can tell a stale model file
    _both: Mapping[Feature, complex] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        both = {feature: complex(weight) for feature, weight in self.flag.weights.items()}
        for feature, weight in self.danger.weights.items():
            both[feature] = both.get(feature, 0j) + 1j * weight
        object.__setattr__(self, "_both", both)

    def crisis(self, found: Sequence[Feature]) -> bool:
        """Whether the flag model or the danger model says crisis. Asked of nearly every message, so both weights
        of a feature sit in one complex number (flag real, danger imaginary): one lookup per feature scores both."""
        score = sum(map(self._both.get, found, _NO_WEIGHTS))
        return (score.real + self.flag.bias >= self.flag.threshold
                or score.imag + self.danger.bias >= self.danger.threshold)

    def as_json(self) -> dict[str, object]:
        return {"trained_on": self.trained_on} | {name: getattr(self, name).as_json() for name in _MODELS}

    def save(self, path: Path = MODEL_PATH) -> None:
        path.write_text(json.dumps(self.as_json(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


_MODELS: Final = ("flag", "urgent", "doubt", "danger")


def feature_key(feature: Feature) -> str:
    """JSON keys are strings: a word pair is written with a space, which no single word contains."""
    return feature if isinstance(feature, str) else " ".join(feature)


def _feature(key: str) -> Feature:
    first, _, second = key.partition(" ")
    return (first, second) if second else key


@functools.cache
def load_model(path: Path = MODEL_PATH) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    flag, urgent, doubt, danger = (LinearModel.from_json(data[name]) for name in _MODELS)
    return Model(flag, urgent, doubt, danger, data["trained_on"])
