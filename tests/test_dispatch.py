"""The runtime on the in-memory adapter: bad input gets one kind line and changes nothing; replies go where
they should; failures are logged without message text."""

from __future__ import annotations

import logging

import pytest

from bot.core import options as opt
from bot.core.commands import Cog, command, on_message
from bot.core.context import Context
from bot.core.events import ChatMessage
from bot.core.model import Level
from bot.testing.conversation import Person
from bot.testing.harness import Harness


class Notes(Cog):
    """A tiny feature to exercise the runtime: it counts calls so tests can see nothing ran."""

    calls = 0
    heard = 0

    @command("note add", opt.text("title", "A short title", max_length=20), opt.integer("stars", "1 to 5",
             min_value=1, max_value=5, required=False, default=3))
    async def add(self, ctx: Context, title: str, stars: int) -> None:
        """Add a note."""
        Notes.calls += 1
        await ctx.reply(f"noted {title} ({stars})")

    @command("note purge", level=Level.ADMIN)
    async def purge(self, ctx: Context) -> None:
        """Remove every note."""
        Notes.calls += 1
        await ctx.reply("purged")

    @command("note secret")
    async def secret(self, ctx: Context) -> None:
        """Tell me privately."""
        await ctx.reply_private("only for you")
        delivery = await ctx.dm(ctx.actor.id, "and a direct message")
        await ctx.reply(f"dm delivered: {delivery.delivered}", ephemeral=True)

    @command("note crash")
    async def crash(self, ctx: Context) -> None:
        """Fail."""
        raise RuntimeError("boom")

    @on_message
    async def listen(self, ctx: Context, message: ChatMessage) -> None:
        Notes.heard += 1
        if "explode" in message.text:
            raise RuntimeError("listener failure")


@pytest.fixture
async def notes(make_harness) -> Harness:
    Notes.calls = Notes.heard = 0
    return await make_harness(cogs=[Notes])


@pytest.fixture
def carol(notes: Harness) -> Person:
    return notes.person("Carol")


@pytest.mark.parametrize(("line", "expected"), [
    ("/note ad x", "I don't know the command `note ad`. Did you mean `note add`?"),
    ("/note add", "`note add` needs **title** (A short title). Usage: `note add <title> [stars]`"),
    ("/note add hello stars=nine", "**stars** should be a whole number, like 5."),
    ("/note add hello 9", "**stars** can be at most 5."),
    ("/note add " + "x" * 10_000, "**title** can be at most 20 characters; this one has 10,000."),
    ("/note purge", "Only admins can use `note purge`."),
])
async def test_bad_input_gets_one_kind_line_and_changes_nothing(carol: Person, line: str, expected: str) -> None:
    sent = await carol.type(line)
    assert len(sent) == 1 and sent[0].kind == "ephemeral" and sent[0].to == carol.id
    assert expected in sent[0].text and "\n" not in sent[0].text
    assert Notes.calls == 0


async def test_structured_and_typed_calls_behave_alike(carol: Person) -> None:
    typed = await carol.type("/note add hello 4")
    structured = await carol.command("note add", title="hello", stars=4)
    assert [s.text for s in typed] == [s.text for s in structured] == ["noted hello (4)"]
    assert typed[0].kind == "channel" and typed[0].to == "console:#general"


async def test_admin_may_use_admin_command(notes: Harness) -> None:
    ada = notes.person("Ada", Level.ADMIN)
    assert [s.text for s in await ada.type("/note purge")] == ["purged"]


async def test_private_replies_and_refused_direct_messages(notes: Harness, carol: Person) -> None:
    sent = await carol.command("note secret")
    assert [(s.kind, s.text) for s in sent] == [
        ("private", "only for you"), ("dm", "and a direct message"), ("ephemeral", "dm delivered: True")]
    notes.adapter.closed_dms.add(carol.id)
    sent = await carol.command("note secret")
    assert [s.text for s in sent][-1] == "dm delivered: False"


async def test_a_crash_is_logged_without_text_and_answered_kindly(carol: Person, caplog) -> None:
    caplog.set_level(logging.INFO)
    sent = await carol.command("note crash")
    assert "Something went wrong on my side" in sent[0].text and sent[0].kind == "ephemeral"
    assert "note crash failed" in caplog.text
    await carol.say("please explode quietly")
    assert Notes.heard == 1
    assert "explode" not in caplog.text  # message text never reaches the logs


async def test_option_values_never_reach_the_logs(carol: Person, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    await carol.command("note add", title="my private words")
    assert "my private words" not in caplog.text


async def test_threads_open_where_the_platform_has_them(notes: Harness) -> None:
    without = await notes.rt.start_thread("console:#general", "Tuesday circle", "Welcome")
    assert without.ref is not None and without.ref.channel_id == "console:#general"
    notes.adapter.threads = True
    delivery = await notes.rt.start_thread("console:#general", "Tuesday circle", "Welcome")
    assert delivery.delivered and delivery.ref is not None
    follow_up = await notes.rt.send(delivery.ref.channel_id, "Next up")
    assert follow_up.delivered and notes.adapter.log[-1].to == "console:#general/Tuesday circle"
    notes.adapter.gone_channels.add("console:#general")
    assert not (await notes.rt.start_thread("console:#general", "x", "y")).delivered
