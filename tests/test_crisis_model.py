"""The learned stage of the crisis detector: how it joins the rules, and that the shipped model is what the training
code makes from the training data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.logic import crisis_detector as cd
from bot.logic.crisis_detector import Severity, detect, detect_by_rules, normalise, rules_view
from bot.logic.crisis_model import LinearModel, Model, Network, features, load_model, tokens
from bot.logic.crisis_training import LabelledRow, Settings, digest, train, training_files, training_rows

NONE, CONCERN, URGENT = Severity.NONE, Severity.CONCERN, Severity.URGENT


def _network(crisis: str, danger: str) -> Network:
    """Two hidden units: the first counts ``crisis``, the second ``danger``; each output reads one unit."""
    embedding = np.array([[0.0, 0.0], [5.0, 0.0], [0.0, 5.0]], dtype=np.float32)
    identity = np.eye(2, dtype=np.float32)
    return Network({crisis: 1, danger: 2}, embedding, identity, np.full(2, -1.0, dtype=np.float32), (1.0, 1.0))


def _toy(gate: dict[str, float], urgent: dict[str, float], doubt: dict[str, float]) -> Model:
    return Model(LinearModel(0.0, gate, 0.0), _network("zebra", "okapi"), LinearModel(-1.0, urgent, 1.0),
                 LinearModel(1.0, doubt, 0.0), "toy")


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model that knows five words: the network takes "zebra" for a crisis and "okapi" for an urgent one,
    "tonight" makes a crisis urgent, "homework" makes the rules' concern a look-alike, "giraffe" keeps a message
    from the network at the gate."""
    monkeypatch.setattr(cd, "load_model", lambda: _toy({"giraff": -5.0}, {"tonigh": 5.0}, {"homewo": -5.0}))


def test_tokens_stand_for_word_families_across_languages() -> None:
    assert len({*tokens("suicidal suicidio suicidarme suicide")}) == 1
    assert features("i want") == ["i", "want", ("i", "want")]


@pytest.mark.usefixtures("toy_model")
def test_the_model_flags_what_the_rules_let_pass() -> None:
    assert detect_by_rules("a zebra again").severity is NONE
    verdict = detect("a zebra again")
    assert verdict.severity is CONCERN and verdict.reasons == ("model",)


@pytest.mark.usefixtures("toy_model")
def test_the_gate_keeps_a_message_from_the_network() -> None:
    assert detect("a zebra again").crisis and not detect("a zebra and a giraffe").crisis


@pytest.mark.usefixtures("toy_model")
def test_the_danger_output_flags_what_the_crisis_output_does_not_know() -> None:
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
    model = train(rows, Settings(folds=3, min_count=2, network_epochs=40, network_batch=8)).model

    def says(text: str) -> bool:
        return model.crisis(features(normalise(text)))

    assert says("i need it gone now") and not says("the cat is late now")
    _, danger = model.network.logits(features(normalise("i wish it gone tonight")))
    _, calm_danger = model.network.logits(features(normalise("i wish it gone now")))
    assert danger > calm_danger
    assert model.urgent.says_yes(features(normalise("i wish it over tonight")))


def test_the_network_is_saved_and_loaded_as_it_was(tmp_path: Path) -> None:
    shipped = load_model()
    shipped.save(tmp_path / "model.json")
    again = load_model(tmp_path / "model.json")
    found = [features(normalise(row.text)) for row in training_rows()[::50]]
    assert [again.crisis(f) for f in found] == [shipped.crisis(f) for f in found]
    assert any(shipped.crisis(f) for f in found) and not all(shipped.crisis(f) for f in found)


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
    for mine, theirs in ((retrained.gate, shipped.gate), (retrained.urgent, shipped.urgent),
                         (retrained.doubt, shipped.doubt)):
        assert mine.threshold == pytest.approx(theirs.threshold, abs=1e-4)
        assert mine.weights.keys() == theirs.weights.keys()
        assert max(abs(mine.weights[f] - theirs.weights[f]) for f in theirs.weights) < 1e-3
    mine_net, theirs_net = retrained.network, shipped.network
    assert mine_net.thresholds == pytest.approx(theirs_net.thresholds, abs=1e-3)
    assert mine_net.index == theirs_net.index
    assert np.allclose(mine_net.embedding, theirs_net.embedding, atol=2e-3)  # (shipped in half precision)
    assert np.allclose(mine_net.output, theirs_net.output, atol=1e-5)
