"""A wire-level fake of Discord (REST and gateway) so tests run the real discord.py client against it."""

from .payloads import (
    World,
    autocomplete_interaction,
    component_interaction,
    group,
    message,
    message_create,
    option,
    slash_interaction,
    subcommand,
)
from .server import FakeDiscord, RecordedCall, RecordedFile

__all__ = [
    "FakeDiscord",
    "RecordedCall",
    "RecordedFile",
    "World",
    "autocomplete_interaction",
    "component_interaction",
    "group",
    "message",
    "message_create",
    "option",
    "slash_interaction",
    "subcommand",
]
