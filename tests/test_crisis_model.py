"""The learned stage of the crisis detector: how it joins the rules, and that the shipped model is what the training
code makes from the training data."""

from __future__ import annotations

import numpy as np
import pytest

from bot.logic import crisis_detector as cd
from bot.logic.crisis_detector import Severity, detect, detect_by_rules, normalise, rules_view
from bot.logic.crisis_model import LinearModel, Model, features, load_model, tokens
from bot.logic.crisis_training import LabelledRow, Settings, digest, train, training_files, training_rows

NONE, CONCERN, URGENT = Severity.NONE, Severity.CONCERN, Severity.URGENT


def _toy(flag: dict[str, float], urgent: dict[str, float], doubt: dict[str, float], danger: dict[str, float]) -> Model:
    return Model(LinearModel(-1.0, flag, 1.0), LinearModel(-1.0, urgent, 1.0), LinearModel(1.0, doubt, 0.0),
                 LinearModel(-1.0, danger, 1.0), "toy")


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model that knows four words: "zebra" is a crisis, "tonight" makes one urgent, "homework" makes the rules'
    concern a look-alike, "okapi" is a danger."""
    monkeypatch.setattr(cd, "load_model", lambda: _toy({"zebra": 5.0}, {"tonigh": 5.0}, {"homewo": -5.0},
                                                       {"okapi": 5.0}))


def test_tokens_stand_for_word_families_across_languages() -> None:
    assert len({*tokens("suicidal suicidio suicidarme suicide")}) == 1
    assert features("i want") == ["i", "want", ("i", "want")]


@pytest.mark.usefixtures("toy_model")
def test_the_model_flags_what_the_rules_let_pass() -> None:
    assert detect_by_rules("a zebra again").severity is NONE
    verdict = detect("a zebra again")
    assert verdict.severity is CONCERN and verdict.reasons == ("model",)


@pytest.mark.usefixtures("toy_model")
def test_the_danger_model_flags_what_the_crisis_model_does_not_know() -> None:
    assert detect("an okapi again").severity is CONCERN
    assert detect("an okapi again tonight").severity is URGENT
    assert detect("an okapi again jk").severity is NONE


@pytest.mark.usefixtures("toy_model")
def test_the_model_makes_a_crisis_urgent_and_says_so() -> None:
    assert detect("zebra tonight").reasons == ("model", "model:urgent")
    assert detect("zebra tonight").severity is URGENT
    attempt = "i just swallowed a whole bottle of pills tonight zebra"  # urgent by the rules: kept as they say it
    assert detect(attempt) == detect_by_rules(attempt) and detect(attempt).severity is URGENT


@pytest.mark.usefixtures("toy_model")
def test_the_model_respects_a_joke_the_author_marks() -> None:
    assert detect("zebra jk").severity is NONE


@pytest.mark.usefixtures("toy_model")
@pytest.mark.parametrize("text", ["zebra, i hope it all ends well", "zebra, spero che tutto finisca bene",
                                  "zebra, ich hoffe es geht gut aus", "zebra, ojala que todo acabe bien"])
def test_a_figure_of_speech_explains_what_the_model_saw(text: str) -> None:
    assert detect(text).severity is NONE
    assert detect("zebra, it all ends tonight").severity is not NONE


@pytest.mark.usefixtures("toy_model")
def test_the_doubt_model_clears_a_rule_concern_it_is_sure_of() -> None:
    assert detect("i want to kill myself").severity is detect_by_rules("i want to kill myself").severity is CONCERN
    assert detect_by_rules("i want to kill myself. homework again").severity is CONCERN
    assert detect("i want to kill myself. homework again").severity is NONE


@pytest.mark.usefixtures("toy_model")
def test_the_doubt_model_never_clears_an_urgent_rule_verdict() -> None:
    attempt = "i just swallowed a whole bottle of pills, homework"
    assert detect_by_rules(attempt).severity is URGENT and detect(attempt).severity is URGENT


def test_training_learns_and_picks_thresholds_on_held_out_folds() -> None:
    crises = [f"i {verb} {obj} now" for verb in ("want", "need", "wish") for obj in ("gone", "over", "away", "out")]
    calm = [f"the {thing} is {state} today" for thing in ("bus", "cat", "tea", "sun") for state in ("late", "fine",
                                                                                                  "warm")]
    rows = [LabelledRow(CONCERN, "en", "toy", t) for t in crises] + [LabelledRow(NONE, "en", "toy", t) for t in calm]
    rows += [LabelledRow(URGENT, "en", "toy", f"i want {obj} tonight") for obj in ("gone", "over", "away", "out")]
    trained = train(rows, Settings(folds=3, min_count=2))
    flag = trained.model.flag
    assert flag.says_yes(features(normalise("i need it gone"))) and not flag.says_yes(features(normalise("the bus is "
                                                                                                         "warm")))
    assert trained.model.urgent.says_yes(features(normalise("i wish it over tonight")))
    assert trained.model.danger.says_yes(features(normalise("i wish it gone tonight")))
    assert len(trained.held_out_flag) == len(rows) and not np.isnan(trained.held_out_flag).any()


def test_one_lookup_scores_the_flag_and_the_danger_model_alike() -> None:
    model = load_model()
    found = [features(normalise(row.text)) for row in training_rows()[::7]]
    assert any(model.danger.says_yes(f) and not model.flag.says_yes(f) for f in found)
    assert all(model.crisis(f) == (model.flag.says_yes(f) or model.danger.says_yes(f)) for f in found)


def test_the_shipped_model_is_trained_on_todays_data_and_rules() -> None:
    """Edit a training file, the settings or a rule that changes a verdict on the training messages, and this fails
    until ``python -m bot.logic.crisis_training`` is run."""
    views = [rules_view(row.text) for row in training_rows()]
    assert load_model().trained_on == digest(training_files(), Settings(), views)
    assert not any(path.name.startswith("crisis_blind") for path in training_files())


def test_the_shipped_weights_are_what_training_makes() -> None:
    retrained = train(training_rows(), Settings(), training_files()).model
    shipped = load_model()
    assert retrained.trained_on == shipped.trained_on
    for mine, theirs in ((retrained.flag, shipped.flag), (retrained.urgent, shipped.urgent),
                         (retrained.doubt, shipped.doubt), (retrained.danger, shipped.danger)):
        assert mine.threshold == pytest.approx(theirs.threshold, abs=1e-4)
        assert mine.weights.keys() == theirs.weights.keys()
        assert max(abs(mine.weights[f] - theirs.weights[f]) for f in theirs.weights) < 1e-3
