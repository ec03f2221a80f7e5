"""A wire-level fake of Discord's REST API and gateway on 127.0.0.1, for the real discord.py client."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from aiohttp import BodyPartReader, WSMsgType, web

from .payloads import World, dm_channel, message, new_id, thread_channel

__all__ = [
    "API_PREFIX",
    "INTENT_MEMBERS",
    "INTENT_MESSAGE_CONTENT",
    "INTENT_PRESENCES",
    "FakeDiscord",
    "GatewaySession",
    "RecordedCall",
    "RecordedFile",
]

_log = logging.getLogger(__name__)

API_PREFIX: Final = "/api/v10"

INTENT_MEMBERS: Final = 1 << 1
INTENT_PRESENCES: Final = 1 << 8
INTENT_MESSAGE_CONTENT: Final = 1 << 15

# Privileged intent -> the application flags (full, limited) that allow it.
_PRIVILEGED: Final = {
    INTENT_PRESENCES: (1 << 12, 1 << 13),
    INTENT_MEMBERS: (1 << 14, 1 << 15),
    INTENT_MESSAGE_CONTENT: (1 << 18, 1 << 19),
}
_LIMITED_FLAGS: Final = (1 << 13) | (1 << 15) | (1 << 19)

_OP_DISPATCH, _OP_HEARTBEAT, _OP_IDENTIFY, _OP_RESUME = 0, 1, 2, 6
_OP_REQUEST_MEMBERS, _OP_HELLO, _OP_HEARTBEAT_ACK = 8, 10, 11


@dataclass(frozen=True)
class RecordedFile:
    """One uploaded file of a multipart request."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class RecordedCall:
    """One REST request as Discord would have received it."""

    method: str
    path: str  # relative to /api/v10, e.g. "/channels/123/messages"
    query: Mapping[str, str]
    json: Any  # the JSON body, or the `payload_json` part of a multipart body; None when empty
    files: tuple[RecordedFile, ...]
    received_at: float  # time.perf_counter() when the request arrived

    @property
    def body(self) -> dict[str, Any]:
        """The JSON body as a dict ({} when there was none)."""
        return self.json if isinstance(self.json, dict) else {}

    @property
    def message(self) -> dict[str, Any]:
        """The message part: `data` of an interaction callback, else the body itself."""
        data = self.body.get("data")
        return data if isinstance(data, dict) else self.body

    @property
    def ephemeral(self) -> bool:
        return bool(int(self.message.get("flags") or 0) & 64)


@dataclass
class GatewaySession:
    """One open gateway connection (one shard of the client)."""

    ws: web.WebSocketResponse
    session_id: str = field(default_factory=lambda: f"session-{new_id()}")
    shard: tuple[int, int] = (0, 1)
    intents: int = 0
    sequence: int = 0
    identified: asyncio.Event = field(default_factory=asyncio.Event)

    def owns(self, guild_id: int | None) -> bool:
        """Discord's shard formula: (guild_id >> 22) % shard_count; DMs go to shard 0."""
        shard_id, count = self.shard
        return (0 if guild_id is None else (guild_id >> 22) % count) == shard_id


_Handler = Callable[["re.Match[str]", RecordedCall], Awaitable[web.StreamResponse]]


def _json_response(data: Any, status: int = 200) -> web.Response:
    # discord.py parses JSON only when Content-Type is exactly "application/json" (no charset).
    return web.Response(body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"})


def _error(status: int, code: int, text: str) -> web.Response:
    return _json_response({"message": text, "code": code}, status)


class FakeDiscord:
    """Discord's REST API and gateway, enough of them for discord.py 2.x, recording every REST call.

    Start it, point `discord.http.Route.BASE` at `api_base` and `DiscordWebSocket.DEFAULT_GATEWAY`
    at `gateway_url` (the `fake` fixture does both), then run a real bot with `bot.start("token")`.
    """

    def __init__(self, world: World | None = None, *, shard_count: int = 1) -> None:
        self.world = world or World()
        self.shard_count = shard_count
        self.calls: list[RecordedCall] = []
        self.identifies: list[dict[str, Any]] = []
        self.sessions: list[GatewaySession] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # guild id (None: global) -> commands
        self.messages: dict[int, dict[str, Any]] = {}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.closed_dms: set[int] = set()  # users who refuse DMs from the bot (403 / 50007)
        self.forbidden_channels: set[int] = set()  # channels the bot may not post in (403 / 50013)
        self.deleted_channels: set[int] = set()  # channels gone (404 / 10003)
        self.app_flags = (1 << 15) | (1 << 19)  # members and message content allowed (limited)
        self.identify_close_code: int | None = None  # close every IDENTIFY with this code (4004: bad token)
        self._calls_changed = asyncio.Condition()
        self._connected = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._routes: list[tuple[str, re.Pattern[str], _Handler]] = []
        self._add_routes()

    # ------------------------------------------------------------------ life

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        # A client still connected at shutdown must not hold the test for aiohttp's default 60 s.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        for session in list(self.sessions):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(session.ws.close(code=1000), 0.5)
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self._port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    def allow_privileged(self, *, members: bool = True, message_content: bool = True) -> None:
        """Set what the developer portal would allow; an IDENTIFY asking for more is closed with 4014."""
        self.app_flags = (1 << 15 if members else 0) | (1 << 19 if message_content else 0)

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        session = GatewaySession(ws)
        self.sessions.append(session)
        await ws.send_json({"op": _OP_HELLO, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_gateway_message(session, json.loads(msg.data))
        finally:
            self.sessions.remove(session)
            if not any(s.identified.is_set() for s in self.sessions):
                self._connected.clear()
        return ws

    async def _on_gateway_message(self, session: GatewaySession, msg: dict[str, Any]) -> None:
        op, data = msg.get("op"), msg.get("d") or {}
        if op == _OP_HEARTBEAT:
            await session.ws.send_json({"op": _OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == _OP_IDENTIFY:
            await self._identify(session, data)
        elif op == _OP_RESUME:
            await self._send(session, "RESUMED", None)
            self._mark_identified(session)
        elif op == _OP_REQUEST_MEMBERS:
            await self._send(session, "GUILD_MEMBERS_CHUNK", self._members_chunk(data))

    async def _identify(self, session: GatewaySession, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        session.intents = int(data.get("intents", 0))
        shard = data.get("shard") or [0, 1]
        session.shard = (int(shard[0]), int(shard[1]))
        if self._disallowed_intents(session.intents):
            await session.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        if self.identify_close_code is not None:
            await session.ws.close(code=self.identify_close_code, message=b"Refused by the test.")
            return
        guild_id = self.world.guild_id
        ready = {
            "v": 10,
            "user": self.world.bot,
            "guilds": [{"id": str(guild_id), "unavailable": True}] if session.owns(guild_id) else [],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "shard": list(session.shard),
            "application": {"id": str(self.world.app_id), "flags": self.app_flags},
        }
        await self._send(session, "READY", ready)
        if session.owns(guild_id):
            await self._send(session, "GUILD_CREATE", {**self.world.guild_payload(), "unavailable": False})
        self._mark_identified(session)

    def _disallowed_intents(self, intents: int) -> int:
        refused = 0
        for intent, (full, limited) in _PRIVILEGED.items():
            if intents & intent and not self.app_flags & (full | limited):
                refused |= intent
        return refused

    def _members_chunk(self, data: dict[str, Any]) -> dict[str, Any]:
        wanted = {int(u) for u in data.get("user_ids") or []}
        members = [m for uid, m in self.world.members.items() if not wanted or uid in wanted]
        return {
            "guild_id": str(data.get("guild_id")),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "nonce": data.get("nonce"),
        }

    async def _send(self, session: GatewaySession, event: str, data: Any) -> float:
        session.sequence += 1
        payload = json.dumps({"op": _OP_DISPATCH, "t": event, "s": session.sequence, "d": data})
        sent_at = time.perf_counter()
        await session.ws.send_str(payload)
        return sent_at

    async def wait_connected(self) -> None:
        """Wait (at most 5 s) until every shard of the client has identified or resumed."""
        async with asyncio.timeout(5):
            await self._connected.wait()

    def _mark_identified(self, session: GatewaySession) -> None:
        session.identified.set()
        if len([s for s in self.sessions if s.identified.is_set()]) >= self.shard_count:
            self._connected.set()

    async def dispatch(self, event: str, payload: Any) -> float:
        """Send a gateway event to the shard that owns its guild; returns when it left (perf_counter)."""
        await self.wait_connected()
        guild_id = payload.get("guild_id") if isinstance(payload, dict) else None
        target = int(guild_id) if guild_id is not None else None
        session = next(s for s in self.sessions if s.identified.is_set() and s.owns(target))
        return await self._send(session, event, payload)

    async def join_guild(self) -> None:
        """The bot is added to the world's guild again (GUILD_CREATE without `unavailable`)."""
        await self.dispatch("GUILD_CREATE", self.world.guild_payload())

    async def leave_guild(self) -> None:
        """The bot is removed from the world's guild."""
        guild_id = str(self.world.guild_id)
        await self.dispatch("GUILD_DELETE", {"id": guild_id, "guild_id": guild_id})

    async def delete_channel(self, channel_id: int) -> None:
        """A channel is deleted: CHANNEL_DELETE, and posts to it answer 404 / 10003 from now on."""
        channel = self.world.channel(channel_id)
        self.world.channels.remove(channel)
        self.deleted_channels.add(channel_id)
        await self.dispatch("CHANNEL_DELETE", channel)

    # ------------------------------------------------------------------ recorded calls

    def calls_to(self, method: str, path_regex: str) -> list[RecordedCall]:
        pattern = re.compile(path_regex)
        return [c for c in self.calls if c.method == method and pattern.fullmatch(c.path)]

    async def wait_for_call(
        self,
        method: str,
        path_regex: str,
        timeout: float = 3.0,  # noqa: ASYNC109 - a per-call timeout reads best in a test
        *,
        start: int = 0,
    ) -> RecordedCall:
        """The first call (from index `start` of `calls`) whose method and whole path match."""
        pattern = re.compile(path_regex)

        def found() -> RecordedCall | None:
            for call in self.calls[start:]:
                if call.method == method and pattern.fullmatch(call.path):
                    return call
            return None

        async with self._calls_changed:
            try:
                await asyncio.wait_for(self._calls_changed.wait_for(lambda: found() is not None), timeout)
            except TimeoutError:
                seen = [f"{c.method} {c.path}" for c in self.calls[start:]]
                raise AssertionError(f"no {method} {path_regex} within {timeout}s; saw {seen}") from None
        call = found()
        assert call is not None
        return call

    # ------------------------------------------------------------------ REST

    def _route(self, method: str, path: str) -> Callable[[_Handler], _Handler]:
        def register(handler: _Handler) -> _Handler:
            self._routes.append((method, re.compile(path), handler))
            return handler

        return register

    async def _record(self, request: web.Request) -> RecordedCall:
        received = time.perf_counter()
        body: Any = None
        files: list[RecordedFile] = []
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue
                data = await part.read(decode=False)
                if part.name == "payload_json":
                    body = json.loads(data)
                else:
                    content_type = part.headers.get("Content-Type", "")
                    files.append(RecordedFile(part.name or "", part.filename or "", content_type, bytes(data)))
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        path = request.path[len(API_PREFIX) :]
        return RecordedCall(request.method, path, dict(request.query), body, tuple(files), received)

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        call = await self._record(request)
        async with self._calls_changed:
            self.calls.append(call)
            self._calls_changed.notify_all()
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(call.path)
            if match and method == call.method:
                return await handler(match, call)
        _log.warning("fake Discord has no route for %s %s", call.method, call.path)
        return _error(404, 0, f"404: Not Found (the fake has no route for {call.method} {call.path})")

    def _message_from(
        self, channel_id: int, body: Mapping[str, Any], files: tuple[RecordedFile, ...]
    ) -> dict[str, Any]:
        attachments = [
            {
                "id": str(new_id()),
                "filename": f.filename,
                "size": len(f.data),
                "url": f"https://cdn.example/{f.filename}",
                "proxy_url": f"https://media.example/{f.filename}",
                "content_type": f.content_type,
            }
            for f in files
        ]
        msg = message(
            channel_id=channel_id,
            author=self.world.bot,
            content=str(body.get("content") or ""),
            guild_id=None if channel_id in self.dm_channels.values() else self.world.guild_id,
            embeds=body.get("embeds") or (),
            components=body.get("components") or (),
            attachments=attachments,
            flags=int(str(body.get("flags") or 0)),
        )
        stored = dict(msg)
        self.messages[int(msg["id"])] = stored
        return stored

    def _add_routes(self) -> None:
        world = self.world
        route = self._route

        @route("GET", r"/users/@me")
        async def me(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(world.bot)

        @route("GET", r"/oauth2/applications/@me")
        async def app_info(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(
                {
                    "id": str(world.app_id),
                    "name": "circlebot",
                    "description": "",
                    "icon": None,
                    "bot_public": False,
                    "bot_require_code_grant": False,
                    "owner": world.users[world.owner_name],
                    "verify_key": "0" * 64,
                    "flags": self.app_flags,
                    "summary": "",
                    "team": None,
                }
            )

        @route("GET", r"/gateway(/bot)?")
        async def gateway(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 16}
            return _json_response({"url": self.gateway_url, "shards": self.shard_count, "session_start_limit": limit})

        @route("PUT", r"/applications/(\d+)/(?:guilds/(\d+)/)?commands")
        async def sync(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            guild_id = int(m.group(2)) if m.group(2) else None
            commands = [
                {"id": str(new_id()), "application_id": m.group(1), "version": str(new_id()), "type": 1, **c}
                | ({"guild_id": str(guild_id)} if guild_id else {})
                for c in call.json or []
            ]
            self.commands[guild_id] = commands
            return _json_response(commands)

        @route("GET", r"/applications/(\d+)/(?:guilds/(\d+)/)?commands")
        async def list_commands(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(self.commands.get(int(m.group(2)) if m.group(2) else None, []))

        @route("POST", r"/interactions/(\d+)/([^/]+)/callback")
        async def callback(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            kind = int(call.body.get("type", 0))
            answer: dict[str, Any] = {
                "interaction": {
                    "id": m.group(1),
                    "type": 2,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": call.ephemeral,
                }
            }
            if kind in (4, 5, 7):
                msg = self._message_from(world.channel_id, call.message, call.files)
                answer["interaction"]["response_message_id"] = msg["id"]
                answer["resource"] = {"type": kind, "message": msg}
            return _json_response(answer)

        @route("POST", r"/webhooks/(\d+)/([^/]+)")
        async def followup(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(self._message_from(world.channel_id, call.body, call.files))

        @route("PATCH", r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)")
        async def edit_followup(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(self._message_from(world.channel_id, call.body, call.files))

        @route("GET", r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)")
        async def get_followup(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return _json_response(self._message_from(world.channel_id, {}, ()))

        @route("DELETE", r"/webhooks/(\d+)/([^/]+)/messages/([^/]+)")
        async def delete_followup(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            return web.Response(status=204)

        @route("POST", r"/users/@me/channels")
        async def open_dm(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            recipient = int(call.body["recipient_id"])
            who = world.members.get(recipient)
            if who is None:
                return _error(400, 50033, "Invalid Recipient(s)")
            channel_id = self.dm_channels.setdefault(recipient, new_id())
            return _json_response(dm_channel(who["user"], id=channel_id))

        @route("POST", r"/channels/(\d+)/messages")
        async def post(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            channel_id = int(m.group(1))
            refused = self._refusal(channel_id)
            if refused is not None:
                return refused
            return _json_response(self._message_from(channel_id, call.body, call.files))

        @route("POST", r"/channels/(\d+)/messages/(\d+)/threads")
        async def thread(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            refused = self._refusal(int(m.group(1)))
            if refused is not None:
                return refused
            return _json_response(
                thread_channel(
                    str(call.body.get("name", "")),
                    parent_id=int(m.group(1)),
                    guild_id=world.guild_id,
                    owner_id=world.app_id,
                )
            )

        @route("PATCH", r"/channels/(\d+)/messages/(\d+)")
        async def edit(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            stored = self.messages.get(int(m.group(2)))
            if stored is None:
                return _error(404, 10008, "Unknown Message")
            stored.update({k: v for k, v in call.body.items() if k in ("content", "embeds", "components")})
            return _json_response(stored)

        @route("DELETE", r"/channels/(\d+)/messages/(\d+)")
        async def delete(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            self.messages.pop(int(m.group(2)), None)
            return web.Response(status=204)

        @route("GET", r"/channels/(\d+)")
        async def get_channel(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            wanted = m.group(1)
            for channel in world.channels:
                if channel["id"] == wanted:
                    return _json_response(channel)
            return _error(404, 10003, "Unknown Channel")

        @route("GET", r"/guilds/(\d+)/members/(\d+)")
        async def get_member(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            found = world.members.get(int(m.group(2)))
            return _json_response(found) if found else _error(404, 10007, "Unknown Member")

        @route("GET", r"/users/(\d+)")
        async def get_user(m: re.Match[str], call: RecordedCall) -> web.StreamResponse:
            found = world.members.get(int(m.group(1)))
            return _json_response(found["user"]) if found else _error(404, 10013, "Unknown User")

    def _refusal(self, channel_id: int) -> web.Response | None:
        """The error Discord gives for a post the bot may not make, if any."""
        if channel_id in self.deleted_channels:
            return _error(404, 10003, "Unknown Channel")
        if channel_id in self.forbidden_channels:
            return _error(403, 50013, "Missing Permissions")
        for user_id, dm_id in self.dm_channels.items():
            if dm_id == channel_id and user_id in self.closed_dms:
                return _error(403, 50007, "Cannot send messages to this user")
        return None
