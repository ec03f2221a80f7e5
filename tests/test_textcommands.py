"""Typed command lines become the same calls as structured ones."""

from __future__ import annotations

import pytest

from bot.core import options as opt
from bot.core.commands import Cog, Registry, command
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.textcommands import parse_command_line


class Sample(Cog):
    @command("cope", opt.text("query", "What helps", rest=True))
    async def cope(self, ctx: Context, query: str) -> None:
        """Search."""

    @command("cope show", opt.text("id", "Id"))
    async def show(self, ctx: Context, id: str) -> None:
        """Show."""

    @command("circle create", opt.text("name", "Name"), opt.text("zone", "Zone"),
             opt.integer("capacity", "Cap", required=False))
    async def create(self, ctx: Context, name: str, zone: str, capacity: int | None) -> None:
        """Create."""


@pytest.fixture
def registry() -> Registry:
    r = Registry()
    r.add(Sample(None))  # type: ignore[arg-type]
    return r


def test_longest_command_name_wins(registry: Registry) -> None:
    assert parse_command_line("cope show box-breathing", registry).name == "cope show"
    parsed = parse_command_line("cope panic attack at night", registry)
    assert (parsed.name, parsed.options) == ("cope", {"query": "panic attack at night"})


def test_positional_named_and_quoted(registry: Registry) -> None:
    parsed = parse_command_line('circle create "Tuesday evening" zone=Europe/London --capacity 8', registry)
    assert parsed.options == {"name": "Tuesday evening", "zone": "Europe/London", "capacity": "8"}
    parsed = parse_command_line("Circle Create “Tue eve” Europe/Paris", registry)
    assert parsed.options == {"name": "Tue eve", "zone": "Europe/Paris"}


def test_errors_say_what_to_do(registry: Registry) -> None:
    with pytest.raises(UserError, match="Did you mean `cope show`"):
        parse_command_line("coep show x", registry)
    with pytest.raises(UserError, match="quote is not closed"):
        parse_command_line('circle create "Tuesday', registry)
    with pytest.raises(UserError, match="Usage: `circle create <name> <zone> \\[capacity\\]`"):
        parse_command_line("circle create a b 3 extra", registry)


def test_apostrophes_inside_words_are_just_letters(registry: Registry) -> None:
    parsed = parse_command_line("cope I can't sleep and it's late", registry)
    assert parsed.options == {"query": "I can't sleep and it's late"}
    parsed = parse_command_line("circle create 'Tue eve' zone='Europe/London'", registry)
    assert parsed.options == {"name": "Tue eve", "zone": "Europe/London"}
