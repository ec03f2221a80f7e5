"""The first-letter dispatch of large alternations: same matches as the plain alternation, wherever it starts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.logic.regex_dispatch import dispatch, first_letters


def test_first_letters_of_a_group_of_words() -> None:
    assert first_letters("(?:want|wanna) to die") == {"w": ["ant to die", "anna to die"]}


def test_an_optional_letter_or_group_adds_what_follows_it() -> None:
    assert first_letters("s?he") == {"h": ["e"], "s": ["he"]}
    assert first_letters("(?:just )?die") == {"j": ["ust die"], "d": ["ie"]}


def test_a_class_of_letters_gives_each_letter() -> None:
    assert first_letters("[bp]ills") == {"b": ["ills"], "p": ["ills"]}


def test_unreadable_starts_are_left_alone() -> None:
    for pattern in (r"\d+ pills", "(?=a)b", "(?:a|)", "a*b", "(?:ab)+c", "", "(?:x)?"):
        assert first_letters(pattern) is None, pattern


def test_the_group_that_matched_is_named() -> None:
    rx = re.compile(dispatch({"en": ["want to die", r"\d+ pills"], "es": ["quiero morir"]}))
    found = {m.lastgroup.partition("_")[0] for m in rx.finditer("i want to die | 20 pills | quiero morir")
             if m.lastgroup}
    assert found == {"en", "es"}


# Patterns from the subset the dispatch reads (and some it does not), over a two-letter alphabet so that matches,
# overlaps and near misses are frequent.
_letters = st.text(alphabet="ab ", min_size=1, max_size=3)
_atom = st.one_of(_letters, _letters.map(lambda s: s[0] + "?" + s[1:]), st.just("[ab]"), st.just(r"\w"))


def _group(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    alternatives = st.lists(children, min_size=1, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")")
    return st.one_of(alternatives, alternatives.map(lambda g: g + "?"))


_pattern = st.lists(st.recursive(_atom, _group, max_leaves=6), min_size=1, max_size=3).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["en", "es"]), _pattern), min_size=1, max_size=6),
       st.text(alphabet="ab b", max_size=12))
def test_dispatch_matches_where_the_plain_alternation_does(patterns: list[tuple[str, str]], text: str) -> None:
    groups: dict[str, list[str]] = {}
    for group, pattern in patterns:
        groups.setdefault(group, []).append(pattern)
    plain = re.compile("|".join(p for _, p in patterns))
    fast = re.compile(dispatch(groups))
    by_group = {g: re.compile("|".join(ps)) for g, ps in groups.items()}
    for start in range(len(text) + 1):
        match = fast.match(text, start)
        assert (match is None) == (plain.match(text, start) is None)
        if match is not None:  # the named group's own patterns match the same text there
            assert match.lastgroup is not None
            group = match.lastgroup.partition("_")[0]
            assert by_group[group].match(text, start) is not None
