"""Coping strategies: search the library in everyday words, keep a private list, and share strategies that helped."""

from __future__ import annotations

import logging
import random
from typing import TYPE_CHECKING

from bot.core import options as opt
from bot.core.commands import Cog, autocomplete, command, on_button
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.events import AutocompleteRequest, ButtonPress, Suggestion
from bot.core.i18n import _
from bot.core.messages import Button, ButtonStyle, Field, Rich
from bot.core.model import Level
from bot.core.privacy import MemberData
from bot.logic.coping import (
    CATEGORIES,
    SITUATIONS,
    Match,
    SearchIndex,
    Strategy,
    is_self_harm_query,
    library_index,
    random_strategy,
)
from bot.logic.coping_community import MAX_STEP, MAX_STEPS, MAX_TITLE, split_steps, suggestion_problem
from bot.store.coping import COPING_MIGRATIONS, SavedRepo, Status, SuggestionRepo
from bot.store.coping import Suggestion as Suggested

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["Coping"]

_log = logging.getLogger(__name__)

ACTION = "cope"
RESULTS = 5  # matches listed for a search
BUTTONS = 3  # of which get a one-tap "show" button
MAX_SAVED = 100
MAX_PENDING = 5  # suggestions a member may have waiting for review at once
REVIEW_BATCH = 5
MAX_REASON = 200
SUGGESTIONS = 25  # autocomplete entries

CRISIS_POINTER = _(
    "If you're thinking about hurting yourself, you don't have to get through it alone. "
    "`crisis` privately shows people you can reach right now, and the facilitators here are around too."
)
NOTHING_FOUND = _(
    "I couldn't find a strategy for that. Try a few different words, like `cope panic` or `cope cant sleep`, "
    "or `cope random` for something to try."
)
SAFE_MESSAGING = _(
    "Approve only what follows safe-messaging: kind, practical steps, with no details of ways to self-harm."
)


def _id_option() -> opt.Option:
    """The strategy an id command acts on; it takes the rest of a typed line, so a title with spaces works too."""
    return opt.text("id", "The strategy's id, like box-breathing", max_length=100, autocomplete="strategy", rest=True)


class Coping(Cog):
    """Coping strategies for members, and the review of strategies members share."""

    migrations = (COPING_MIGRATIONS,)

    def __init__(self, rt: Runtime) -> None:
        super().__init__(rt)
        self.saved = SavedRepo(rt.db)
        self.suggestions = SuggestionRepo(rt.db)
        self.rng = random.Random()
        self._indexes: dict[str, tuple[int, SearchIndex]] = {}

    def member_data(self) -> tuple[MemberData, ...]:
        return (self.saved, self.suggestions)

    async def about_notes(self, community_id: str) -> list[str]:
        shared = len(await self.suggestions.approved(community_id))
        own = _(f" ({shared} of them shared by members here)") if shared else ""
        return [
            _(
                f"Coping: `cope` searches {len(library_index()) + shared} strategies{own}. "
                "What you save with `cope save` is private to you."
            )
        ]

    async def index(self, community_id: str) -> SearchIndex:
        """The library plus this community's approved strategies, rebuilt only when those change."""
        generation = self.suggestions.generation(community_id)
        cached = self._indexes.get(community_id)
        if cached is not None and cached[0] == generation:
            return cached[1]
        approved = [s.to_strategy() for s in await self.suggestions.approved(community_id)]
        index = library_index().extended(approved) if approved else library_index()
        self._indexes[community_id] = (generation, index)
        return index

    async def _strategy(self, community_id: str, typed: str) -> Strategy:
        """The strategy a member named by id (or close to it); a kind error with a hint otherwise."""
        index = await self.index(community_id)
        key = typed.strip().lower().replace(" ", "-")
        found = index.get(key)
        if found is not None:
            return found
        best = index.search(typed, 1)
        hint = _(f" Did you mean `{best[0].strategy.id}` ({best[0].strategy.title})?") if best else ""
        raise UserError(
            _(f"I don't know a strategy called `{typed[:60]}`.") + hint + _(" `cope <what's going on>` searches them.")
        )

    # -- finding ----------------------------------------------------------------------------------------------
    @command(
        "cope",
        opt.text("query", "What's going on, in your own words (like: cant sleep)", rest=True, autocomplete="strategy"),
    )
    async def cope(self, ctx: Context, query: str) -> None:
        """Find coping strategies for what you're going through, in your own words."""
        index = await self.index(ctx.community.id)
        exact = index.get(query.strip().lower())
        if exact is not None:
            await ctx.reply(_show(exact, ctx.actor.id), ephemeral=True)
            return
        matches = index.search(query, RESULTS)
        if is_self_harm_query(query):
            _log.info("coping search with a crisis pointer in %s", ctx.community.id)
            await ctx.reply_private(_results(matches, ctx.actor.id, pointer=True))
            return
        await ctx.reply(_results(matches, ctx.actor.id, pointer=False), ephemeral=True)

    @command("cope show", _id_option())
    async def show(self, ctx: Context, id: str) -> None:
        """Show every step of one coping strategy."""
        strategy = await self._strategy(ctx.community.id, id)
        await ctx.reply(_show(strategy, ctx.actor.id), ephemeral=True)

    @command(
        "cope random",
        opt.choice("kind", "A kind of strategy, or what it helps with", (*CATEGORIES, *SITUATIONS), required=False),
    )
    async def random_pick(self, ctx: Context, kind: str | None = None) -> None:
        """Get a coping strategy to try, at random, of a kind you choose if you like."""
        index = await self.index(ctx.community.id)
        picked = random_strategy(index.strategies, kind, self.rng)
        if picked is None:
            raise UserError(_(f"There are no strategies of the kind `{kind}` yet. Try `cope random` on its own."))
        await ctx.reply(_show(picked, ctx.actor.id), ephemeral=True)

    @autocomplete("strategy")
    async def suggest_strategies(self, request: AutocompleteRequest) -> list[Suggestion]:
        """Strategies matching what has been typed so far, best first."""
        index = await self.index(request.community.id)
        if not request.partial.strip():
            found = list(index.strategies[:SUGGESTIONS])
        else:
            found = [m.strategy for m in index.search(request.partial, SUGGESTIONS)]
        return [Suggestion(s.title[:100], s.id) for s in found]

    # -- a member's own list ----------------------------------------------------------------------------------
    @command("cope save", _id_option())
    async def save(self, ctx: Context, id: str) -> None:
        """Save a strategy to your own private list."""
        strategy = await self._strategy(ctx.community.id, id)
        await ctx.reply(await self._save(ctx, strategy), ephemeral=True)

    async def _save(self, ctx: Context, strategy: Strategy) -> str:
        if await self.saved.count(ctx.community.id, ctx.actor.id) >= MAX_SAVED:
            raise UserError(_(f"Your list is full ({MAX_SAVED}). `cope unsave <id>` makes room."))
        added = await self.saved.save(ctx.community.id, ctx.actor.id, strategy.id, ctx.now())
        if not added:
            return _(f"**{strategy.title}** is already on your list. `cope mine` shows it.")
        return _(f"Saved **{strategy.title}** to your list. Only you can see it: `cope mine`.")

    @command("cope unsave", _id_option())
    async def unsave(self, ctx: Context, id: str) -> None:
        """Take a strategy off your list."""
        removed = await self.saved.unsave(ctx.community.id, ctx.actor.id, id.strip().lower())
        if not removed:
            raise UserError(_(f"`{id[:60]}` isn't on your list. `cope mine` shows what is."))
        await ctx.reply(_("Done, it's off your list."), ephemeral=True)

    @command("cope mine")
    async def mine(self, ctx: Context) -> None:
        """See the strategies you saved and the ones you suggested, privately."""
        index = await self.index(ctx.community.id)
        saved = await self.saved.saved(ctx.community.id, ctx.actor.id)
        suggested = await self.suggestions.by_author(ctx.community.id, ctx.actor.id)
        if not saved and not suggested:
            await ctx.reply_private(
                _(
                    "Your list is empty. `cope <what's going on>` finds strategies, and "
                    "`cope save <id>` keeps one here, just for you."
                )
            )
            return
        fields = []
        if suggested:
            fields.append(Field(_("Strategies you suggested"), "\n".join(_suggested_line(s) for s in suggested)))
        await ctx.reply_private(
            Rich(
                title=_("Your coping strategies"),
                text="\n".join(_saved_line(index.get(sid), sid) for sid, _at in saved) or _("Nothing saved yet."),
                fields=tuple(fields),
            )
        )

    # -- sharing what helped ----------------------------------------------------------------------------------
    @command(
        "cope suggest",
        opt.text("title", "A short name for it", max_length=MAX_TITLE),
        opt.text(
            "steps",
            "The steps, separated by ; (like: Boil the kettle; Hold the mug; Sip slowly)",
            rest=True,
            max_length=MAX_STEPS * (MAX_STEP + 2),
        ),
    )
    async def suggest(self, ctx: Context, title: str, steps: str) -> None:
        """Share a strategy that helped you; once a facilitator approves it, members here can find it."""
        parts = split_steps(steps)
        problem = suggestion_problem(title, parts)
        if problem is not None:
            raise UserError(_(problem))
        if await self.suggestions.pending_count(ctx.community.id, ctx.actor.id) >= MAX_PENDING:
            raise UserError(
                _(
                    f"You have {MAX_PENDING} suggestions waiting already. Please wait until the "
                    "facilitators have looked at them."
                )
            )
        number = await self.suggestions.suggest(ctx.community.id, ctx.actor.id, title.strip(), parts, ctx.now())
        _log.info("strategy suggestion %d in %s", number, ctx.community.id)
        await ctx.reply(
            _(
                f"Thank you for sharing **{title.strip()}**. A facilitator will look at it; "
                "`cope mine` shows how it's going."
            ),
            ephemeral=True,
        )

    @command("cope review", level=Level.FACILITATOR)
    async def review(self, ctx: Context) -> None:
        """See strategies members suggested, and approve or decline them."""
        waiting = await self.suggestions.pending(ctx.community.id, REVIEW_BATCH)
        if not waiting:
            await ctx.reply(_("No suggestions are waiting. Thank you for checking."), ephemeral=True)
            return
        await ctx.reply(
            Rich(
                title=_("Suggested strategies"),
                text=_("`cope approve <number> [kind]` adds one; `cope reject <number> [reason]` declines it. ")
                + SAFE_MESSAGING,
                fields=tuple(_review_field(s) for s in waiting),
                buttons=tuple(b for s in waiting for b in _review_buttons(s.id)),
            ),
            ephemeral=True,
        )

    @command(
        "cope approve",
        opt.integer("number", "The suggestion's number", min_value=1),
        opt.choice("kind", "A kind of strategy, or what it helps with", (*CATEGORIES, *SITUATIONS), required=False),
        level=Level.FACILITATOR,
    )
    async def approve(self, ctx: Context, number: int, kind: str | None = None) -> None:
        """Add a suggested strategy, so members here can find it."""
        await ctx.reply(await self._approve(ctx, number, kind), ephemeral=True)

    async def _approve(self, ctx: Context, number: int, kind: str | None) -> str:
        done = await self.suggestions.approve(ctx.community.id, number, kind, ctx.now())
        if done is None:
            raise UserError(_(f"There's no suggestion #{number} waiting. `cope review` lists them."))
        _log.info("strategy suggestion %d approved in %s", number, ctx.community.id)
        return _(f"Added **{done.title}** as `{done.strategy_id}`. Members here can now find it with `cope`.")

    @command(
        "cope reject",
        opt.integer("number", "The suggestion's number", min_value=1),
        opt.text("reason", "A kind word for its author (optional)", required=False, max_length=MAX_REASON, rest=True),
        level=Level.FACILITATOR,
    )
    async def reject(self, ctx: Context, number: int, reason: str | None = None) -> None:
        """Decline a suggested strategy; its author sees your reason in `cope mine`."""
        await ctx.reply(await self._reject(ctx, number, reason), ephemeral=True)

    async def _reject(self, ctx: Context, number: int, reason: str | None) -> str:
        done = await self.suggestions.reject(ctx.community.id, number, reason, ctx.now())
        if done is None:
            raise UserError(_(f"There's no suggestion #{number} waiting. `cope review` lists them."))
        _log.info("strategy suggestion %d declined in %s", number, ctx.community.id)
        return _(f"Declined **{done.title}**. Its author will see that in `cope mine`.")

    # -- one-tap buttons ----------------------------------------------------------------------------------------
    @on_button(ACTION)
    async def pressed(self, ctx: Context, press: ButtonPress) -> None:
        """show/save act for whoever pressed; approve/reject need a facilitator."""
        verb, _sep, target = press.action.partition(":")[2].partition(":")
        if verb in ("show", "save"):
            strategy = await self._strategy(ctx.community.id, target)
            if verb == "show":
                await ctx.reply(_show(strategy, ctx.actor.id), ephemeral=True)
            else:
                await ctx.reply(await self._save(ctx, strategy), ephemeral=True)
            return
        if verb not in ("approve", "reject") or not target.isdigit():
            raise UserError(_("That button is no longer active. Please run the command again."))
        if ctx.level < Level.FACILITATOR:
            raise UserError(_("Only facilitators can review suggested strategies."))
        if verb == "approve":
            await ctx.reply(await self._approve(ctx, int(target), None), ephemeral=True)
        else:
            await ctx.reply(await self._reject(ctx, int(target), None), ephemeral=True)


# -- what members see ---------------------------------------------------------------------------------------------
def _minutes(strategy: Strategy) -> str:
    return _(f"about {strategy.minutes} min") if strategy.minutes else _("shared here")


def _results(matches: list[Match], member_id: str, *, pointer: bool) -> Rich:
    if not matches:
        return Rich(text=CRISIS_POINTER + "\n\n" + NOTHING_FOUND if pointer else NOTHING_FOUND)
    lines = [
        f"- **{m.strategy.title}** (`{m.strategy.id}`, {_minutes(m.strategy)}) — {m.strategy.summary}" for m in matches
    ]
    text = "\n".join(lines) + "\n" + _("`cope show <id>` gives the steps; `cope save <id>` keeps one for you.")
    buttons = tuple(
        Button(_(f"Show {m.strategy.title}")[:80], f"{ACTION}:show:{m.strategy.id}", "📖", for_member=member_id)
        for m in matches[:BUTTONS]
    )
    return Rich(
        title=_("Strategies that might help"), text=CRISIS_POINTER + "\n\n" + text if pointer else text, buttons=buttons
    )


def _show(strategy: Strategy, member_id: str) -> Rich:
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(strategy.steps, start=1))
    fields = [Field(_("Takes"), _minutes(strategy), inline=True), Field(_("Source"), strategy.source, inline=True)]
    if strategy.community_contributed:
        fields[1] = Field(_("Community-contributed"), _("Shared by a member of this community"), inline=True)
    return Rich(
        title=strategy.title,
        text=f"*{strategy.summary}*\n\n{steps}",
        fields=tuple(fields),
        buttons=(
            Button(
                _("Save to my list"), f"{ACTION}:save:{strategy.id}", "⭐", ButtonStyle.PRIMARY, for_member=member_id
            ),
        ),
    )


def _saved_line(strategy: Strategy | None, strategy_id: str) -> str:
    if strategy is None:
        return _(f"- `{strategy_id}` (no longer available here; `cope unsave {strategy_id}` tidies it away)")
    return f"- **{strategy.title}** (`{strategy.id}`) — {strategy.summary}"


def _suggested_line(s: Suggested) -> str:
    if s.strategy_id is not None:
        return _(f"- **{s.title}**: added, as `{s.strategy_id}`")
    if s.status is Status.REJECTED:
        return _(f"- **{s.title}**: not added") + (f" — *{s.reason}*" if s.reason else "")
    return _(f"- **{s.title}**: waiting for a facilitator")


def _review_field(s: Suggested) -> Field:
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(s.steps, start=1))
    flag = (
        _("\n⚠️ Mentions self-harm: please check it carefully.")
        if is_self_harm_query(" ".join((s.title, *s.steps)))
        else ""
    )
    return Field(f"#{s.id} {s.title}", steps + flag)


def _review_buttons(number: int) -> tuple[Button, Button]:
    return (
        Button(_(f"Approve #{number}"), f"{ACTION}:approve:{number}", "✅", ButtonStyle.SUCCESS),
        Button(_(f"Decline #{number}"), f"{ACTION}:reject:{number}", "", ButtonStyle.SECONDARY),
    )
