"""The Matrix adapter: matrix-nio IO around the pure translation in ``matrix_wire``."""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import io
import json
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    JoinResponse,
    LocalProtocolError,
    LoginResponse,
    MegolmEvent,
    ProfileGetResponse,
    RoomCreateResponse,
    RoomGetEventResponse,
    RoomLeaveResponse,
    RoomPreset,
    RoomSendResponse,
    SyncResponse,
    UploadFilterResponse,
    UploadResponse,
    WhoamiResponse,
)
from nio.crypto import ENCRYPTION_ENABLED

from bot.adapters import matrix_wire as wire
from bot.adapters.matrix_session import SessionStore
from bot.core.events import ButtonPress, ChatMessage, Event
from bot.core.i18n import _
from bot.core.messages import Attachment, Delivery, MessageRef, Rich
from bot.core.model import Channel, Community, Member, Standing

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.core.commands import Registry
    from bot.core.runtime import Runtime

__all__ = ["E2E_AVAILABLE", "MatrixAdapter"]

_log = logging.getLogger(__name__)

E2E_AVAILABLE: bool = ENCRYPTION_ENABLED
# Big enough that a burst while the bot was down is not cut short ("limited") and lost.
_SYNC_FILTER: dict[str, Any] = {"room": {"timeline": {"limit": 200}}}
_LONG_POLL_MS = 30_000
_MAX_BACKOFF_S = 60.0
_BUTTON_CACHE = 500

CANNOT_READ_NO_E2E = _(
    "I can't read encrypted messages: I'm running without encryption support, so I won't see commands in this "
    "room. Please talk to me in an unencrypted room, or ask whoever runs me to install circlebot[e2e]."
)
CANNOT_READ_KEYS = _(
    "I couldn't read a message here because I don't have its key. If you sent me a command, please send it "
    "again; if this keeps happening, ask whoever runs me to check my encryption store."
)

Job = Callable[[], Awaitable[None]]


class MatrixAdapter:
    """One bot account on one homeserver. Members type ``!commands``; replies go in the room or thread, private
    answers in a direct room; buttons become reactions."""

    platform = wire.PLATFORM
    button_lifetime = timedelta(days=2)  # reactions on older bot messages are ignored

    def __init__(self, settings: Settings) -> None:
        self.config = settings.config.matrix
        self.secrets = settings.secrets
        self.prefix = self.config.prefix
        if not (self.config.homeserver and self.config.user_id):
            raise ValueError("[matrix] homeserver and user_id are required")
        self.homeserver: str = self.config.homeserver
        self.user_id: str = self.config.user_id
        self.session = SessionStore(Path(self.config.store_path))
        self.e2e = E2E_AVAILABLE
        self.client = self._new_client()
        self.rt: Runtime | None = None
        self._queue: asyncio.Queue[Job] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._synced = asyncio.Condition()
        self._direct: dict[str, list[str]] = {}
        self._buttons: OrderedDict[str, tuple[dict[str, Any], int]] = OrderedDict()
        self._latest_buttons: dict[str, str] = {}
        self._creators: dict[str, frozenset[str]] = {}
        self._command_words: frozenset[str] = frozenset()
        self._filter_id: str | None = None
        # After a restart nio knows no room state: the first sync asks for all of it (power levels, members,
        # encryption), along with the events missed while down.
        self._need_full_state = True

    def _new_client(self) -> AsyncClient:
        config = AsyncClientConfig(
            encryption_enabled=self.e2e,
            store_sync_tokens=False,  # our own session file keeps the token, with or without encryption
            max_limit_exceeded=None,  # M_LIMIT_EXCEEDED: wait retry_after_ms and retry, however often
        )
        store = str(self.session.directory) if self.e2e else ""
        if self.e2e:
            self.session.directory.mkdir(parents=True, exist_ok=True)
        return AsyncClient(self.homeserver, self.user_id, store_path=store, config=config)

    # -- life ----------------------------------------------------------------------------------------------
    def command_label(self, name: str) -> str:
        return self.prefix + name

    def owns(self, community_id: str) -> bool:
        """One process per bot account: every Matrix community it is in is this process's."""
        return community_id.startswith(f"{wire.PLATFORM}:")

    async def register_commands(self, registry: Registry) -> None:
        """Typed ``!commands`` are parsed against the registry when they arrive; only the first words are kept,
        to tell our commands from other bots' in a shared room."""
        self._command_words = frozenset(name.split()[0] for name in registry.names())

    async def start(self, rt: Runtime) -> None:
        self.rt = rt
        if not self.e2e:
            _log.warning("matrix: no encryption support (install circlebot[e2e]); encrypted rooms are unreadable")
        await self._login()
        self._direct = await self._account_data("m.direct")
        answer = await self.client.upload_filter(**_SYNC_FILTER)
        self._filter_id = answer.filter_id if isinstance(answer, UploadFilterResponse) else None
        if not self.session.state.next_batch:
            await self._first_sync()
        self._tasks = [
            asyncio.create_task(self._sync_loop(), name="matrix-sync"),
            asyncio.create_task(self._worker(), name="matrix-worker"),
        ]
        _log.info("matrix: connected as %s", self.user_id)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:
                _log.exception("matrix: %s ended with an error", task.get_name())
        self._tasks = []
        await self.client.close()
        self.rt = None

    async def _login(self) -> None:
        state = self.session.state
        token = self.secrets.matrix_access_token
        if token:
            self.client.access_token = token
            who = await self.client.whoami()
            if not isinstance(who, WhoamiResponse) or not who.device_id:
                raise RuntimeError(f"matrix: the access token was refused ({who})")
            device_id = who.device_id
            self._check_crypto_store(device_id)
            self.client.restore_login(self.user_id, device_id, token)
        else:
            if not self.secrets.matrix_password:
                raise RuntimeError("matrix: set MATRIX_ACCESS_TOKEN (or MATRIX_PASSWORD) in the environment")
            if state.device_id:
                self._check_crypto_store(state.device_id)
            answer = await self.client.login(
                self.secrets.matrix_password,
                device_name=self.config.device_name,
                device_id=state.device_id or None,
            )
            if not isinstance(answer, LoginResponse):
                raise RuntimeError(f"matrix: login failed ({answer})")
            device_id = answer.device_id
        if state.device_id and state.device_id != device_id:
            _log.warning(
                "matrix: now device %s (was %s): members' clients will see a new device", device_id, state.device_id
            )
        self.session.update(user_id=self.user_id, device_id=device_id, had_crypto=state.had_crypto or self.e2e)

    def _check_crypto_store(self, device_id: str) -> None:
        """Losing the crypto store must be loud: encrypted rooms go silent without it."""
        state = self.session.state
        store = self.session.directory / f"{self.user_id}_{device_id}.db"
        if self.e2e and state.had_crypto and state.device_id == device_id and not store.exists():
            _log.error(
                "matrix: the encryption store %s is MISSING. This device's keys are lost: the bot cannot read "
                "old encrypted messages, and members' clients may refuse to share keys with it. Restore the "
                "store, or log in as a new device and ask room admins to re-verify it.",
                store,
            )

    async def _first_sync(self) -> None:
        """The very first start: learn the rooms and where 'now' is, but answer nothing said before it."""
        answer = await self.client.sync(timeout=0, sync_filter=self._filter_id)
        if not isinstance(answer, SyncResponse):
            raise RuntimeError(f"matrix: first sync failed ({answer})")
        self.session.update(next_batch=answer.next_batch)
        self._need_full_state = False
        await self._handle_invites(answer)

    # -- receiving -----------------------------------------------------------------------------------------
    async def _sync_loop(self) -> None:
        """Long-poll forever; on errors wait 1, 2, 4... up to 60 s and try again."""
        backoff = 1.0
        while True:
            try:
                answer = await self.client.sync(
                    timeout=_LONG_POLL_MS, sync_filter=self._filter_id, since=self.session.state.next_batch,
                    full_state=self._need_full_state or None,
                )
            except asyncio.CancelledError:
                raise
            except Exception:
                _log.exception("matrix: sync failed; retrying in %.0f s", backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, _MAX_BACKOFF_S)
                continue
            if not isinstance(answer, SyncResponse):
                _log.warning("matrix: sync refused (%s); retrying in %.0f s", answer, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, _MAX_BACKOFF_S)
                continue
            backoff = 1.0
            self._need_full_state = False
            # Saved before handling: a crash mid-batch skips a command rather than running it twice.
            self.session.update(next_batch=answer.next_batch)
            await self._handle_invites(answer)
            await self._handle_timeline(answer)
            await self._crypto_chores()
            async with self._synced:
                self._synced.notify_all()

    async def _crypto_chores(self) -> None:
        """What nio's sync_forever does between syncs: share our keys and fetch others'."""
        if self.client.olm is None:
            return
        await self.client.send_to_device_messages()
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        if self.client.should_query_keys:
            await self.client.keys_query()
        if self.client.should_claim_keys:
            await self.client.keys_claim(self.client.get_users_for_key_claiming())

    async def _worker(self) -> None:
        """Handles inbound events one at a time, in order, while syncing goes on."""
        while True:
            job = await self._queue.get()
            try:
                await job()
            except Exception:
                _log.exception("matrix: handling an event failed")

    async def _handle_invites(self, answer: SyncResponse) -> None:
        for room_id, info in answer.rooms.invite.items():
            invite = next(
                (
                    e
                    for e in info.invite_state
                    if isinstance(e, InviteMemberEvent) and e.state_key == self.user_id and e.membership == "invite"
                ),
                None,
            )
            if invite is None:
                continue
            if not wire.inviter_allowed(invite.sender, self.config.allowed_homeservers, wire.server_of(self.user_id)):
                _log.info("matrix: declining an invite from a homeserver that is not allowed")
                await self.client.room_leave(room_id)
                continue
            joined = await self.client.join(room_id)
            if not isinstance(joined, JoinResponse):
                _log.warning("matrix: could not join a room I was invited to (%s)", joined)
                continue
            if invite.content.get("is_direct"):
                await self._remember_direct(invite.sender, room_id)

    async def _handle_timeline(self, answer: SyncResponse) -> None:
        for room_id, info in answer.rooms.join.items():
            room = self.client.rooms.get(room_id)
            if room is None:
                continue
            for event in info.timeline.events:
                if getattr(event, "sender", None) == self.user_id:
                    continue
                job = self._translate(room, event)
                if job is not None:
                    self._queue.put_nowait(job)
            if room.encrypted and not self.e2e and room_id not in self.session.state.warned_unreadable:
                self._queue.put_nowait(functools.partial(self._warn_unreadable, room_id, CANNOT_READ_NO_E2E))

    def _translate(self, room: Any, event: Any) -> Job | None:
        """A timeline event as work for the core: a command, a button press, a chat message, or nothing."""
        if isinstance(event, MegolmEvent):
            return lambda: self._undecryptable(room.room_id, event)
        source: Mapping[str, Any] = event.source if isinstance(event.source, dict) else {}
        content = source.get("content")
        if not isinstance(content, dict):
            return None
        if source.get("type") == "m.reaction":
            reaction = wire.reaction_of(content)
            return (lambda: self._reaction(room, event.sender, *reaction)) if reaction else None
        body = content.get("body")
        # m.notice is how other bots talk: never answer it, or two bots can talk forever.
        if source.get("type") != "m.room.message" or content.get("msgtype") not in ("m.text", "m.emote"):
            return None
        if not isinstance(body, str) or wire.is_edit(content):
            return None  # an edit is not a new command (and its text was already seen)
        origin = wire.origin_of(room.room_id, source, self._is_direct(room))
        line = wire.command_line(body, self.prefix)
        if line is not None and wire.looks_like_ours(line, self._command_words):
            return lambda: self._command(room, origin, line)
        number = wire.number_reply(body)
        if number is not None:
            target = wire.reply_target(content) or (self._latest_buttons.get(room.room_id) if origin.direct else None)
            if target is not None:
                return lambda: self._numbered(room, origin, target, number)
        return lambda: self._chat(room, origin, body)

    async def _power(self, room: Any, user_id: str) -> int:
        levels = room.power_levels
        if room.room_id not in self._creators:
            self._creators[room.room_id] = await self._room_creators(room.room_id)
        return wire.effective_power(
            user_id, levels.users, levels.defaults.users_default, room.room_version, self._creators[room.room_id]
        )

    async def _room_creators(self, room_id: str) -> frozenset[str]:
        """Who created the room (the create event's sender and its additional_creators): read once per room."""
        answer = await self.client.room_get_state(room_id)
        for event in getattr(answer, "events", []):
            if isinstance(event, dict) and event.get("type") == "m.room.create":
                extra = event.get("content", {}).get("additional_creators", [])
                return frozenset([str(event.get("sender", "")), *extra])
        return frozenset()

    async def _event_fields(self, room: Any, origin: wire.Origin) -> dict[str, Any]:
        """The Event fields every inbound item shares: community, channel, actor, standing, handle."""
        home = room
        if origin.direct and not self.config.space:
            home = self.client.rooms.get(self.session.state.direct_about.get(room.room_id, "")) or room
        power = await self._power(home, origin.sender)
        community = self.config.space or home.room_id
        root = origin.thread_root
        channel = wire.thread_channel(room.room_id, root) if root else wire.qualify(room.room_id)
        return {
            "community": Community(wire.qualify(community), home.display_name if not self.config.space else ""),
            "channel": Channel(channel, room.display_name, direct=origin.direct,
                               parent_id=wire.qualify(room.room_id) if root else None),
            "actor": Member(wire.qualify(origin.sender), room.user_name(origin.sender) or ""),
            "standing": wire.standing_from_power(power, self.config.admin_power, self.config.facilitator_power),
            "handle": origin,
        }

    async def _command(self, room: Any, origin: wire.Origin, line: str) -> None:
        assert self.rt is not None
        await self.rt.handle_text_command(line, **await self._event_fields(room, origin))

    async def _chat(self, room: Any, origin: wire.Origin, text: str) -> None:
        assert self.rt is not None
        ref = MessageRef(wire.qualify(room.room_id), origin.event_id)
        await self.rt.handle(ChatMessage(text=text, ref=ref, **await self._event_fields(room, origin)))

    async def _reaction(self, room: Any, sender: str, target: str, key: str) -> None:
        content = await self._our_buttons(room.room_id, target)
        action = wire.press_for(content, key=key, presser=sender) if content else None
        await self._press(room, sender, target, action, content)

    async def _numbered(self, room: Any, origin: wire.Origin, target: str, number: int) -> None:
        content = await self._our_buttons(room.room_id, target)
        action = wire.press_for(content, number=number, presser=origin.sender) if content else None
        if content is None:
            await self._chat(room, origin, str(number))  # a number that answers nothing of ours is just chat
            return
        await self._press(room, origin.sender, target, action, content)

    async def _press(
        self, room: Any, sender: str, target: str, action: str | None, content: dict[str, Any] | None
    ) -> None:
        if action is None:
            return  # someone else's button, an unknown key, or an old message: ignored on purpose
        assert self.rt is not None
        origin = wire.Origin(room.room_id, target, sender, None, self._is_direct(room))
        ref = MessageRef(wire.qualify(room.room_id), target)
        fields = await self._event_fields(room, origin)
        about = wire.community_of(content) if origin.direct else None
        home = self.client.rooms.get(wire.unqualify(about)) if about else None
        if about is not None and home is not None:
            # A press in a direct room belongs to the community the message was about, with the presser's
            # standing there (a facilitator approving a suggestion from their direct room is still one).
            power = await self._power(home, sender)
            fields["community"] = Community(about, home.display_name)
            fields["standing"] = wire.standing_from_power(power, self.config.admin_power, self.config.facilitator_power)
        await self.rt.handle(ButtonPress(action=action, ref=ref, **fields))

    async def _our_buttons(self, room_id: str, event_id: str) -> dict[str, Any] | None:
        """The content of our own message with buttons, if it is ours and recent enough to still be pressed."""
        cached = self._buttons.get(event_id)
        if cached is None:
            cached = await self._fetch_buttons(room_id, event_id)
        if cached is None:
            return None
        content, sent_ms = cached
        if time.time() * 1000 - sent_ms > self.button_lifetime.total_seconds() * 1000:
            return None
        return content

    async def _fetch_buttons(self, room_id: str, event_id: str) -> tuple[dict[str, Any], int] | None:
        """After a restart the cache is empty: the buttons live in the message itself, so read it back."""
        answer = await self.client.room_get_event(room_id, event_id)
        if not isinstance(answer, RoomGetEventResponse):
            return None
        event = answer.event
        if isinstance(event, MegolmEvent) and self.client.olm is not None:
            try:
                event = self.client.decrypt_event(event)
            except Exception:
                return None
        source = event.source if isinstance(event.source, dict) else {}
        content = source.get("content")
        if event.sender != self.user_id or not isinstance(content, dict) or wire.BUTTONS_KEY not in content:
            return None
        entry = (content, int(event.server_timestamp))
        self._cache_buttons(event_id, entry)
        return entry

    def _cache_buttons(self, event_id: str, entry: tuple[dict[str, Any], int]) -> None:
        self._buttons[event_id] = entry
        while len(self._buttons) > _BUTTON_CACHE:
            self._buttons.popitem(last=False)

    async def _undecryptable(self, room_id: str, event: Any) -> None:
        if self.client.olm is not None:
            try:
                await self.client.request_room_key(event)
            except Exception:
                _log.debug("matrix: key request failed", exc_info=True)
        await self._warn_unreadable(room_id, CANNOT_READ_KEYS if self.e2e else CANNOT_READ_NO_E2E)

    async def _warn_unreadable(self, room_id: str, text: str) -> None:
        """Say once per room (across restarts) that the bot cannot read there, instead of going silent."""
        warned = self.session.state.warned_unreadable
        if room_id in warned:
            return
        self.session.update(warned_unreadable=(*warned, room_id))
        _log.warning("matrix: cannot read encrypted messages in a room; told the room once")
        await self._send_content(room_id, {"msgtype": "m.notice", "body": text})

    # -- direct rooms --------------------------------------------------------------------------------------
    def _is_direct(self, room: Any) -> bool:
        return any(room.room_id in rooms for rooms in self._direct.values())

    async def _account_data(self, kind: str) -> dict[str, list[str]]:
        path = f"/_matrix/client/v3/user/{quote(self.user_id)}/account_data/{kind}"
        response = await self.client.send("GET", path, None, self._auth())
        if response.status != 200:
            return {}
        data = await response.json()
        return {k: [r for r in v if isinstance(r, str)] for k, v in data.items() if isinstance(v, list)}

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.client.access_token}", "Content-Type": "application/json"}

    async def _remember_direct(self, user_id: str, room_id: str) -> None:
        """Record a direct room in m.direct, as clients do, so it is found again (also after a restart)."""
        rooms = self._direct.setdefault(user_id, [])
        if room_id in rooms:
            return
        rooms.insert(0, room_id)
        path = f"/_matrix/client/v3/user/{quote(self.user_id)}/account_data/m.direct"
        response = await self.client.send("PUT", path, json.dumps(self._direct), self._auth())
        if response.status != 200:
            _log.warning("matrix: could not record a direct room (%s)", response.status)

    def _usable_direct(self, user_id: str) -> str | None:
        """A direct room with the member that both of us are still in (or they are invited to)."""
        for room_id in self._direct.get(user_id, []):
            room = self.client.rooms.get(room_id)
            if room is not None and (user_id in room.users or user_id in room.invited_users):
                return room_id
        return None

    async def _direct_room(self, user_id: str) -> str | Delivery:
        """The member's direct room, created (is_direct, trusted private chat) when there is none yet."""
        existing = self._usable_direct(user_id)
        if existing:
            return existing
        profile = await self.client.get_profile(user_id)
        if not isinstance(profile, ProfileGetResponse):  # Synapse accepts invites to accounts that do not exist
            _log.info("matrix: no such member to open a direct room with")
            return Delivery.failed("member not found")
        answer = await self.client.room_create(is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat)
        if not isinstance(answer, RoomCreateResponse):
            _log.info("matrix: could not open a direct room (%s)", getattr(answer, "status_code", "error"))
            return Delivery.failed("invite failed")
        await self._remember_direct(user_id, answer.room_id)
        return str(answer.room_id)

    # -- sending -------------------------------------------------------------------------------------------
    def _names(self, room_id: str) -> Callable[[str], str]:
        room = self.client.rooms.get(room_id)
        return lambda user: (room.user_name(user) if room else None) or user

    async def _wait_for_room(self, room_id: str, within: float = 10.0) -> None:
        """nio encrypts only for rooms a sync has shown it; a room we just created needs one sync."""
        async with self._synced:
            await asyncio.wait_for(self._synced.wait_for(lambda: room_id in self.client.rooms), within)

    async def _send_content(self, room_id: str, content: dict[str, Any], kind: str = "m.room.message") -> Delivery:
        """Send once: one transaction id per message, so nio's retries (timeouts, 429s) never post it twice."""
        tx_id = str(uuid.uuid4())
        try:
            if self.client.olm is not None and room_id not in self.client.rooms:
                await self._wait_for_room(room_id)
            answer = await self.client.room_send(room_id, kind, content, tx_id=tx_id, ignore_unverified_devices=True)
        except (LocalProtocolError, TimeoutError) as exc:
            _log.warning("matrix: could not send to a room (%s)", type(exc).__name__)
            return Delivery.failed("room not available")
        if not isinstance(answer, RoomSendResponse):
            _log.warning("matrix: a send was refused (%s)", getattr(answer, "status_code", "error"))
            return Delivery.failed(str(getattr(answer, "status_code", None) or "refused"))
        link = f"https://matrix.to/#/{room_id}/{answer.event_id}"
        return Delivery.ok(MessageRef(wire.qualify(room_id), str(answer.event_id), link))

    async def _post(
        self, room_id: str, message: Rich, relation: dict[str, Any] | None = None, community_id: str | None = None
    ) -> Delivery:
        """A rich message, then its files, then a reaction per button on it. In a direct room, ``community_id``
        is kept in the message beside its buttons, so a press there comes back with the community it is about."""
        content = wire.message_content(message, self._names(room_id))
        if relation:
            content["m.relates_to"] = relation
        if community_id and wire.BUTTONS_KEY in content:
            content[wire.COMMUNITY_KEY] = community_id
        about = wire.unqualify(community_id) if community_id else None
        if about and about != room_id and self.session.state.direct_about.get(room_id) != about:
            self.session.update(direct_about={**self.session.state.direct_about, room_id: about})
        delivery = await self._send_content(room_id, content)
        if not delivery.delivered or delivery.ref is None:
            return delivery
        for attachment in message.files:
            await self._send_file(room_id, attachment, relation)
        if wire.BUTTONS_KEY in content:
            event_id = delivery.ref.message_id
            self._cache_buttons(event_id, (content, int(time.time() * 1000)))
            self._latest_buttons[room_id] = event_id
            for spec in content[wire.BUTTONS_KEY]:
                relates = {"rel_type": "m.annotation", "event_id": event_id, "key": spec["key"]}
                await self._send_content(room_id, {"m.relates_to": relates}, "m.reaction")
        return delivery

    async def _send_file(self, room_id: str, attachment: Attachment, relation: dict[str, Any] | None) -> None:
        room = self.client.rooms.get(room_id)
        encrypt = bool(room and room.encrypted and self.client.olm is not None)
        answer, keys = await self.client.upload(
            io.BytesIO(attachment.data),
            content_type=attachment.mime,
            filename=attachment.filename,
            encrypt=encrypt,
            filesize=len(attachment.data),
        )
        if not isinstance(answer, UploadResponse):
            _log.warning("matrix: a file upload failed (%s)", getattr(answer, "status_code", "error"))
            return
        content = wire.file_content(attachment, answer.content_uri, keys)
        if relation:
            content["m.relates_to"] = relation
        await self._send_content(room_id, content)

    async def reply(self, event: Event, message: Rich, *, ephemeral: bool = False) -> Delivery:
        """In the room, threaded like the command was (Matrix has no ephemeral messages: in place)."""
        origin = event.handle
        if not isinstance(origin, wire.Origin):
            return await self.send(event.channel.id, message)
        return await self._post(origin.room_id, message, wire.reply_relation(origin))

    async def reply_private(self, event: Event, message: Rich) -> Delivery:
        """In the direct room with the member: here if we are already in it, else in (a new) one."""
        origin = event.handle
        if isinstance(origin, wire.Origin) and origin.direct and wire.unqualify(event.actor.id) == origin.sender:
            return await self._post(origin.room_id, message, wire.reply_relation(origin), event.community.id)
        return await self.dm(event.actor.id, message, community_id=event.community.id)

    async def send(self, channel_id: str, message: Rich) -> Delivery:
        """In a room, or in a thread when the channel is one (see ``start_thread``)."""
        room_id, root = wire.split_channel(channel_id)
        return await self._post(room_id, message, wire.thread_relation(root) if root else None)

    async def start_thread(self, channel_id: str, title: str, message: Rich) -> Delivery:
        """The message, titled, becomes a thread root; follow-ups sent to ``ref.channel_id`` go in the thread."""
        room_id, _root = wire.split_channel(channel_id)
        delivery = await self._post(room_id, dataclasses.replace(message, title=message.title or title))
        if not delivery.delivered or delivery.ref is None:
            return delivery
        ref = delivery.ref
        thread = MessageRef(wire.thread_channel(room_id, ref.message_id), ref.message_id, ref.link)
        return Delivery.ok(thread)

    async def dm(self, member_id: str, message: Rich, *, community_id: str | None = None) -> Delivery:
        room = await self._direct_room(wire.unqualify(member_id))
        if isinstance(room, Delivery):
            return room
        return await self._post(room, message, community_id=community_id)

    async def defer(self, event: Event, *, private: bool) -> None:
        """Nothing to acknowledge on Matrix; the answer simply follows."""

    async def leave(self, event: Event) -> bool:
        """Leave the room the request came from (in a space, the other rooms stay)."""
        origin = event.handle
        if not isinstance(origin, wire.Origin) or origin.direct:
            return False
        answer = await self.client.room_leave(origin.room_id)
        _log.info("matrix: left a room at an admin's request")
        return isinstance(answer, RoomLeaveResponse)

    # -- lookups -------------------------------------------------------------------------------------------
    def _rooms_of(self, community_id: str) -> list[Any]:
        target = wire.unqualify(community_id)
        if self.config.space and target == self.config.space:
            return list(self.client.rooms.values())
        room = self.client.rooms.get(target)
        return [room] if room else []

    async def resolve_member(self, community_id: str, text: str) -> Member | None:
        """A mention pill, a user id, a display name or a localpart, among the community's rooms."""
        key = text.strip().removeprefix("<@").removesuffix(">").removeprefix(f"{wire.PLATFORM}:")
        rooms = self._rooms_of(community_id)
        for room in rooms:
            for user_id, user in room.users.items():
                names = {
                    user_id.casefold(),
                    (user.display_name or "").casefold(),
                    user_id.partition(":")[0].removeprefix("@").casefold(),
                }
                if key.casefold().removeprefix("@") in {n.removeprefix("@") for n in names if n}:
                    return Member(wire.qualify(user_id), user.display_name or user_id)
        return None

    async def resolve_channel(self, community_id: str, text: str) -> Channel | None:
        """A room id, an alias or a room name, among the rooms the bot is in."""
        key = text.strip().removeprefix(f"{wire.PLATFORM}:")
        if key.startswith("#") and ":" in key:
            answer = await self.client.room_resolve_alias(key)
            key = getattr(answer, "room_id", key)
        for room in self._rooms_of(community_id) or list(self.client.rooms.values()):
            if key in (room.room_id, room.display_name, room.canonical_alias):
                return Channel(wire.qualify(room.room_id), room.display_name)
        return None

    async def standing_of(self, room_id: str, user_id: str) -> Standing:
        """A member's standing in a room from its power levels."""
        room = self.client.rooms.get(room_id)
        power = await self._power(room, user_id) if room else 0
        return wire.standing_from_power(power, self.config.admin_power, self.config.facilitator_power)
