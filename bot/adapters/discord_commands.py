"""The core command registry as Discord application commands: pure, so the exact upload is tested directly."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.core.commands import CommandSpec
from bot.core.model import Level
from bot.core.options import Kind, Option

__all__ = ["MANAGE_GUILD", "CommandPayload", "SlashCommands", "build_commands"]

CommandPayload = dict[str, Any]

MANAGE_GUILD = 1 << 5  # Discord's "Manage Server": what the core's ADMIN level means here
MAX_DESCRIPTION = 100
MAX_CHOICES = 25
MAX_TEXT_LENGTH = 6000

# Neutral option kinds -> Discord option types: 3 string, 4 integer, 5 boolean, 6 user, 7 channel.
_OPTION_TYPE = {
    Kind.TEXT: 3,
    Kind.INTEGER: 4,
    Kind.CHOICE: 3,
    Kind.BOOLEAN: 5,
    Kind.DURATION: 3,
    Kind.TIME: 3,
    Kind.DATE: 3,
    Kind.TIMEZONE: 3,
    Kind.MEMBER: 6,
    Kind.CHANNEL: 7,
}
_TEXT_CHANNELS = [0, 5, 11, 12]  # text, announcement, public and private threads: places a bot can post
_SUB_COMMAND, _SUB_GROUP = 1, 2


@dataclass(frozen=True, slots=True)
class SlashCommands:
    """What to upload, and how a Discord command path (``("circle", "create")``) maps back to a core name."""

    payload: list[CommandPayload]
    routes: dict[tuple[str, ...], str] = field(default_factory=dict)
    # (core name, option name) -> the option, for options completed while typing
    autocomplete: dict[tuple[str, str], Option] = field(default_factory=dict)

    def name_of(self, path: Iterable[str]) -> str | None:
        return self.routes.get(tuple(path))

    def label_of(self, name: str) -> str:
        """How members type a core command here: ``cope`` may be ``/cope find`` beside its own group."""
        path = next((p for p, n in self.routes.items() if n == name), tuple(name.split()))
        return "/" + " ".join(path)


def _short(text: str) -> str:
    line = (text.strip().split("\n", 1)[0] or "-").strip()
    return line if len(line) <= MAX_DESCRIPTION else line[: MAX_DESCRIPTION - 1] + "…"


def option_payload(opt: Option) -> dict[str, Any]:
    """One typed option as Discord renders it natively: bounds, choices, member and channel pickers."""
    out: dict[str, Any] = {
        "type": _OPTION_TYPE[opt.kind],
        "name": opt.name,
        "description": _short(opt.description),
        "required": opt.required,
    }
    if opt.kind is Kind.INTEGER:
        if opt.min_value is not None:
            out["min_value"] = opt.min_value
        if opt.max_value is not None:
            out["max_value"] = opt.max_value
    elif opt.kind is Kind.TEXT:
        out["max_length"] = min(opt.max_length, MAX_TEXT_LENGTH)
    elif opt.kind is Kind.CHANNEL:
        out["channel_types"] = _TEXT_CHANNELS
    if opt.kind is Kind.CHOICE and len(opt.choices) <= MAX_CHOICES:
        out["choices"] = [{"name": c, "value": c} for c in opt.choices]
    elif opt.autocomplete or opt.kind is Kind.CHOICE:
        out["autocomplete"] = True  # more choices than Discord lists: offered while typing instead
    return out


def _leaf(name: str, spec: CommandSpec) -> dict[str, Any]:
    return {"name": name, "description": _short(spec.help), "options": [option_payload(o) for o in spec.options]}


def _bare_name(spec: CommandSpec, taken: set[str]) -> str:
    """A bare command that is also a group (`cope` beside `cope show`) becomes a sub-command of its group:
    `/cope find <query>` when it takes a required text, else `/crisis show`; another word if that one is taken."""
    searches = bool(spec.options) and spec.options[0].kind is Kind.TEXT and spec.options[0].required
    for candidate in ("find" if searches else "show", "main", "run"):
        if candidate not in taken:
            return candidate
    raise ValueError(f"{spec.name}: no free sub-command name for the bare command")


class _Builder:
    def __init__(self, specs: list[CommandSpec]) -> None:
        self.specs = specs
        self.names = {tuple(s.name.split()) for s in specs}
        self.routes: dict[tuple[str, ...], str] = {}

    def is_group(self, path: tuple[str, ...]) -> bool:
        return any(len(n) > len(path) and n[: len(path)] == path for n in self.names)

    def children(self, path: tuple[str, ...]) -> list[str]:
        return sorted({n[len(path)] for n in self.names if len(n) > len(path) and n[: len(path)] == path})

    def spec(self, path: tuple[str, ...]) -> CommandSpec | None:
        return next((s for s in self.specs if tuple(s.name.split()) == path), None)

    def node(self, path: tuple[str, ...]) -> dict[str, Any]:
        """The command (top level), sub-command group or sub-command at ``path``."""
        spec = self.spec(path)
        if not self.is_group(path):
            assert spec is not None
            self.routes[path] = spec.name
            return _leaf(path[-1], spec)
        subs = self.children(path)
        options: list[dict[str, Any]] = []
        if spec is not None:
            bare = _bare_name(spec, set(subs))
            self.routes[(*path, bare)] = spec.name
            options.append({**_leaf(bare, spec), "type": _SUB_COMMAND})
        for word in subs:
            child = self.node((*path, word))
            child["type"] = _SUB_GROUP if self.is_group((*path, word)) else _SUB_COMMAND
            options.append(child)
        summary = spec.summary if spec else f"{path[-1].capitalize()} commands"
        return {"name": path[-1], "description": _short(summary), "options": options}

    def levels(self, word: str) -> set[Level]:
        return {s.level for s in self.specs if s.name.split()[0] == word}


def build_commands(specs: Iterable[CommandSpec]) -> SlashCommands:
    """Every core command as a guild-only slash command; groups become `/circle create`-style sub-commands.

    Admin-only commands (or groups whose commands are all admin-only) get Manage Server as their default
    permission, so Discord hides them from members; the core still checks at run time and refuses kindly.
    """
    ordered = sorted(specs, key=lambda s: s.name)
    builder = _Builder(ordered)
    payload: list[CommandPayload] = []
    for word in builder.children(()):
        top = builder.node((word,))
        admin_only = builder.levels(word) == {Level.ADMIN}
        top.update(
            {
                "type": 1,
                "contexts": [0],  # guilds only: everything the bot keeps belongs to a community
                "integration_types": [0],
                "dm_permission": False,
                "default_member_permissions": str(MANAGE_GUILD) if admin_only else None,
            }
        )
        payload.append(top)
    autocomplete = {
        (s.name, o.name): o
        for s in ordered
        for o in s.options
        if o.autocomplete or (o.kind is Kind.CHOICE and len(o.choices) > MAX_CHOICES)
    }
    return SlashCommands(payload, builder.routes, autocomplete)
