"""Platform-neutral nouns: communities, members, channels and permission levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

__all__ = ["Channel", "Community", "Level", "Member", "Standing", "platform_of"]


def platform_of(qualified_id: str) -> str:
    """The platform part of a qualified id such as ``discord:123`` or ``matrix:@a:hs``."""
    platform, sep, _rest = qualified_id.partition(":")
    if not sep:
        raise ValueError(f"not a platform-qualified id: {qualified_id!r}")
    return platform


class Level(IntEnum):
    """Who may use a command; higher levels may do everything lower ones can."""

    MEMBER = 0
    FACILITATOR = 1
    ADMIN = 2

    @property
    def label(self) -> str:
        return {Level.MEMBER: "members", Level.FACILITATOR: "facilitators", Level.ADMIN: "admins"}[self]


@dataclass(frozen=True, slots=True)
class Community:
    """A Discord guild or a Matrix space/room, keyed by a platform-qualified id."""

    id: str
    name: str = ""

    @property
    def platform(self) -> str:
        return platform_of(self.id)


@dataclass(frozen=True, slots=True)
class Member:
    """A person, keyed by a platform-qualified id; the name is for display only and never stored."""

    id: str
    name: str = ""

    @property
    def platform(self) -> str:
        return platform_of(self.id)


@dataclass(frozen=True, slots=True)
class Channel:
    """Where a message was said: a text channel, a room, or a direct conversation. A thread names the channel
    it grew from in ``parent_id``, so what admins chose for a channel (crisis detection) covers its threads."""

    id: str
    name: str = ""
    direct: bool = False
    parent_id: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """This channel and the one it belongs to, for settings that a thread inherits."""
        return (self.id, self.parent_id) if self.parent_id else (self.id,)


@dataclass(frozen=True, slots=True)
class Standing:
    """What the platform says about a member's authority; the core turns it into a Level.

    ``is_admin`` is the platform's own admin right (Manage Server, or a Matrix power level at the admin
    threshold); ``is_facilitator`` a platform's own facilitator right (a Matrix power level at the facilitator
    threshold); ``roles`` are platform role ids or names, matched against the community's facilitator role;
    ``power`` is a Matrix power level when known.
    """

    is_admin: bool = False
    is_facilitator: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)
    power: int | None = None
