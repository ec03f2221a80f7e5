"""The pure half of the Discord adapter: registry -> slash commands, recorded payloads -> core events, out -> embeds."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.adapters.discord import shipped_specs
from bot.adapters.discord_commands import MANAGE_GUILD, build_commands
from bot.adapters.discord_translate import (
    Origin,
    button_press,
    command_call,
    completion,
    qualify,
    render,
    snowflake_of,
)
from bot.config import Config, Secrets, Settings
from bot.core import options as opt
from bot.core.commands import CommandSpec
from bot.core.events import AutocompleteRequest, Suggestion
from bot.core.messages import Button, Field, Rich
from bot.core.model import Channel, Level, Member

SPECS = [
    CommandSpec("ping", "Check that I'm listening."),
    CommandSpec("cope", "Find a strategy.\nLonger help.", (opt.text("query", "What helps", autocomplete="strategy"),)),
    CommandSpec("cope saved", "Your saved strategies."),
    CommandSpec(
        "circle create",
        "Create a circle.",
        (
            opt.text("name", "Name", max_length=60),
            opt.integer("size", "Seats", required=False, min_value=2, max_value=12),
            opt.boolean("open", "Open", required=False),
            opt.member("host", "Host", required=False),
            opt.channel("where", "Where", required=False),
            opt.timezone("zone", "Zone", required=False),
        ),
    ),
    CommandSpec("circle admin rename", "Rename.", (opt.text("name", "Name"),), Level.ADMIN),
    CommandSpec("setup show", "Settings.", (), Level.ADMIN),
    CommandSpec("mood", "Mood.", (opt.choice("feeling", "Feeling", tuple(f"m{i}" for i in range(30))),)),
]
SLASH = build_commands(SPECS)
ORIGIN = Origin(
    guild_id=1100000000000000001,
    guild_name="Support circle",
    channel_id=1100000000000000002,
    channel_name="general",
    user_id=1100000000000000003,
    user_name="Alice",
    permissions=0,
    roles=frozenset({"1100000000000000009", "Facilitator"}),
)

# An application-command interaction's `data` as Discord sent it (ids shortened to keep it readable).
RECORDED_SUBGROUP: dict[str, Any] = {
    "id": "1187000000000000001",
    "name": "circle",
    "type": 1,
    "options": [
        {
            "name": "admin",
            "type": 2,
            "options": [{"name": "rename", "type": 1, "options": [{"name": "name", "type": 3, "value": "Thu"}]}],
        }
    ],
}
RECORDED_CREATE: dict[str, Any] = {
    "id": "1187000000000000001",
    "name": "circle",
    "type": 1,
    "options": [
        {
            "name": "create",
            "type": 1,
            "options": [
                {"name": "name", "type": 3, "value": "Tuesday"},
                {"name": "size", "type": 4, "value": 6},
                {"name": "host", "type": 6, "value": "1100000000000000004"},
                {"name": "where", "type": 7, "value": "1100000000000000002"},
            ],
        }
    ],
    "resolved": {
        "users": {"1100000000000000004": {"id": "1100000000000000004", "username": "bob", "global_name": "Bob"}},
        "members": {"1100000000000000004": {"nick": "Bobby", "roles": [], "permissions": "0"}},
        "channels": {"1100000000000000002": {"id": "1100000000000000002", "name": "general", "type": 0}},
    },
}


def _top(name: str) -> dict[str, Any]:
    return next(c for c in SLASH.payload if c["name"] == name)


def test_groups_become_sub_commands_and_groups() -> None:
    circle = _top("circle")
    assert [(o["name"], o["type"]) for o in circle["options"]] == [("admin", 2), ("create", 1)]
    admin = circle["options"][0]
    assert [(o["name"], o["type"]) for o in admin["options"]] == [("rename", 1)]
    assert SLASH.name_of(("circle", "admin", "rename")) == "circle admin rename"
    assert sorted(c["name"] for c in SLASH.payload) == ["circle", "cope", "mood", "ping", "setup"]


def test_bare_command_beside_its_group_becomes_find() -> None:
    cope = _top("cope")
    assert [o["name"] for o in cope["options"]] == ["find", "saved"]
    assert cope["description"] == "Find a strategy."
    assert SLASH.name_of(("cope", "find")) == "cope" and SLASH.name_of(("cope", "saved")) == "cope saved"


def test_typed_options_become_native_types() -> None:
    create = _top("circle")["options"][1]["options"]
    by_name = {o["name"]: o for o in create}
    assert by_name["name"] == {"type": 3, "name": "name", "description": "Name", "required": True, "max_length": 60}
    assert (by_name["size"]["type"], by_name["size"]["min_value"], by_name["size"]["max_value"]) == (4, 2, 12)
    assert by_name["open"]["type"] == 5 and by_name["host"]["type"] == 6
    assert by_name["where"]["type"] == 7 and 0 in by_name["where"]["channel_types"]
    assert by_name["zone"]["autocomplete"] is True
    assert [o["required"] for o in create] == [True, False, False, False, False, False]


def test_choices_listed_or_completed_when_too_many() -> None:
    few = build_commands([CommandSpec("m", "M.", (opt.choice("f", "F", ("good", "low")),))]).payload[0]
    assert few["options"][0]["choices"] == [{"name": "good", "value": "good"}, {"name": "low", "value": "low"}]
    many = _top("mood")["options"][0]
    assert "choices" not in many and many["autocomplete"] is True
    found = completion(
        {"name": "mood", "options": [{"name": "feeling", "type": 3, "value": "2", "focused": True}]}, ORIGIN, SLASH
    )
    assert found == [Suggestion(f"m{i}", f"m{i}") for i in (2, 12, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29)]


def test_admin_only_groups_default_to_manage_server() -> None:
    assert _top("setup")["default_member_permissions"] == str(MANAGE_GUILD)
    assert _top("circle")["default_member_permissions"] is None  # mixed levels: the core checks each call
    assert all(c["contexts"] == [0] and c["dm_permission"] is False for c in SLASH.payload)


def test_recorded_sub_command_group_payload() -> None:
    call = command_call(RECORDED_SUBGROUP, ORIGIN, SLASH, handle="h")
    assert call.name == "circle admin rename" and dict(call.options) == {"name": "Thu"}
    assert call.community.id == "discord:1100000000000000001" and call.channel == Channel(
        "discord:1100000000000000002", "general"
    )
    assert call.actor == Member("discord:1100000000000000003", "Alice")
    assert call.standing.roles == ORIGIN.roles and not call.standing.is_admin
    assert call.handle == "h"


def test_recorded_payload_with_resolved_member_and_channel() -> None:
    call = command_call(RECORDED_CREATE, ORIGIN, SLASH)
    assert dict(call.options) == {
        "name": "Tuesday",
        "size": 6,
        "host": Member("discord:1100000000000000004", "Bobby"),
        "where": Channel("discord:1100000000000000002", "general"),
    }


def test_manage_server_or_administrator_is_admin() -> None:
    for permissions, admin in ((0, False), (1 << 5, True), (1 << 3, True), (1 << 11, False)):
        origin = Origin(1, "g", 2, "c", 3, "u", permissions=permissions)
        assert command_call(RECORDED_SUBGROUP, origin, SLASH).standing.is_admin is admin


def test_unknown_command_keeps_its_discord_name() -> None:
    assert command_call({"name": "retired", "options": []}, ORIGIN, SLASH).name == "retired"


def test_autocomplete_asks_the_named_source() -> None:
    data = {
        "name": "cope",
        "options": [
            {"name": "find", "type": 1, "options": [{"name": "query", "type": 3, "value": "bre", "focused": True}]}
        ],
    }
    request = completion(data, ORIGIN, SLASH)
    assert isinstance(request, AutocompleteRequest)
    assert (request.source, request.partial) == ("strategy", "bre")
    assert completion({"name": "ping", "options": []}, ORIGIN, SLASH) == []


def test_button_press_carries_the_action_verbatim() -> None:
    press = button_press({"custom_id": "join:12:1100000000000000003", "component_type": 2}, ORIGIN, 77)
    assert press.action == "join:12:1100000000000000003"
    assert press.ref is not None and press.ref.message_id == "77"


def test_rich_with_fields_is_an_embed_and_mentions_ping() -> None:
    out = render(
        Rich(
            title="Tuesday circle",
            text="Hosted by <@discord:42> on <t:1772478000:F|Europe/London>",
            fields=(Field("Seats", "6", inline=True), Field("Facilitator", "<@discord:43>")),
            buttons=(Button("Join", "join:1"),),
        )
    )
    assert out.embed is not None
    assert out.embed["description"] == "Hosted by <@42> on <t:1772478000:F>"
    assert out.embed["fields"][1] == {"name": "Facilitator", "value": "<@43>", "inline": False}
    assert out.content == "<@42> <@43>"
    assert out.buttons == (Button("Join", "join:1"),)


def test_plain_text_stays_content_and_long_text_moves_to_an_embed() -> None:
    assert render(Rich(text="**Welcome**")).content == "**Welcome**"
    assert render(Rich(text="**Welcome**")).embed is None
    long = render(Rich(text="x" * 2500))
    assert long.embed is not None and long.embed["description"] == "x" * 2500 and long.content == ""
    clipped = render(Rich(title="t", fields=(Field("f", "y" * 2000),)))
    assert clipped.embed is not None and len(clipped.embed["fields"][0]["value"]) == 1024


def test_ids() -> None:
    assert qualify(5) == "discord:5" and snowflake_of("discord:5") == 5
    assert snowflake_of("matrix:@a:hs") is None and snowflake_of("discord:abc") is None


_NAME = re.compile(r"^[-_\w]{1,32}$")


def _check_level(options: list[dict[str, Any]], where: str) -> None:
    assert len(options) <= 25, where
    required = [o.get("required", False) for o in options if o["type"] not in (1, 2)]
    assert required == sorted(required, reverse=True), f"{where}: required options first"
    for o in options:
        here = f"{where} {o['name']}"
        assert _NAME.match(o["name"]) and o["name"] == o["name"].lower(), here
        assert 1 <= len(o["description"]) <= 100, here
        assert len(o.get("choices", [])) <= 25, here
        assert 1 <= o.get("max_length", 1) <= 6000, here
        if o["type"] in (1, 2):
            _check_level(o["options"], here)


async def test_every_shipped_command_is_valid_for_discord() -> None:
    """Discord rejects a whole sync for one bad name or description: check them all before anyone syncs."""
    specs = await shipped_specs(Settings(Config(), Secrets(), "(test)"))
    slash = build_commands(specs)
    assert 0 < len(slash.payload) <= 100
    assert sorted(slash.routes.values()) == sorted(s.name for s in specs)  # every command is reachable
    for command in slash.payload:
        assert _NAME.match(command["name"]) and 1 <= len(command["description"]) <= 100, command["name"]
        _check_level(command["options"], command["name"])
        assert len(json.dumps(command)) < 8000, command["name"]


def test_each_guild_is_owned_by_the_process_running_its_shard() -> None:
    from bot.adapters.discord import DiscordAdapter
    from bot.config import Config, DiscordSection, Secrets, Settings

    def adapter(**discord: object) -> DiscordAdapter:
        config = Config(discord=DiscordSection(**discord))  # type: ignore[arg-type]
        return DiscordAdapter(Settings(config, Secrets(discord_token="x"), "(test)"))

    guild = (123456 << 22) | 5  # shard (guild >> 22) % 4 == 0
    assert adapter().owns(f"discord:{guild}")
    assert adapter(shard_count=4, shard_ids=[0]).owns(f"discord:{guild}")
    assert not adapter(shard_count=4, shard_ids=[1, 2]).owns(f"discord:{guild}")
    assert not adapter().owns("matrix:!room:hs")
