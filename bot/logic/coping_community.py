"""Strategies members suggest: reading their steps, checking them kindly, and turning approved ones into `Strategy`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.logic.coping_library import CATEGORIES, SITUATIONS, Strategy
from bot.logic.coping_text import surface_tokens

__all__ = [
    "COMMUNITY_SOURCE",
    "MAX_STEP",
    "MAX_STEPS",
    "MAX_TITLE",
    "MIN_STEPS",
    "community_strategy",
    "community_strategy_id",
    "split_steps",
    "suggestion_problem",
]

MAX_TITLE = 80
MAX_STEP = 200
MIN_STEPS, MAX_STEPS = 2, 8
MAX_SUMMARY = 120
COMMUNITY_SOURCE = "Shared by a member of this community"

_SLUG_WORDS = 6
# "1." "2)" "- " "* " "•" at the start of a step: members often number their steps themselves.
_BULLET = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+")
_SEPARATORS = re.compile(r"\s*(?:;|\n|\|)\s*")


def split_steps(text: str) -> tuple[str, ...]:
    """Steps typed as one line: separated by ';', '|' or new lines, with any numbering or bullets removed."""
    parts = (_BULLET.sub("", part).strip() for part in _SEPARATORS.split(text))
    return tuple(part for part in parts if part)


def suggestion_problem(title: str, steps: Sequence[str]) -> str | None:
    """What is wrong with a suggestion, as one line saying what to do instead; None when it is fine."""
    if not title.strip():
        return "Please give your strategy a short title."
    if len(title) > MAX_TITLE:
        return f"Please keep the title under {MAX_TITLE} characters."
    if len(steps) < MIN_STEPS:
        return (
            f"Please give at least {MIN_STEPS} steps, separated by `;`, like "
            '`cope suggest "Tea break" Boil the kettle; Hold the warm mug; Sip slowly`.'
        )
    if len(steps) > MAX_STEPS:
        return f"Please keep it to {MAX_STEPS} steps or fewer, so it's easy to follow in a hard moment."
    if any(len(step) > MAX_STEP for step in steps):
        return f"Please keep each step under {MAX_STEP} characters."
    return None


def community_strategy_id(number: int, title: str) -> str:
    """A readable id that can never clash with a shipped one: ``c<number>-<words of the title>``."""
    words = surface_tokens(title)[:_SLUG_WORDS]
    return "-".join([f"c{number}", *words]) if words else f"c{number}"


def community_strategy(strategy_id: str, title: str, steps: Sequence[str], category: str | None = None) -> Strategy:
    """An approved suggestion as a searchable strategy, marked community-contributed.

    ``minutes`` is 0 (unknown): members are not asked to time their strategies. A category that
    is really a situation ("panic") is filed as a situation.
    """
    first = steps[0] if steps else title
    summary = first if len(first) <= MAX_SUMMARY else first[: MAX_SUMMARY - 1].rstrip() + "…"
    return Strategy(
        id=strategy_id,
        title=title.strip(),
        summary=summary,
        steps=tuple(steps),
        minutes=0,
        categories=(category,) if category in CATEGORIES else (),
        situations=(category,) if category in SITUATIONS else (),
        source=COMMUNITY_SOURCE,
        community_contributed=True,
    )
