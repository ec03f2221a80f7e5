"""Crisis detection in chat messages: rules (first person, idioms, negation, obfuscation, seven languages) and a
learned stage that adds to them.

Pure and fast: a message is normalised once, a single prefilter regex rejects the everyday majority in a few
microseconds, and only messages with a trigger stem go through the rules. The rules are data (``crisis_lexicon``,
``crisis_concepts``); this module compiles and weighs them, then lets the model (``crisis_model``) add what the rules
do not know (``with_model``). A verdict carries rule names, never text.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final, TextIO

from bot.logic.crisis_concepts import ANCHORS, CONCEPT_MACROS, CONCEPT_STEMS, CONCEPTS
from bot.logic.crisis_lexicon import GUARDS, IDIOMS, JOKE, KINDS, QUOTE_FRAME, RULES, STEMS, TAKEN_BACK
from bot.logic.crisis_model import features, load_model
from bot.logic.regex_dispatch import dispatch

__all__ = ["MODEL_REASONS", "RulesView", "Severity", "Verdict", "detect", "detect_by_rules", "normalise", "rules_view",
           "scan_stream", "with_model"]


class Severity(StrEnum):
    NONE = "none"
    CONCERN = "concern"
    URGENT = "urgent"


@dataclass(frozen=True, slots=True)
class Verdict:
    severity: Severity
    reasons: tuple[str, ...]  # rule names that fired, never message text

    @property
    def crisis(self) -> bool:
        return self.severity is not Severity.NONE

    def as_json(self) -> dict[str, object]:
        return {"crisis": self.crisis, "severity": self.severity.value, "reasons": list(self.reasons)}


_NONE: Final = Verdict(Severity.NONE, ())

# ----------------------------------------------------------------------------------------------- normalising

_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a",
                              "!": "i", "|": "i"})
_MARKS: Final = {c: None for c in range(0x300, 0x370)}
_SINGLE_QUOTES: Final = re.compile(r"(?<!\w)['\u2018\u2019]|['\u2018\u2019](?!\w)")  # not an apostrophe in "i'm"
# Emoji that stand for a means ("took all the 💊") read as the English word, which every language's rules accept.
_MEANS_EMOJI: Final = {"\U0001f48a": " pills ", "\U0001f52a": " knife ", "\U0001f52b": " gun ", "\U0001faa2": " rope "}
# After de-obfuscating: apostrophes go ("i'm" is "im"), quotes become '"', clause marks " | ", the rest a space.
_PUNCT: Final = str.maketrans(
    {"'": None, "\u2019": None, "\u2018": None, "`": None, "\u00b4": None,
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'}
    | {c: " | " for c in ".!?;:,\n\u2026"}
    | {c: " " for c in "#$%&()*+<=>@[\\]^{|}~-_/\t\r\u00a1\u00bf\u00b7\u2022\u2013\u2014"}
    | _MEANS_EMOJI
)
# A word mixing letters with digits or symbols ("k1ll", "$uicidal", "su!c!dal"); a trailing "!" is punctuation.
_LEET_CHARS: Final = re.compile(r"[0-9$@!|]")
_LEETY: Final = re.compile(r"[a-z0-9$@!|]*(?:[a-z][0-9$@|]|[0-9$@|][a-z]|[a-z]![a-z])[a-z0-9$@!|]*")
_REPEATS: Final = re.compile(r"([a-z])\1{2,}")
_TRIPLE: Final = re.compile(r"([a-z])\1\1")  # the same test, faster to fail
# French drops the vowel of "je" in speech, with or without the apostrophe: "j'veux", "jvais me tuer".
_FR_JE: Final = re.compile(r"\bj(?=(?:veux|vais|voudrais|me|suis|peux|pense|sens)\b)")
_SPACED: Final = re.compile(r"\b[a-z]([ .*_-]+)(?:[a-z]\1)+[a-z]\b")  # "k m s", "d.i.e"


def _unleet(match: re.Match[str]) -> str:
    word = match.group()
    bare = word.rstrip("!|")
    return bare.translate(_LEET) + word[len(bare):]


def _join(match: re.Match[str]) -> str:
    return match.group().replace(match.group(1), "")


def normalise(text: str) -> str:
    """Casefolded, accent- and apostrophe-free, de-obfuscated text: words split by one space, clauses by " | "."""
    t = text.casefold()
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t).translate(_MARKS)
    if "'" in t or "\u2019" in t or "\u2018" in t:
        t = _SINGLE_QUOTES.sub('"', t)
    if _LEET_CHARS.search(t):
        t = _LEETY.sub(_unleet, t)
    if _TRIPLE.search(t):  # a sub with a template costs microseconds even when nothing matches
        t = _REPEATS.sub(r"\1", t)
    t = _SPACED.sub(_join, t)
    t = " ".join(t.translate(_PUNCT).split())
    return _FR_JE.sub("je ", t) if "j" in t else t


# ----------------------------------------------------------------------------------------------- compiling

# not, no, non, nooit, never, nicht(s), nie(t), niemals, niente, nunca, nada, nao, nulla, dont, geen, jamais, pas, rien,
# mai, kein(e)(n); factored by first letters because it is tried at every word of every gap.
_NEG_WORDS: Final = (r"(?:n(?:o(?:t|n|oit)?|ever|ichts?|ie(?:t|mals|nte)?|unca|ada|ao|ulla)|dont|geen|jamais|pas|rien|"
                     r"mai|kein(?:en?)?)")
_MACROS: Final = {
    "_G_": rf"(?: (?!{_NEG_WORDS}\b)\w+){{0,3}}",  # up to three words, none a negation, each after a space
    "_W_": rf"(?:(?!{_NEG_WORDS}\b)\w+ )",  # one word that is not a negation, then a space
    "_ME_": r"my ?self",
    # "rather be dead than late" is a figure of speech, "rather be dead than live like this" is not: a comparison
    # cancels a death wish unless what it is weighed against is going on living or suffering.
    "_THAN_": r"(?! (?:than|que|als|dan|che|do que|antes que|piuttosto che|plutot que) (?!(?:to )?(?:live|living|go on|"
              r"going on|keep|continue|feel|suffer|be alive|exist|stay|vivir|seguir|sufrir|existir|vivre|continuer|"
              r"souffrir|exister|leben|weiter|leiden|leven|door|lijden|vivere|continuare|soffrire|viver|continuar|"
              r"sofrer|go back|return|volver|regresar|zuruck|retourner|tornare|voltar|terug)\b))",
}


def _expand(pattern: str) -> str:
    """Macros filled in; a doubled letter also matches a single one (normalising collapses long runs to one)."""
    for macro, body in _MACROS.items():
        pattern = pattern.replace(macro, body)
    return re.sub(r"(?<!\\)([a-z])\1", r"\1\1?", pattern)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    kind: str
    lang: str


@dataclass(frozen=True, slots=True)
class _Guards:
    author: re.Pattern[str]
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    other_person: re.Pattern[str]
    first_person: re.Pattern[str]
    distant_past: re.Pattern[str]
    relapse: re.Pattern[str]
    recovery: re.Pattern[str]
    past_tense: re.Pattern[str]
    mundane_means: re.Pattern[str]
    future_plans: re.Pattern[str]
    shared_verb: re.Pattern[str]
    subject_free: re.Pattern[str]


def _bodies(patterns: Iterable[str]) -> list[str]:
    """Patterns expanded, each without its leading word boundary: the caller puts one boundary before them all, so
    a position inside a word is rejected once instead of once per pattern."""
    bodies = [_expand(p) for p in patterns]
    if not all(b.startswith(r"\b") for b in bodies):
        raise ValueError("every crisis pattern must start at a word boundary (\\b)")
    return [b[2:] for b in bodies]


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(_bodies(patterns))


def _trie(words: Iterable[str]) -> str:
    """An alternation with shared prefixes factored out ("die|dying" is "d(?:ie|ying)"): far fewer branches to try.
    A "$" in a word stands for a word boundary."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        if "" in node and len(node) > 1:  # a stem ends here and longer ones go on: the shorter one suffices
            return ""
        branches = [(r"\b" if char == "$" else re.escape(char)) + render(child)
                    for char, child in sorted(node.items()) if char]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""

    return render(tree)


def _compile_rules() -> tuple[tuple[re.Pattern[str], dict[str, _Rule]], ...]:
    """One regex per rule over every language (so rules may overlap), its branches led by first letters (see
    ``regex_dispatch``); the group that matched names the rule's language."""
    compiled = []
    for name, kind in KINDS.items():
        bodies = {lang: _bodies(table[name]) for lang, table in RULES.items() if table.get(name)}
        pattern = re.compile(r"\b(?=\w)" + dispatch(bodies))
        compiled.append((pattern, {group: _Rule(name, kind, group.partition("_")[0]) for group in pattern.groupindex}))
    return tuple(compiled)


def _compile_guards(table: Mapping[str, str]) -> _Guards:
    fields = {key.replace("-", "_"): re.compile(_expand(pattern)) for key, pattern in table.items()}
    return _Guards(**fields)


_SUPPORT_KINDS: Final = frozenset({"timing", "intent", "farewell-words", "cannot-go-on"})
_PRIMARY: Final = tuple(t for t in _compile_rules() if next(iter(t[1].values())).kind not in _SUPPORT_KINDS)
_SUPPORT: Final = tuple(t for t in _compile_rules() if next(iter(t[1].values())).kind in _SUPPORT_KINDS)
_GUARDS: Final = {lang: _compile_guards(table) for lang, table in GUARDS.items()}
_IDIOMS: Final = re.compile(r"\b(?=\w)(?:" + _alternation(IDIOMS) + ")")
_QUOTE_FRAME: Final = re.compile(QUOTE_FRAME)
_PREFILTER: Final = re.compile(r"\b" + _trie(STEMS + tuple(s for stems in CONCEPT_STEMS.values() for s in stems)))
_NEGATION_WINDOW: Final = 3  # words before a hit that a negation cue may sit in
_JOKE: Final = re.compile(JOKE)
_TAKEN_BACK: Final = re.compile(TAKEN_BACK)
_JOKE_NEGATED: Final = re.compile(rf"\b(?:{_NEG_WORDS}|geen|keine?|nest)\b")


# ----------------------------------------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: _Rule
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Message:
    """A normalised message and what the guards need to know about it as a whole."""

    text: str
    idioms: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...]
    frame: bool  # the author voices quoted words as their own
    lied: bool  # the author says they lied: an answer to someone's question ("asked if i...") no longer holds

    def clause(self, start: int, end: int) -> tuple[str, str]:
        """The clause text before a hit and the whole clause around it."""
        left = self.text.rfind("|", 0, start) + 1
        right = self.text.find("|", end)
        right = len(self.text) if right < 0 else right
        return self.text[left:start], self.text[left:right]

    def quoted(self, start: int) -> bool:
        return any(a < start < b for a, b in self.quotes)


def _message(text: str) -> _Message:
    idioms = tuple(m.span() for m in _IDIOMS.finditer(text))
    marks = [i for i, c in enumerate(text) if c == '"']
    quotes = tuple(zip(marks[::2], marks[1::2], strict=False))
    outside = text
    for a, b in reversed(quotes):
        outside = outside[:a] + outside[b + 1:]
    frame = bool(quotes) and _QUOTE_FRAME.search(outside) is not None
    return _Message(text, idioms, quotes, frame, _TAKEN_BACK.search(text) is not None)


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


def _other_person(guards: _Guards, before: str) -> bool:
    """Someone else (or "you") is nearer the hit than the author: a worry about a friend, a film, a song."""
    other = _last_end(guards.other_person, before)
    return other >= 0 and other > _last_end(guards.first_person, before)


def _named_subject(guards: _Guards, text: str, start: int, before: str) -> bool:
    """A verb form the author shares with anyone else ("took", "will") opens the hit or stands a word or two before
    it ("wrote a suicide note"), after a word that is its subject: a name ("Sam took...").

    Casefolding has erased capitals, so a name is known by its place: not the author, not a filler word."""
    words = before.split()
    if guards.shared_verb.match(text, start) is not None:
        subject = len(words) - 1
    else:
        verbs = [i for i in (len(words) - 1, len(words) - 2) if i >= 1 and guards.shared_verb.fullmatch(words[i])]
        if not verbs:
            return False
        subject = verbs[0] - 1
    return subject >= 0 and guards.subject_free.fullmatch(words[subject]) is None


def _negated(guards: _Guards, before: str, lied: bool) -> bool:
    """A negation just before the hit, or a condition anywhere before it in the clause (unless the author says they
    lied: "she asked if i was suicidal, i said no, i lied")."""
    window = " ".join(before.split()[-_NEGATION_WINDOW:])
    return guards.negation.search(window) is not None or (not lied and guards.hypothetical.search(before) is not None)


def _history(guards: _Guards, clause: str, recovering: bool) -> bool:
    """A recovery story: long ago (unless "still", "again"), or past tense in a message about getting better."""
    if guards.relapse.search(clause):
        return False
    if guards.distant_past.search(clause):
        return True
    return recovering and guards.past_tense.search(clause) is not None


_NO_PERSON_CHECK: Final = frozenset({"timing", "farewell-words", "farewell"})
_MEANS_KINDS: Final = frozenset({"plan", "progress", "means"})
_FAREWELL_KINDS: Final = frozenset({"farewell", "farewell-words"})


def _valid(hit: _Hit, msg: _Message) -> bool:
    guards = _GUARDS[hit.rule.lang]
    kind = hit.rule.kind
    if any(a < hit.end and hit.start < b for a, b in msg.idioms):
        return False
    if msg.quoted(hit.start) and not msg.frame:
        return False
    before, clause = msg.clause(hit.start, hit.end)
    if kind == "timing":
        return True
    if _negated(guards, before, msg.lied):
        return False
    own = guards.author.search(msg.text, hit.start, hit.end) is not None  # "i want...", "me quiero..."
    if kind not in _NO_PERSON_CHECK and not own and (
            _other_person(guards, before) or _named_subject(guards, msg.text, hit.start, before)):
        return False
    if kind in _MEANS_KINDS and guards.mundane_means.search(msg.text):
        return False
    if kind in _FAREWELL_KINDS and guards.future_plans.search(msg.text):
        return False
    recovering = guards.recovery.search(msg.text) is not None
    return kind == "progress" or not _history(guards, clause, recovering)


_Rules = tuple[tuple[re.Pattern[str], dict[str, _Rule]], ...]


def _candidates(rules: _Rules, text: str) -> list[_Hit]:
    """Every match of the rules, not yet checked by the guards."""
    found = []
    for pattern, by_lang in rules:
        for m in pattern.finditer(text):
            assert m.lastgroup is not None
            found.append(_Hit(by_lang[m.lastgroup], m.start(), m.end()))
    return found


def _hits(text: str) -> tuple[list[_Hit], bool]:
    """Valid hits; the supporting rules (timing, farewell words...) are only read once a primary one holds. And
    whether the rules cleared the message: it has a rule's words, but every guard said no (negated, someone else,
    an idiom, the past), and the author does not say they lied (then the model reads it).

    Each rule is run once: the guards, which cost more than a miss, only see messages with a candidate."""
    candidates = _candidates(_PRIMARY, text)
    if not candidates:
        return [], False
    msg = _message(text)
    primary = [h for h in (_valid_in_any(hit, msg) for hit in candidates) if h is not None]
    if not primary:
        return [], not msg.lied
    support = [h for h in (_valid_in_any(hit, msg) for hit in _candidates(_SUPPORT, text)) if h is not None]
    return primary + support, False


@functools.cache
def _one_language(name: str, lang: str) -> re.Pattern[str] | None:
    """One rule's patterns for one language alone, compiled on first need."""
    patterns = RULES[lang].get(name)
    return re.compile(r"\b(?=\w)(?:" + _alternation(patterns) + ")") if patterns else None


def _valid_in_any(hit: _Hit, msg: _Message) -> _Hit | None:
    """The hit as the language that matched first reads it or, when that language's guards reject it, as any other
    language whose own patterns match at the same place reads it. Only when the message speaks in the other
    language's first person and not the first one's: "i'm not suicidal" stays English however Dutch would read it."""
    if _valid(hit, msg):
        return hit
    if _GUARDS[hit.rule.lang].first_person.search(msg.text) is not None:
        return None
    for lang in RULES:
        if lang == hit.rule.lang or (pattern := _one_language(hit.rule.name, lang)) is None:
            continue
        if _GUARDS[lang].first_person.search(msg.text) is None:
            continue
        if (m := pattern.match(msg.text, hit.start)) is not None:
            other = _Hit(_Rule(hit.rule.name, hit.rule.kind, lang), m.start(), m.end())
            if _valid(other, msg):
                return other
    return None


_CORE: Final = frozenset({"act", "ideation", "self-harm", "burden", "farewell"})  # each a concern on its own
_ORDER: Final = tuple(KINDS)
# Urgent when every kind of the first set fired and (if the second set is not empty) at least one of the second:
# an attempt, a plan or means ready, intent with timing, a farewell or means, a farewell with timing, a named place
# or means next to any other signal.
_URGENT_WHEN: Final[tuple[tuple[frozenset[str], frozenset[str]], ...]] = (
    (frozenset({"progress"}), frozenset()),
    (frozenset({"plan"}), frozenset()),
    (frozenset({"act"}), frozenset({"timing", "farewell", "farewell-words", "means"})),
    (frozenset({"intent", "farewell"}), frozenset()),
    (frozenset({"act", "intent"}), frozenset()),
    (frozenset({"intent", "timing"}), _CORE | {"means", "farewell-words"}),
    (frozenset({"farewell", "timing"}), frozenset()),
    (frozenset({"means"}), _CORE | {"timing", "intent", "cannot-go-on", "farewell-words"}),
)


def _severity(kinds: frozenset[str]) -> Severity:
    for needed, any_of in _URGENT_WHEN:
        if needed <= kinds and (not any_of or kinds & any_of):
            return Severity.URGENT
    return Severity.CONCERN if kinds & _CORE else Severity.NONE


def _joking(text: str) -> bool:
    """The author takes it back ("jk", "es broma"), and not "i'm not joking": two words before the cue are read."""
    for m in _JOKE.finditer(text):
        window = " ".join(text[:m.start()].split()[-2:])
        if _JOKE_NEGATED.search(window) is None:
            return True
    return False


# ----------------------------------------------------------------------------------------------- concept stage
# Where no phrase rule holds, a second stage looks for the parts of a crisis message (``crisis_concepts``) meeting
# in one clause: the author, a wish and death; the author and self-harm, hopelessness, suicide or an overdose. A means,
# a time or a farewell anywhere in the message can make it urgent (``_URGENT_WITH``); so can a final farewell with a
# means or with death, and a place and an act ("roof", "jump") with a time. Every part goes through the rule guards.
# Where a phrase rule only found a concern, the stage reads the message again with the rule's words blanked out, the
# rule's kind standing in for the core: what it finds besides (a means, a pet entrusted) can make it urgent.

_Span = tuple[int, int]


def _compile_concepts() -> dict[str, dict[str, re.Pattern[str]]]:
    """Per language, one regex per concept, led by first letters (``regex_dispatch``)."""

    def body(patterns: Iterable[str]) -> str:
        expanded = []
        for pattern in patterns:
            for macro, text in CONCEPT_MACROS.items():
                pattern = pattern.replace(macro, text)
            expanded.append(_expand(pattern))
        return r"\b" + dispatch({"concept": expanded}) + r"\b"

    return {lang: {name: re.compile(body(patterns)) for name, patterns in table.items()}
            for lang, table in CONCEPTS.items()}


_CONCEPT_RES: Final = _compile_concepts()
# Every word start where a concept stem begins (the lookahead lets stems overlap), as one trie: which languages'
# concepts are worth looking for is then read off the stems found, instead of searched for language by language.
_CONCEPT_GATE: Final = re.compile(r"\b(?=(" + _trie(s for stems in CONCEPT_STEMS.values() for s in stems) + "))")


@functools.cache
def _stem_languages(found: str) -> frozenset[str]:
    """The languages with a stem the trie could have stopped at ``found`` for (it reports the shortest)."""
    return frozenset(lang for lang, stems in CONCEPT_STEMS.items() if any(s.replace("$", "").startswith(found)
                                                                         for s in stems))


# What makes each concept rule urgent when it holds: a wish to die with a means, a time or a farewell; hopelessness
# or suicidal thoughts only with a means or a farewell ("i can't go on today" is not an emergency); self-harm never.
_URGENT_WITH: Final[dict[str, frozenset[str]]] = {
    "death": frozenset({"means", "timing", "farewell"}),
    "overdose": frozenset({"means", "timing", "farewell", "desire"}),
    "burden": frozenset({"means", "farewell"}),
    "ideation": frozenset({"means", "farewell"}),
    "despair": frozenset({"means", "farewell"}),
    "farewell": frozenset({"means", "handover"}),  # only from a phrase rule: a means, or a pet or child entrusted
}
# The concept core each phrase rule kind amounts to, for the concept stage to weigh with what it finds besides.
_AS_CONCEPT: Final = {"act": "death", "ideation": "ideation", "burden": "burden", "self-harm": "self-harm",
                      "farewell": "farewell"}
_POSSESSIVES: Final = frozenset({"my", "mi", "mis", "mein", "meine", "meinen", "meinem", "meiner", "mon", "ma", "mes",
                                 "meu", "minha", "meus", "minhas", "mio", "mia", "miei", "mie", "mijn"})
_CONJUNCTIONS: Final = frozenset({"and", "but", "so", "y", "pero", "und", "aber", "et", "mais", "e", "mas", "ma",
                                  "en", "maar"})
_CORE_NAMES: Final = {"death": "desire+death", "self-harm": "self-harm", "burden": "burden", "ideation": "ideation",
               "despair": "despair",
                      "overdose": "overdose"}


@dataclass(frozen=True, slots=True)
class _Found:
    """Where each concept of one language matched in one message."""

    lang: str
    msg: _Message
    spans: dict[str, list[_Span]]

    def clause_of(self, span: _Span) -> _Span:
        left = self.msg.text.rfind("|", 0, span[0]) + 1
        right = self.msg.text.find("|", span[1])
        return left, len(self.msg.text) if right < 0 else right

    def within(self, concept: str, clause: _Span) -> list[_Span]:
        return [s for s in self.spans[concept] if clause[0] <= s[0] and s[1] <= clause[1]]


def _concept_clean(found: _Found, span: _Span, check_negation: bool = True) -> bool:
    """The rule guards, for one concept match: idiom, quotation, negation, condition, history. A negation in any
    language counts: concept words are shared ("me suicidar" reads as four languages), negations rarely are."""
    msg, guards = found.msg, _GUARDS[found.lang]
    if any(a < span[1] and span[0] < b for a, b in msg.idioms):
        return False
    if msg.quoted(span[0]) and not msg.frame:
        return False
    before, clause = msg.clause(span[0], span[1])
    if check_negation and any(_negated(g, before, msg.lied) for g in _GUARDS.values()):
        return False
    return not _history(guards, clause, guards.recovery.search(msg.text) is not None)


def _author(found: _Found, start: int, end: int, dropped: bool = True) -> bool:
    """The author is who the words from start to end are about: a first-person word inside them, or nearer before
    them than anyone else, or (a dropped subject) no one else named before them in the clause."""
    if any(a < end and start < b for a, b in found.spans["first"]):
        return True
    guards = _GUARDS[found.lang]
    before, _ = found.msg.clause(start, end)
    if _other_person(guards, before) or _named_subject(guards, found.msg.text, start, before):
        return False
    words = before.split()
    mine = [i for i, w in enumerate(words) if guards.first_person.fullmatch(w)]
    if mine:  # "my phone is about to die": a thing of the author's is the subject, unless a conjunction intervenes
        return words[mine[-1]] not in _POSSESSIVES or any(w in _CONJUNCTIONS for w in words[mine[-1] + 1:])
    # A dropped subject ("want to disappear forever"): only for a wish, a bare "suicide" is a topic, not a person.
    return dropped and all(guards.subject_free.fullmatch(w) for w in words)


def _desire_for(found: _Found, death: _Span) -> bool:
    """A wish or intent before (or inside) a death match in its clause, not itself negated, said by the author; or
    ending the clause before it, as German sets a wish apart with a comma ("ich wünschte, ich wäre nicht mehr da")."""
    clause = found.clause_of(death)
    desires = found.within("desire", clause)
    if clause[0] > 0:
        last = found.within("desire", found.clause_of((clause[0] - 1, clause[0] - 1)))[-1:]
        desires = [d for d in last if not found.msg.text[d[1]:clause[0]].strip(" |")] + desires
    for desire in desires:
        if desire[0] > death[0] and desire[1] > death[1]:
            continue
        inside = desire[0] >= death[0]  # "dont want to live": the negation belongs to the death words
        start = death[0] if inside else desire[0]
        if _concept_clean(found, (start, death[1]), check_negation=not inside) and _author(found, start, death[1]):
            return True
    return False


def _cores(found: _Found) -> list[str]:
    """The concept rules that hold on their own (each a concern)."""
    cores = []
    if any(_concept_clean(found, d) and _desire_for(found, d) for d in found.spans["death"]):
        cores.append("death")
    if any(_concept_clean(found, s) and _author(found, *s, dropped=False) for s in found.spans["self-harm"]):
        cores.append("self-harm")
    if any(_concept_clean(found, d) and _author(found, *d) for d in found.spans["despair"]):  # often subject-less
        cores.append("despair")
    for name in ("burden", "ideation", "overdose"):
        if any(_concept_clean(found, b) and _author(found, *b, dropped=False) for b in found.spans[name]):
            cores.append(name)
    if "overdose" in cores and _GUARDS[found.lang].mundane_means.search(found.msg.text):
        cores.remove("overdose")
    return cores


def _supports(found: _Found) -> list[str]:
    """Means (not everyday medicine), a time, a final-sounding farewell (not "see you tuesday")."""
    guards, text = _GUARDS[found.lang], found.msg.text
    out = []
    if any(_concept_clean(found, m) for m in found.spans["means"]) and not guards.mundane_means.search(text):
        out.append("means")
    if found.spans["timing"]:
        out.append("timing")
    if not guards.future_plans.search(text):
        out += [name for name in ("farewell", "handover") if any(_concept_clean(found, f) for f in found.spans[name])]
    return out


def _concept_rules(found: _Found, given: frozenset[str] = frozenset()) -> Verdict:
    """The concept verdict; ``given`` are concept cores a phrase rule already holds, which the means, time or farewell
    found here can make urgent (they are not reported again)."""
    own, supports = _cores(found), _supports(found)
    cores = own + sorted(given.difference(own))
    if "overdose" in cores and any(_desire_for(found, o) for o in found.spans["overdose"]):
        supports.append("desire")
    if cores:
        boost = [s for s in supports if any(s in _URGENT_WITH.get(c, ()) for c in cores)]
        names = tuple(f"concepts:{_CORE_NAMES[c]}" for c in own) + tuple(f"concepts:with-{s}" for s in boost)
        return Verdict(Severity.URGENT if boost else Severity.CONCERN, names)
    if not found.spans["first"]:
        return _NONE
    if "farewell" in supports:
        if "means" in supports:
            return Verdict(Severity.URGENT, ("concepts:farewell+means",))
        if any(_concept_clean(found, d) for d in found.spans["death"]):  # "when you read this, i won't be here"
            return Verdict(Severity.URGENT, ("concepts:farewell+death",))
        if len(found.spans["farewell"]) > 1:
            return Verdict(Severity.URGENT, ("concepts:farewell+farewell",))
    means = {found.msg.text[a:b] for a, b in found.spans["means"]}  # a place and an act: "on the roof, i jump now"
    if "means" in supports and len(means) > 1:
        if "timing" in supports:
            return Verdict(Severity.URGENT, ("concepts:means+timing",))
        if any(_desire_for(found, m) for m in found.spans["means"]):
            return Verdict(Severity.URGENT, ("concepts:desire+means",))
    return _NONE


def _concept_verdict(text: str, given: frozenset[str] = frozenset()) -> Verdict:
    """The concept stage over every language whose anchors occur; the most severe verdict wins."""
    best = _NONE
    msg: _Message | None = None
    langs = frozenset().union(*(_stem_languages(m.group(1)) for m in _CONCEPT_GATE.finditer(text)))
    for lang, by_concept in _CONCEPT_RES.items():
        if lang not in langs:
            continue
        spans = {name: [m.span() for m in by_concept[name].finditer(text)] for name in ANCHORS}
        if not any(spans.values()):
            continue
        spans |= {name: [m.span() for m in by_concept[name].finditer(text)] for name in ("first", "desire")}
        if not (given or spans["first"] or spans["desire"] or spans["despair"]):  # the author, said or implied
            continue
        spans |= {name: [m.span() for m in rx.finditer(text)] for name, rx in by_concept.items() if name not in spans}
        spans["farewell"] = sorted(spans["farewell"] + spans["handover"])  # entrusting is a farewell, and more
        msg = msg or _message(text)
        found = _Found(lang, msg, spans)
        verdict = _concept_rules(found, given)
        if verdict.severity is Severity.URGENT:
            return verdict
        if verdict.crisis and not best.crisis:
            best = verdict
    return best


def _masked(text: str, hits: Iterable[_Hit]) -> str:
    """The text with the phrase hits blanked out (same length), so the concept stage only adds what they did not see:
    "jump off a bridge" is an intent rule already, not an intent plus a means."""
    for hit in hits:
        text = text[:hit.start] + " " * (hit.end - hit.start) + text[hit.end:]
    return text


@dataclass(frozen=True, slots=True)
class RulesView:
    """What the rules make of a message, for the learned stage to add to."""

    norm: str
    verdict: Verdict
    cleared: bool  # the rules' words are there, their guards cleared every one, and the author does not say they lied


def _judge(text: str) -> RulesView:
    hits, cleared = _hits(text)
    severity = _severity(frozenset(h.rule.kind for h in hits))
    if severity is Severity.NONE:
        verdict = _concept_verdict(text)
        if verdict.severity is Severity.CONCERN and _joking(text):
            return RulesView(text, _NONE, True)
        return RulesView(text, verdict, cleared)
    if severity is Severity.CONCERN and _joking(text):
        return RulesView(text, _NONE, True)
    names = {h.rule.name for h in hits}
    reasons = tuple(n for n in _ORDER if n in names)
    if severity is Severity.CONCERN:  # a means, a time or a final farewell no phrase rule saw can make it urgent
        given = frozenset(_AS_CONCEPT[h.rule.kind] for h in hits if h.rule.kind in _AS_CONCEPT)
        upgrade = _concept_verdict(_masked(text, hits), given)
        if upgrade.severity is Severity.URGENT:
            return RulesView(text, Verdict(Severity.URGENT, reasons + upgrade.reasons), False)
    return RulesView(text, Verdict(severity, reasons), False)


def rules_view(text: str) -> RulesView:
    """The rules' reading of a message, before the learned stage."""
    norm = normalise(text)
    return RulesView(norm, _NONE, False) if _PREFILTER.search(norm) is None else _judge(norm)


def detect_by_rules(text: str) -> Verdict:
    """The rules' verdict alone, without the learned stage (for measuring each on its own)."""
    return rules_view(text).verdict


MODEL_REASONS: Final = frozenset({"model", "model:urgent"})


def with_model(view: RulesView, crisis: Callable[[], bool], urgent: Callable[[], bool],
               doubt: Callable[[], bool]) -> Verdict:
    """The rules' verdict with what the model adds: a concern where the rules saw none, unless their guards cleared
    the message's words, a figure of speech explains them or the author takes it back ("jk"); urgency where the rules
    saw a concern; and no concern where the rules saw one the doubt model is sure is a look-alike. An urgent verdict of
    the rules stands as it is. The model is only asked (``crisis()``, ...) when its answer can change the verdict."""
    verdict = view.verdict
    if verdict.severity is Severity.URGENT:
        return verdict
    if verdict.crisis and doubt():
        return _NONE
    if not verdict.crisis:
        if view.cleared or not crisis() or _joking(view.norm) or _IDIOMS.search(view.norm):
            return verdict
        verdict = Verdict(Severity.CONCERN, ("model",))
    return Verdict(Severity.URGENT, (*verdict.reasons, "model:urgent")) if urgent() else verdict


def detect(text: str) -> Verdict:
    """How worried to be about one chat message, and which rules (or "model") say so."""
    view, model = rules_view(text), load_model()
    found = features(view.norm)
    return with_model(view, lambda: model.crisis(found), lambda: model.urgent.says_yes(found),
                      lambda: not model.doubt.says_yes(found))


def scan_stream(lines: Iterable[str], out: TextIO) -> int:
    """One JSON verdict per input line (for ``circlebot scan``); the text itself is never echoed."""
    for line in lines:
        out.write(json.dumps(detect(line.rstrip("\n")).as_json()) + "\n")
    return 0
