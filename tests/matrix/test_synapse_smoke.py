"""The harness itself works: members on a real Synapse can meet in a room and in a direct room."""

from __future__ import annotations

from tests.matrix.conftest import MakeMember
from tests.matrix.member import from_sender


async def test_a_message_crosses_a_room_both_joined(make_member: MakeMember) -> None:
    alice = await make_member("alice")
    bob = await make_member("bob")

    room = await alice.create_room(invite=(bob.user_id,))
    await bob.join(await bob.wait_for_invite(room))
    await alice.send_text(room, "hello from alice")

    got = await bob.wait_for_message(room, from_sender(alice.user_id, "hello from alice"))
    assert got.body == "hello from alice"


async def test_a_direct_room_is_recorded_in_m_direct(make_member: MakeMember) -> None:
    alice = await make_member("alice")
    bob = await make_member("bob")

    assert await alice.direct_rooms() == {}
    room = await alice.create_dm(bob.user_id)

    assert await alice.direct_rooms() == {bob.user_id: [room]}
    assert await bob.wait_for_invite(room) == room


async def test_members_with_a_crypto_store_read_an_encrypted_room(make_member: MakeMember) -> None:
    alice = await make_member("alice", encrypted=True)
    bob = await make_member("bob", encrypted=True)

    room = await alice.create_room(invite=(bob.user_id,), encrypted=True)
    await bob.join(await bob.wait_for_invite(room))
    await alice.send_text(room, "a secret")

    got = await bob.wait_for_message(room, from_sender(alice.user_id, "a secret"))
    assert got.was_encrypted and not got.undecryptable
