"""Tests for the crisis detector's concept stage: phrasings no rule lists, the guards it shares, its data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from benchmarks.bench_crisis import load_eval
from bot.logic import crisis_detector as cd
from bot.logic.crisis_concepts import ANCHORS, CONCEPT_REASONS, CONCEPT_STEMS, CONCEPTS
from bot.logic.crisis_detector import Severity, detect_by_rules, normalise
from bot.logic.crisis_lexicon import KINDS, RULES

NONE, CONCERN, URGENT = Severity.NONE, Severity.CONCERN, Severity.URGENT
_FRESH = Path(__file__).resolve().parent / "data" / "crisis_fresh_1.tsv"


def _fresh_rows() -> list[dict[str, str]]:
    with _FRESH.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _fresh_texts() -> list[str]:
    return [r["text"] for r in _fresh_rows()]


def _rules_alone(text: str) -> Severity:
    norm = normalise(text)
    return cd._severity(frozenset(h.rule.kind for h in cd._hits(norm)[0]))


@pytest.mark.parametrize(("text", "severity", "reason"), [
    ("i keep holding the lighter against my wrist", CONCERN, "concepts:self-harm"),
    ("everyone would do fine without me around", CONCERN, "concepts:burden"),
    ("sinceramente quero deixar de existir", CONCERN, "concepts:desire+death"),
    ("me hice cortes en los brazos otra vez", CONCERN, "concepts:self-harm"),
    ("ik wil verdwijnen voor altijd, vanavond", URGENT, "concepts:desire+death"),
    ("when you read this i won't be around", URGENT, "concepts:farewell+death"),
])
def test_concepts_catch_what_no_rule_lists(text: str, severity: Severity, reason: str) -> None:
    assert _rules_alone(text) is NONE  # otherwise this test says nothing about the concept stage
    verdict = detect_by_rules(text)
    assert verdict.severity is severity
    assert reason in verdict.reasons


@pytest.mark.parametrize("text", [
    "i would never want to stop existing",  # negation before the wish
    "nunca me suicidaría",  # a negation in the message's language, though the words read as four languages
    "my friend wants to disappear forever",  # someone else
    "my grandma wants to die at home, peacefully",
    "the main character wants to die in chapter three",  # fiction
    "the hero decides to end it all in the finale",
    "i'm going to die if they cancel the show",  # hyperbole before a condition
    "i want to disappear into a good book",  # disappear somewhere, not for good
    "my phone is about to die",  # a thing of the author's
    "i used to want to disappear forever, now i'm doing great",  # recovery
    "i want to stop existing lol jk",  # taken back
    "she says everyone would do fine without her",
    "estoy harta de vivir con mis padres",  # weary of living somewhere, not of living
    "i nearly overdosed on coffee today haha",
    "suicide prevention day is next week",  # a topic, no one in it
    "me corté el pelo ayer",  # grooming
    "mi sono tagliato il dito cucinando",
])
def test_concepts_keep_the_rule_guards(text: str) -> None:
    assert detect_by_rules(text).severity is NONE


def test_concepts_only_speak_where_the_rules_found_nothing_or_to_make_a_concern_urgent() -> None:
    for row in load_eval():
        verdict = detect_by_rules(row.text)
        if _rules_alone(row.text) is not NONE and set(verdict.reasons) & CONCEPT_REASONS:
            assert _rules_alone(row.text) is CONCERN and verdict.severity is URGENT


@pytest.mark.parametrize("text", [
    "this is goodbye everyone. please look after my cat, she likes the window seat",  # a farewell and a handover
    "dit is mijn laatste bericht, zorg goed voor mijn kat",
    "everything is pointless, the pills are right here",  # hopelessness and a means no rule paired
])
def test_concepts_make_a_rule_concern_urgent(text: str) -> None:
    assert _rules_alone(text) is CONCERN
    verdict = detect_by_rules(text)
    assert verdict.severity is URGENT
    assert set(verdict.reasons) & set(KINDS) and set(verdict.reasons) & CONCEPT_REASONS


@pytest.mark.parametrize("text", [
    "this is my last message, i love you all",  # every farewell word is the rules' own: nothing added
    "i hurt myself again last night",  # self-harm with a time is not an emergency
])
def test_concepts_do_not_count_the_rules_words_twice(text: str) -> None:
    assert detect_by_rules(text).severity is _rules_alone(text) is CONCERN


@pytest.mark.parametrize("text", [
    "honestly what's the point of any of it anymore",
    "nothing is ever going to get better for me",
    "i'm tired of fighting",
    "i'm so done with everything",
    "je suis tellement fatiguée de me battre",
    "¿para qué seguir? nada va a mejorar nunca",
    "pra que continuar? nada nunca vai melhorar",
    "sono stanco di lottare, non ne posso più",
    "wozu das alles noch, es wird nie besser",
    "ik ben het vechten zo moe, het wordt nooit beter",
    "il ne me reste plus rien",
])
def test_despair_without_a_named_subject_is_a_concern(text: str) -> None:
    verdict = detect_by_rules(text)
    assert verdict.severity is CONCERN
    assert "concepts:despair" in verdict.reasons


@pytest.mark.parametrize("text", [
    "i'm so done with this homework, it's endless",  # a thing, not life
    "what's the point of this meeting honestly",
    "tired of fighting with the printer every day",
    "nothing will ever get better than that pizza",  # praise
    "my mum says nothing will ever get better",  # someone else
    "à quoi bon repasser ce linge",
    "non ne posso più di questo caldo",
    "estoy cansada de todo este ruido",
    "wozu noch einen Kaffee",
    "ik ben klaar met alles voor vandaag",
    "i have nothing left to do today",
    "i used to think nothing would ever get better, now i'm doing great",  # recovery
])
def test_despair_idioms_and_objects_are_not_crises(text: str) -> None:
    assert detect_by_rules(text).severity is NONE


@pytest.mark.parametrize("text", [
    "je me suis brûlée le bras ce soir", "mi sto tagliando di nuovo", "mi sono bruciata il braccio apposta",
    "me estoy quemando otra vez", "me queimei de propósito", "je me suis fait mal exprès",
    "ich ritze mich ständig", "ik snij mezelf elke dag", "i burned my arm on purpose",
])
def test_past_and_habitual_self_harm_is_a_concern(text: str) -> None:
    assert detect_by_rules(text).severity is CONCERN


@pytest.mark.parametrize("text", [
    "me cortei com o papel, que raiva", "mi sono tagliato con il coltello del pane, niente di grave",
    "ik heb mezelf gesneden aan een papiertje haha", "me corté sin querer", "me cortei sem querer",
    "je me suis coupé avec le couteau en cuisinant",
])
def test_an_accident_with_an_everyday_instrument_is_not_self_harm(text: str) -> None:
    assert detect_by_rules(text).severity is NONE


def test_a_blade_is_never_an_accident() -> None:
    assert detect_by_rules("me corté con una cuchilla").severity is CONCERN


@pytest.mark.parametrize(("text", "expected"), [
    ("ich wünschte, ich wäre nicht mehr da", CONCERN),  # German sets the wish apart with a comma
    ("ich denke daran, alles zu beenden", CONCERN),
    ("ich hoffe, ich bin morgen nicht mehr krank", NONE),
    ("ich will das projekt beenden", NONE),
    ("je ne veux plus être là", CONCERN),  # the negation belongs to the wish
    ("non voglio più essere qui", CONCERN),
    ("não quero mais estar aqui", CONCERN),
    ("ojalá no hubiera nacido", CONCERN),
    ("ojalá hubiera nacido en los 80", NONE),
])
def test_wishes_across_a_comma_and_negated_wishes(text: str, expected: Severity) -> None:
    assert detect_by_rules(text).severity is expected


def test_concept_reasons_name_rules_never_text() -> None:
    seen = set()
    for text in [row.text for row in load_eval()] + _fresh_texts():
        for reason in detect_by_rules(text).reasons:
            assert reason in CONCEPT_REASONS or reason in KINDS
            seen.add(reason)
    assert seen & CONCEPT_REASONS  # the stage does speak


def test_concept_stage_alone_is_precise_on_the_labelled_set() -> None:
    """Run without the rules in front of it, the stage still raises few false alarms on the hard negatives."""
    positives = negatives = caught = false_alarms = 0
    for row in load_eval():
        verdict = cd._concept_verdict(normalise(row.text))
        if row.label is NONE:
            negatives += 1
            false_alarms += verdict.crisis
        else:
            positives += 1
            caught += verdict.crisis
    assert false_alarms / negatives <= 0.02
    assert caught / positives >= 0.4


def test_concept_stage_generalises_on_a_fresh_batch() -> None:
    """Written apart from the rules (tests/data/crisis_fresh_1.tsv): recall rises, false alarms do not."""
    rows = _fresh_rows()
    positives = [r["text"] for r in rows if r["label"] != "none"]
    negatives = [r["text"] for r in rows if r["label"] == "none"]
    with_concepts = sum(detect_by_rules(t).crisis for t in positives)
    rules_only = sum(_rules_alone(t) is not NONE for t in positives)
    assert with_concepts > rules_only
    assert with_concepts / len(positives) >= 0.9
    assert not any(detect_by_rules(t).crisis for t in negatives)


def test_a_later_fresh_batch_is_caught_without_false_alarms() -> None:
    """tests/data/crisis_fresh_4.tsv, written before the despair and past-tense classes were added."""
    with (_FRESH.parent / "crisis_fresh_4.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    positives = [r["text"] for r in rows if r["label"] != "none"]
    assert sum(detect_by_rules(t).crisis for t in positives) / len(positives) >= 0.9
    assert all(detect_by_rules(r["text"]).severity is URGENT for r in rows if r["label"] == "urgent")
    assert not any(detect_by_rules(r["text"]).crisis for r in rows if r["label"] == "none")


def test_prefilter_lets_through_every_message_the_concepts_flag() -> None:
    for text in [row.text for row in load_eval()] + _fresh_texts():
        norm = normalise(text)
        if cd._concept_verdict(norm).crisis:
            assert cd._PREFILTER.search(norm), "no stem covers a message the concepts flag"


def test_a_rule_rejected_by_one_languages_guards_is_tried_in_another() -> None:
    """Spanish is tried first and reads Portuguese "no" (in the) as a negation; Portuguese does not."""
    text = normalise("escrevi no caderno minha carta de despedida")
    hit = next(h for h in cd._candidates(cd._PRIMARY, text) if h.rule.name == "plan-or-means")
    assert hit.rule.lang == "es"
    assert not cd._valid(hit, cd._message(text))
    assert detect_by_rules("escrevi no caderno minha carta de despedida").severity is URGENT


def test_a_rule_is_not_retried_when_the_message_speaks_the_first_language() -> None:
    assert detect_by_rules("i'm not suicidal, just really tired").severity is NONE


def test_concept_data_is_consistent() -> None:
    assert set(CONCEPTS) == set(RULES) == set(CONCEPT_STEMS)
    for table in CONCEPTS.values():
        assert set(ANCHORS) | {"first", "desire", "timing"} == set(table)
        assert all(table.values())
    for stems in CONCEPT_STEMS.values():
        assert all(re.fullmatch(r"[a-z $]+", s) for s in stems)
