"""A scripted Matrix member for the tests: a matrix-nio client that sends, reacts and waits for replies."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from nio import (
    AsyncClient,
    AsyncClientConfig,
    Event,
    MegolmEvent,
    RoomCreateResponse,
    RoomPreset,
    RoomSendResponse,
    SyncResponse,
    UploadFilterResponse,
)

from tests.matrix.synapse import RegisteredUser, SynapseServer

__all__ = ["Arrival", "MemberClient", "from_sender"]

_log = logging.getLogger(__name__)

# A limited sync drops the older events of a burst; tests must see every one of them.
_SYNC_FILTER: dict[str, Any] = {"room": {"timeline": {"limit": 1000}}}
_LONG_POLL_MS = 30_000


@dataclass(frozen=True)
class Arrival:
    """One timeline event as a member's client received it (decrypted when it could be)."""

    room_id: str
    event_id: str
    sender: str
    type: str
    content: dict[str, Any]
    undecryptable: bool = False
    was_encrypted: bool = False

    @property
    def body(self) -> str:
        body = self.content.get("body", "")
        return body if isinstance(body, str) else ""

    @property
    def relates_to(self) -> dict[str, Any]:
        relation = self.content.get("m.relates_to", {})
        return relation if isinstance(relation, dict) else {}


Predicate = Callable[[Arrival], bool]


def from_sender(sender: str, contains: str = "", type: str = "m.room.message") -> Predicate:
    """Match a message of `type` from `sender` whose body contains `contains`."""
    return lambda a: a.sender == sender and a.type == type and contains in a.body


class MemberClient:
    """One member's logged-in device. Start it, act, `wait_for` what should arrive, close it."""

    def __init__(self, server: SynapseServer, user: RegisteredUser, store_dir: Path | None = None) -> None:
        config = AsyncClientConfig(
            encryption_enabled=store_dir is not None,
            store_sync_tokens=False,
            max_limit_exceeded=None,
        )
        self.server = server
        self.user = user
        self.client = AsyncClient(
            server.base_url, user.user_id, user.device_id,
            store_path=str(store_dir) if store_dir else "", config=config,
        )
        self.client.restore_login(user.user_id, user.device_id, user.access_token)
        self.arrivals: list[Arrival] = []
        self._changed = asyncio.Event()
        self._sync_task: asyncio.Task[None] | None = None

    @property
    def user_id(self) -> str:
        return self.user.user_id

    async def start(self) -> None:
        """Upload the sync filter, do a first sync, then keep syncing in the background."""
        answer = await self.client.upload_filter(**_SYNC_FILTER)
        if not isinstance(answer, UploadFilterResponse):
            raise RuntimeError(f"filter upload failed: {answer}")
        self.client.add_event_callback(self._on_event, Event)
        self.client.add_event_callback(self._on_event, MegolmEvent)
        self.client.add_response_callback(self._on_sync, SyncResponse)
        self._sync_task = asyncio.create_task(
            self.client.sync_forever(timeout=_LONG_POLL_MS, sync_filter=answer.filter_id)
        )
        await self.client.synced.wait()

    async def close(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sync_task
        await self.client.close()

    def mark(self) -> int:
        """Where the timeline stands now, to wait only for what arrives after it."""
        return len(self.arrivals)

    async def _on_event(self, room: Any, event: Any) -> None:
        source = event.source if isinstance(event.source, dict) else {}
        self.arrivals.append(
            Arrival(
                room_id=room.room_id,
                event_id=event.event_id,
                sender=event.sender,
                type=source.get("type", ""),
                content=source.get("content", {}),
                undecryptable=isinstance(event, MegolmEvent),
                was_encrypted=bool(getattr(event, "decrypted", False)) or isinstance(event, MegolmEvent),
            )
        )
        self._notify()

    async def _on_sync(self, _response: Any) -> None:
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, check: Callable[[], Any], within: float, what: str) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            changed = self._changed
            found = check()
            if found:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"{self.user_id} waited {within} s for {what}; see {self.server.log_path}"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), remaining)

    async def wait_for(self, predicate: Predicate, within: float = 10.0, since: int = 0) -> Arrival:
        """The first event since `since` that matches, waiting for it to arrive."""

        def check() -> Arrival | None:
            return next((a for a in self.arrivals[since:] if predicate(a)), None)

        arrival: Arrival = await self._wait_until(check, within, "an event")
        return arrival

    async def wait_for_message(
        self, room_id: str, predicate: Predicate, within: float = 10.0, since: int = 0
    ) -> Arrival:
        return await self.wait_for(lambda a: a.room_id == room_id and predicate(a), within, since)

    async def wait_for_invite(self, room_id: str | None = None, within: float = 10.0) -> str:
        """The id of a room this member is invited to (a given one, or any)."""

        def check() -> str | None:
            rooms = self.client.invited_rooms
            if room_id is not None:
                return room_id if room_id in rooms else None
            return next(iter(rooms), None)

        found: str = await self._wait_until(check, within, f"an invite to {room_id or 'any room'}")
        return found

    async def join(self, room_id: str) -> None:
        _check(await self.client.join(room_id), "join")
        await self._wait_until(lambda: room_id in self.client.rooms, 10.0, f"joining {room_id}")

    async def send_text(self, room_id: str, body: str, **extra: Any) -> str:
        content = {"msgtype": "m.text", "body": body, **extra}
        return await self.send(room_id, "m.room.message", content)

    async def send(self, room_id: str, event_type: str, content: dict[str, Any]) -> str:
        answer = await self.client.room_send(room_id, event_type, content, ignore_unverified_devices=True)
        if not isinstance(answer, RoomSendResponse):
            raise RuntimeError(f"{self.user_id} could not send to {room_id}: {answer}")
        event_id: str = answer.event_id
        return event_id

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        relation = {"rel_type": "m.annotation", "event_id": event_id, "key": key}
        return await self.send(room_id, "m.reaction", {"m.relates_to": relation})

    async def create_room(self, invite: tuple[str, ...] = (), encrypted: bool = False) -> str:
        initial_state = [_ENCRYPTION_STATE] if encrypted else []
        room_id = _room_id(await self.client.room_create(invite=invite, initial_state=initial_state))
        if encrypted:  # nio encrypts only once a sync told it the room is encrypted
            await self._wait_until(lambda: self._knows_encrypted(room_id), 10.0, "the room's encryption")
        return room_id

    def _knows_encrypted(self, room_id: str) -> bool:
        room = self.client.rooms.get(room_id)
        return room is not None and bool(room.encrypted)

    async def create_dm(self, other: str) -> str:
        """A direct room with `other`, created with is_direct and recorded in m.direct, as clients do."""
        answer = await self.client.room_create(
            is_direct=True, invite=[other], preset=RoomPreset.trusted_private_chat
        )
        room_id = _room_id(answer)
        direct = await self.direct_rooms()
        direct.setdefault(other, []).append(room_id)
        path = f"/_matrix/client/v3/user/{quote(self.user_id)}/account_data/m.direct"
        await self._raw("PUT", path, direct)
        return room_id

    async def direct_rooms(self) -> dict[str, list[str]]:
        """This member's m.direct account data: partner user id -> room ids."""
        path = f"/_matrix/client/v3/user/{quote(self.user_id)}/account_data/m.direct"
        return await self._raw("GET", path, None, missing_ok=True)

    async def set_power_level(self, room_id: str, user_id: str, level: int) -> None:
        """Give `user_id` a power level in the room (100 = room admin), as a room admin can."""
        current = await self.client.room_get_state_event(room_id, "m.room.power_levels")
        content = dict(current.content)
        content["users"] = {**content.get("users", {}), user_id: level}
        _check(await self.client.room_put_state(room_id, "m.room.power_levels", content), "set power")

    async def _raw(
        self, method: str, path: str, body: dict[str, Any] | None, missing_ok: bool = False
    ) -> dict[str, Any]:
        """A client-API call nio has no method for (m.direct account data)."""
        headers = {"Authorization": f"Bearer {self.user.access_token}", "Content-Type": "application/json"}
        data = json.dumps(body) if body is not None else None
        response = await self.client.send(method, path, data, headers)
        if missing_ok and response.status == 404:
            return {}
        if response.status != 200:
            raise RuntimeError(f"{method} {path} -> {response.status}: {await response.text()}")
        answer: dict[str, Any] = await response.json()
        return answer


_ENCRYPTION_STATE = {
    "type": "m.room.encryption",
    "state_key": "",
    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
}


def _room_id(answer: Any) -> str:
    if not isinstance(answer, RoomCreateResponse):
        raise RuntimeError(f"room creation failed: {answer}")
    room_id: str = answer.room_id
    return room_id


def _check(answer: Any, what: str) -> None:
    if type(answer).__name__.endswith("Error"):
        raise RuntimeError(f"{what} failed: {answer}")
