"""Pure translation between Matrix event payloads and the neutral core: no network, tested on recorded payloads."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from bot.core.i18n import _
from bot.core.messages import Attachment, Button, Rich
from bot.core.model import Standing
from bot.core.text import MENTION_RE, format_time, markdown_to_html, render_tokens

__all__ = [
    "BUTTONS_KEY",
    "COMMUNITY_KEY",
    "NUMBER_KEYS",
    "ButtonSpec",
    "Origin",
    "button_keys",
    "button_specs",
    "command_line",
    "community_of",
    "effective_power",
    "file_content",
    "inviter_allowed",
    "is_edit",
    "looks_like_ours",
    "message_content",
    "number_reply",
    "origin_of",
    "press_for",
    "qualify",
    "reaction_of",
    "reply_relation",
    "reply_target",
    "server_of",
    "split_channel",
    "standing_from_power",
    "strip_reply_fallback",
    "thread_channel",
    "thread_relation",
    "unqualify",
]

PLATFORM = "matrix"
# Where our own messages carry their buttons, so a reaction can be mapped to its action after a restart.
BUTTONS_KEY = "org.circlebot.buttons"
COMMUNITY_KEY = "org.circlebot.community"  # in a direct room: the community a message with buttons is about
NUMBER_KEYS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")
_PRE_CREATOR_VERSIONS = frozenset(str(v) for v in range(1, 12))
CREATOR_POWER = 1_000_000  # "infinite" in room versions 12+; above every threshold
_NUMBER_RE = re.compile(r"\s*(\d{1,2})[.)]?\s*")


class ButtonSpec(TypedDict):
    """One button as stored in our message's content under BUTTONS_KEY."""

    key: str
    action: str
    for_member: str | None


@dataclass(frozen=True, slots=True)
class Origin:
    """The adapter's handle on an inbound event: where to answer it, and how to thread the answer."""

    room_id: str
    event_id: str
    sender: str
    thread_root: str | None = None
    direct: bool = False


def qualify(matrix_id: str) -> str:
    """``@alice:hs`` -> ``matrix:@alice:hs`` (members, rooms and spaces alike)."""
    return f"{PLATFORM}:{matrix_id}"


def unqualify(qualified_id: str) -> str:
    """``matrix:!room:hs`` -> ``!room:hs``; a bare Matrix id passes through."""
    return qualified_id.removeprefix(f"{PLATFORM}:")


_THREAD_SEP = "/$"  # room ids and event ids never contain "/"; thread channels are "<room id>/<root event id>"


def thread_channel(room_id: str, root_event_id: str) -> str:
    """The qualified channel id of a thread: ``send`` posts into the thread."""
    return qualify(f"{room_id}/{root_event_id}")


def split_channel(channel_id: str) -> tuple[str, str | None]:
    """(room id, thread root or None) from a qualified channel id."""
    bare = unqualify(channel_id)
    room, sep, root = bare.partition(_THREAD_SEP)
    return (room, f"${root}") if sep else (room, None)


def thread_relation(root_event_id: str) -> dict[str, Any]:
    """A message in a thread, not replying to anything in particular (clients without threads see a reply)."""
    return {
        "rel_type": "m.thread",
        "event_id": root_event_id,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": root_event_id},
    }


def server_of(matrix_id: str) -> str:
    """The homeserver part of a user or room id (everything after the first colon)."""
    return matrix_id.partition(":")[2]


def inviter_allowed(inviter: str, allowed_servers: Sequence[str], own_server: str) -> bool:
    """Only members of the configured homeservers (by default the bot's own) may pull it into rooms."""
    servers = {s.lower() for s in allowed_servers} or {own_server.lower()}
    return server_of(inviter).lower() in servers


def standing_from_power(power: int, admin_power: int, facilitator_power: int) -> Standing:
    """Room power levels as the core's standing: admins at ``admin_power``, facilitators at ``facilitator_power``."""
    return Standing(is_admin=power >= admin_power, is_facilitator=power >= facilitator_power, power=power)


def effective_power(
    user_id: str, users: Mapping[str, int], users_default: int, room_version: str, creators: frozenset[str]
) -> int:
    """A member's power level. From room version 12 on, creators outrank everyone and are not listed in
    ``users``: they count as above any configured threshold."""
    if user_id in users:
        return users[user_id]
    if room_version not in _PRE_CREATOR_VERSIONS and user_id in creators:
        return CREATOR_POWER
    return users_default


def strip_reply_fallback(body: str) -> str:
    """Drop the quoted ``> ...`` lines older clients put before a reply's own text."""
    if not body.startswith("> "):
        return body
    lines = body.split("\n")
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).lstrip("\n")


def command_line(body: str, prefix: str) -> str | None:
    """The command line after the prefix (``!circle join x`` -> ``circle join x``), or None for chat."""
    text = strip_reply_fallback(body).strip()
    if not text.startswith(prefix):
        return None
    line = text[len(prefix) :].strip()
    return line or None


def looks_like_ours(line: str, command_words: frozenset[str]) -> bool:
    """Whether a ``!line`` is meant for us: its first word is one of our commands, or a likely typo of one.

    Rooms often hold several bots sharing the ``!`` prefix; answering each of their commands with "I don't know
    that command" would be noise. With no commands known yet, everything counts.
    """
    first = line.split(maxsplit=1)[0].lower() if line.split() else ""
    if not command_words or first in command_words:
        return True
    return bool(difflib.get_close_matches(first, command_words, n=1, cutoff=0.75))


def _relation(content: Mapping[str, Any]) -> Mapping[str, Any]:
    relation = content.get("m.relates_to")
    return relation if isinstance(relation, Mapping) else {}


def origin_of(room_id: str, event: Mapping[str, Any], direct: bool) -> Origin:
    """Where an inbound event came from, including the thread it was said in."""
    content = event.get("content", {})
    relation = _relation(content if isinstance(content, Mapping) else {})
    root = relation.get("event_id") if relation.get("rel_type") == "m.thread" else None
    return Origin(room_id, str(event.get("event_id", "")), str(event.get("sender", "")), root, direct)


def reply_relation(origin: Origin) -> dict[str, Any]:
    """A threaded reply when the command was said in a thread, else a plain in-reply-to."""
    in_reply_to = {"event_id": origin.event_id}
    if origin.thread_root:
        return {
            "rel_type": "m.thread",
            "event_id": origin.thread_root,
            "is_falling_back": False,
            "m.in_reply_to": in_reply_to,
        }
    return {"m.in_reply_to": in_reply_to}


def button_keys(buttons: Sequence[Button]) -> list[str]:
    """The reaction each button becomes: its own emoji when distinct, else a keycap number."""
    emojis = [b.emoji for b in buttons]
    distinct = all(emojis) and len(set(emojis)) == len(emojis) and not set(emojis) & set(NUMBER_KEYS)
    if distinct:
        return emojis
    return list(NUMBER_KEYS[: len(buttons)])


def button_specs(buttons: Sequence[Button]) -> list[ButtonSpec]:
    return [
        ButtonSpec(key=key, action=b.action, for_member=b.for_member)
        for key, b in zip(button_keys(buttons), buttons, strict=False)
    ]


def _button_lines(buttons: Sequence[Button]) -> list[str]:
    keys = button_keys(buttons)
    lines = [f"{key} {b.label}" for key, b in zip(keys, buttons, strict=False)]
    lines.append(_("React with one of these, or reply to this message with its number."))
    return lines


def message_content(
    message: Rich, display_name: Callable[[str], str], *, max_buttons: int = len(NUMBER_KEYS)
) -> dict[str, Any]:
    """A Rich message as an m.text event: Markdown ``body``, HTML ``formatted_body``, mentions and buttons.

    ``display_name`` maps a bare Matrix user id to the name to show for it.
    """
    buttons = message.buttons[:max_buttons]
    markdown = message.plain()
    if buttons:
        markdown = "\n\n".join(p for p in (markdown, "\n".join(_button_lines(buttons))) if p)
    mentioned = [unqualify(m) for m in MENTION_RE.findall(markdown)]
    body = render_tokens(markdown, mention_as=lambda mid: display_name(unqualify(mid)))
    content: dict[str, Any] = {
        "msgtype": "m.text",
        "body": body,
        "format": "org.matrix.custom.html",
        "formatted_body": _html(markdown, display_name),
    }
    if mentioned:
        content["m.mentions"] = {"user_ids": sorted(set(mentioned))}
    if buttons:
        content[BUTTONS_KEY] = button_specs(buttons)
    return content


def _html(markdown: str, display_name: Callable[[str], str]) -> str:
    """Mentions become matrix.to pills; they are swapped in after the Markdown, which escapes angle brackets."""
    pills: list[str] = []

    def hold(member_id: str) -> str:
        user = unqualify(member_id)
        name = html.escape(display_name(user))
        pills.append(f'<a href="https://matrix.to/#/{html.escape(user)}">{name}</a>')
        return f"\x00{len(pills) - 1}\x00"

    held = render_tokens(markdown, mention_as=hold, time_as=format_time)
    converted = markdown_to_html(held)
    return re.sub(r"\x00(\d+)\x00", lambda m: pills[int(m.group(1))], converted)


def file_content(attachment: Attachment, url: str | None, encrypted_file: Mapping[str, Any] | None) -> dict[str, Any]:
    """An uploaded file as m.image or m.file; encrypted rooms carry ``file`` (with keys) instead of ``url``."""
    msgtype = "m.image" if attachment.mime.startswith("image/") else "m.file"
    content: dict[str, Any] = {
        "msgtype": msgtype,
        "body": attachment.filename,
        "filename": attachment.filename,
        "info": {"mimetype": attachment.mime, "size": len(attachment.data)},
    }
    if encrypted_file is not None:
        content["file"] = {**encrypted_file, "url": url}
    else:
        content["url"] = url
    return content


def _stored_buttons(content: Mapping[str, Any]) -> list[ButtonSpec]:
    raw = content.get(BUTTONS_KEY)
    if not isinstance(raw, list):
        return []
    return [
        ButtonSpec(key=str(b["key"]), action=str(b["action"]), for_member=b.get("for_member"))
        for b in raw
        if isinstance(b, Mapping) and "key" in b and "action" in b
    ]


def community_of(content: dict[str, Any] | None) -> str | None:
    """The community a bot message in a direct room was about, if it says (only ours, only matrix ones)."""
    about = (content or {}).get(COMMUNITY_KEY)
    return about if isinstance(about, str) and about.startswith(f"{PLATFORM}:") else None


def press_for(
    target_content: Mapping[str, Any],
    *,
    key: str | None = None,
    number: int | None = None,
    presser: str,
) -> str | None:
    """The action a reaction key (or a numbered reply) on our message stands for, if this presser may press it.

    A button meant for one member is silently ignored for everyone else.
    """
    buttons = _stored_buttons(target_content)
    if key is not None:
        chosen = next((b for b in buttons if b["key"] == key), None)
    elif number is not None and 1 <= number <= len(buttons):
        chosen = buttons[number - 1]
    else:
        chosen = None
    if chosen is None:
        return None
    owner = chosen["for_member"]
    if owner is not None and unqualify(owner) != unqualify(presser):
        return None
    return chosen["action"]


def number_reply(body: str) -> int | None:
    """A reply that is just a number (``2``, ``2.``) picks that button."""
    match = _NUMBER_RE.fullmatch(strip_reply_fallback(body))
    return int(match.group(1)) if match else None


def reply_target(content: Mapping[str, Any]) -> str | None:
    """The event a message replies to, if any."""
    in_reply_to = _relation(content).get("m.in_reply_to")
    if isinstance(in_reply_to, Mapping) and isinstance(in_reply_to.get("event_id"), str):
        return str(in_reply_to["event_id"])
    return None


def is_edit(content: Mapping[str, Any]) -> bool:
    """An ``m.replace`` edit of an earlier message."""
    return _relation(content).get("rel_type") == "m.replace"


def reaction_of(content: Mapping[str, Any]) -> tuple[str, str] | None:
    """(target event id, key) of an m.reaction's annotation."""
    relation = _relation(content)
    if relation.get("rel_type") != "m.annotation":
        return None
    target, key = relation.get("event_id"), relation.get("key")
    if isinstance(target, str) and isinstance(key, str):
        return target, key
    return None
