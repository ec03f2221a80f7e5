"""What the crisis feature says to members and facilitators: warm, brief, safe-messaging wording in one place."""

from __future__ import annotations

from datetime import datetime

from bot.core.i18n import _
from bot.core.messages import Button, Field, Rich
from bot.core.text import mention, timestamp
from bot.logic.crisis_resources import Resource, ResourceList, country_name, next_opening

__all__ = [
    "ALERT_NO_TEXT",
    "CHOICE_HELP",
    "CHOICE_OK",
    "CHOICE_UNSAFE",
    "DETECTION_LIMITS",
    "SUPPORT_TIPS",
    "alert_message",
    "channel_fallback",
    "check_in_reply",
    "choice_buttons",
    "crisis_reply",
    "detection_notice",
    "help_alert",
    "lines_text",
    "resource_line",
    "worried_alert",
]

CHOICE_OK = "ok"
CHOICE_HELP = "help"
CHOICE_UNSAFE = "unsafe"

ALERT_NO_TEXT = _("The message itself is not copied here. Please read it in place and reach out privately.")

SUPPORT_TIPS = _(
    "- Reach out privately and kindly: *\"I've noticed you seem to be having a hard time. How are you doing?\"*\n"
    "- It's OK to ask directly whether they're thinking about suicide. Asking doesn't put the idea there; "
    "it tells them they can talk to you.\n"
    "- Listen more than you advise, and don't promise to keep it secret if their life may be at risk.\n"
    "- Offer to help them contact one of the lines below, or their doctor.\n"
    "- If they are in immediate danger, call the emergency number.\n"
    "- Look after yourself too: you don't have to carry this alone."
)


def _contact(resource: Resource) -> str:
    parts: list[str] = []
    if resource.phone:
        parts.append(_(f"call `{resource.phone}`"))
    if resource.text:
        parts.append(resource.text[0].lower() + resource.text[1:])
    if resource.chat_url:
        parts.append(_(f"[chat online]({resource.chat_url})"))
    if not parts and resource.source:
        parts.append(f"[{resource.source.removeprefix('https://').rstrip('/')}]({resource.source})")
    return " · ".join(parts)


def _availability(resource: Resource, listing: ResourceList, now: datetime, zone: str) -> str:
    """24/7, open now, or when it next opens in the reader's own time zone."""
    hours = resource.hours
    if hours.always:
        return _("24/7")
    if not hours.known:
        return ""
    if resource in listing.open_now:
        return _("open now")
    opens = next_opening(resource, now)
    return _(f"closed now, opens {timestamp(opens, 'F', zone)}") if opens else _("closed now")


def resource_line(resource: Resource, listing: ResourceList, now: datetime, zone: str) -> str:
    """``- **Samaritans**: call `116 123` · 24/7``."""
    bits = [b for b in (_contact(resource), _availability(resource, listing, now, zone)) if b]
    line = f"- **{resource.name}**: " + " · ".join(bits)
    if resource.note:
        line += f" ({resource.note.rstrip('.')})"
    if resource.local:
        line += _(" *(added by this community)*")
    return line


def _emergency_line(listing: ResourceList) -> str:
    if listing.emergency:
        return _(f"If you might act on thoughts of harming yourself, or you're in danger right now, call "
                 f"**{listing.emergency}** (emergency services).")
    return _("If you're in danger right now, call your local emergency number.")


def lines_text(listing: ResourceList, now: datetime, zone: str) -> str:
    """The list of lines, open ones first, with a heading saying whose country they are for."""
    if listing.fallback and listing.country:
        heading = _(f"I don't have lines for {country_name(listing.country)} yet; these directories list "
                    "helplines in every country:")
    elif listing.fallback:
        heading = _("These directories list free, confidential helplines in every country "
                    "(set your country with `settings country` to see your own first):")
    else:
        heading = _(f"Lines for {country_name(listing.country or '')}, open ones first:")
    return "\n".join([heading, *(resource_line(r, listing, now, zone) for r in listing)])


def crisis_reply(listing: ResourceList, now: datetime, zone: str) -> Rich:
    """What ``crisis`` sends, privately."""
    return Rich(
        title=_("Support, right now"),
        text="\n\n".join([
            _emergency_line(listing),
            lines_text(listing, now, zone),
            _("The people on these lines are there to listen, whatever is going on. "
              "The people in this community are here for you too."),
        ]),
    )


def choice_buttons(action_base: str, owner_id: str, owner_tag: str) -> tuple[Button, ...]:
    """Three neutral choices, same style; actions are ``<action_base><choice>|<owner_tag>``."""
    labels = ((CHOICE_OK, _("I'm OK for now")), (CHOICE_HELP, _("I'd like a facilitator to reach out")),
              (CHOICE_UNSAFE, _("I'm not safe right now")))
    return tuple(Button(label, f"{action_base}{choice}|{owner_tag}", for_member=owner_id)
                 for choice, label in labels)


def check_in_reply(
    listing: ResourceList, now: datetime, zone: str, buttons: tuple[Button, ...], prefix: str,
    *, alerting: bool = False,
) -> Rich:
    """The private message after a flagged message: a check-in, not a diagnosis; it never quotes them.
    ``alerting`` says the facilitators are being told too, so nothing is escalated without saying so."""
    if alerting:
        escalation = _("Because your message sounded urgent, I'm also letting the facilitators know privately, "
                       "so one of them may check in. They get a link, never a copy of your words.")
    else:
        escalation = _("If a message looks urgent, I may also let the facilitators know privately, never with "
                       "your words.")
    return Rich(
        title=_("Checking in with you"),
        text="\n\n".join([
            _("Something you wrote just now made me want to check in. I'm a bot, not a counsellor, "
              "so I won't pretend to know how you feel, but you don't have to go through this alone."),
            _emergency_line(listing),
            lines_text(listing, now, zone),
            _("The people in this community are here for you too."),
            escalation + " " + _(f"You can turn these automatic messages off with "
                                 f"`{prefix}settings crisis-replies off`; `{prefix}crisis` always works."),
            _("How are you doing right now?"),
        ]),
        buttons=buttons,
    )


def channel_fallback(prefix: str) -> str:
    """Said in the channel when the private message could not be delivered; never quotes the member."""
    return _(f"I tried to send you a private message but couldn't reach you. If things feel heavy, "
             f"`{prefix}crisis` shows support lines, privately, any time. You're not alone here. 💛")


# What admins should know when they turn detection on: on messages it had never seen, it flagged 94 to 97 in a
# hundred written by someone in trouble, and 2 to 4 in a hundred look-alikes, 6 on one set (benchmarks/bench_crisis.py).
DETECTION_LIMITS = _("It notices many messages from someone who is struggling, not all of them, and now and then "
                     "it checks in on someone who is fine. It helps people look out for each other; it can't replace "
                     "that.")


def detection_notice(channel_names: list[str], prefix: str) -> str:
    """For ``about`` and the circle guidelines: where detection is on and how to opt out."""
    where = ", ".join(f"#{name}" for name in channel_names)
    return _(f"Crisis detection is on in {where}: if a message there looks like someone may be struggling, "
             f"I send them support lines privately and, if it looks urgent, tell the facilitators (never the "
             f"words). Only who and when is kept. Turn it off for yourself with "
             f"`{prefix}settings crisis-replies off`.")


def alert_message(
    member_id: str, where: str, link: str | None, severity: str, delivered: bool, reason: str
) -> Rich:
    """The moderator alert for an urgent message: who, where, a link and severity; never the text."""
    if delivered:
        reply = _("sent privately")
    else:
        reply = _(f"**not delivered** ({reason or 'refused'}); a gentle note was left in the channel instead")
    return Rich(
        title=_(f"Crisis alert: {severity}"),
        text=ALERT_NO_TEXT,
        fields=(
            Field(_("Who"), mention(member_id)),
            Field(_("Where"), where),
            Field(_("Message"), f"[{_('jump to the message')}]({link})" if link else _("no link available")),
            Field(_("Severity"), severity),
            Field(_("Private reply with support lines"), reply),
        ),
    )


def help_alert(member_id: str, unsafe: bool) -> Rich:
    """A member asked, from their private reply, for a facilitator to reach out."""
    if unsafe:
        title = _("Crisis alert: a member says they are not safe right now")
        text = _(f"{mention(member_id)} pressed **I'm not safe right now**. They were shown the emergency number "
                 "and crisis lines. Please reach out to them privately as soon as you can.")
    else:
        title = _("A member would like a facilitator to reach out")
        text = _(f"{mention(member_id)} asked for a facilitator to reach out. Please contact them privately "
                 "when you can.")
    return Rich(title=title, text=text)


def worried_alert(reporter_id: str, member_id: str) -> Rich:
    """A member is worried about another; the named member is never told by the bot."""
    return Rich(
        title=_("A member is worried about someone"),
        text=_(f"{mention(reporter_id)} is worried about {mention(member_id)}. I have not contacted "
               f"{mention(member_id)}. Please consider reaching out to them gently and privately."),
    )
