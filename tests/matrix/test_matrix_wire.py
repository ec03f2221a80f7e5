"""The Matrix adapter's pure translation, on payloads shaped like what Synapse and clients send (no server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.adapters import matrix_wire as wire
from bot.adapters.matrix_session import SessionStore
from bot.core.messages import Attachment, Button, Rich
from bot.core.text import mention

ALICE = "@alice:circle.test"
NAMES = {ALICE: "Alice <3"}


def name_of(user: str) -> str:
    return NAMES.get(user, user)


@pytest.mark.parametrize(
    ("body", "prefix", "line"),
    [
        ("!circle join Tuesday", "!", "circle join Tuesday"),
        ("  !ping  ", "!", "ping"),
        ("> <@bob:hs> earlier words\n> more\n\n!ping", "!", "ping"),
        ("!", "!", None),
        ("hello !ping", "!", None),
        ("cb ping", "cb ", "ping"),
        ("!ping", "cb ", None),
    ],
)
def test_command_lines_are_found_after_the_prefix(body: str, prefix: str, line: str | None) -> None:
    assert wire.command_line(body, prefix) == line


def test_a_reply_in_a_thread_stays_in_the_thread() -> None:
    event = {"event_id": "$cmd", "sender": ALICE,
             "content": {"body": "!ping", "m.relates_to": {"rel_type": "m.thread", "event_id": "$root"}}}
    origin = wire.origin_of("!room:hs", event, direct=False)
    assert wire.reply_relation(origin) == {
        "rel_type": "m.thread", "event_id": "$root", "is_falling_back": False,
        "m.in_reply_to": {"event_id": "$cmd"},
    }


def test_a_reply_outside_threads_is_an_in_reply_to() -> None:
    origin = wire.origin_of("!room:hs", {"event_id": "$cmd", "sender": ALICE, "content": {"body": "!ping"}}, False)
    assert wire.reply_relation(origin) == {"m.in_reply_to": {"event_id": "$cmd"}}


def test_rich_messages_have_a_plain_body_and_escaped_html_with_mention_pills() -> None:
    message = Rich(title="Circle <soon>", text=f"Hi {mention('matrix:' + ALICE)}, **welcome**\n- one\n- two")
    content = wire.message_content(message, name_of)

    assert content["msgtype"] == "m.text"
    assert content["body"] == "**Circle <soon>**\nHi Alice <3, **welcome**\n- one\n- two"
    assert content["format"] == "org.matrix.custom.html"
    html = content["formatted_body"]
    assert "<strong>Circle &lt;soon&gt;</strong>" in html
    assert f'<a href="https://matrix.to/#/{ALICE}">Alice &lt;3</a>' in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert content["m.mentions"] == {"user_ids": [ALICE]}


def test_buttons_become_numbered_reactions_stored_in_the_message() -> None:
    buttons = (Button("Yes", "probe:yes", for_member="matrix:" + ALICE), Button("No", "probe:no"))
    content = wire.message_content(Rich(text="Pick", buttons=buttons), name_of)

    assert content[wire.BUTTONS_KEY] == [
        {"key": "1️⃣", "action": "probe:yes", "for_member": "matrix:" + ALICE},
        {"key": "2️⃣", "action": "probe:no", "for_member": None},
    ]
    assert "1️⃣ Yes" in content["body"] and "2️⃣ No" in content["body"]


def test_distinct_emoji_buttons_keep_their_emoji() -> None:
    buttons = (Button("Hand", "turn:raise", emoji="✋"), Button("Pass", "turn:pass", emoji="🙏"))
    assert wire.button_keys(buttons) == ["✋", "🙏"]
    assert wire.button_keys((Button("A", "x:a", emoji="✋"), Button("B", "x:b", emoji="✋"))) == ["1️⃣", "2️⃣"]


def test_a_press_counts_only_for_the_member_it_was_meant_for() -> None:
    buttons = (Button("Yes", "probe:yes", for_member="matrix:" + ALICE), Button("Anyone", "probe:any"))
    content = wire.message_content(Rich(text="Pick", buttons=buttons), name_of)

    assert wire.press_for(content, key="1️⃣", presser=ALICE) == "probe:yes"
    assert wire.press_for(content, key="1️⃣", presser="@bob:circle.test") is None
    assert wire.press_for(content, key="2️⃣", presser="@bob:circle.test") == "probe:any"
    assert wire.press_for(content, number=2, presser=ALICE) == "probe:any"
    assert wire.press_for(content, number=3, presser=ALICE) is None
    assert wire.press_for(content, key="👍", presser=ALICE) is None
    assert wire.press_for({"body": "no buttons"}, key="1️⃣", presser=ALICE) is None


@pytest.mark.parametrize(("body", "number"), [("2", 2), (" 1. ", 1), ("3)", 3), ("2 please", None), ("", None)])
def test_numbered_replies(body: str, number: int | None) -> None:
    assert wire.number_reply(body) == number


def test_reactions_and_replies_are_read_from_relations() -> None:
    reaction = {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$msg", "key": "1️⃣"}}
    assert wire.reaction_of(reaction) == ("$msg", "1️⃣")
    assert wire.reaction_of({"m.relates_to": {"rel_type": "m.reference", "event_id": "$msg"}}) is None
    assert wire.reply_target({"m.relates_to": {"m.in_reply_to": {"event_id": "$msg"}}}) == "$msg"
    assert wire.reply_target({"body": "x"}) is None
    assert wire.is_edit({"m.relates_to": {"rel_type": "m.replace", "event_id": "$old"}})
    assert not wire.is_edit(reaction)


def test_invites_are_accepted_from_allowed_homeservers_only() -> None:
    assert wire.inviter_allowed("@a:circle.test", [], "circle.test")
    assert not wire.inviter_allowed("@a:elsewhere.org", [], "circle.test")
    assert wire.inviter_allowed("@a:Elsewhere.org", ["elsewhere.org"], "circle.test")
    assert not wire.inviter_allowed("@a:circle.test", ["elsewhere.org"], "circle.test")


@pytest.mark.parametrize(
    ("power", "admin", "facilitator"), [(100, True, True), (50, False, True), (49, False, False), (0, False, False)]
)
def test_power_levels_give_standing(power: int, admin: bool, facilitator: bool) -> None:
    standing = wire.standing_from_power(power, admin_power=100, facilitator_power=50)
    assert standing.is_admin is admin and standing.is_facilitator is facilitator
    assert standing.power == power


def test_thresholds_are_configurable() -> None:
    assert wire.standing_from_power(75, admin_power=75, facilitator_power=10).is_admin
    assert wire.standing_from_power(10, admin_power=75, facilitator_power=10).is_facilitator


def test_room_creators_outrank_everyone_from_room_version_12() -> None:
    creators = frozenset({ALICE})
    assert wire.effective_power(ALICE, {}, 0, "12", creators) > 100
    assert wire.effective_power(ALICE, {}, 0, "11", creators) == 0
    assert wire.effective_power(ALICE, {ALICE: 50}, 0, "12", creators) == 50
    assert wire.effective_power("@bob:hs", {}, 5, "12", creators) == 5


def test_files_are_images_or_files_and_encrypted_ones_carry_keys() -> None:
    png = Attachment("chart.png", b"\x89PNG", "image/png")
    plain = wire.file_content(png, "mxc://hs/abc", None)
    assert plain["msgtype"] == "m.image" and plain["url"] == "mxc://hs/abc" and plain["info"]["size"] == 4
    csv = wire.file_content(Attachment("data.csv", b"a,b", "text/csv"), "mxc://hs/x", {"key": {"k": "s"}})
    assert csv["msgtype"] == "m.file" and csv["file"] == {"key": {"k": "s"}, "url": "mxc://hs/x"}
    assert "url" not in csv


def test_the_session_survives_a_restart_and_ignores_unknown_keys(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "store")
    store.update(device_id="DEV", next_batch="s1", warned_unreadable=("!a:hs",))
    (tmp_path / "store" / "session.json").write_text(
        (tmp_path / "store" / "session.json").read_text().replace("{", '{"future": 1, ', 1)
    )
    again = SessionStore(tmp_path / "store").state
    assert (again.device_id, again.next_batch, again.warned_unreadable) == ("DEV", "s1", ("!a:hs",))


def test_an_unreadable_session_file_means_a_fresh_start(tmp_path: Path) -> None:
    (tmp_path / "session.json").write_text("{not json")
    assert SessionStore(tmp_path).state.next_batch == ""


def test_thread_channels_round_trip_and_plain_rooms_have_no_thread() -> None:
    channel = wire.thread_channel("!room:hs", "$root_event")
    assert wire.split_channel(channel) == ("!room:hs", "$root_event")
    assert wire.split_channel("matrix:!room:hs") == ("!room:hs", None)
    assert wire.thread_relation("$r")["rel_type"] == "m.thread"


@pytest.mark.parametrize(
    ("line", "ours"),
    [("circle join x", True), ("circel join", True), ("Ping", True), ("weather London", False), ("ban @x", False)],
)
def test_other_bots_commands_are_left_alone(line: str, ours: bool) -> None:
    assert wire.looks_like_ours(line, frozenset({"circle", "ping", "help"})) is ours
    assert wire.looks_like_ours(line, frozenset())  # before registration everything counts
