"""Neutral messages that every adapter renders natively: text, fields, buttons, files, and what came of sending."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Attachment",
    "Button",
    "ButtonStyle",
    "Delivery",
    "Field",
    "MessageRef",
    "Rich",
    "as_rich",
]

# Discord's custom_id holds 100 characters; adapters keep 22 of them to route a press in a direct message back
# to the community it was about ("|" and a snowflake), so cogs get the rest.
MAX_ACTION_LENGTH = 78


class ButtonStyle(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    SUCCESS = "success"
    DANGER = "danger"


@dataclass(frozen=True, slots=True)
class Button:
    """A one-tap choice. ``action`` comes back verbatim in a ButtonPress; its prefix before ``:`` names the handler.

    ``for_member`` limits who may press it (a private choice); None means anyone in the channel.
    """

    label: str
    action: str
    emoji: str = ""
    style: ButtonStyle = ButtonStyle.SECONDARY
    for_member: str | None = None

    def __post_init__(self) -> None:
        if len(self.action) > MAX_ACTION_LENGTH or ":" not in self.action:
            raise ValueError(f"button action must be 'prefix:...' and at most {MAX_ACTION_LENGTH} characters")

    @property
    def prefix(self) -> str:
        return self.action.partition(":")[0]


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes
    mime: str


@dataclass(frozen=True, slots=True)
class Rich:
    """Text in a small Markdown subset (**bold**, *italic*, `code`, - lists, [links](url)), with optional extras.

    Mentions and times are neutral tokens made by ``bot.core.text``; adapters render them natively.
    """

    text: str = ""
    title: str = ""
    fields: tuple[Field, ...] = ()
    buttons: tuple[Button, ...] = ()
    files: tuple[Attachment, ...] = ()

    def plain(self) -> str:
        """Title, text and fields as one Markdown string, for platforms without embeds."""
        parts = [f"**{self.title}**"] if self.title else []
        if self.text:
            parts.append(self.text)
        parts.extend(f"**{f.name}:**{chr(10) if chr(10) in f.value else ' '}{f.value}" for f in self.fields)
        return "\n".join(parts)


def as_rich(message: str | Rich) -> Rich:
    return message if isinstance(message, Rich) else Rich(text=message)


@dataclass(frozen=True, slots=True)
class MessageRef:
    """Where a sent message landed, so it can be linked to or reacted to later."""

    channel_id: str
    message_id: str
    link: str = ""


@dataclass(frozen=True, slots=True)
class Delivery:
    """The outcome of a send: adapters report refusals (closed DMs, missing permission) instead of raising."""

    delivered: bool
    ref: MessageRef | None = None
    reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def ok(cls, ref: MessageRef | None = None) -> Delivery:
        return cls(True, ref)

    @classmethod
    def failed(cls, reason: str) -> Delivery:
        return cls(False, None, reason)
