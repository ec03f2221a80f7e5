"""The coping-strategy library: the `Strategy` value, its schema check, and the shipped TOML loader."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "CATEGORIES",
    "SITUATIONS",
    "LibraryError",
    "Strategy",
    "load_library",
    "parse_library",
    "strategy_from_entry",
    "validate",
]

CATEGORIES: tuple[str, ...] = (
    "grounding",
    "breathing",
    "body-and-movement",
    "distraction",
    "self-soothing",
    "thinking-skills",
    "connection",
    "sleep",
    "emotion-regulation",
    "urges",
)
SITUATIONS: tuple[str, ...] = (
    "panic",
    "anxiety",
    "anger",
    "sadness",
    "loneliness",
    "insomnia",
    "dissociation",
    "overwhelm",
    "self-harm-urges",
)

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = ("id", "title", "summary", "steps", "minutes", "categories", "situations", "source")
_OPTIONAL = ("keywords",)
_MIN_STEPS, _MAX_STEPS = 3, 8
_MAX_MINUTES = 240


class LibraryError(ValueError):
    """The shipped library does not match its schema; the message lists every problem."""


@dataclass(frozen=True, slots=True)
class Strategy:
    """One coping strategy, shipped or contributed by a community."""

    id: str
    title: str
    summary: str
    steps: tuple[str, ...]
    minutes: int
    categories: tuple[str, ...]
    situations: tuple[str, ...]
    source: str
    keywords: tuple[str, ...] = ()
    community_contributed: bool = False


def _text_problem(name: str, value: object) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return [f"{name} must be a non-empty string"]
    if "\n" in value:
        return [f"{name} must be one line"]
    return []


def _list_problems(name: str, value: object, allowed: Iterable[str] | None = None) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return [f"{name} must be a list of non-empty strings"]
    problems: list[str] = []
    if allowed is not None:
        known = set(allowed)
        problems += [f"{name}: unknown value {v!r}" for v in value if v not in known]
        if not value:
            problems.append(f"{name} must not be empty")
    if len(set(value)) != len(value):
        problems.append(f"{name} has duplicates")
    return problems


def _field_problems(entry: Mapping[str, object]) -> list[str]:
    problems: list[str] = []
    for name in ("title", "summary", "source"):
        problems += _text_problem(name, entry[name])
    ident = entry["id"]
    if not isinstance(ident, str) or not _ID.match(ident):
        problems.append("id must be a kebab-case slug like 'box-breathing'")
    steps = entry["steps"]
    problems += _list_problems("steps", steps)
    if isinstance(steps, list) and not _MIN_STEPS <= len(steps) <= _MAX_STEPS:
        problems.append(f"steps must have {_MIN_STEPS}-{_MAX_STEPS} items, has {len(steps)}")
    minutes = entry["minutes"]
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 < minutes <= _MAX_MINUTES:
        problems.append(f"minutes must be a whole number from 1 to {_MAX_MINUTES}")
    problems += _list_problems("categories", entry["categories"], CATEGORIES)
    problems += _list_problems("situations", entry["situations"], SITUATIONS)
    if "keywords" in entry:
        problems += _list_problems("keywords", entry["keywords"])
    return problems


def validate(entry: Mapping[str, object]) -> list[str]:
    """Every way `entry` (one `[[strategy]]` table) breaks the schema; empty when it is valid."""
    missing = [f"missing field {name!r}" for name in _REQUIRED if name not in entry]
    unknown = [f"unknown field {name!r}" for name in entry if name not in _REQUIRED + _OPTIONAL]
    if missing:
        return missing + unknown
    return unknown + _field_problems(entry)


def _strings(value: object) -> tuple[str, ...]:
    assert isinstance(value, list)
    return tuple(str(v).strip() for v in value)


def strategy_from_entry(entry: Mapping[str, object], *, community_contributed: bool = False) -> Strategy:
    """Build a `Strategy` from a table that `validate` accepted."""
    minutes = entry["minutes"]
    assert isinstance(minutes, int)
    return Strategy(
        id=str(entry["id"]),
        title=str(entry["title"]).strip(),
        summary=str(entry["summary"]).strip(),
        steps=_strings(entry["steps"]),
        minutes=minutes,
        categories=_strings(entry["categories"]),
        situations=_strings(entry["situations"]),
        source=str(entry["source"]).strip(),
        keywords=_strings(entry.get("keywords", [])),
        community_contributed=community_contributed,
    )


def parse_library(text: str) -> tuple[Strategy, ...]:
    """Parse and check a whole library document; raises `LibraryError` listing every problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LibraryError(f"strategies.toml is not valid TOML: {exc}") from exc
    entries = document.get("strategy")
    if not isinstance(entries, list) or not entries:
        raise LibraryError("strategies.toml has no [[strategy]] tables")
    problems: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"strategy #{number}: must be a table")
            continue
        label = entry.get("id", f"#{number}")
        problems += [f"strategy {label}: {p}" for p in validate(entry)]
        if label in seen:
            problems.append(f"strategy {label}: duplicate id")
        seen.add(str(label))
    if problems:
        raise LibraryError("; ".join(problems))
    return tuple(strategy_from_entry(entry) for entry in entries)


@cache
def load_library() -> tuple[Strategy, ...]:
    """The shipped strategies, read once from the package data and checked against the schema."""
    source = resources.files("bot").joinpath("data", "coping", "strategies.toml")
    return parse_library(source.read_text(encoding="utf-8"))
