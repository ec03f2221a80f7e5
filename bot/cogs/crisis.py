"""Crisis support: lines on request, private check-ins where admins turned detection on, and facilitator alerts."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.cogs import crisis_text as say
from bot.core import options as opt
from bot.core.commands import Cog, command, on_button, on_message
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.events import ButtonPress, ChatMessage
from bot.core.i18n import _
from bot.core.messages import Delivery, Field, Rich
from bot.core.model import Channel, Level, Member
from bot.core.privacy import MemberData
from bot.logic.crisis_detector import Severity, Verdict, detect
from bot.logic.crisis_resources import (
    Hours,
    Resource,
    ResourceList,
    country_name,
    resources_for,
    valid_country,
)
from bot.store.crisis import CRISIS_MIGRATIONS, CrisisRepo, LocalResource

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = ["Crisis"]

_log = logging.getLogger(__name__)

ACTION = "crisis"
# Mark kinds (who and when, nothing more); the choices "help" and "unsafe" are marks too.
REPLY, ALERT, WORRIED = "reply", "alert", "worried"
HELP_REPEAT = timedelta(minutes=30)  # a second press within this is not alerted again
WORRIED_WINDOW = timedelta(hours=24)
WORRIED_LIMIT = 3  # reports per reporter per window: enough to care, too few to harass with
MAX_COOLDOWN = timedelta(days=7)
_CLEAR = {"off", "none", "clear", "unset"}


def _owner_tag(member_id: str) -> str:
    """A short fixed-length tag of the member a check-in was for: fits any id in a button's 100 characters."""
    return hashlib.blake2b(member_id.encode(), digest_size=8).hexdigest()


def _local(row: LocalResource) -> Resource:
    return Resource(country="LOCAL", name=row.name, hours=Hours(), source=row.url or "", verified=None,
                    phone=row.phone, chat_url=None, note=row.note, local=True)


def _label(code: str) -> str:
    """``Germany (DE)``, or just the code for a country without shipped lines."""
    name = country_name(code)
    return code if name == code else f"{name} ({code})"


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if not valid_country(code):
        raise UserError(_(f"`{value[:20]}` isn't a country code I know. Use two letters, like `GB`, `US` or `DE`."))
    return code


class Crisis(Cog):
    """Private crisis lines for anyone, any time; detection only where an admin turned it on."""

    migrations = (CRISIS_MIGRATIONS,)

    def __init__(self, rt: Runtime) -> None:
        super().__init__(rt)
        self.repo = CrisisRepo(self.rt.db)
        self.detect: Callable[[str], Verdict] = detect  # replaceable in tests

    async def setup(self) -> None:
        self.detect("")  # loads the detector's model now rather than on the first message in a detection channel

    def member_data(self) -> tuple[MemberData, ...]:
        return (self.repo,)

    async def about_notes(self, community_id: str) -> list[str]:
        channels = await self.repo.detection_channels(community_id)
        if not channels:
            return [_("Crisis detection is off here; `crisis` shows support lines privately, any time.")]
        return [say.detection_notice([c.channel_name for c in channels], self._prefix(community_id))]

    async def channel_notices(self, community_id: str, channel_id: str) -> list[str]:
        """Circle guidelines in a channel where detection is on say so, with how to opt out."""
        if not await self.repo.detection_on(community_id, channel_id):
            return []
        names = [c.channel_name for c in await self.repo.detection_channels(community_id) if c.channel_id == channel_id]
        return [say.detection_notice(names, self._prefix(community_id))]

    def _prefix(self, community_id: str) -> str:
        """How members type commands in the community, for notices written outside a command."""
        adapter = self.rt.adapter_for(community_id)
        return adapter.prefix if adapter is not None else "/"

    # -- shared ---------------------------------------------------------------------------------------------
    async def _country(self, community_id: str, member_id: str) -> str | None:
        """The member's own country, else the community's default, else the configured one."""
        own = (await self.rt.members.get(community_id, member_id)).country
        if own:
            return own
        return (await self.rt.communities.get(community_id)).country or self.rt.config.bot.country

    async def _listing(self, community_id: str, member_id: str, now: datetime,
                       country: str | None = None) -> ResourceList:
        local = tuple(_local(r) for r in await self.repo.resources(community_id))
        chosen = country if country is not None else await self._country(community_id, member_id)
        return resources_for(chosen, now, local)

    async def _alert(self, community_id: str, message: Rich) -> Delivery:
        channel = (await self.rt.communities.get(community_id)).alert_channel
        if not channel:
            return Delivery.failed("no alert channel set")
        delivery = await self.rt.send(channel, message)
        if not delivery.delivered:
            _log.warning("crisis alert not delivered in %s (%s)", community_id, delivery.reason)
        return delivery

    async def _cooldown(self, community_id: str) -> timedelta:
        own = await self.repo.cooldown(community_id)
        return own if own is not None else timedelta(hours=self.rt.config.crisis.cooldown_hours)

    async def _within(self, community_id: str, member_id: str, kind: str, span: timedelta, now: datetime) -> bool:
        last = await self.repo.last_mark(community_id, member_id, kind)
        return last is not None and now - last < span

    # -- member commands ------------------------------------------------------------------------------------
    @command("crisis", opt.text("country", "A two-letter country code, like GB (optional)", required=False,
                                max_length=20))
    async def crisis(self, ctx: Context, country: str | None = None) -> None:
        """Get crisis lines privately, open ones first. Anyone can use this, any time."""
        code = _country_code(country) if country else None
        now = ctx.now()
        listing = await self._listing(ctx.community.id, ctx.actor.id, now, code)
        await ctx.reply_private(say.crisis_reply(listing, now, await ctx.zone()))

    @command("settings country", opt.text("code", "Two letters, like GB or US; or off", max_length=20))
    async def settings_country(self, ctx: Context, code: str) -> None:
        """Set your country, so `crisis` shows the lines there first."""
        if code.strip().casefold() in _CLEAR:
            await self.rt.members.update(ctx.community.id, ctx.actor.id, country=None)
            await ctx.reply(_("Your country is cleared; `crisis` will use the community's default."),
                            ephemeral=True)
            return
        chosen = _country_code(code)
        await self.rt.members.update(ctx.community.id, ctx.actor.id, country=chosen)
        listing = resources_for(chosen, ctx.now())
        extra = (_(" I don't have lines there yet, so `crisis` will show international directories.")
                 if listing.fallback else "")
        await ctx.reply(_(f"Your country is now **{_label(chosen)}**.") + extra, ephemeral=True)

    @command("settings crisis-replies", opt.choice("state", "on or off", ("on", "off")))
    async def settings_crisis_replies(self, ctx: Context, state: str) -> None:
        """Choose whether I may check in with you privately when a message of yours looks like you're struggling."""
        on = state == "on"
        await self.rt.members.update(ctx.community.id, ctx.actor.id, crisis_replies=on)
        text = (_("Automatic check-ins are on for you.") if on else
                _("I won't send you automatic check-ins. `crisis` still works whenever you need it."))
        await ctx.reply(text, ephemeral=True)

    @command("worried", opt.member("member", "The member you're worried about"))
    async def worried(self, ctx: Context, member: Member) -> None:
        """Tell the facilitators, privately, that you're worried about someone. They are not told by me."""
        now = ctx.now()
        community = ctx.community.id
        if member.id == ctx.actor.id:
            await self._send_check_in(ctx, await self._listing(community, ctx.actor.id, now), now)
            return
        listing = await self._listing(community, ctx.actor.id, now)
        lines = say.lines_text(listing, now, await ctx.zone())
        recent = await self.repo.count_marks(community, ctx.actor.id, WORRIED, now - WORRIED_WINDOW)
        if recent >= WORRIED_LIMIT:
            await ctx.reply_private(Rich(
                text=_("You've already passed on several worries today, so I haven't sent this one. "
                       "Please talk to a facilitator directly. If someone is in immediate danger, call the "
                       "emergency number."),
                fields=(Field(_("How to support someone"), say.SUPPORT_TIPS), Field(_("Lines"), lines)),
            ))
            return
        delivery = await self._alert(community, say.worried_alert(ctx.actor.id, member.id))
        await self.repo.mark(community, ctx.actor.id, WORRIED, now)
        _log.info("worried report in %s (alert delivered: %s)", community, delivery.delivered)
        if delivery.delivered:
            told = _("Thank you for looking out for them. I've told the facilitators privately. "
                     "I won't message the person you named.")
        else:
            told = _("Thank you for looking out for them. I couldn't reach the facilitators (no alert channel is "
                     "set up here), so please tell one of them directly. I won't message the person you named.")
        await ctx.reply_private(Rich(
            text=told,
            fields=(Field(_("How to support someone"), say.SUPPORT_TIPS),
                    Field(_("Lines you can share, or use yourself"), lines)),
        ))

    # -- admin commands -------------------------------------------------------------------------------------
    @command("crisis detection", opt.choice("state", "on or off", ("on", "off")),
             opt.channel("channel", "Which channel (this one if left out)", required=False), level=Level.ADMIN)
    async def detection(self, ctx: Context, state: str, channel: Channel | None = None) -> None:
        """Turn crisis detection on or off in a channel. It is off everywhere until you turn it on."""
        where = channel or ctx.channel
        if where.direct:
            raise UserError(_("Detection works in community channels, not direct messages."))
        on = state == "on"
        name = where.name or where.id
        changed = await self.repo.set_detection(ctx.community.id, where.id, name, on, ctx.actor.id, ctx.now())
        _log.info("crisis detection %s in a channel of %s", state, ctx.community.id)
        prefix = ctx.adapter.prefix
        if on:
            notice = say.detection_notice([name], prefix)
            if changed:
                await ctx.send(where.id, notice)
            await ctx.reply(_(f"Crisis detection is on in #{name}. I posted a note there so members know.\n"
                              f"{say.DETECTION_LIMITS}") if changed
                            else _(f"Crisis detection was already on in #{name}."), ephemeral=True)
        else:
            await ctx.reply(_(f"Crisis detection is off in #{name}.") if changed
                            else _(f"Crisis detection was not on in #{name}."), ephemeral=True)

    @command("crisis alerts", opt.channel("channel", "The private channel facilitators watch"), level=Level.ADMIN)
    async def alerts(self, ctx: Context, channel: Channel) -> None:
        """Choose the private channel where facilitators get crisis alerts and worried reports."""
        await self.rt.communities.set(ctx.community.id, ctx.actor.id, "alert_channel", channel.id, ctx.now())
        await ctx.reply(_(f"Crisis alerts will go to #{channel.name or channel.id}. Please keep that channel "
                          "private to facilitators."), ephemeral=True)

    @command("crisis country", opt.text("code", "Two letters, like GB or US; or off", max_length=20),
             level=Level.ADMIN)
    async def community_country(self, ctx: Context, code: str) -> None:
        """Set the community's default country for crisis lines (members can set their own)."""
        value = None if code.strip().casefold() in _CLEAR else _country_code(code)
        await self.rt.communities.set(ctx.community.id, ctx.actor.id, "country", value, ctx.now())
        await ctx.reply(_(f"The community's default country is now **{_label(value)}**.") if value
                        else _("The community's default country is cleared."), ephemeral=True)

    @command("crisis cooldown", opt.duration("length", "How long between automatic check-ins, like 6h"),
             level=Level.ADMIN)
    async def cooldown(self, ctx: Context, length: timedelta) -> None:
        """Set how long I wait before checking in with the same member again (6 hours unless you change it)."""
        if length > MAX_COOLDOWN:
            raise UserError(_("The cool-down can be at most 7 days."))
        await self.repo.set_cooldown(ctx.community.id, length)
        hours = length.total_seconds() / 3600
        await ctx.reply(_(f"I'll check in with the same member at most once every {hours:g} hours."),
                        ephemeral=True)

    @command("crisis resource add", opt.text("line", "The line's name", max_length=100),
             opt.text("phone", "Its phone number", required=False, max_length=40),
             opt.text("url", "Its website (https://...)", required=False, max_length=200),
             opt.text("note", "When it's open, who it's for", required=False, max_length=200, rest=True),
             level=Level.ADMIN)
    async def resource_add(self, ctx: Context, line: str, phone: str | None = None, url: str | None = None,
                           note: str | None = None) -> None:
        """Add a local line; members see it before the national ones."""
        if not phone and not url:
            raise UserError(_("Give the line a `phone` number or a `url`, so members can reach it."))
        if url and not url.startswith("https://"):
            raise UserError(_("The url should start with `https://`."))
        if phone and not any(ch.isdigit() for ch in phone):
            raise UserError(_("The phone number should have digits in it, like `0800 123 456`."))
        new_id = await self.repo.add_resource(ctx.community.id, line, phone, url, note, ctx.actor.id, ctx.now())
        await ctx.reply(_(f"Added **{line}** (number {new_id}). Members will see it first in `crisis`."),
                        ephemeral=True)

    @command("crisis resource remove", opt.integer("number", "The line's number from `crisis resource list`",
                                                   min_value=1), level=Level.ADMIN)
    async def resource_remove(self, ctx: Context, number: int) -> None:
        """Remove a local line you added."""
        if not await self.repo.remove_resource(ctx.community.id, number):
            raise UserError(_(f"There's no local line number {number}. `crisis resource list` shows them."))
        await ctx.reply(_(f"Removed local line {number}."), ephemeral=True)

    @command("crisis resource list", level=Level.ADMIN)
    async def resource_list(self, ctx: Context) -> None:
        """See the local lines added for this community."""
        rows = await self.repo.resources(ctx.community.id)
        lines = [f"{r.id}. **{r.name}** " + " · ".join(x for x in (r.phone, r.url, r.note) if x) for r in rows]
        await ctx.reply("\n".join(lines) or _("No local lines yet. Add one with `crisis resource add`."),
                        ephemeral=True)

    # -- detection ------------------------------------------------------------------------------------------
    @on_message
    async def listen(self, ctx: Context, message: ChatMessage) -> None:
        """Check messages only in channels where an admin turned detection on; keep nothing of the text."""
        community, member = message.community.id, message.actor.id
        if message.channel.direct:
            return
        if not any([await self.repo.detection_on(community, cid) for cid in message.channel.ids]):
            return
        if not (await self.rt.members.get(community, member)).crisis_replies:
            return  # opted out: their messages are not even looked at
        verdict = self.detect(message.text)
        if not verdict.crisis:
            return
        now = ctx.now()
        span = await self._cooldown(community)
        urgent = verdict.severity is Severity.URGENT
        if await self._within(community, member, REPLY, span, now):
            # Cooling down: no second message to them; an urgent message still reaches the facilitators once.
            if urgent and not await self._within(community, member, ALERT, span, now):
                await self._urgent_alert(message, Delivery.failed("cool-down: they had a check-in recently"))
            return
        listing = await self._listing(community, member, now)
        alerting = urgent and bool((await self.rt.communities.get(community)).alert_channel)
        delivery = await self._send_check_in(ctx, listing, now, dm=True, alerting=alerting)
        await self.repo.mark(community, member, REPLY, now)
        _log.info("crisis check-in in %s: urgent %s, delivered %s", community, urgent, delivery.delivered)
        if not delivery.delivered:
            await ctx.reply(say.channel_fallback(ctx.adapter.prefix))
        if urgent:
            await self._urgent_alert(message, delivery)

    async def _send_check_in(self, ctx: Context, listing: ResourceList, now: datetime, *,
                             dm: bool = False, alerting: bool = False) -> Delivery:
        zone = await ctx.zone()
        buttons = say.choice_buttons(f"{ACTION}:", ctx.actor.id, _owner_tag(ctx.actor.id))
        message = say.check_in_reply(listing, now, zone, buttons, ctx.adapter.prefix, alerting=alerting)
        return await ctx.dm(ctx.actor.id, message) if dm else await ctx.reply_private(message)

    async def _urgent_alert(self, message: ChatMessage, delivery: Delivery) -> None:
        community = message.community.id
        where = f"#{message.channel.name or message.channel.id}"
        link = message.ref.link if message.ref else None
        alert = say.alert_message(message.actor.id, where, link, Severity.URGENT.value, delivery.delivered,
                                  delivery.reason)
        sent = await self._alert(community, alert)
        if sent.delivered:
            await self.repo.mark(community, message.actor.id, ALERT, self.rt.clock.now())

    # -- the three choices ----------------------------------------------------------------------------------
    @on_button(ACTION)
    async def choose(self, ctx: Context, press: ButtonPress) -> None:
        _prefix, _sep, rest = press.action.partition(":")
        choice, _bar, tag = rest.partition("|")
        if tag != _owner_tag(ctx.actor.id):
            await ctx.reply(_("Only the person this was sent to can answer it."), ephemeral=True)
            return
        owner = ctx.actor.id
        community = ctx.community.id
        now = ctx.now()
        if choice == say.CHOICE_OK:
            await ctx.reply_private(_("Thank you for letting me know. `crisis` is here whenever you need it, "
                                      "and so are the people in this community."))
            return
        if choice not in (say.CHOICE_HELP, say.CHOICE_UNSAFE):
            raise UserError(_("That button is no longer active. `crisis` shows the lines any time."))
        unsafe = choice == say.CHOICE_UNSAFE
        listing = await self._listing(community, owner, now)
        if unsafe:
            # The emergency number and the lines come first, before anything else happens.
            await ctx.reply_private(say.crisis_reply(listing, now, await ctx.zone()))
        repeat = await self._within(community, owner, choice, HELP_REPEAT, now)
        sent = Delivery.ok() if repeat else await self._alert(community, say.help_alert(owner, unsafe))
        if sent.delivered and not repeat:
            await self.repo.mark(community, owner, choice, now)
        _log.info("crisis choice %s in %s (facilitators told: %s)", choice, community, sent.delivered)
        if sent.delivered:
            text = (_("I've let the facilitators know privately; one of them will reach out to you. "
                      "While you wait, the lines above are there for you.") if unsafe else
                    _("I've let the facilitators know privately; one of them will reach out to you. "
                      "`crisis` shows the lines any time."))
        else:
            text = _("I couldn't reach the facilitators: no alert channel is set up here. Please message a "
                     "facilitator directly, or use one of the lines.")
        await ctx.reply_private(text)
