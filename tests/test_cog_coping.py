"""Conversations with the coping cog: searching, a private list, suggestions and their review, privacy."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import pytest
import pytest_asyncio

from bot.cogs.coping import Coping
from bot.cogs.general import General
from bot.cogs.privacy import Privacy
from bot.core.model import Level
from bot.logic.coping import CATEGORIES, SITUATIONS, library_index, load_library
from bot.logic.coping_community import community_strategy_id, split_steps, suggestion_problem
from bot.testing.conversation import Person
from bot.testing.harness import Harness
from bot.testing.memory import Sent

DUCKS = "Feed the ducks at the pond"
DUCK_STEPS = "Take a handful of oats; Walk slowly to the pond; Watch the ducks for five minutes"


@pytest_asyncio.fixture
async def harness(make_harness: Callable[..., Awaitable[Harness]]) -> Harness:
    """Only the cogs these conversations need, so other features cannot disturb them."""
    return await make_harness(cogs=[Coping, Privacy, General])


def _cog(harness: Harness) -> Coping:
    assert harness.rt is not None
    return next(c for c in harness.rt.cogs if isinstance(c, Coping))


def _one(sent: list[Sent]) -> Sent:
    assert len(sent) == 1, [s.text for s in sent]
    return sent[0]


async def _suggest_ducks(person: Person) -> int:
    await person.command("cope suggest", title=DUCKS, steps=DUCK_STEPS)
    pending = await _cog_of(person).suggestions.pending(person.adapter.community.id)
    return pending[-1].id


def _cog_of(person: Person) -> Coping:
    return next(c for c in person.rt.cogs if isinstance(c, Coping))


# -- searching ---------------------------------------------------------------------------------------------------
async def test_search_answers_only_the_caller_with_matches_and_buttons(alice: Person) -> None:
    reply = _one(await alice.type("/cope cant sleep"))
    assert reply.kind == "ephemeral" and reply.to == alice.id
    top = library_index().search("cant sleep", 1)[0].strategy
    assert top.title in reply.text and f"`{top.id}`" in reply.text
    assert "crisis" not in reply.text
    buttons = reply.message.buttons
    assert buttons and all(b.for_member == alice.id and b.action.startswith("cope:show:") for b in buttons)


async def test_structured_and_typed_searches_agree(alice: Person) -> None:
    typed = _one(await alice.type("/cope panic attack at work"))
    structured = _one(await alice.command("cope", query="panic attack at work"))
    assert typed.text == structured.text


@pytest.mark.parametrize("query", ["urge to cut", "i want to hurt myself", "feeling suicidal"])
async def test_self_harm_search_is_private_and_points_gently_to_crisis(alice: Person, query: str) -> None:
    reply = _one(await alice.command("cope", query=query))
    assert reply.kind == "private" and reply.to == alice.id
    assert "`crisis`" in reply.text
    assert "Urge surfing" in reply.text or "Tell someone about the urge" in reply.text


async def test_nothing_found_is_a_kind_hint(alice: Person) -> None:
    reply = _one(await alice.command("cope", query="xqzvkw"))
    assert "couldn't find" in reply.text and "cope random" in reply.text
    assert not reply.message.buttons


async def test_an_exact_id_shows_the_strategy(alice: Person) -> None:
    reply = _one(await alice.type("/cope box-breathing"))
    assert "1. Sit up" in reply.text and "NHS Every Mind Matters" in reply.text


async def test_pressing_show_gives_the_steps(alice: Person) -> None:
    result = _one(await alice.command("cope", query="box breathing"))
    shown = _one(await alice.press(result.message.buttons[0]))
    strategy = library_index().get(result.message.buttons[0].action.rpartition(":")[2])
    assert strategy is not None
    assert all(step in shown.text for step in strategy.steps)


async def test_show_lists_numbered_steps_and_source(alice: Person) -> None:
    strategy = library_index().get("urge-surfing")
    assert strategy is not None
    reply = _one(await alice.command("cope show", id="urge-surfing"))
    assert reply.kind == "ephemeral"
    assert [f"{n}. {step}" in reply.text for n, step in enumerate(strategy.steps, 1)] == [True] * len(strategy.steps)
    assert strategy.source in reply.text and f"about {strategy.minutes} min" in reply.text


async def test_show_of_an_unknown_id_suggests_the_closest(alice: Person) -> None:
    reply = _one(await alice.type("/cope show box breathng"))
    assert "don't know" in reply.text and "`box-breathing`" in reply.text
    assert reply.kind == "ephemeral"


@pytest.mark.parametrize("kind", ["sleep", "urges", "panic", "loneliness"])
async def test_random_respects_the_kind(harness: Harness, alice: Person, kind: str) -> None:
    by_title = {s.title: s for s in load_library()}
    for _ in range(6):
        reply = _one(await alice.command("cope random", kind=kind))
        picked = by_title[reply.message.title]
        assert kind in picked.categories or kind in picked.situations


async def test_random_refuses_an_unknown_kind(alice: Person) -> None:
    reply = _one(await alice.type("/cope random juggling"))
    assert "can be one of" in reply.text


async def test_random_choices_fit_discord(harness: Harness) -> None:
    assert harness.rt is not None
    bound = harness.rt.registry.get("cope random")
    assert bound is not None
    option = bound.spec.option("kind")
    assert option is not None and set(option.choices) == {*CATEGORIES, *SITUATIONS} and len(option.choices) <= 25


async def test_autocomplete_offers_strategy_ids(alice: Person) -> None:
    found = await alice.suggest("strategy", "breath")
    assert found and "box-breathing" in [s.value for s in found]
    assert len(await alice.suggest("strategy", "")) > 0


# -- a private list ----------------------------------------------------------------------------------------------
async def test_saving_is_private_and_per_member(alice: Person, bob: Person) -> None:
    saved = _one(await alice.command("cope save", id="box-breathing"))
    assert "Saved **Box breathing**" in saved.text and saved.kind == "ephemeral"
    again = _one(await alice.command("cope save", id="box-breathing"))
    assert "already" in again.text
    mine = _one(await alice.type("/cope mine"))
    assert mine.kind == "private" and "Box breathing" in mine.text
    assert "Box breathing" not in _one(await bob.type("/cope mine")).text


async def test_unsave_takes_it_off_the_list(alice: Person) -> None:
    await alice.command("cope save", id="body-scan")
    assert "Done" in _one(await alice.command("cope unsave", id="body-scan")).text
    assert "empty" in _one(await alice.type("/cope mine")).text
    missing = _one(await alice.command("cope unsave", id="body-scan"))
    assert "isn't on your list" in missing.text


async def test_save_button_saves_for_whoever_presses_it(alice: Person, bob: Person) -> None:
    shown = _one(await alice.command("cope show", id="worry-time"))
    (save,) = shown.message.buttons
    await bob.press(save)
    assert "Worry time" in _one(await bob.type("/cope mine")).text
    assert "Worry time" not in _one(await alice.type("/cope mine")).text


async def test_saving_an_unknown_strategy_changes_nothing(alice: Person) -> None:
    reply = _one(await alice.command("cope save", id="no-such-thing"))
    assert "don't know" in reply.text
    assert "empty" in _one(await alice.type("/cope mine")).text


async def test_saved_list_survives_a_restart(harness: Harness, alice: Person) -> None:
    await alice.command("cope save", id="paced-breathing")
    await harness.restart()
    fresh = harness.person("Alice")
    assert "Paced breathing" in _one(await fresh.type("/cope mine")).text


# -- suggestions and review --------------------------------------------------------------------------------------
async def test_a_suggestion_waits_for_review(alice: Person) -> None:
    reply = _one(await alice.command("cope suggest", title=DUCKS, steps=DUCK_STEPS))
    assert "Thank you" in reply.text and reply.kind == "ephemeral"
    assert "waiting for a facilitator" in _one(await alice.type("/cope mine")).text
    assert not any(m.strategy.title == DUCKS for m in library_index().search("ducks"))
    assert "Feed the ducks" not in _one(await alice.command("cope", query="ducks")).text


@pytest.mark.parametrize(
    ("title", "steps", "hint"),
    [
        ("Ducks", "Only one step", "at least 2 steps"),
        ("Ducks", "; ".join(f"Step {n}" for n in range(9)), "8 steps or fewer"),
        ("Ducks", "Fine; " + "x" * 210, "under 200 characters"),
    ],
)
async def test_bad_suggestions_are_refused_kindly(alice: Person, title: str, steps: str, hint: str) -> None:
    reply = _one(await alice.command("cope suggest", title=title, steps=steps))
    assert hint in reply.text and reply.kind == "ephemeral"
    assert await _cog_of(alice).suggestions.pending(alice.adapter.community.id) == []


async def test_too_many_waiting_suggestions_are_refused(alice: Person) -> None:
    for n in range(5):
        await alice.command("cope suggest", title=f"Idea {n}", steps="One; Two")
    reply = _one(await alice.command("cope suggest", title="One more", steps="One; Two"))
    assert "waiting already" in reply.text


async def test_members_cannot_review(alice: Person) -> None:
    await _suggest_ducks(alice)
    assert "Only facilitators" in _one(await alice.type("/cope review")).text
    assert "Only facilitators" in _one(await alice.type("/cope approve 1")).text


async def test_approved_strategy_is_searchable_here_and_marked(
    harness: Harness, alice: Person, facilitator: Person
) -> None:
    number = await _suggest_ducks(alice)
    review = _one(await facilitator.type("/cope review"))
    assert f"#{number} {DUCKS}" in review.text and "safe-messaging" in review.text
    approved = _one(await facilitator.type(f"/cope approve {number} self-soothing"))
    strategy_id = community_strategy_id(number, DUCKS)
    assert f"`{strategy_id}`" in approved.text
    found = _one(await alice.command("cope", query="feed the ducks"))
    assert f"`{strategy_id}`" in found.text
    shown = _one(await alice.command("cope show", id=strategy_id))
    assert "Community-contributed" in shown.text and "1. Take a handful of oats" in shown.text
    elsewhere = await _cog(harness).index("console:another-community")
    assert elsewhere.get(strategy_id) is None
    assert "added" in _one(await alice.type("/cope mine")).text


async def test_approved_strategy_can_be_picked_at_random_by_kind(
    harness: Harness, alice: Person, facilitator: Person
) -> None:
    number = await _suggest_ducks(alice)
    await facilitator.command("cope approve", number=number, kind="self-soothing")
    index = await _cog(harness).index(alice.adapter.community.id)
    strategy = index.get(community_strategy_id(number, DUCKS))
    assert strategy is not None and strategy.community_contributed and strategy.categories == ("self-soothing",)


async def test_review_buttons_approve_and_decline(alice: Person, bob: Person, facilitator: Person) -> None:
    first = await _suggest_ducks(alice)
    await bob.command("cope suggest", title="Hum a tune", steps="Pick a song; Hum it quietly")
    buttons = {b.action: b for b in _one(await facilitator.type("/cope review")).message.buttons}
    assert "Only facilitators" in _one(await alice.press(buttons[f"cope:approve:{first}"])).text
    assert "Added" in _one(await facilitator.press(buttons[f"cope:approve:{first}"])).text
    assert "no suggestion" in _one(await facilitator.press(buttons[f"cope:approve:{first}"])).text
    assert "Declined" in _one(await facilitator.press(buttons[f"cope:reject:{first + 1}"])).text
    assert "No suggestions are waiting" in _one(await facilitator.type("/cope review")).text


async def test_declined_suggestion_shows_the_reason_and_is_not_searchable(alice: Person, facilitator: Person) -> None:
    number = await _suggest_ducks(alice)
    await facilitator.command("cope reject", number=number, reason="We have one like it already, thank you")
    mine = _one(await alice.type("/cope mine"))
    assert "not added" in mine.text and "one like it already" in mine.text
    assert "Feed the ducks" not in _one(await alice.command("cope", query="ducks")).text
    assert "no suggestion" in _one(await facilitator.type(f"/cope reject {number}")).text


async def test_review_flags_suggestions_that_mention_self_harm(alice: Person, facilitator: Person) -> None:
    await alice.command("cope suggest", title="When I want to self harm", steps="Call a friend; Hold ice")
    review = _one(await facilitator.type("/cope review"))
    assert "check it carefully" in review.text


async def test_about_counts_shared_strategies(alice: Person, facilitator: Person) -> None:
    number = await _suggest_ducks(alice)
    await facilitator.command("cope approve", number=number)
    about = _one(await alice.type("/about"))
    assert f"{len(load_library()) + 1} strategies (1 of them shared by members here)" in about.text


# -- privacy -----------------------------------------------------------------------------------------------------
async def test_export_includes_saved_and_suggested(alice: Person) -> None:
    await alice.command("cope save", id="box-breathing")
    await _suggest_ducks(alice)
    export = _one(await alice.type("/privacy export"))
    data = json.loads(export.message.files[0].data)
    assert [s["strategy_id"] for s in data["saved_strategies"]] == ["box-breathing"]
    (suggested,) = data["strategy_suggestions"]
    assert suggested["title"] == DUCKS and suggested["status"] == "pending" and len(suggested["steps"]) == 3


async def test_delete_removes_saved_and_suggested_and_unlists_them(
    alice: Person, bob: Person, facilitator: Person
) -> None:
    number = await _suggest_ducks(alice)
    await facilitator.command("cope approve", number=number)
    await alice.command("cope save", id="box-breathing")
    assert "Feed the ducks" in _one(await bob.command("cope", query="ducks")).text
    await alice.type("/privacy delete")
    confirm = next(b for b in alice.buttons() if b.action.startswith("privacy:delete"))
    await alice.press(confirm)
    assert "empty" in _one(await alice.type("/cope mine")).text
    assert "Feed the ducks" not in _one(await bob.command("cope", query="ducks")).text
    data = json.loads(_one(await alice.type("/privacy export")).message.files[0].data)
    assert data["saved_strategies"] == [] and data["strategy_suggestions"] == []


# -- the pure helpers behind suggestions -------------------------------------------------------------------------
def test_split_steps_accepts_the_ways_people_type_lists() -> None:
    assert split_steps("1. Boil the kettle; 2) Hold the mug\n- Sip slowly | * Breathe") == (
        "Boil the kettle",
        "Hold the mug",
        "Sip slowly",
        "Breathe",
    )
    assert split_steps(" ; ;") == ()
    assert split_steps("Try 5-4-3-2-1 senses; Then rest") == ("Try 5-4-3-2-1 senses", "Then rest")


def test_suggestion_problem_says_what_to_do() -> None:
    assert suggestion_problem("Tea", ("Boil", "Sip")) is None
    assert "title" in (suggestion_problem(" ", ("Boil", "Sip")) or "")
    assert "80" in (suggestion_problem("x" * 81, ("Boil", "Sip")) or "")


def test_community_ids_never_clash_with_shipped_ones() -> None:
    shipped = {s.id for s in load_library()}
    ids = {community_strategy_id(n, title) for n, title in enumerate(["Box breathing", "!!!", "Ice"], start=1)}
    assert ids == {"c1-box-breathing", "c2", "c3-ice"} and not ids & shipped


async def test_facilitator_level_is_what_the_commands_declare(harness: Harness) -> None:
    assert harness.rt is not None
    levels = {name: harness.rt.registry.get(name) for name in ("cope review", "cope approve", "cope reject")}
    assert all(b is not None and b.spec.level is Level.FACILITATOR for b in levels.values())
