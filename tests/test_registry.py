"""Commands are declared once, injected when a cog is added and ejected when it is removed."""

from __future__ import annotations

import pytest

from bot.core import options as opt
from bot.core.commands import Cog, Registry, command, on_button
from bot.core.context import Context
from bot.core.model import Level


class Garden(Cog):
    @command("garden water", opt.text("bed", "Which bed"), opt.integer("litres", "How much", required=False,
             min_value=1, max_value=10, default=2))
    async def water(self, ctx: Context, bed: str, litres: int) -> None:
        """Water a bed.

        Longer help that members see in the detailed view."""

    @command("garden close", level=Level.ADMIN)
    async def close(self, ctx: Context) -> None:
        """Close the garden."""

    @on_button("garden")
    async def pressed(self, ctx: Context, press: object) -> None:
        """A button."""


class Twin(Cog):
    @command("garden water")
    async def water(self, ctx: Context) -> None:
        """Again."""


def test_cog_commands_are_injected_with_their_docstring_as_help() -> None:
    registry = Registry()
    cog = Garden(None)  # type: ignore[arg-type]
    registry.add(cog)
    spec = registry.get("garden water").spec  # type: ignore[union-attr]
    assert spec.summary == "Water a bed."
    assert spec.usage == "garden water <bed> [litres]"
    assert [s.name for s in registry.specs(Level.MEMBER)] == ["garden water"]
    assert [s.name for s in registry.specs(Level.ADMIN)] == ["garden close", "garden water"]
    assert "garden" in registry.buttons


def test_removing_a_cog_ejects_everything_it_brought() -> None:
    registry = Registry()
    cog = Garden(None)  # type: ignore[arg-type]
    registry.add(cog)
    registry.remove(cog)
    assert registry.names() == [] and registry.buttons == {}


def test_a_name_declared_twice_is_refused() -> None:
    registry = Registry()
    registry.add(Garden(None))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="declared twice"):
        registry.add(Twin(None))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Garden", "a b c d", ""])
def test_bad_command_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError):
        command(name)


def test_required_option_after_optional_is_refused() -> None:
    with pytest.raises(ValueError, match="required options"):
        command("x", opt.text("a", "a", required=False), opt.text("b", "b"))
