"""Builders of Discord wire payloads, typed with discord.py's own TypedDicts, for the fake and its tests."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeAlias, cast

# discord.types is only importable by a type checker (its modules import each other in a cycle).
if TYPE_CHECKING:
    from discord.types.channel import DMChannel, PermissionOverwrite, TextChannel
    from discord.types.guild import Guild
    from discord.types.interactions import (
        ApplicationCommandInteraction,
        ApplicationCommandInteractionDataOption,
        MessageComponentInteraction,
    )
    from discord.types.member import MemberWithUser
    from discord.types.message import Message
    from discord.types.role import Role
    from discord.types.threads import Thread
    from discord.types.user import User

__all__ = [
    "ADMINISTRATOR",
    "ALL_PERMISSIONS",
    "MANAGE_GUILD",
    "MEMBER_PERMISSIONS",
    "Option",
    "World",
    "autocomplete_interaction",
    "component_interaction",
    "dm_channel",
    "group",
    "guild",
    "member",
    "message",
    "message_create",
    "new_id",
    "option",
    "role",
    "slash_interaction",
    "subcommand",
    "text_channel",
    "thread_channel",
    "user",
]

ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
# View channel, send messages, embed links, attach files, read history, use application commands.
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31)
ALL_PERMISSIONS = (1 << 53) - 1

# Snowflakes far from any real one but shaped like them (timestamp bits well above zero).
_ids = itertools.count(1_150_000_000_000_000_000)

Option: TypeAlias = "ApplicationCommandInteractionDataOption"


def new_id() -> int:
    """A fresh, unique snowflake for this process."""
    return next(_ids)


def _now() -> str:
    return datetime.now(UTC).isoformat()


def user(name: str, *, id: int | None = None, bot: bool = False) -> User:
    """A user as Discord sends it (no discriminator: the new username system)."""
    return {
        "id": str(id if id is not None else new_id()),
        "username": name,
        "discriminator": "0",
        "avatar": None,
        "global_name": name.capitalize(),
        "bot": bot,
        "public_flags": 0,
    }


def role(name: str, *, id: int | None = None, permissions: int = 0, position: int = 1) -> Role:
    """A guild role; the @everyone role's id is the guild's id."""
    return {
        "id": str(id if id is not None else new_id()),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


def text_channel(
    name: str,
    *,
    guild_id: int,
    id: int | None = None,
    position: int = 0,
    overwrites: Sequence[PermissionOverwrite] = (),
) -> TextChannel:
    """A guild text channel."""
    return {
        "id": str(id if id is not None else new_id()),
        "type": 0,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": list(overwrites),
        "nsfw": False,
        "parent_id": None,
        "topic": "",
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }


def thread_channel(name: str, *, parent_id: int, guild_id: int, owner_id: int, id: int | None = None) -> Thread:
    """A public thread opened on a message (type 11)."""
    return {
        "id": str(id if id is not None else new_id()),
        "type": 11,
        "guild_id": str(guild_id),
        "parent_id": str(parent_id),
        "owner_id": str(owner_id),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "total_message_sent": 0,
        "member_count": 1,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": _now(),
            "locked": False,
        },
    }


def dm_channel(recipient: User, *, id: int | None = None) -> DMChannel:
    """The private channel Discord opens between the bot and one user."""
    return {
        "id": str(id if id is not None else new_id()),
        "type": 1,
        "name": "",
        "last_message_id": None,
        "recipients": [recipient],
    }


def member(of: User, *, roles: Iterable[int] = (), nick: str | None = None) -> MemberWithUser:
    """A guild member; `flags` is required by discord.py even though it is usually 0."""
    payload: MemberWithUser = {
        "user": of,
        "roles": [str(r) for r in roles],
        "joined_at": _now(),
        "deaf": False,
        "mute": False,
        "flags": 0,
    }
    if nick is not None:
        payload["nick"] = nick
    return payload


def guild(
    name: str,
    *,
    id: int,
    owner_id: int,
    roles: Sequence[Role],
    channels: Sequence[TextChannel],
    members: Sequence[MemberWithUser],
) -> Guild:
    """A full guild as sent in GUILD_CREATE (channels, roles and members inline)."""
    payload: dict[str, Any] = {
        "id": str(id),
        "name": name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "emojis": [],
        "stickers": [],
        "features": [],
        "description": None,
        "incidents_data": None,
        "owner_id": str(owner_id),
        "region": "",
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "roles": list(roles),
        "mfa_level": 0,
        "nsfw_level": 0,
        "application_id": None,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "banner": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "stage_instances": [],
        "guild_scheduled_events": [],
        "channels": list(channels),
        "members": list(members),
        "threads": [],
        "voice_states": [],
        "presences": [],
        "member_count": len(members),
        "large": False,
        "joined_at": _now(),
        "premium_subscription_count": 0,
    }
    return cast("Guild", payload)


def message(
    *,
    channel_id: int,
    author: User,
    content: str = "",
    guild_id: int | None = None,
    id: int | None = None,
    embeds: Sequence[Any] = (),
    components: Sequence[Any] = (),
    attachments: Sequence[Any] = (),
    flags: int = 0,
    member_of: MemberWithUser | None = None,
) -> Message:
    """A message as Discord sends it in MESSAGE_CREATE and REST answers."""
    payload: dict[str, Any] = {
        "id": str(id if id is not None else new_id()),
        "channel_id": str(channel_id),
        "author": author,
        "content": content,
        "timestamp": _now(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": list(attachments),
        "embeds": list(embeds),
        "components": list(components),
        "pinned": False,
        "type": 0,
        "flags": flags,
    }
    if guild_id is not None:
        payload["guild_id"] = str(guild_id)
    if member_of is not None:
        payload["member"] = {k: v for k, v in member_of.items() if k != "user"}
    return cast("Message", payload)


def message_create(world: World, content: str, *, by: str = "alice", channel_id: int | None = None) -> Message:
    """A MESSAGE_CREATE payload: a member writes in a guild channel of the world."""
    who = world.users[by]
    return message(
        channel_id=channel_id if channel_id is not None else world.channel_id,
        author=who,
        content=content,
        guild_id=world.guild_id,
        member_of=world.members[int(who["id"])],
    )


# ---------------------------------------------------------------- interaction options

_OPTION_TYPES: tuple[tuple[type, int], ...] = ((bool, 5), (int, 4), (float, 10), (str, 3))


def option(name: str, value: str | int | float | bool, *, type: int | None = None, focused: bool = False) -> Option:
    """A value option: its type is inferred (str 3, int 4, bool 5, float 10) or given (user 6, channel 7)."""
    kind = type if type is not None else next(t for py, t in _OPTION_TYPES if isinstance(value, py))
    payload: dict[str, Any] = {"name": name, "type": kind, "value": value}
    if focused:
        payload["focused"] = True
    return cast("Option", payload)


def subcommand(name: str, *options: Option) -> Option:
    """A sub-command (type 1) carrying its own options, as in `/circle create name:...`."""
    return cast("Option", {"name": name, "type": 1, "options": list(options)})


def group(name: str, *subcommands: Option) -> Option:
    """A sub-command group (type 2), as in `/admin channel set ...`."""
    return cast("Option", {"name": name, "type": 2, "options": list(subcommands)})


# ---------------------------------------------------------------- the default world


@dataclass
class World:
    """One application, its bot user and one guild with a few members: what most tests need.

    Mutable on purpose: a test may add members or channels before the fake starts.
    """

    app_id: int = field(default_factory=new_id)
    guild_id: int = field(default_factory=new_id)
    channel_id: int = field(default_factory=new_id)
    facilitator_role_id: int = field(default_factory=new_id)
    bot: User = field(init=False)
    users: dict[str, User] = field(default_factory=dict)
    members: dict[int, MemberWithUser] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    channels: list[TextChannel] = field(default_factory=list)
    owner_name: str = "owner"

    def __post_init__(self) -> None:
        self.bot = user("circlebot", id=self.app_id, bot=True)
        self.roles = [
            role("@everyone", id=self.guild_id, permissions=MEMBER_PERMISSIONS, position=0),
            role("Facilitator", id=self.facilitator_role_id, permissions=MEMBER_PERMISSIONS, position=1),
        ]
        self.channels = [text_channel("general", guild_id=self.guild_id, id=self.channel_id)]
        self.add_member(self.bot)
        for name in (self.owner_name, "alice", "bob"):
            self.add_member(user(name))

    def add_member(self, who: User, *, roles: Iterable[int] = ()) -> MemberWithUser:
        """Add a user to the guild (and to `users` by name)."""
        self.users[who["username"]] = who
        payload = member(who, roles=roles)
        self.members[int(who["id"])] = payload
        return payload

    def user_id(self, name: str) -> int:
        return int(self.users[name]["id"])

    @property
    def owner_id(self) -> int:
        return self.user_id(self.owner_name)

    def permissions_of(self, user_id: int) -> int:
        """A member's guild permissions: everything for the owner, else the union of their roles'."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        held = {str(self.guild_id), *self.members[user_id]["roles"]}
        total = 0
        for r in self.roles:
            if r["id"] in held:
                total |= int(r["permissions"])
        return ALL_PERMISSIONS if total & ADMINISTRATOR else total

    def guild_payload(self) -> Guild:
        return guild(
            "Support circle",
            id=self.guild_id,
            owner_id=self.owner_id,
            roles=self.roles,
            channels=self.channels,
            members=list(self.members.values()),
        )

    def channel(self, channel_id: int | None = None) -> TextChannel:
        wanted = str(channel_id if channel_id is not None else self.channel_id)
        return next(c for c in self.channels if c["id"] == wanted)

    def interaction_member(self, name: str) -> dict[str, Any]:
        """The member object of an interaction: the member plus their resolved `permissions`."""
        uid = self.user_id(name)
        return {**self.members[uid], "permissions": str(self.permissions_of(uid))}


def _interaction_base(world: World, kind: int, by: str, channel_id: int | None) -> dict[str, Any]:
    return {
        "id": str(new_id()),
        "application_id": str(world.app_id),
        "type": kind,
        "token": f"itoken-{new_id()}",
        "version": 1,
        "guild_id": str(world.guild_id),
        "channel_id": str(channel_id if channel_id is not None else world.channel_id),
        "channel": world.channel(channel_id),
        "member": world.interaction_member(by),
        "app_permissions": str(ALL_PERMISSIONS),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(world.guild_id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
    }


def _resolved(world: World, options: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The `resolved` block Discord adds for user (6) and channel (7) options."""
    users: dict[str, Any] = {}
    members: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    stack = list(options)
    while stack:
        opt = stack.pop()
        stack.extend(opt.get("options", []))
        value = str(opt.get("value", ""))
        if opt["type"] == 6 and int(value) in world.members:
            m = world.members[int(value)]
            users[value] = m["user"]
            members[value] = {
                **{k: v for k, v in m.items() if k != "user"},
                "permissions": str(world.permissions_of(int(value))),
            }
        elif opt["type"] == 7:
            ch = world.channel(int(value))
            channels[value] = {"id": ch["id"], "name": ch["name"], "type": ch["type"], "permissions": "0"}
    out: dict[str, Any] = {}
    for key, block in (("users", users), ("members", members), ("channels", channels)):
        if block:
            out[key] = block
    return out


def slash_interaction(
    world: World,
    name: str,
    *options: Option,
    by: str = "alice",
    channel_id: int | None = None,
    command_id: int | None = None,
    autocomplete: bool = False,
) -> ApplicationCommandInteraction:
    """An application-command interaction (type 2), or autocomplete (type 4) when `autocomplete`."""
    payload = _interaction_base(world, 4 if autocomplete else 2, by, channel_id)
    data: dict[str, Any] = {
        "id": str(command_id if command_id is not None else new_id()),
        "name": name,
        "type": 1,
        "options": list(options),
    }
    resolved = _resolved(world, cast("Sequence[Mapping[str, Any]]", options))
    if resolved:
        data["resolved"] = resolved
    payload["data"] = data
    return cast("ApplicationCommandInteraction", payload)


def autocomplete_interaction(
    world: World, name: str, *options: Option, by: str = "alice", channel_id: int | None = None
) -> ApplicationCommandInteraction:
    """An autocomplete interaction (type 4): one option, somewhere in `options`, has `focused: true`."""
    return slash_interaction(world, name, *options, by=by, channel_id=channel_id, autocomplete=True)


def component_interaction(
    world: World,
    custom_id: str,
    *,
    on_message: Message | None = None,
    by: str = "alice",
    channel_id: int | None = None,
    in_dm: bool = False,
) -> MessageComponentInteraction:
    """A button click (type 3, component type 2) on a message the bot posted, in the guild or in a DM."""
    payload = _interaction_base(world, 3, by, channel_id)
    if in_dm:
        # A click in a direct message: no guild, the DM channel, and `user` in place of `member`.
        who = world.users[by]
        for key in ("guild_id", "guild_locale", "member"):
            del payload[key]
        channel = dm_channel(who)
        payload.update(channel_id=channel["id"], channel=channel, user=who, context=1)
        payload["authorizing_integration_owners"] = {"0": "0"}
    payload["data"] = {"custom_id": custom_id, "component_type": 2}
    payload["message"] = on_message or message(
        channel_id=int(payload["channel_id"]), author=world.bot, guild_id=None if in_dm else world.guild_id
    )
    return cast("MessageComponentInteraction", payload)
