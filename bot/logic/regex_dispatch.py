"""Hundreds of regex alternatives, each tried only where its first letter is: a large alternation made faster.

Python's regex engine tries every alternative of an alternation at every position; it skips one quickly only when
the alternative starts with a literal character or a character class. So ``(?:want|wanna) to die`` costs a full try
at every word, ``want to die`` almost nothing. ``first_letters`` rewrites a pattern into what follows each letter it
can start with, ``(?:want|wanna) to die`` into ``{"w": ["ant to die", "anna to die"]}``, and ``dispatch`` builds one
alternation led by those letters, so at each position only the branches of the letter found there are tried.

It reads the subset of regex syntax our rule patterns start with: literal letters (optionally ``?``), simple classes
of letters, and non-capturing groups (optionally ``?``). Anything else leaves a pattern as it was, tried everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import pairwise
from string import ascii_lowercase, digits
from typing import Final

__all__ = ["dispatch", "first_letters"]

_LETTERS: Final = frozenset(ascii_lowercase + digits)
_QUANTIFIERS: Final = frozenset("?*+{")
_SIMPLE_CLASS: Final = re.compile(r"\[([a-z0-9]+)\]")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each parenthesis or bar of a pattern that is syntax (not escaped, not in a class), with its depth: an opening
    parenthesis counts itself, a closing one no longer does."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield i, char, depth
        i += 1


def _closing(pattern: str) -> int:
    """The index of the parenthesis closing the group the pattern opens with."""
    return next(i for i, char, depth in _structure(pattern) if char == ")" and depth == 0)


def _alternatives(inner: str) -> list[str]:
    """The top-level alternatives of a group's body."""
    bars = [i for i, char, depth in _structure(inner) if char == "|" and depth == 0]
    return [inner[start + 1:end] for start, end in pairwise([-1, *bars, len(inner)])]


def _merge(into: dict[str, list[str]], more: Mapping[str, list[str]]) -> None:
    for letter, rests in more.items():
        into.setdefault(letter, []).extend(rests)


def first_letters(pattern: str) -> dict[str, list[str]] | None:
    """For each letter a match of ``pattern`` can start with, the patterns that must match after it; None when the
    first letter cannot be read (a lookaround, an escape, a pattern that may match nothing)."""
    if not pattern:
        return None
    head = pattern[0]
    if head in _LETTERS:
        if pattern[1:2] == "?" and pattern[2:3] not in _QUANTIFIERS:
            without = first_letters(pattern[2:])
            if without is None:
                return None
            _merge(without, {head: [pattern[2:]]})
            return without
        return None if pattern[1:2] in _QUANTIFIERS else {head: [pattern[1:]]}
    if (chars := _SIMPLE_CLASS.match(pattern)) is not None:
        after = pattern[chars.end():]
        return None if after[:1] in _QUANTIFIERS else {c: [after] for c in dict.fromkeys(chars.group(1))}
    if not pattern.startswith("(?:"):
        return None
    end = _closing(pattern)
    after = pattern[end + 1:]
    optional = after[:1] == "?" and after[1:2] not in _QUANTIFIERS
    rest = after[1:] if optional else after
    if not optional and after[:1] in _QUANTIFIERS:
        return None
    out: dict[str, list[str]] = {}
    for alternative in _alternatives(pattern[3:end]) + ([""] if optional else []):
        found = first_letters(alternative + rest)
        if found is None:
            return None
        _merge(out, found)
    return out


def dispatch(groups: Mapping[str, Sequence[str]], depth: int = 2) -> str:
    """One alternation of every group's patterns, led by their first letters (and the letters after those, down to
    ``depth``); each pattern matches inside a named group ``<group>_<letters>``, so ``match.lastgroup`` tells the
    group. Where a letter cannot be read, the pattern is tried as it is at that level.

    Group names must be identifiers without "_"; patterns must have no capturing groups of their own."""
    return _tree([(group, pattern) for group, patterns in groups.items() for pattern in patterns], "", depth)


def _tree(entries: Sequence[tuple[str, str]], prefix: str, depth: int) -> str:
    by_letter: dict[str, list[tuple[str, str]]] = {}
    here: dict[str, list[str]] = {}
    for group, pattern in entries:
        found = first_letters(pattern) if depth else None
        if found is None:
            here.setdefault(group, []).append(pattern)
            continue
        for letter, rests in found.items():
            by_letter.setdefault(letter, []).extend((group, rest) for rest in rests)
    branches = [letter + _tree(table, prefix + letter, depth - 1) for letter, table in sorted(by_letter.items())]
    branches += [f"(?P<{group}_{prefix}>{'|'.join(patterns)})" for group, patterns in here.items()]
    return "(?:" + "|".join(branches) + ")"
