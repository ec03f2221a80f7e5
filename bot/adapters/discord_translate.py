"""Pure translation between Discord payloads and the core: interactions in, neutral messages out. No IO here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.adapters.discord_commands import SlashCommands
from bot.core.events import AutocompleteRequest, ButtonPress, ChatMessage, CommandCall, Suggestion
from bot.core.messages import Attachment, Button, MessageRef, Rich
from bot.core.model import Channel, Community, Member, Standing
from bot.core.text import MENTION_RE, render_tokens

__all__ = [
    "ADMIN_PERMISSIONS",
    "Origin",
    "Outgoing",
    "button_press",
    "chat_message",
    "command_call",
    "completion",
    "qualify",
    "render",
    "snowflake_of",
]

PLATFORM = "discord"
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
ADMIN_PERMISSIONS = ADMINISTRATOR | MANAGE_GUILD

MAX_CONTENT = 2000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_SUGGESTION = 100
EMBED_COLOUR = 0x5B8DEF  # a calm blue

_SNOWFLAKE = re.compile(r"^discord:(\d{1,20})$")
_SUB_COMMAND, _SUB_GROUP, _USER, _CHANNEL = 1, 2, 6, 7


def qualify(snowflake: int | str) -> str:
    """A Discord id as the core's platform-qualified id (guild, channel and user ids alike)."""
    return f"{PLATFORM}:{snowflake}"


def snowflake_of(qualified: str) -> int | None:
    """The Discord id inside ``discord:<id>``, or None for anything else."""
    m = _SNOWFLAKE.match(qualified)
    return int(m.group(1)) if m else None


@dataclass(frozen=True, slots=True)
class Origin:
    """Who did something and where, as discord.py resolved it: the part of an event that is not its data.

    ``roles`` holds the member's role ids and names, so a facilitator role can be chosen by either.
    """

    guild_id: int | None
    guild_name: str
    channel_id: int
    channel_name: str
    user_id: int
    user_name: str
    permissions: int = 0
    roles: frozenset[str] = frozenset()
    direct: bool = False  # a direct-message channel (the guild is then the community the DM was about)
    parent_id: int | None = None  # for a thread: the channel it belongs to

    def fields(self) -> dict[str, Any]:
        """The Event fields shared by every kind of event."""
        return {
            "community": Community(qualify(self.guild_id or 0), self.guild_name),
            "channel": Channel(qualify(self.channel_id), self.channel_name, direct=self.direct,
                               parent_id=qualify(self.parent_id) if self.parent_id else None),
            "actor": Member(qualify(self.user_id), self.user_name),
            "standing": Standing(is_admin=bool(self.permissions & ADMIN_PERMISSIONS), roles=self.roles),
        }


# ---------------------------------------------------------------------------------------------- inbound


def _walk(data: Mapping[str, Any]) -> tuple[tuple[str, ...], list[Mapping[str, Any]]]:
    """The command path (`circle`, `admin`, `rename`) and the leaf's value options."""
    path = [str(data["name"])]
    options: list[Mapping[str, Any]] = list(data.get("options") or [])
    while len(options) == 1 and options[0].get("type") in (_SUB_COMMAND, _SUB_GROUP):
        path.append(str(options[0]["name"]))
        options = list(options[0].get("options") or [])
    return tuple(path), options


def _display_name(user: Mapping[str, Any], member: Mapping[str, Any] | None) -> str:
    return str((member or {}).get("nick") or user.get("global_name") or user.get("username") or "")


def _value(option: Mapping[str, Any], resolved: Mapping[str, Any]) -> object:
    """An option value as the core takes it: members and channels as neutral nouns, the rest as sent."""
    value = option.get("value")
    if option.get("type") == _USER:
        key = str(value)
        user = resolved.get("users", {}).get(key, {})
        return Member(qualify(key), _display_name(user, resolved.get("members", {}).get(key)))
    if option.get("type") == _CHANNEL:
        key = str(value)
        return Channel(qualify(key), str(resolved.get("channels", {}).get(key, {}).get("name", "")))
    return value


def command_call(data: Mapping[str, Any], origin: Origin, commands: SlashCommands, handle: Any = None) -> CommandCall:
    """An application-command interaction's data as a core command call.

    An unknown path (a command synced by an older version) keeps its Discord name so the core can say so.
    """
    path, options = _walk(data)
    resolved = data.get("resolved") or {}
    return CommandCall(
        name=commands.name_of(path) or " ".join(path),
        options={str(o["name"]): _value(o, resolved) for o in options},
        handle=handle,
        **origin.fields(),
    )


def completion(
    data: Mapping[str, Any], origin: Origin, commands: SlashCommands, handle: Any = None
) -> AutocompleteRequest | list[Suggestion]:
    """What to do for an autocomplete interaction: ask a core suggestion source, or filter fixed choices."""
    path, options = _walk(data)
    focused = next((o for o in options if o.get("focused")), None)
    name = commands.name_of(path)
    option = commands.autocomplete.get((name, str(focused["name"]))) if focused and name else None
    if focused is None or option is None:
        return []
    partial = str(focused.get("value", ""))
    if option.autocomplete:
        return AutocompleteRequest(source=option.autocomplete, partial=partial, handle=handle, **origin.fields())
    typed = partial.casefold()
    return [Suggestion(c, c) for c in option.choices if typed in c.casefold()]


def button_press(data: Mapping[str, Any], origin: Origin, message_id: int | None, handle: Any = None) -> ButtonPress:
    """A component click: its custom_id is the neutral button's action, verbatim."""
    ref = MessageRef(qualify(origin.channel_id), str(message_id)) if message_id is not None else None
    return ButtonPress(action=str(data.get("custom_id", "")), ref=ref, handle=handle, **origin.fields())


def chat_message(text: str, origin: Origin, message_id: int, handle: Any = None) -> ChatMessage:
    return ChatMessage(
        text=text, ref=MessageRef(qualify(origin.channel_id), str(message_id)), handle=handle, **origin.fields()
    )


# ---------------------------------------------------------------------------------------------- outbound


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A neutral message in Discord's shape: content, an embed payload, buttons and files."""

    content: str
    embed: dict[str, Any] | None = None
    buttons: tuple[Button, ...] = ()
    files: tuple[Attachment, ...] = ()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _mention(member_id: str) -> str:
    snowflake = snowflake_of(member_id)
    return f"<@{snowflake}>" if snowflake is not None else "@" + member_id.partition(":")[2]


def render_text(text: str) -> str:
    """Neutral tokens as Discord markup: `<@123>` mentions, and `<t:unix:F>` so each reader sees local time."""
    return render_tokens(text, mention_as=_mention, time_as=lambda unix, style, _zone: f"<t:{unix}:{style}>")


def _mentions_in(texts: Sequence[str]) -> str:
    """Mentions inside an embed do not notify anyone; repeating them in the content does."""
    seen: dict[str, None] = {}
    for text in texts:
        for m in MENTION_RE.finditer(text):
            seen[_mention(m.group(1))] = None
    return " ".join(seen)


def render(message: Rich) -> Outgoing:
    """A neutral message as Discord shows it: plain content, or an embed when it has a title, fields or length."""
    text = render_text(message.text)
    if not message.title and not message.fields and len(text) <= MAX_CONTENT:
        return Outgoing(text, None, message.buttons, message.files)
    embed: dict[str, Any] = {"type": "rich", "color": EMBED_COLOUR}
    if message.title:
        embed["title"] = _clip(render_text(message.title), MAX_TITLE)
    if text:
        embed["description"] = _clip(text, MAX_DESCRIPTION)
    if message.fields:
        embed["fields"] = [
            {
                "name": _clip(render_text(f.name), MAX_FIELD_NAME),
                "value": _clip(render_text(f.value), MAX_FIELD_VALUE) or "-",
                "inline": f.inline,
            }
            for f in message.fields[:MAX_FIELDS]
        ]
    pings = _mentions_in([message.text, *(f.value for f in message.fields)])
    return Outgoing(pings, embed, message.buttons, message.files)


def suggestions_payload(found: Sequence[Suggestion]) -> list[tuple[str, str]]:
    """(name, value) pairs within Discord's 100-character limits; at most 25."""
    return [(_clip(s.label, MAX_SUGGESTION), s.value[:MAX_SUGGESTION]) for s in found[:25]]
