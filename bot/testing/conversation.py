"""Members who talk to the bot in tests and the demo, so a test reads like a conversation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.core.events import AutocompleteRequest, ButtonPress, ChatMessage, CommandCall, Suggestion
from bot.core.messages import Button, MessageRef
from bot.core.model import Channel, Level, Member
from bot.testing.memory import InMemoryAdapter, Sent

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["Person"]


class Person:
    """A member of the in-memory community. Every action returns the messages the bot sent in response."""

    def __init__(
        self, runtime: Callable[[], Runtime], adapter: InMemoryAdapter, member: Member, channel: Channel
    ) -> None:
        self._runtime = runtime  # asked each time, so a person outlives a restart of the bot
        self.adapter = adapter
        self.member = member
        self.channel = channel
        self._said = 0

    @property
    def rt(self) -> Runtime:
        return self._runtime()

    @property
    def id(self) -> str:
        return self.member.id

    def set_level(self, level: Level) -> None:
        self.adapter.set_level(self.member.id, level)

    def _event_fields(self) -> dict[str, object]:
        return {
            "community": self.adapter.community,
            "channel": self.channel,
            "actor": self.member,
            "standing": self.adapter.standing[self.member.id],
        }

    async def _run(self, event: object) -> list[Sent]:
        before = len(self.adapter.log)
        await self.rt.handle(event)  # type: ignore[arg-type]
        return self.adapter.log[before:]

    async def command(self, name: str, /, **options: object) -> list[Sent]:
        """A structured call, as Discord delivers it: ``await alice.command("circle join", name="Tue")``.
        Keyword names use ``_`` where option names use ``-``."""
        bound = self.rt.registry.get(name)
        names = {o.name for o in bound.spec.options} if bound else set()
        fixed = {(k if k in names else k.replace("_", "-")): v for k, v in options.items() if v is not None}
        return await self._run(CommandCall(name=name, options=fixed, **self._event_fields()))  # type: ignore[arg-type]

    async def type(self, line: str) -> list[Sent]:
        """A typed line, as on the terminal or Matrix: ``/command args`` or an ordinary chat message."""
        if not line.startswith("/"):
            return await self.say(line)
        before = len(self.adapter.log)
        await self.rt.handle_text_command(line[1:], **self._event_fields())
        return self.adapter.log[before:]

    async def say(self, text: str) -> list[Sent]:
        """A chat message, with a reference to it as platforms give (so alerts can link to it)."""
        self._said += 1
        ref = MessageRef(self.channel.id, f"{self.member.id}/{self._said}",
                         f"console://{self.channel.id}/{self.member.id}/{self._said}")
        return await self._run(ChatMessage(text=text, ref=ref, **self._event_fields()))  # type: ignore[arg-type]

    async def press(self, button: Button | str) -> list[Sent]:
        action = button.action if isinstance(button, Button) else button
        return await self._run(ButtonPress(action=action, **self._event_fields()))  # type: ignore[arg-type]

    async def suggest(self, source: str, partial: str) -> list[Suggestion]:
        request = AutocompleteRequest(source=source, partial=partial, **self._event_fields())  # type: ignore[arg-type]
        return await self.rt.suggest(request)

    # -- what this person has seen --------------------------------------------------------------------------
    @property
    def inbox(self) -> list[Sent]:
        """Messages only this person received: ephemeral and private replies, and direct messages."""
        return [s for s in self.adapter.log if s.visible_to_one and s.to == self.member.id]

    @property
    def dms(self) -> list[Sent]:
        return [s for s in self.adapter.log if s.kind == "dm" and s.to == self.member.id]

    def buttons(self) -> list[Button]:
        """Buttons on the latest message this person can see that has any."""
        for sent in reversed(self.adapter.log):
            visible = sent.to == self.member.id or sent.to == self.channel.id
            if visible and sent.message.buttons:
                return list(sent.message.buttons)
        return []
