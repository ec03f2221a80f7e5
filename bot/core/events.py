"""What adapters hand to the core: a command call, a chat message, a button press, an autocomplete request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.core.messages import MessageRef
from bot.core.model import Channel, Community, Member, Standing

__all__ = ["AutocompleteRequest", "ButtonPress", "ChatMessage", "CommandCall", "Event", "Suggestion"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did something, where. ``handle`` is the adapter's own object for answering (an interaction, a room event):
    opaque to the core, never inspected by cogs."""

    community: Community
    channel: Channel
    actor: Member
    standing: Standing = field(default_factory=Standing)
    handle: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandCall(Event):
    """A command with its options as the platform delivered them (text, or already-typed values)."""

    name: str
    options: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChatMessage(Event):
    """An ordinary message. Its text is handed to listeners and never stored or logged by the core."""

    text: str = field(repr=False)
    ref: MessageRef | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ButtonPress(Event):
    """A tap on a neutral button (a Discord component, a Matrix reaction, a numbered reply)."""

    action: str
    ref: MessageRef | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AutocompleteRequest(Event):
    """A member is typing an option that has a suggestion source."""

    source: str
    partial: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    value: str
