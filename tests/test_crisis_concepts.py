"""Tests for the crisis detector's concept stage: phrasings no rule lists, the guards it shares, its data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from benchmarks.bench_crisis import load_eval
from bot.logic import crisis_detector as cd
from bot.logic.crisis_concepts import ANCHORS, CONCEPT_REASONS, CONCEPT_STEMS, CONCEPTS
from bot.logic.crisis_detector import Severity, detect, normalise
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
    return cd._severity(frozenset(h.rule.kind for h in cd._hits(norm)))


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
    verdict = detect(text)
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
    assert detect(text).severity is NONE


def test_concepts_only_speak_where_the_rules_found_nothing() -> None:
    for row in load_eval():
        verdict = detect(row.text)
        if _rules_alone(row.text) is not NONE:
            assert not set(verdict.reasons) & CONCEPT_REASONS


def test_concept_reasons_name_rules_never_text() -> None:
    seen = set()
    for text in [row.text for row in load_eval()] + _fresh_texts():
        for reason in detect(text).reasons:
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
    with_concepts = sum(detect(t).crisis for t in positives)
    rules_only = sum(_rules_alone(t) is not NONE for t in positives)
    assert with_concepts > rules_only
    assert with_concepts / len(positives) >= 0.9
    assert not any(detect(t).crisis for t in negatives)


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
    assert detect("escrevi no caderno minha carta de despedida").severity is URGENT


def test_a_rule_is_not_retried_when_the_message_speaks_the_first_language() -> None:
    assert detect("i'm not suicidal, just really tired").severity is NONE


def test_concept_data_is_consistent() -> None:
    assert set(CONCEPTS) == set(RULES) == set(CONCEPT_STEMS)
    for table in CONCEPTS.values():
        assert set(ANCHORS) | {"first", "desire", "timing"} == set(table)
        assert all(table.values())
    for stems in CONCEPT_STEMS.values():
        assert all(re.fullmatch(r"[a-z $]+", s) for s in stems)
