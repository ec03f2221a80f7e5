"""Moods as members see them: the five labels, the check-in buttons, summary maths and the private mood chart."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from io import BytesIO
from statistics import median
from zoneinfo import ZoneInfo

from bot.core.i18n import _
from bot.core.messages import Button, ButtonStyle

__all__ = [
    "ACTION_PREFIX",
    "MAX_MOOD",
    "MAX_NOTE",
    "MIN_MOOD",
    "MOODS",
    "SPREAD_MINIMUM",
    "CheckinAction",
    "Mood",
    "MoodStats",
    "check_mood",
    "mood",
    "mood_buttons",
    "render_chart",
    "safe_note",
    "spread",
    "stats",
]

ACTION_PREFIX = "checkin"
MIN_MOOD, MAX_MOOD = 1, 5
MAX_NOTE = 500
SPREAD_MINIMUM = 3  # below this many check-ins, a spread could single someone out
_DRAWING = threading.Lock()  # matplotlib shares its font caches between threads; charts are drawn one at a time


@dataclass(frozen=True, slots=True)
class Mood:
    """One point of the scale, in warm everyday words rather than clinical ones."""

    value: int
    label: str
    emoji: str

    @property
    def shown(self) -> str:
        return f"{self.emoji} {self.label}"


MOODS: tuple[Mood, ...] = (
    Mood(1, _("Really struggling"), "😞"),
    Mood(2, _("Having a hard time"), "😟"),
    Mood(3, _("Getting by"), "😐"),
    Mood(4, _("Doing okay"), "🙂"),
    Mood(5, _("Doing well"), "😊"),
)


def check_mood(value: int) -> int:
    """The mood itself, or ValueError when it is off the scale (stores refuse what the scale cannot show)."""
    if not MIN_MOOD <= value <= MAX_MOOD:
        raise ValueError(f"mood must be {MIN_MOOD} to {MAX_MOOD}")
    return value


def mood(value: int) -> Mood:
    return MOODS[check_mood(value) - MIN_MOOD]


# -- buttons ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CheckinAction:
    """What a mood button carries: the circle occurrence it belongs to (none for a personal check-in) and the mood.

    On the wire it is ``checkin:<circle_id>:<occurrence_epoch>:<mood>``, with ``0:0`` for no circle, so a press
    still works after a restart.
    """

    circle_id: int | None
    occurrence_at: datetime | None
    mood: int

    def encode(self) -> str:
        circle = self.circle_id or 0
        epoch = int(self.occurrence_at.timestamp()) if self.occurrence_at and circle else 0
        return f"{ACTION_PREFIX}:{circle}:{epoch}:{self.mood}"

    @classmethod
    def parse(cls, action: str) -> CheckinAction:
        """Raises ValueError for anything that is not a well-formed mood button."""
        parts = action.split(":")
        if len(parts) != 4 or parts[0] != ACTION_PREFIX or not all(p.isdigit() for p in parts[1:]):
            raise ValueError("not a check-in action")
        circle, epoch, value = (int(p) for p in parts[1:])
        if bool(circle) != bool(epoch):
            raise ValueError("a circle needs its occurrence")
        when = datetime.fromtimestamp(epoch, UTC) if epoch else None
        return cls(circle or None, when, check_mood(value))


def mood_buttons(
    circle_id: int | None, occurrence_at: datetime | None, *, for_member: str | None = None
) -> tuple[Button, ...]:
    """The five mood buttons. In a channel anyone may press them (each press is the presser's own check-in);
    ``for_member`` keeps a private prompt to the member it was made for."""
    return tuple(
        Button(m.label, CheckinAction(circle_id, occurrence_at, m.value).encode(), m.emoji,
               ButtonStyle.PRIMARY if m.value == MAX_MOOD else ButtonStyle.SECONDARY, for_member)
        for m in MOODS
    )


# -- summary maths ------------------------------------------------------------------------------------------------
def spread(moods: Iterable[int], minimum: int = SPREAD_MINIMUM) -> dict[int, int] | None:
    """How many chose each mood (every mood listed, zero included), or None when fewer than ``minimum`` checked
    in: with one or two people, a spread would tell the circle how a named person feels."""
    counts = Counter(check_mood(m) for m in moods)
    if sum(counts.values()) < minimum:
        return None
    return {m.value: counts.get(m.value, 0) for m in MOODS}


@dataclass(frozen=True, slots=True)
class MoodStats:
    count: int
    average: float | None
    middle: float | None
    lowest: int | None
    highest: int | None


def stats(moods: Sequence[int]) -> MoodStats:
    """A member's own numbers over a period; all None when they did not check in."""
    if not moods:
        return MoodStats(0, None, None, None, None)
    return MoodStats(len(moods), round(sum(moods) / len(moods), 1), float(median(moods)), min(moods), max(moods))


# -- notes --------------------------------------------------------------------------------------------------------
_TOKENS = re.compile(r"<(?=[@#]|t:)|@(?=everyone|here)", re.IGNORECASE)


def safe_note(note: str) -> str:
    """A shared note as plain words: mention, time and @everyone tokens are broken with a zero-width space, so a
    note never makes the bot ping or alert anyone."""
    return _TOKENS.sub(lambda m: m.group(0) + "\u200b", note.strip())


# -- the chart ----------------------------------------------------------------------------------------------------
def _day_ticks(start: datetime, end: datetime, tz: ZoneInfo) -> list[tuple[float, str]]:
    """Local midnights about a week apart (wider for longer spans), as (days since start, "2 Mar")."""
    span = (end - start).total_seconds() / 86400
    step = 7 * max(1, round(span / 42))
    day = start.astimezone(tz).date() + timedelta(days=1)
    ticks = []
    while (at := datetime.combine(day, time(0), tz)) <= end:
        ticks.append(((at - start).total_seconds() / 86400, f"{day.day} {day:%b}"))
        day += timedelta(days=step)
    return ticks


def render_chart(points: Sequence[tuple[datetime, int]], *, zone: str, start: datetime, end: datetime) -> bytes:
    """A PNG of one member's moods between ``start`` and ``end``, on their local calendar. It carries no name and
    no note: only days and moods, so a forwarded chart says nothing about who it belongs to."""
    # matplotlib costs about a second to import; only charts need it. Agg draws without a display.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    moods = [check_mood(m) for _w, m in points]
    span = (end - start).total_seconds() / 86400
    ticks = _day_ticks(start, end, ZoneInfo(zone))
    out = BytesIO()
    with _DRAWING:
        fig = Figure(figsize=(8, 3.6), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.subplots()
        ax.plot([(when - start).total_seconds() / 86400 for when, _m in points], moods, marker="o",
                linewidth=1.6, markersize=5, color="#4c72b0")
        ax.set_xlim(0, span)
        ax.set_ylim(MIN_MOOD - 0.5, MAX_MOOD + 0.5)
        ax.set_yticks([m.value for m in MOODS], [m.label for m in MOODS])
        ax.set_xticks([x for x, _label in ticks], [label for _x, label in ticks])
        ax.grid(True, axis="y", alpha=0.3)
        ax.set_title(_(f"Your mood over the last {round(span)} days"))
        if not points:
            ax.text(0.5, 0.5, _("No check-ins in this time"), transform=ax.transAxes, ha="center", va="center")
        fig.tight_layout()
        fig.savefig(out, format="png")
    return out.getvalue()
