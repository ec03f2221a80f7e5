"""The hub between adapters and cogs: routes events to handlers, checks permissions, converts options,
turns errors into kind replies, and routes outgoing messages to the right platform."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.core.clock import Clock
from bot.core.commands import Cog, CommandSpec, Registry
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.events import AutocompleteRequest, ButtonPress, ChatMessage, CommandCall, Event, Suggestion
from bot.core.i18n import _
from bot.core.messages import Delivery, Rich, as_rich
from bot.core.model import Level, platform_of
from bot.core.options import Kind
from bot.core.scheduler import Scheduler
from bot.core.textcommands import parse_command_line
from bot.store.db import Database
from bot.store.settings import CommunityRepo, MemberSettingsRepo

if TYPE_CHECKING:
    from bot.adapters.base import Adapter
    from bot.config import Settings

__all__ = ["Runtime"]

_log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = _(
    "Something went wrong on my side, sorry. Nothing was changed; please try again in a moment."
)
MAX_SUGGESTIONS = 25


class Runtime:
    """Everything a cog is given: the store, the clock, the scheduler, settings and a way to send."""

    def __init__(self, *, settings: Settings, db: Database, clock: Clock, scheduler: Scheduler) -> None:
        self.settings = settings
        self.config = settings.config
        self.db = db
        self.clock = clock
        self.scheduler = scheduler
        self.registry = Registry()
        self.cogs: list[Cog] = []
        self.adapters: dict[str, Adapter] = {}
        self.communities = CommunityRepo(db)
        self.members = MemberSettingsRepo(db)

    # -- wiring ---------------------------------------------------------------------------------------------
    def attach(self, adapter: Adapter) -> None:
        self.adapters[adapter.platform] = adapter

    async def add_cog(self, cog: Cog) -> None:
        """Inject the cog's commands, then let it rebuild its jobs from the database."""
        self.registry.add(cog)
        self.cogs.append(cog)
        try:
            await cog.setup()
        except Exception:
            self.registry.remove(cog)
            self.cogs.remove(cog)
            raise

    async def remove_cog(self, cog: Cog) -> None:
        await cog.unload()
        self.registry.remove(cog)
        self.cogs.remove(cog)

    # -- outbound -------------------------------------------------------------------------------------------
    def adapter_for(self, qualified_id: str) -> Adapter | None:
        return self.adapters.get(platform_of(qualified_id))

    def owns(self, community_id: str) -> bool:
        """Whether this process schedules and answers for the community (one community, one owner)."""
        adapter = self.adapter_for(community_id)
        return adapter is not None and adapter.owns(community_id)

    async def send(self, channel_id: str, message: str | Rich) -> Delivery:
        adapter = self.adapter_for(channel_id)
        if adapter is None:
            _log.warning("no adapter for a %s channel; message not sent", platform_of(channel_id))
            return Delivery.failed("platform not connected")
        return await adapter.send(channel_id, as_rich(message))

    async def start_thread(self, channel_id: str, title: str, message: str | Rich) -> Delivery:
        """Open a thread (or just post, where the platform has none); follow-ups go to ``ref.channel_id``."""
        adapter = self.adapter_for(channel_id)
        if adapter is None:
            return Delivery.failed("platform not connected")
        return await adapter.start_thread(channel_id, title, as_rich(message))

    async def dm(self, member_id: str, message: str | Rich, *, community_id: str | None = None) -> Delivery:
        """A direct message about ``community_id``: buttons pressed in it come back with that community."""
        adapter = self.adapter_for(member_id)
        if adapter is None:
            return Delivery.failed("platform not connected")
        delivery = await adapter.dm(member_id, as_rich(message), community_id=community_id)
        if not delivery.delivered:
            _log.info("direct message not delivered (%s)", delivery.reason)
        return delivery

    async def zone_for(self, community_id: str, member_id: str | None = None) -> str:
        """The zone to show times in: the member's own, else the community's, else the configured default."""
        if member_id is not None:
            own = (await self.members.get(community_id, member_id)).timezone
            if own:
                return own
        return (await self.communities.get(community_id)).timezone or self.config.bot.timezone

    async def channel_notices(self, community_id: str, channel_id: str) -> list[str]:
        """Every feature's notices for a channel, e.g. that crisis detection reads it."""
        return [line for cog in self.cogs for line in await cog.channel_notices(community_id, channel_id)]

    # -- inbound --------------------------------------------------------------------------------------------
    async def level_of(self, event: Event) -> Level:
        """Admins by the platform's own right; facilitators by the platform's right or the community's role."""
        if event.standing.is_admin:
            return Level.ADMIN
        if event.standing.is_facilitator:
            return Level.FACILITATOR
        role = (await self.communities.get(event.community.id)).facilitator_role or "facilitator"
        if role.casefold() in {r.casefold() for r in event.standing.roles}:
            return Level.FACILITATOR
        return Level.MEMBER

    async def handle(self, event: Event) -> list[Suggestion] | None:
        """Entry point for adapters."""
        if isinstance(event, CommandCall):
            await self.handle_command(event)
        elif isinstance(event, ChatMessage):
            await self.handle_message(event)
        elif isinstance(event, ButtonPress):
            await self.handle_button(event)
        elif isinstance(event, AutocompleteRequest):
            return await self.suggest(event)
        return None

    def _context(self, event: Event, level: Level) -> Context:
        adapter = self.adapters[platform_of(event.community.id)]
        return Context(self, adapter, event, level)

    async def handle_command(self, call: CommandCall) -> None:
        level = await self.level_of(call)
        ctx = self._context(call, level)
        bound = self.registry.get(call.name)
        _log.info("command %s in %s (level %s)", call.name, call.community.id, level.name.lower())
        try:
            if bound is None:
                raise UserError(_(f"I don't know the command `{call.name[:40]}`. Try `help` to see them all."))
            if level < bound.spec.level:
                raise UserError(
                    _(f"Only {bound.spec.level.label} can use `{bound.spec.name}`. If you think you should be able "
                      "to, please ask one of the community's admins.")
                )
            kwargs = await self.convert_options(bound.spec, call.options, call)
            if bound.spec.defer:
                await ctx.defer()
            await bound.handler(ctx, **kwargs)
        except UserError as exc:
            await ctx.reply(exc.message, ephemeral=True)
        except Exception:
            _log.exception("command %s failed", call.name)
            await ctx.reply(SOMETHING_WENT_WRONG, ephemeral=True)

    async def handle_text_command(self, line: str, **origin: Any) -> None:
        """A typed command line (terminal, Matrix): parsed against the registry, then handled like any call.
        ``origin`` holds the Event fields (community, channel, actor, standing, handle)."""
        try:
            parsed = parse_command_line(line, self.registry)
        except UserError as exc:
            ctx = self._context(CommandCall(name="", **origin), Level.MEMBER)
            await ctx.reply(exc.message, ephemeral=True)
            return
        await self.handle_command(CommandCall(name=parsed.name, options=parsed.options, **origin))

    async def convert_options(self, spec: CommandSpec, raw: Mapping[str, object], event: Event) -> dict[str, Any]:
        """Validate every option before the handler runs, so bad input changes nothing."""
        unknown = set(raw) - {o.name for o in spec.options}
        if unknown:
            raise UserError(_(f"`{spec.name}` has no option **{sorted(unknown)[0][:40]}**. Usage: `{spec.usage}`"))
        values: dict[str, Any] = {}
        for opt in spec.options:
            value = raw.get(opt.name)
            if value is None or (isinstance(value, str) and not value.strip()):
                if opt.required:
                    raise UserError(
                        _(f"`{spec.name}` needs **{opt.name}** ({opt.description.rstrip('.')}). Usage: `{spec.usage}`")
                    )
                values[opt.name.replace("-", "_")] = opt.default
                continue
            if isinstance(value, str) and opt.kind in (Kind.MEMBER, Kind.CHANNEL):
                typed = value.strip()[:60]
                value = await self._resolve(opt.kind, event.community.id, value)
                if value is None:
                    example = "@name" if opt.kind is Kind.MEMBER else "#channel"
                    raise UserError(_(f"I can't find the {opt.kind.value} `{typed}` here. Try mentioning it, "
                                      f"like {example}."))
            values[opt.name.replace("-", "_")] = opt.convert(value)
        return values

    async def _resolve(self, kind: Kind, community_id: str, text: str) -> Any:
        adapter = self.adapters[platform_of(community_id)]
        if kind is Kind.MEMBER:
            return await adapter.resolve_member(community_id, text)
        return await adapter.resolve_channel(community_id, text)

    async def handle_message(self, message: ChatMessage) -> None:
        """Chat messages go to listeners; their text is never logged here."""
        if not self.registry.listeners:
            return
        ctx = self._context(message, await self.level_of(message))
        for cog, listener in list(self.registry.listeners):
            try:
                await listener(ctx, message)
            except Exception:
                _log.exception("message listener of %s failed", type(cog).__name__)

    async def handle_button(self, press: ButtonPress) -> None:
        ctx = self._context(press, await self.level_of(press))
        handler = self.registry.buttons.get(press.action.partition(":")[0])
        try:
            if handler is None:
                raise UserError(_("That button is no longer active. Please run the command again."))
            await handler[1](ctx, press)
        except UserError as exc:
            await ctx.reply(exc.message, ephemeral=True)
        except Exception:
            _log.exception("button %s failed", press.action.partition(":")[0])
            await ctx.reply(SOMETHING_WENT_WRONG, ephemeral=True)

    async def suggest(self, request: AutocompleteRequest) -> list[Suggestion]:
        source = self.registry.suggesters.get(request.source)
        if source is None:
            return []
        try:
            found: list[Suggestion] = await source(request)
        except Exception:
            _log.exception("suggestions from %s failed", request.source)
            return []
        return found[:MAX_SUGGESTIONS]
