"""The Discord adapter: discord.py 2.x IO around the pure translation in discord_translate and discord_commands."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import discord

from bot.adapters.discord_commands import SlashCommands, build_commands
from bot.adapters.discord_translate import (
    Origin,
    Outgoing,
    button_press,
    chat_message,
    command_call,
    completion,
    qualify,
    render,
    snowflake_of,
    suggestions_payload,
)
from bot.core.events import AutocompleteRequest, Event
from bot.core.i18n import _
from bot.core.messages import Button, ButtonStyle, Delivery, MessageRef, Rich
from bot.core.model import Channel, Member

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.core.commands import CommandSpec, Registry
    from bot.core.runtime import Runtime

__all__ = ["DiscordAdapter", "shipped_specs", "sync_commands"]

_log = logging.getLogger(__name__)

AUTO_DEFER_AFTER = 2.5  # seconds: Discord drops an interaction not answered within 3
DONE = _("Done.")
NO_COMMUNITY = _("I can't tell which server this belongs to any more. Please use the command in the server instead.")
CONTENT_INTENT_OFF = (
    "Discord's message-content intent is not enabled for this application, so crisis detection in chat is off "
    "(everything else works): enable 'Message Content Intent' on the Bot page of the Discord developer portal, "
    "then restart."
)
CONTENT_INTENT_UNCONFIGURED = (
    "Crisis detection in chat is off: it needs Discord's message-content intent. Enable 'Message Content Intent' "
    "on the Bot page of the Discord developer portal and set [discord] message_content = true in the config."
)
WELCOME = _(
    "Hello, I'm here to help this community run its peer-support circles. Admins: `/setup facilitator-role` "
    "chooses who runs circles, `/setup timezone` the community's time zone, and `/crisis detection` where (if "
    "anywhere) I may offer support lines privately. Everyone: `/help` shows what you can do, `/about` what I am "
    "and am not."
)
_STYLES = {
    ButtonStyle.PRIMARY: discord.ButtonStyle.primary,
    ButtonStyle.SECONDARY: discord.ButtonStyle.secondary,
    ButtonStyle.SUCCESS: discord.ButtonStyle.success,
    ButtonStyle.DANGER: discord.ButtonStyle.danger,
}
ROUTE_MARK = "|"  # custom_id = action + "|" + guild id, for buttons sent in direct messages
_MEMBER_REF = re.compile(r"^(?:<@!?(\d{15,20})>|(\d{15,20}))$")
_CHANNEL_REF = re.compile(r"^(?:<#(\d{15,20})>|(\d{15,20}))$")


class _Buttons(discord.ui.View):
    """Neutral buttons drawn as a view whose custom_ids are the neutral actions.

    Clicks are routed by custom_id in ``on_interaction``, statelessly, so every button keeps working after a
    restart (what persistent views are for) without a view object kept per message.
    """

    def __init__(self, buttons: tuple[Button, ...], route: int | None = None) -> None:
        super().__init__(timeout=None)
        suffix = f"{ROUTE_MARK}{route}" if route is not None else ""
        for i, b in enumerate(buttons[:25]):
            self.add_item(
                discord.ui.Button(
                    label=b.label[:80],
                    custom_id=b.action + suffix,
                    style=_STYLES[b.style],
                    emoji=b.emoji or None,
                    row=i // 5,
                )
            )

    def is_dispatchable(self) -> bool:
        return False  # never stored by discord.py: the adapter routes the clicks itself


def _send_kwargs(out: Outgoing, route: int | None = None) -> dict[str, Any]:
    """``route``: in a direct message, the server it is about, carried in each button's custom_id."""
    kwargs: dict[str, Any] = {"content": out.content or None}
    if out.embed is not None:
        kwargs["embed"] = discord.Embed.from_dict(out.embed)
    if out.buttons:
        kwargs["view"] = _Buttons(out.buttons, route)
    if out.files:
        kwargs["files"] = [discord.File(io.BytesIO(f.data), filename=f.filename) for f in out.files]
    return kwargs


@dataclass(eq=False)
class _Answer:
    """An interaction being answered: one answer at a time, and whether it was deferred and followed up."""

    interaction: discord.Interaction[Any]
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    deferred_private: bool | None = None  # None: not deferred
    followed: bool = False


def _interaction_origin(interaction: discord.Interaction[Any], dm_guild: discord.Guild | None = None) -> Origin:
    """Who and where; for a click in a direct message, ``dm_guild`` is the community the DM was about."""
    user = interaction.user
    guild = interaction.guild or dm_guild
    roles = user.roles[1:] if isinstance(user, discord.Member) else []  # [0] is @everyone
    return Origin(
        guild_id=guild.id if guild else None,
        guild_name=getattr(guild, "name", "") or "",
        direct=interaction.guild_id is None,
        channel_id=interaction.channel_id or 0,
        channel_name=getattr(interaction.channel, "name", "") or "",
        parent_id=interaction.channel.parent_id if isinstance(interaction.channel, discord.Thread) else None,
        user_id=user.id,
        user_name=user.display_name,
        permissions=interaction.permissions.value,
        roles=frozenset({str(r.id) for r in roles} | {r.name for r in roles}),
    )


def _message_origin(message: discord.Message) -> Origin:
    author = message.author
    member = author if isinstance(author, discord.Member) else None
    roles = member.roles[1:] if member else []
    return Origin(
        guild_id=message.guild.id if message.guild else None,
        guild_name=message.guild.name if message.guild else "",
        channel_id=message.channel.id,
        channel_name=getattr(message.channel, "name", "") or "",
        parent_id=message.channel.parent_id if isinstance(message.channel, discord.Thread) else None,
        user_id=author.id,
        user_name=author.display_name,
        permissions=member.guild_permissions.value if member else 0,
        roles=frozenset({str(r.id) for r in roles} | {r.name for r in roles}),
    )


class _Client(discord.AutoShardedClient):
    """discord.py's client with the adapter's event handlers."""

    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        super().__init__(**options)
        self.adapter = adapter

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await self.adapter.on_interaction(interaction)

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter.on_message(message)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        _log.info("joined Discord server %s", guild.id)
        channel = guild.system_channel
        if channel is not None and channel.permissions_for(guild.me).send_messages:
            with contextlib.suppress(discord.HTTPException):
                await channel.send(WELCOME)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        _log.info("left Discord server %s (its data is kept until an admin deletes it)", guild.id)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        _log.info(
            "channel %s was deleted in server %s; anything posting there needs a new channel",
            channel.id,
            channel.guild.id,
        )


class DiscordAdapter:
    """Slash commands, ephemeral replies, buttons, autocomplete and DMs on Discord, for the platform-neutral core."""

    platform = "discord"
    prefix = "/"

    def __init__(self, settings: Settings, *, guild_ready_timeout: float = 2.0) -> None:
        self.settings = settings
        self.config = settings.config.discord
        self.guild_ready_timeout = guild_ready_timeout
        self.auto_defer_after = AUTO_DEFER_AFTER
        self.commands = SlashCommands([])
        self.rt: Runtime | None = None
        self.reads_messages = False
        self._listening = False
        self._background: set[asyncio.Task[None]] = set()
        self._client: _Client | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def client(self) -> discord.AutoShardedClient:
        if self._client is None:
            raise RuntimeError("the Discord adapter is not started")
        return self._client

    def command_label(self, name: str) -> str:
        return self.commands.label_of(name)

    def owns(self, community_id: str) -> bool:
        """Discord puts a guild on shard ``(id >> 22) % shard_count``; with no shard ids set, we run them all."""
        platform, _sep, guild = community_id.partition(":")
        if platform != self.platform or not guild.isdigit():
            return False
        if self.config.shard_ids is None or self.config.shard_count is None:
            return True
        return (int(guild) >> 22) % self.config.shard_count in self.config.shard_ids

    # -- life -----------------------------------------------------------------------------------------------
    async def register_commands(self, registry: Registry) -> None:
        """Build the slash commands (uploaded only by `circlebot discord sync`, never at every start)."""
        self.commands = build_commands(registry.specs())
        self._listening = bool(registry.listeners)

    def _new_client(self, *, message_content: bool) -> _Client:
        intents = discord.Intents.none()
        intents.guilds = True  # channels and roles: names, and who holds the facilitator role
        intents.guild_messages = intents.message_content = message_content
        return _Client(
            self,
            intents=intents,
            shard_count=self.config.shard_count,
            shard_ids=self.config.shard_ids,
            guild_ready_timeout=self.guild_ready_timeout,
            chunk_guilds_at_startup=False,
            allowed_mentions=discord.AllowedMentions(everyone=False, roles=False, users=True, replied_user=False),
        )

    async def start(self, rt: Runtime) -> None:
        """Log in, settle the message-content question in one log line, connect; return once ready."""
        token = self.settings.secrets.discord_token
        if not token:
            raise RuntimeError("DISCORD_TOKEN is not set")
        self.rt = rt
        wanted = self._listening and self.config.message_content
        if self._listening and not self.config.message_content:
            _log.info(CONTENT_INTENT_UNCONFIGURED)
        client = self._new_client(message_content=wanted)
        await client.login(token)
        flags = client.application_flags
        if wanted and not (flags.gateway_message_content or flags.gateway_message_content_limited):
            _log.warning(CONTENT_INTENT_OFF)
            await client.close()
            wanted = False
            client = self._new_client(message_content=False)
            await client.login(token)
        self.reads_messages = wanted
        self._client = client
        self._task = asyncio.create_task(client.connect(), name="discord-gateway")
        ready = asyncio.create_task(client.wait_until_ready())
        await asyncio.wait({ready, self._task}, return_when=asyncio.FIRST_COMPLETED)
        if self._task.done():
            ready.cancel()
            failure = self._task.exception()
            await self.close()
            _log.error("could not connect to Discord: %s", failure)
            raise failure or RuntimeError("the Discord connection ended before it was ready")
        _log.info(
            "connected to Discord as %s in %d server(s)", client.user.id if client.user else "?", len(client.guilds)
        )

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
        if self._task is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self._task
        self._client = self._task = None
        self.rt = None

    # -- inbound --------------------------------------------------------------------------------------------
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        rt = self.rt
        if rt is None:
            return
        data: dict[str, Any] = dict(interaction.data or {})
        dm_guild = self._dm_guild(data) if interaction.guild_id is None else None
        if interaction.guild_id is None and dm_guild is None:
            await self._unplaced(interaction)
            return
        origin = _interaction_origin(interaction, dm_guild)
        if interaction.type is discord.InteractionType.autocomplete:
            await self._complete(rt, interaction, data, origin)
            return
        answer = _Answer(interaction)
        if interaction.type is discord.InteractionType.application_command:
            event: Event = command_call(data, origin, self.commands, handle=answer)
        elif interaction.type is discord.InteractionType.component and ":" in str(data.get("custom_id", "")):
            message_id = interaction.message.id if interaction.message else None
            event = button_press(data, origin, message_id, handle=answer)
        else:
            return
        watchdog = asyncio.get_running_loop().call_later(self.auto_defer_after, self._auto_defer, answer)
        try:
            await rt.handle(event)
        finally:
            watchdog.cancel()
            await self._acknowledge(answer)

    def _auto_defer(self, answer: _Answer) -> None:
        """A handler is slow and did not defer: defer for it before Discord's 3 seconds run out. Privately, as
        the answer may well be private (a public answer then replaces the placeholder)."""
        task = asyncio.create_task(self._defer(answer, private=True))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _dm_guild(self, data: dict[str, Any]) -> discord.Guild | None:
        """The community a direct message was about: carried in the button's custom_id (so it survives
        restarts), else our only server. The route is taken off the custom_id, leaving the neutral action."""
        client = self.client
        action, mark, route = str(data.get("custom_id", "")).rpartition(ROUTE_MARK)
        guild = None
        if mark and route.isdigit():
            data["custom_id"] = action
            guild = client.get_guild(int(route))
        if guild is None and len(client.guilds) == 1:
            guild = client.guilds[0]
        return guild

    async def _unplaced(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is discord.InteractionType.component:
            with contextlib.suppress(discord.HTTPException):
                await interaction.response.send_message(NO_COMMUNITY, ephemeral=True)

    async def _complete(
        self, rt: Runtime, interaction: discord.Interaction[Any], data: dict[str, Any], origin: Origin
    ) -> None:
        wanted = completion(data, origin, self.commands)
        found = await rt.handle(wanted) if isinstance(wanted, AutocompleteRequest) else wanted
        choices = [discord.app_commands.Choice(name=n, value=v) for n, v in suggestions_payload(found or [])]
        with contextlib.suppress(discord.HTTPException):  # the member typed on: this request has expired
            await interaction.response.autocomplete(choices)

    async def on_message(self, message: discord.Message) -> None:
        rt = self.rt
        if rt is None or not self.reads_messages or message.guild is None or message.author.bot:
            return
        await rt.handle(chat_message(message.content, _message_origin(message), message.id, handle=message))

    # -- answering interactions -----------------------------------------------------------------------------
    async def _answer(self, answer: _Answer, out: Outgoing, *, ephemeral: bool) -> Delivery:
        interaction = answer.interaction
        kwargs = _send_kwargs(out)
        channel = qualify(interaction.channel_id or 0)
        async with answer.lock:
            try:
                if not interaction.response.is_done():
                    sent = await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
                    answer.followed = True
                    return Delivery.ok(MessageRef(channel, str(sent.message_id or "")))
                if answer.deferred_private is not None and not answer.followed:
                    if answer.deferred_private != ephemeral:
                        # The first follow-up takes the deferred message's visibility; start afresh instead.
                        await interaction.delete_original_response()
                message = await interaction.followup.send(ephemeral=ephemeral, wait=True, **kwargs)
                answer.followed = True
                return Delivery.ok(MessageRef(channel, str(message.id), message.jump_url))
            except discord.HTTPException as exc:
                _log.warning(
                    "could not answer an interaction in channel %s (HTTP %s, code %s)",
                    interaction.channel_id,
                    exc.status,
                    exc.code,
                )
                return Delivery.failed("discord refused the reply")

    async def _defer(self, answer: _Answer, *, private: bool) -> None:
        async with answer.lock:
            if answer.interaction.response.is_done():
                return
            try:
                await answer.interaction.response.defer(ephemeral=private, thinking=True)
                answer.deferred_private = private
            except discord.HTTPException as exc:
                _log.warning("could not defer an interaction (HTTP %s, code %s)", exc.status, exc.code)

    async def _acknowledge(self, answer: _Answer) -> None:
        """Discord shows "interaction failed" for one left unanswered: close it quietly."""
        interaction = answer.interaction
        async with answer.lock:
            try:
                if not interaction.response.is_done():
                    if interaction.type is discord.InteractionType.component:
                        await interaction.response.defer()  # a click needs no message of its own
                    else:
                        await interaction.response.send_message(DONE, ephemeral=True)
                elif answer.deferred_private is not None and not answer.followed:
                    await interaction.edit_original_response(content=DONE)
            except discord.HTTPException as exc:
                _log.warning("could not close an interaction (HTTP %s, code %s)", exc.status, exc.code)

    # -- the adapter protocol: outbound ---------------------------------------------------------------------
    async def reply(self, event: Event, message: Rich, *, ephemeral: bool = False) -> Delivery:
        if isinstance(event.handle, _Answer):
            return await self._answer(event.handle, render(message), ephemeral=ephemeral)
        return await self.send(event.channel.id, message)  # a chat message: answered in place

    async def reply_private(self, event: Event, message: Rich) -> Delivery:
        """Ephemeral when answering an interaction; otherwise (a chat message) a direct message."""
        if isinstance(event.handle, _Answer):
            return await self._answer(event.handle, render(message), ephemeral=True)
        return await self.dm(event.actor.id, message, community_id=event.community.id)

    async def defer(self, event: Event, *, private: bool) -> None:
        if isinstance(event.handle, _Answer):
            await self._defer(event.handle, private=private)

    async def leave(self, event: Event) -> bool:
        """Leave the server the request came from."""
        guild = self._guild(event.community.id)
        if guild is None:
            return False
        try:
            await guild.leave()
        except discord.HTTPException as exc:
            _log.warning("could not leave server %s (HTTP %s)", guild.id, exc.status)
            return False
        _log.info("left server %s at an admin's request", guild.id)
        return True

    async def _post(self, channel_id: str, message: Rich) -> tuple[Delivery, discord.Message | None]:
        snowflake = snowflake_of(channel_id)
        if snowflake is None:
            return Delivery.failed("not a Discord channel"), None
        client = self.client
        channel = client.get_channel(snowflake)
        target = channel if isinstance(channel, discord.abc.Messageable) else client.get_partial_messageable(snowflake)
        try:
            sent = await target.send(**_send_kwargs(render(message)))
        except discord.Forbidden as exc:
            _log.warning("no permission to post in channel %s (code %s); an admin can grant it", snowflake, exc.code)
            return Delivery.failed("missing permission"), None
        except discord.NotFound:
            _log.warning("channel %s no longer exists; the message was not posted", snowflake)
            return Delivery.failed("channel not found"), None
        except discord.HTTPException as exc:
            _log.warning("posting in channel %s failed (HTTP %s, code %s)", snowflake, exc.status, exc.code)
            return Delivery.failed("discord error"), None
        return Delivery.ok(MessageRef(channel_id, str(sent.id), sent.jump_url)), sent

    async def send(self, channel_id: str, message: Rich) -> Delivery:
        delivery, _sent = await self._post(channel_id, message)
        return delivery

    async def start_thread(self, channel_id: str, title: str, message: Rich) -> Delivery:
        """Post the message and open a thread on it; follow-ups go to the thread (else to the channel)."""
        delivery, sent = await self._post(channel_id, message)
        if sent is None:
            return delivery
        try:
            thread = await sent.create_thread(name=title.strip()[:100] or _("Circle"))
        except (discord.HTTPException, ValueError) as exc:
            _log.warning(
                "could not open a thread in channel %s (%s); following up in the channel itself",
                sent.channel.id,
                getattr(exc, "code", type(exc).__name__),
            )
            return delivery
        return Delivery.ok(MessageRef(qualify(thread.id), str(sent.id), sent.jump_url))

    async def dm(self, member_id: str, message: Rich, *, community_id: str | None = None) -> Delivery:
        snowflake = snowflake_of(member_id)
        if snowflake is None:
            return Delivery.failed("not a Discord member")
        route = snowflake_of(community_id) if community_id else None
        try:
            channel = await self.client.create_dm(discord.Object(snowflake))
            sent = await channel.send(**_send_kwargs(render(message), route))
        except discord.Forbidden as exc:
            reason = "direct messages closed" if exc.code == 50007 else "missing permission"
            _log.info("a direct message was not delivered: %s", reason)
            return Delivery.failed(reason)
        except discord.HTTPException as exc:
            _log.warning("a direct message failed (HTTP %s, code %s)", exc.status, exc.code)
            return Delivery.failed("discord error")
        return Delivery.ok(MessageRef(qualify(channel.id), str(sent.id), sent.jump_url))

    # -- typed references -----------------------------------------------------------------------------------
    def _guild(self, community_id: str) -> discord.Guild | None:
        snowflake = snowflake_of(community_id)
        return self.client.get_guild(snowflake) if snowflake is not None else None

    async def resolve_member(self, community_id: str, text: str) -> Member | None:
        guild = self._guild(community_id)
        typed = text.strip()
        m = _MEMBER_REF.match(typed)
        if m:
            user_id = int(m.group(1) or m.group(2))
            found = guild.get_member(user_id) if guild else None
            return Member(qualify(user_id), found.display_name if found else "")
        named = guild.get_member_named(typed.removeprefix("@")) if guild else None
        return Member(qualify(named.id), named.display_name) if named else None

    async def resolve_channel(self, community_id: str, text: str) -> Channel | None:
        guild = self._guild(community_id)
        if guild is None:
            return None
        typed = text.strip()
        m = _CHANNEL_REF.match(typed)
        found = (
            guild.get_channel(int(m.group(1) or m.group(2)))
            if m
            else discord.utils.get(guild.text_channels, name=typed.removeprefix("#"))
        )
        return Channel(qualify(found.id), found.name) if found else None


async def shipped_specs(settings: Settings) -> list[CommandSpec]:
    """Every cog's commands, read from the registry without starting anything (no jobs, no migrations)."""
    from bot.cogs import all_cogs
    from bot.core.clock import ManualClock
    from bot.core.runtime import Runtime
    from bot.core.scheduler import ManualScheduler
    from bot.store.db import Database

    clock = ManualClock()
    db = Database.open(":memory:")
    try:
        rt = Runtime(settings=settings, db=db, clock=clock, scheduler=ManualScheduler(clock))
        for cls in all_cogs():
            rt.registry.add(cls(rt))
        return rt.registry.specs()
    finally:
        await db.close()


async def sync_commands(settings: Settings, *, guild_id: int | None = None) -> int:
    """`circlebot discord sync [--guild ID]`: upload the slash commands once, not at every start.

    A guild sync shows at once (for development); a global one can take up to an hour to reach every server.
    """
    token = settings.secrets.discord_token
    if not token:
        print("DISCORD_TOKEN is not set (in the environment or .env); nothing to sync.")
        return 2
    commands = build_commands(await shipped_specs(settings))
    client = discord.Client(intents=discord.Intents.none())
    try:
        await client.login(token)
        app_id = settings.config.discord.application_id or client.application_id
        assert app_id is not None
        if guild_id is None:
            await client.http.bulk_upsert_global_commands(app_id, commands.payload)
        else:
            await client.http.bulk_upsert_guild_commands(app_id, guild_id, commands.payload)
    except discord.HTTPException as exc:
        print(f"Discord refused the commands (HTTP {exc.status}, code {exc.code}): {exc.text}")
        return 1
    finally:
        await client.close()
    where = f"server {guild_id} (visible now)" if guild_id else "every server (may take up to an hour to show)"
    print(f"Synced {len(commands.payload)} slash commands ({len(commands.routes)} in all) to {where}.")
    return 0
