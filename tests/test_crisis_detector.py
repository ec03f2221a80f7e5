"""Tests for the crisis detector: the labelled set, and behaviour rule by rule in all seven languages."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.bench_crisis import ORDINARY, load_eval, score
from bot.logic import crisis_detector as cd
from bot.logic.crisis_concepts import CONCEPT_REASONS
from bot.logic.crisis_detector import Severity, Verdict, detect, detect_by_rules, normalise, rules_view, scan_stream
from bot.logic.crisis_lexicon import GUARDS, KINDS, RULES

NONE, CONCERN, URGENT = Severity.NONE, Severity.CONCERN, Severity.URGENT


def _severity(text: str) -> Severity:
    return detect(text).severity


# ------------------------------------------------------------------------------------------ the labelled set


def test_labelled_set_recall_and_false_alarms() -> None:
    every = score(load_eval())
    assert every.positives > 250 and every.negatives > 250
    assert every.recall >= 0.97
    assert every.false_positive_rate <= 0.05


def test_labelled_set_is_well_formed() -> None:
    rows = load_eval()
    assert {r.lang for r in rows} == {"en", "es", "de", "fr", "pt", "it", "nl"}
    assert {r.split for r in rows} == {"dev", "heldout"}
    assert all(r.text.strip() for r in rows)


def test_prefilter_lets_through_every_message_the_rules_would_flag() -> None:
    """The stems are hand-kept: a rule whose words no stem covers would silently never fire."""
    for text in [r.text for r in load_eval()] + list(ORDINARY):
        norm = normalise(text)
        if cd._judge(norm).verdict.crisis:
            assert cd._PREFILTER.search(norm), "no stem covers a flagged message"


def test_most_ordinary_chat_stops_at_the_prefilter() -> None:
    passed = sum(cd._PREFILTER.search(normalise(line)) is not None for line in ORDINARY)
    assert passed / len(ORDINARY) < 0.15


# ------------------------------------------------------------------------------------------ behaviour


@pytest.mark.parametrize("text", [
    "i want to die", "everyone would be better off without me", "i cut again",
    "i'm a burden to everyone", "i don't want to live anymore", "i wish i could sleep and never wake up",
])
def test_first_person_distress_is_a_concern(text: str) -> None:
    assert _severity(text) is CONCERN


def test_feeling_suicidal_tonight_is_at_least_a_concern() -> None:
    """The rules call it a concern (no plan, no means); the urgency model, which learnt that "tonight" often comes
    with acute danger, may alert the facilitators too. Either is a fair reading; missing it is not."""
    assert detect_by_rules("I feel suicidal tonight").severity is CONCERN
    assert _severity("I feel suicidal tonight") in {CONCERN, URGENT}


@pytest.mark.parametrize("text", [
    "i have the pills ready. tonight is the night", "i took all the pills, i'm sorry", "i've written my note",
    "i'm going to kill myself tonight", "goodbye everyone. i'm going to end my life", "the rope is ready",
    "i'm on the ledge and i'm going to jump", "i overdosed an hour ago",
])
def test_plan_means_timing_or_an_attempt_is_urgent(text: str) -> None:
    assert _severity(text) is URGENT


@pytest.mark.parametrize("text", [
    "i'm not suicidal", "i would never hurt myself", "i don't want to die, i want to live",
    "i'm not going to kill myself", "i'd never take my own life", "i haven't self harmed in a year",
])
def test_negation_cancels(text: str) -> None:
    assert _severity(text) is NONE


@pytest.mark.parametrize("text", [
    "killing it at work", "that cake is to die for", "i'm dying to see you", "dead tired", "i want to die my hair",
    "this homework is killing me", "i could kill for a pizza", "i cut myself while cooking",
    "i could sleep forever after that hike", "cut myself some slack", "i want to die of embarrassment",
])
def test_idioms_are_not_crises(text: str) -> None:
    assert _severity(text) is NONE


@pytest.mark.parametrize("text", [
    "the character kills himself at the end", "my friend said she wants to die", "i'm worried my brother is suicidal",
    'in the film he says "i want to kill myself"', "if you ever feel suicidal, call a line",
    "how do i help a suicidal friend?", "she's been self harming again",
])
def test_someone_else_or_fiction_is_not_the_authors_crisis(text: str) -> None:
    assert _severity(text) is NONE


@pytest.mark.parametrize("text", [
    "if i ever feel suicidal i will call the line", "my therapist asked if i'm suicidal",
    "suicidal thoughts are common in depression", "we had a training on suicide prevention",
])
def test_conditions_and_topics_are_not_crises(text: str) -> None:
    assert _severity(text) is NONE


def test_ordinary_chat_raises_no_alarm() -> None:
    assert [line for line in ORDINARY if detect(line).crisis] == []


@pytest.mark.parametrize("text", [
    "two years ago i wanted to die, now i'm doing better", "i used to self harm but i'm clean now",
    "back in high school i was suicidal, therapy helped me",
])
def test_past_recovery_is_history(text: str) -> None:
    assert _severity(text) is NONE


@pytest.mark.parametrize("text", [
    "when i was 14 i wanted to die, now i'm thriving", "mit 16 wollte ich sterben, heute geht es mir gut",
    "a 16 anni volevo morire, ora sto meglio", "cuando tenía 16 años quería morir, ahora estoy mejor",
])
def test_an_age_in_the_past_is_history(text: str) -> None:
    assert _severity(text) is NONE


def test_a_past_marker_with_still_is_current() -> None:
    assert _severity("years ago i wanted to die and i still do") is CONCERN


@pytest.mark.parametrize("text", [
    "i want to k1ll mys3lf", "su!c!dal", "s u i c i d e is all i think about", "i want to diiieee", "kms",
    "i want to unalive myself", "thinking about sewerslide", "gonna off myself", "$uicidal", "i'm about to k.m.s",
    "I WANT TO DIE", "i want to end it all", "i hope i don't wake up",
])
def test_obfuscation_and_slang_are_seen_through(text: str) -> None:
    assert detect(text).crisis


@pytest.mark.parametrize(("text", "expected"), [
    ("quiero morirme", CONCERN), ("me voy a matar esta noche", URGENT), ("me muero de risa", NONE),
    ("ich will nicht mehr leben", CONCERN), ("ich habe alle tabletten genommen", URGENT), ("ich bin todmüde", NONE),
    ("je veux mourir", CONCERN), ("je vais me tuer ce soir", URGENT), ("je suis mort de rire", NONE),
    ("não quero mais viver", CONCERN), ("vou me matar hoje à noite", URGENT), ("estou morrendo de fome", NONE),
    ("voglio morire", CONCERN), ("stanotte mi ammazzo", URGENT), ("questo caldo mi uccide", NONE),
    ("ik wil dood", CONCERN), ("ik heb alle pillen ingenomen", URGENT), ("ik lach me dood", NONE),
])
def test_each_language(text: str, expected: Severity) -> None:
    assert _severity(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("no quiero morir", NONE), ("ich will nicht sterben", NONE), ("je ne veux pas mourir", NONE),
    ("não quero morrer", NONE), ("non voglio morire", NONE), ("ik wil niet dood", NONE),
])
def test_negation_in_each_language(text: str, expected: Severity) -> None:
    assert _severity(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("i'm sick and tired of life", CONCERN), ("i'm sick of living with my in-laws", NONE),
    ("harta de la vida", CONCERN), ("das leben satt", CONCERN), ("lasse de la vie", CONCERN),
    ("farta da vida", CONCERN), ("stufa della vita", CONCERN), ("ik ben dit leven beu", CONCERN),
])
def test_weariness_of_life_is_a_class_in_each_language(text: str, expected: Severity) -> None:
    assert _severity(text) is expected


@pytest.mark.parametrize("text", [
    "im about to end it all", "estoy en el puente y me quiero tirar", "ich bin auf dem balkon und will springen",
    "je suis sur le balcon, je veux sauter", "estou na sacada e vou me jogar", "sono sul balcone e mi voglio buttare",
    "ik sta op het balkon en wil springen", "morgen nehme ich mir das leben, lebt wohl",
])
def test_imminence_places_and_word_order_make_it_urgent(text: str) -> None:
    assert _severity(text) is URGENT


@pytest.mark.parametrize("text", [
    "Sam took all the pills", "Lena will nicht mehr leben", "Mila wil er niet meer zijn", "Priya wants to die",
    "este trabajo me va a matar", "esse chefe vai me matar", "ce prof va me tuer", "i'd rather be dead than be late",
    "i want to kill myself lol jk", "let's put an end to it all and start the project over",
    "we said goodbye forever at the farewell party", "Sam wrote a suicide note in the play",
    "voglio che tutto finisca bene", "don't forget your 💊 after lunch",
])
def test_names_hyperbole_jokes_and_ordinary_goodbyes_are_not_crises(text: str) -> None:
    assert _severity(text) is NONE


@pytest.mark.parametrize("text", [
    "i want to die, i'm not joking", "i'd rather be dead than live like this", "jveux mourir", "j'vais me tuer",
    "i just wrote a suicide note", "merezco morir", "ik verdien het om te sterven", "took all the 💊",
])
def test_what_the_guards_must_not_cancel(text: str) -> None:
    assert detect(text).crisis


@pytest.mark.parametrize("text", [
    "my ex relapsed and overdosed last month, he is ok now",
    "so embarrassed after that presentation, i want to crawl into a hole and die",
    "i'll sleep when i'm dead, third coffee today", "en terapia recordamos la época en que quería matarme",
    "pensaba en matarme cada noche. ya no me siento así, gracias a la terapia",
])
def test_an_ex_two_idioms_and_a_spanish_past_are_not_crises(text: str) -> None:
    assert not detect_by_rules(text).crisis


@pytest.mark.parametrize("text", [
    "my ex left me and i want to die", "i want to crawl into bed and never wake up",
    "i'm dead inside and i want to be dead for real", "quiero matarme, ya no aguanto esta época",
    "everything is falling apart and i just want to crawl into a hole and die",
])
def test_beside_those_guards_a_crisis_is_still_one(text: str) -> None:
    assert detect_by_rules(text).crisis


def test_an_answer_the_author_says_was_a_lie_does_not_hold() -> None:
    assert not detect_by_rules("my therapist asked if i had suicidal thoughts and i could honestly say no").crisis
    assert detect_by_rules("my therapist asked if i had suicidal thoughts and i said no. i lied").crisis
    assert rules_view("i told everyone i'm not suicidal").cleared
    assert not rules_view("i told everyone i'm not suicidal. i lied").cleared  # so the model reads it


@pytest.mark.parametrize("text", [
    "el viernes me mato", "morgen will ich nicht mehr leben", "zaterdag wil ik er niet meer zijn",
    "quando mio fratello esce di casa mi ammazzo",
])
def test_a_day_is_not_a_name_and_an_italian_reflexive_verb_is_the_authors(text: str) -> None:
    assert detect_by_rules(text).crisis


def test_reasons_name_the_rules_that_fired() -> None:
    verdict = detect("i have the pills ready, i'm going to kill myself tonight")
    assert verdict.severity is URGENT
    assert {"plan-or-means", "first-person:suicidal-intent", "timing"} <= set(verdict.reasons)
    assert detect("have a lovely evening").reasons == ()


def test_normalise_undoes_obfuscation() -> None:
    assert normalise("K1ll mys3lf!!!").startswith("kill myself |")
    assert normalise("s u i c i d e") == "suicide"
    assert normalise("Je suis fatiguée, ça va") == "je suis fatiguee | ca va"
    assert normalise("I'm diiieee") == "im die"


# ------------------------------------------------------------------------------------------ the API


def test_verdict_shape() -> None:
    verdict = detect("i want to die")
    assert verdict.crisis and verdict.as_json() == {
        "crisis": True, "severity": "concern", "reasons": list(verdict.reasons)}
    assert detect("hello").as_json() == {"crisis": False, "severity": "none", "reasons": []}
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.severity = NONE  # type: ignore[misc]
    assert Verdict(URGENT, ("x",)).crisis and not Verdict(NONE, ()).crisis


def test_scan_stream_writes_one_json_verdict_per_line_and_never_the_text() -> None:
    out = io.StringIO()
    assert scan_stream(io.StringIO("hello there\ni want to die\ni took all the pills\n"), out) == 0
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["severity"] for line in lines] == ["none", "concern", "urgent"]
    assert all(set(json.loads(line)) == {"crisis", "severity", "reasons"} for line in lines)
    assert "die" not in out.getvalue() and "pills" not in out.getvalue()


def test_lexicon_is_consistent() -> None:
    assert set(RULES) == set(GUARDS)
    for table in RULES.values():
        assert set(table) <= set(KINDS)
    assert all(set(g) == set(GUARDS["en"]) for g in GUARDS.values())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_detect_never_raises_and_never_echoes_text(text: str) -> None:
    verdict = detect(text)
    assert set(verdict.reasons) <= set(KINDS) | CONCEPT_REASONS | cd.MODEL_REASONS
    assert verdict.crisis == bool(verdict.reasons)
    json.dumps(verdict.as_json())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["i", "want", "to", "die", "kill", "myself", "not", "tonight", "pills", "k1ll",
                                 "'", '"', ".", "!", "s u i", "my", "friend", "never", "ready", "é", "💀"]),
                max_size=25))
def test_detect_is_total_on_trigger_heavy_input(words: list[str]) -> None:
    verdict = detect(" ".join(words))
    assert set(verdict.reasons) <= set(KINDS) | CONCEPT_REASONS | cd.MODEL_REASONS
