"""Text analysis for the coping search: tokens, a light stemmer, everyday-phrase concepts, typo repair."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = [
    "CONCEPT_PREFIX",
    "SELF_HARM_CONCEPT",
    "Analysed",
    "analyse",
    "concept_words",
    "correct",
    "stem",
    "stem_all",
    "surface_tokens",
]

CONCEPT_PREFIX = "@"
"""Concept terms start with this so they can never collide with a word stem."""

SELF_HARM_CONCEPT = CONCEPT_PREFIX + "self-harm-urges"

_WORD = re.compile(r"[a-z0-9]+")
_MAX_PHRASE = 5
_FUZZY_MIN_LEN = 4
_ONE_SLIP_MAX_LEN = 6

# Everyday phrasing grouped by what the person is most likely looking for. Keys are the
# library's categories and situations, so a strategy's own tags land on the same terms as a
# member's words. A phrase may sit in several groups ("cant breathe" is panic and breathing).
# These are groups of meaning, not answers for particular queries.
# fmt: off
_SLEEP_WORDS = (
    "sleep", "asleep", "sleepless", "insomnia", "awake", "cant sleep", "not sleeping", "night",
    "nighttime", "bed", "bedtime", "3am", "2am", "4am", "nightmare", "bad dream", "wake up",
    "waking up", "tossing and turning", "tired", "exhausted", "knackered",
)
_CONCEPT_PHRASES: dict[str, tuple[str, ...]] = {
    "panic": (
        "panic", "panicking", "panicky", "panic attack", "heart racing", "racing heart",
        "heart pounding", "cant breathe", "hyperventilate", "hyperventilating", "freaking out",
        "freak out", "tight chest", "chest tight", "think im dying", "terrified", "attack",
    ),
    "anxiety": (
        "anxious", "anxiety", "anxiety attack", "worry", "worried", "worrying", "nervous", "nerves",
        "stress", "stressed", "stressing", "tense", "on edge", "scared", "afraid", "fear", "dread",
        "uneasy", "jittery", "restless", "overthinking", "what if", "exam", "test", "interview",
        "social anxiety", "shaky", "shaking",
    ),
    "anger": (
        "angry", "anger", "mad", "furious", "rage", "raging", "pissed", "pissed off", "irritated",
        "irritable", "annoyed", "frustrated", "frustration", "livid", "fuming", "temper", "snap",
        "lash out", "punch", "hate everyone", "resentment", "explode", "seeing red",
    ),
    "sadness": (
        "sad", "sadness", "down", "depressed", "depression", "low", "cry", "crying", "tearful",
        "miserable", "hopeless", "empty", "unmotivated", "no motivation", "grief", "grieving",
        "heartbroken", "breakup", "gloomy", "upset", "unhappy", "blue", "worthless", "useless",
        "feel like crap", "feel like shit", "bad day", "rough day", "whats the point", "heartbreak",
        "dumped", "lost someone", "miss them",
    ),
    "loneliness": (
        "lonely", "loneliness", "alone", "isolated", "isolation", "no friends", "no one", "nobody",
        "left out", "abandoned", "miss people", "by myself", "on my own", "friendless", "homesick",
        "miss home", "nobody cares", "no one cares",
    ),
    "insomnia": _SLEEP_WORDS,
    "sleep": _SLEEP_WORDS,
    "dissociation": (
        "numb", "numbness", "dissociate", "dissociating", "dissociation", "dissociated", "unreal",
        "not real", "out of body", "spaced out", "spacing out", "zoned out", "zoning out", "foggy",
        "fog", "detached", "floaty", "floating", "not here", "not in my body", "derealisation",
        "derealization", "depersonalisation", "depersonalization", "feel nothing",
        "cant feel anything", "blank", "far away", "flashback", "disconnected",
    ),
    "overwhelm": (
        "overwhelmed", "overwhelm", "overwhelming", "too much", "swamped", "drowning", "overloaded",
        "burnout", "burnt out", "burned out", "cant cope", "frazzled", "spiral", "spiralling",
        "spiraling", "falling apart", "breaking down", "meltdown", "shutdown", "deadline",
        "so much to do", "losing it", "workload", "uni work", "schoolwork", "homework",
        "assignment", "assignments", "coursework", "essay", "essays", "exams", "revision",
    ),
    "self-harm-urges": (
        "self harm", "selfharm", "self harming", "self injury", "sh", "cut", "cutting", "cutter",
        "hurt myself", "hurting myself", "harm myself", "harming myself", "kill myself",
        "killing myself", "suicide", "suicidal", "want to die", "wanna die", "end my life",
        "end it all", "burn myself", "unalive", "kms", "not want to be here",
        "dont want to be here", "dont want to live",
    ),
    "urges": (
        "urge", "urges", "craving", "cravings", "impulse", "impulsive", "tempted", "temptation",
        "relapse", "give in", "resist",
    ),
    "grounding": (
        "grounding", "ground myself", "present", "here and now", "senses", "anchor", "come back",
    ),
    "breathing": (
        "breath", "breathe", "breathing", "breaths", "inhale", "exhale", "cant breathe",
    ),
    "body-and-movement": (
        "exercise", "walk", "walking", "run", "running", "move", "movement", "stretch",
        "stretching", "workout", "muscle", "muscles", "gym", "yoga", "body", "physical", "tension",
        "energy",
    ),
    "distraction": (
        "distract", "distraction", "distracted", "bored", "boredom", "take my mind off",
        "stop thinking", "keep busy", "busy", "game", "games", "something to do",
    ),
    "self-soothing": (
        "soothe", "soothing", "comfort", "comforting", "calm", "calming", "relax", "relaxing",
        "relaxation", "cozy", "cosy", "gentle", "self care", "treat myself", "calm down",
    ),
    "thinking-skills": (
        "thought", "thoughts", "thinking", "overthinking", "ruminate", "ruminating", "rumination",
        "racing thoughts", "negative thoughts", "intrusive thoughts", "cant stop thinking",
        "catastrophising", "catastrophizing", "cbt", "reframe", "what if", "loop", "mind racing",
    ),
    "connection": (
        "talk", "talk to someone", "friend", "friends", "reach out", "text", "call", "someone",
        "people", "support", "company", "chat", "helpline", "hotline", "family", "group",
    ),
    "emotion-regulation": (
        "emotion", "emotions", "emotional", "feelings", "mood", "mood swings", "intense",
        "out of control", "calm down", "regulate", "explode", "too intense", "dbt",
    ),
}
# fmt: on

# Words that carry no search meaning on their own. Phrases are matched before these are
# dropped, so "cant sleep" and "not real" still find their concepts.
_STOPWORDS = frozenset(
    """
    a about after again all also am an and any anything are as at be been being but by can cant
    cannot could did do does doing dont for from get gets getting go going got had has have
    having help how i id if im in into is it its ive just know let lets like make me more most my
    myself need no not now of off on or out over please pls really right should so some
    something still such than that the their them then there these they thing things this to
    too u up very want wanna was way ways we what whats when where which while who why will
    with would you your tips feel feeling feels felt keep kinda sorta bit lot lots today
    tonight rn everything everyone everybody anymore always nothing
    """.split()
)


@dataclass(frozen=True, slots=True)
class Analysed:
    """What a piece of text means to the search: word stems and the concepts its phrases name."""

    stems: tuple[str, ...]
    concepts: frozenset[str]
    in_phrases: frozenset[str] = frozenset()
    """Stems that were read as part of a multi-word phrase ("work" in "uni work")."""


def surface_tokens(text: str) -> list[str]:
    """Lower-case word tokens with accents folded and apostrophes dropped ("can't" -> "cant")."""
    folded = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(plain.replace("'", "").replace("’", ""))


_VOWELS = frozenset("aeiou")


def _is_vowel(word: str, i: int) -> bool:
    return word[i] in _VOWELS or (word[i] == "y" and i > 0 and word[i - 1] not in _VOWELS)


def _measure(word: str) -> int:
    """Porter's m: how many vowel-then-consonant runs the word has."""
    pattern = "".join("v" if _is_vowel(word, i) else "c" for i in range(len(word)))
    return pattern.count("vc")


def _short_cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant with one syllable (cut, hop, scar), so a final e belongs."""
    n = len(word)
    return (
        n >= 3
        and not _is_vowel(word, n - 3)
        and _is_vowel(word, n - 2)
        and not _is_vowel(word, n - 1)
        and word[-1] not in "wxy"
        and _measure(word) == 1
    )


def _after_suffix(word: str) -> str:
    """Tidy a stem after -ing/-ed: "runn" -> "run", "mak" -> "make", so both sides meet."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz" and not _is_vowel(word, len(word) - 1):
        return word[:-1]
    return word + "e" if _short_cvc(word) else word


@cache
def stem(word: str) -> str:
    """A small, consistent suffix stripper after Porter: plurals, -ing, -ed, -ly, -ness, -ation, final y/e.

    Over-stemming is harmless here because the same function runs on strategies and queries;
    what matters is that "breathing", "breathe" and "breaths" meet at one stem, while "cute"
    stays apart from "cut".
    """
    w = word
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, repl, keep in (("iness", "y", 3), ("ness", "", 3), ("ations", "", 3), ("ation", "", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 6:
        w = _after_suffix(w[:-3])
    elif w.endswith("ed") and len(w) >= 5:
        w = _after_suffix(w[:-2])
    if w.endswith("ional") and len(w) >= 8:
        w = w[:-2]
    if w.endswith(("tion", "sion")) and len(w) >= 7:
        w = w[:-3]
    if w.endswith("ly") and len(w) >= 6:
        w = w[:-2]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 3 and (_measure(w[:-1]) > 1 or not _short_cvc(w[:-1])):
        w = w[:-1]
    return w


def stem_all(tokens: Iterable[str]) -> tuple[str, ...]:
    """Stem every token, keeping order."""
    return tuple(stem(t) for t in tokens)


@cache
def _phrase_table() -> dict[tuple[str, ...], frozenset[str]]:
    """Stemmed phrase -> concept terms, built once from the groups above."""
    stop_stems = {stem(w) for w in _STOPWORDS}
    table: dict[tuple[str, ...], set[str]] = {}
    for concept, phrases in _CONCEPT_PHRASES.items():
        for phrase in phrases:
            key = stem_all(surface_tokens(phrase))
            if len(key) == 1 and key[0] in stop_stems:
                continue  # "feelings" must not turn every "i feel ..." into a concept
            table.setdefault(key, set()).add(CONCEPT_PREFIX + concept)
    return {key: frozenset(value) for key, value in table.items()}


@cache
def concept_words() -> frozenset[str]:
    """Every surface word used in a concept phrase, for typo repair."""
    return frozenset(w for phrases in _CONCEPT_PHRASES.values() for p in phrases for w in surface_tokens(p))


def _concepts_in(stems: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Concepts named in the stem sequence, and the stems read as part of multi-word phrases.

    The longest phrase at each position wins and consumes its words, so "calm down" is not
    also read as "down" (sadness).
    """
    table = _phrase_table()
    found: set[str] = set()
    phrased: set[str] = set()
    start = 0
    while start < len(stems):
        step = 1
        for size in range(min(_MAX_PHRASE, len(stems) - start), 0, -1):
            hit = table.get(tuple(stems[start : start + size]))
            if hit is not None:
                found |= hit
                step = size
                if size > 1:
                    phrased.update(stems[start : start + size])
                break
        start += step
    return frozenset(found), frozenset(phrased)


def analyse(tokens: Sequence[str]) -> Analysed:
    """Meaningful stems and named concepts of already-tokenised (and, for queries, repaired) text."""
    stems = stem_all(tokens)
    kept = tuple(s for t, s in zip(tokens, stems, strict=True) if t not in _STOPWORDS and s not in _STOPWORDS)
    concepts, phrased = _concepts_in(stems)
    return Analysed(stems=kept, concepts=concepts, in_phrases=phrased)


def correct(token: str, known: frozenset[str], choices: Sequence[str]) -> tuple[str, float]:
    """Repair a likely typo: the closest of `choices`, with a confidence in (0, 1].

    Known words, stopwords, numbers and very short tokens are returned as they are, so only
    words the search has never seen are guessed at. Distance counts a swapped pair of letters
    as one slip ("slef" -> "self"); long words may have two slips, short ones one. Among
    equally close words the earliest choice wins, so callers list common words first.
    """
    if token in known or token in _STOPWORDS or len(token) < _FUZZY_MIN_LEN or token.isdigit():
        return token, 1.0
    slips = 1 if len(token) <= _ONE_SLIP_MAX_LEN else 2
    best = process.extractOne(token, choices, scorer=OSA.distance, score_cutoff=slips)
    if best is None:
        return token, 1.0
    return str(best[0]), 1.0 - float(best[1]) / len(token)
