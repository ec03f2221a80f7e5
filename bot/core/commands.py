"""Commands declared once in cogs: the decorators that tag methods and the registry that injects them."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from bot.core.model import Level
from bot.core.options import Option

if TYPE_CHECKING:
    from bot.core.privacy import MemberData
    from bot.core.runtime import Runtime
    from bot.store.migrations import UpgradeTable

__all__ = [
    "BoundCommand",
    "Cog",
    "CommandSpec",
    "Registry",
    "autocomplete",
    "command",
    "on_button",
    "on_message",
]

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])
MAX_NAME_WORDS = 3  # Discord allows group > subgroup > command


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command as every platform sees it. ``help`` is the handler's docstring, written for members."""

    name: str
    help: str
    options: tuple[Option, ...] = ()
    level: Level = Level.MEMBER
    defer: bool = False

    @property
    def summary(self) -> str:
        return self.help.split("\n", 1)[0]

    @property
    def usage(self) -> str:
        parts = [self.name]
        for o in self.options:
            parts.append(f"<{o.name}>" if o.required else f"[{o.name}]")
        return " ".join(parts)

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)


def command(name: str, *options: Option, level: Level = Level.MEMBER, defer: bool = False) -> Callable[[F], F]:
    """Tag a cog method as a command. The registry builds the spec when the cog is added."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or name != name.lower():
        raise ValueError(f"command names are 1-{MAX_NAME_WORDS} lower-case words: {name!r}")
    required_after_optional = any(not a.required and b.required for a, b in pairwise(options))
    if required_after_optional:
        raise ValueError(f"{name}: required options must come before optional ones")

    def tag(fn: F) -> F:
        fn.__command__ = (name, options, level, defer)  # type: ignore[attr-defined]
        return fn

    return tag


def on_message(fn: F) -> F:
    """Tag a cog method to receive every chat message (``async def f(self, ctx, message)``)."""
    fn.__listener__ = True  # type: ignore[attr-defined]
    return fn


def on_button(prefix: str) -> Callable[[F], F]:
    """Tag a cog method to receive presses of buttons whose action starts with ``prefix:``."""

    def tag(fn: F) -> F:
        fn.__button__ = prefix  # type: ignore[attr-defined]
        return fn

    return tag


def autocomplete(source: str) -> Callable[[F], F]:
    """Tag a cog method as a suggestion source (``async def f(self, request) -> list[Suggestion]``)."""

    def tag(fn: F) -> F:
        fn.__autocomplete__ = source  # type: ignore[attr-defined]
        return fn

    return tag


class Cog:
    """A feature. ``setup`` registers its jobs after its commands are injected; ``unload`` removes them."""

    migrations: ClassVar[tuple[UpgradeTable, ...]] = ()

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    async def setup(self) -> None:
        """Rebuild scheduled jobs from the database; called once the cog's commands are registered."""

    async def unload(self) -> None:
        """Cancel the cog's jobs; its commands are ejected by the registry."""

    def member_data(self) -> tuple[MemberData, ...]:
        """The repositories holding data about members, for export and deletion."""
        return ()

    async def about_notes(self, community_id: str) -> list[str]:
        """Lines this feature adds to ``about`` for a community (what it does there that members should know)."""
        return []

    async def channel_notices(self, community_id: str, channel_id: str) -> list[str]:
        """What members in one channel should know before they speak there (added to a circle's guidelines)."""
        return []


@dataclass(frozen=True, slots=True)
class BoundCommand:
    spec: CommandSpec
    handler: Callable[..., Awaitable[None]]
    cog: Cog


class Registry:
    """Every command, listener, button handler and suggestion source of the loaded cogs."""

    def __init__(self) -> None:
        self._commands: dict[str, BoundCommand] = {}
        self.listeners: list[tuple[Cog, Callable[..., Awaitable[None]]]] = []
        self.buttons: dict[str, tuple[Cog, Callable[..., Awaitable[None]]]] = {}
        self.suggesters: dict[str, Callable[..., Awaitable[Any]]] = {}

    def add(self, cog: Cog) -> None:
        """Inject the cog's tagged methods; refuses a name already taken so nothing is silently shadowed."""
        found: list[tuple[str, Any]] = [
            (name, member) for name, member in inspect.getmembers(cog, inspect.ismethod)
        ]
        for _attr, method in found:
            if spec_parts := getattr(method, "__command__", None):
                name, options, level, defer = spec_parts
                if name in self._commands:
                    raise ValueError(f"command {name!r} is declared twice")
                spec = CommandSpec(name, inspect.getdoc(method) or name, options, level, defer)
                self._commands[name] = BoundCommand(spec, method, cog)
            if getattr(method, "__listener__", False):
                self.listeners.append((cog, method))
            if prefix := getattr(method, "__button__", None):
                if prefix in self.buttons:
                    raise ValueError(f"button prefix {prefix!r} is handled twice")
                self.buttons[prefix] = (cog, method)
            if source := getattr(method, "__autocomplete__", None):
                self.suggesters[source] = method

    def remove(self, cog: Cog) -> None:
        """Eject everything the cog brought."""
        self._commands = {k: v for k, v in self._commands.items() if v.cog is not cog}
        self.listeners = [(c, m) for c, m in self.listeners if c is not cog]
        self.buttons = {k: v for k, v in self.buttons.items() if v[0] is not cog}
        self.suggesters = {k: m for k, m in self.suggesters.items() if getattr(m, "__self__", None) is not cog}

    def get(self, name: str) -> BoundCommand | None:
        return self._commands.get(name)

    def specs(self, level: Level = Level.ADMIN) -> list[CommandSpec]:
        """Commands usable at ``level``, in name order."""
        return sorted((b.spec for b in self._commands.values() if b.spec.level <= level), key=lambda s: s.name)

    def __iter__(self) -> Iterator[CommandSpec]:
        return iter(self.specs())

    def names(self) -> list[str]:
        return sorted(self._commands)
