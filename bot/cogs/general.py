"""Help, about and ping: what the bot is, what it is not, and what each member can do with it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from zoneinfo import available_timezones

from bot.core.commands import Cog, autocomplete, command
from bot.core.context import Context
from bot.core.events import AutocompleteRequest, Suggestion
from bot.core.i18n import _
from bot.core.messages import Field, Rich
from bot.core.model import Level

__all__ = ["General"]


def bot_version() -> str:
    try:
        return version("circlebot")
    except PackageNotFoundError:
        return "development"


ABOUT = _(
    "I help this community run its peer-support circles: scheduled circles and check-ins, coping strategies "
    "that members have found useful, and crisis lines, sent privately.\n"
    "I am **peer support, not therapy**, and not an emergency service. I don't diagnose and I'm not a professional. "
    "If you might be in danger right now, use `crisis` for the lines in your country, or call your local "
    "emergency number."
)
PRIVACY = _(
    "I keep as little as I can: your settings, the circles you joined, check-ins you chose to make. I never keep "
    "the text of chat messages. `privacy export` shows you everything; `privacy delete` removes it."
)


class General(Cog):
    """Commands every community has, whatever features are loaded."""

    @command("help")
    async def help(self, ctx: Context) -> None:
        """List the commands you can use here."""
        groups: dict[Level, list[str]] = {}
        for spec in self.rt.registry.specs(ctx.level):
            groups.setdefault(spec.level, []).append(f"`{ctx.adapter.command_label(spec.name)}` — {spec.summary}")
        fields = tuple(
            Field(_(f"For {level.label}"), "\n".join(lines)) for level, lines in sorted(groups.items())
        )
        await ctx.reply(
            Rich(
                title=_("What you can do here"),
                text=_("Options go after the command, in order or as `name=value`; quote text with spaces."),
                fields=fields,
            ),
            ephemeral=True,
        )

    @command("about")
    async def about(self, ctx: Context) -> None:
        """What this bot does, what it does not do, and what it keeps about you."""
        notes: list[str] = []
        for cog in self.rt.cogs:
            notes.extend(await cog.about_notes(ctx.community.id))
        fields = [Field(_("Privacy"), PRIVACY)]
        if notes:
            fields.append(Field(_("In this community"), "\n".join(notes)))
        await ctx.reply(
            Rich(title=_(f"circlebot {bot_version()}"), text=ABOUT, fields=tuple(fields)), ephemeral=True
        )

    @command("ping")
    async def ping(self, ctx: Context) -> None:
        """Check that I'm listening."""
        await ctx.reply(_("I'm here."), ephemeral=True)

    @autocomplete("timezone")
    async def zones(self, request: AutocompleteRequest) -> list[Suggestion]:
        """Time zones whose name contains what was typed, best first."""
        typed = request.partial.strip().replace(" ", "_").casefold()
        names = sorted(z for z in available_timezones() if "/" in z and typed in z.casefold())
        names.sort(key=lambda z: (not z.casefold().split("/")[-1].startswith(typed), len(z)))
        return [Suggestion(z.replace("_", " "), z) for z in names]
