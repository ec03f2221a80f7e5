"""Parse typed command lines (terminal, Matrix) against the registry: the same options, the same errors."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bot.core.commands import CommandSpec, Registry
from bot.core.errors import UserError
from bot.core.i18n import _
from bot.core.model import Level

__all__ = ["ParsedLine", "parse_command_line"]


@dataclass(frozen=True, slots=True)
class ParsedLine:
    name: str
    options: dict[str, str]


# A quote opens a quoted value only at the start of a word (or after ``name=``) and closes before a space or the
# end, so apostrophes inside words ("I'm", "don't") are ordinary letters, as people type them.
_TOKEN = re.compile(r"""([\w-]+=)?"([^"]*)"(?=\s|$)|([\w-]+=)?'([^']*)'(?=\s|$)|(\S+)""")
_CURLY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _tokens(line: str) -> list[str]:
    tokens = []
    for m in _TOKEN.finditer(line.translate(_CURLY)):
        double_key, double, single_key, single, bare = m.groups()
        if bare is not None:
            if re.match(r'^([\w-]+=)?"', bare):
                raise UserError(_("A quote is not closed. Put text with spaces in \"double quotes\"."))
            tokens.append(bare)
        elif double is not None:
            tokens.append((double_key or "") + double)
        else:
            tokens.append((single_key or "") + single)
    return tokens


def _match_spec(words: list[str], registry: Registry) -> tuple[CommandSpec, int]:
    """The longest command name the line starts with."""
    for size in range(min(3, len(words)), 0, -1):
        bound = registry.get(" ".join(words[:size]).lower())
        if bound:
            return bound.spec, size
    typed = " ".join(words[:2]).lower()
    close = difflib.get_close_matches(typed, registry.names(), n=1, cutoff=0.6)
    hint = _(f" Did you mean `{close[0]}`?") if close else ""
    raise UserError(_(f"I don't know the command `{typed[:40]}`.") + hint + _(" Try `help` to see them all."))


def parse_command_line(line: str, registry: Registry, level: Level = Level.ADMIN) -> ParsedLine:
    """Split ``circle join "Tuesday evening"`` or ``circle create name="Tue" time=19:00`` into name and raw options.

    Values stay text: conversion and validation happen once, in the dispatcher, for every platform alike.
    """
    words = _tokens(line)
    if not words:
        raise UserError(_("Type a command, or `help` to see what you can use."))
    spec, size = _match_spec(words, registry)
    named: dict[str, str] = {}
    positional: list[str] = []
    rest = iter(words[size:])
    for token in rest:
        key, sep, value = token.partition("=")
        if token.startswith("--") and spec.option(token[2:]):
            named[token[2:]] = next(rest, "")
        elif sep and spec.option(key.lower()):
            named[key.lower()] = value
        else:
            positional.append(token)
    free = [o for o in spec.options if o.name not in named]
    for opt in free:
        if not positional:
            break
        if opt.rest:
            named[opt.name] = " ".join(positional)
            positional = []
        else:
            named[opt.name] = positional.pop(0)
    if positional:
        raise UserError(_(f"`{spec.name}` got more than it takes. Usage: `{spec.usage}`"))
    return ParsedLine(spec.name, named)
