"""Neutral inline tokens for mentions and times, and the renderers text platforms use for them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.i18n import _

__all__ = [
    "MENTION_RE",
    "TIME_RE",
    "format_time",
    "in_words",
    "markdown_to_html",
    "mention",
    "render_tokens",
    "timestamp",
]

# <@discord:123> / <@matrix:@alice:hs.org>: a member id inside angle brackets.
MENTION_RE = re.compile(r"<@((?:[a-z]+):[^>\s]+)>")
# <t:1700000000:F> or <t:1700000000:F|Europe/London>: Discord's syntax, plus an optional zone for text platforms.
TIME_RE = re.compile(r"<t:(-?\d+):([tTdDfFR])(?:\|([A-Za-z0-9_+\-/]+))?>")

_STYLES = {
    "t": "%H:%M",
    "T": "%H:%M:%S",
    "d": "%d %b %Y",
    "D": "%-d %B %Y",
    "f": "%-d %B %Y, %H:%M",
    "F": "%A %-d %B %Y, %H:%M",
    "R": "%a %-d %b, %H:%M",
}


def mention(member_id: str) -> str:
    """A token that each platform renders as a mention of the member."""
    return f"<@{member_id}>"


def timestamp(when: datetime, style: str = "F", zone: str | None = None) -> str:
    """A token for a moment in time: Discord shows it in each reader's zone, text platforms in ``zone``."""
    suffix = f"|{zone}" if zone else ""
    return f"<t:{int(when.timestamp())}:{style}{suffix}>"


def in_words(delta: timedelta) -> str:
    """How far away something is, as people say it: 'in 15 minutes', 'in 24 hours', 'in 3 days'."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 90:
        return _(f"in {minutes} minute{'s' if minutes != 1 else ''}")
    hours = round(minutes / 60)
    if hours < 48:
        return _(f"in {hours} hours")
    return _(f"in {round(hours / 24)} days")


def format_time(unix: int, style: str, zone: str | None) -> str:
    """Render a time token as text in the given zone (UTC when none), always naming the zone."""
    tz = ZoneInfo(zone) if zone else UTC
    local = datetime.fromtimestamp(unix, tz)
    return f"{local.strftime(_STYLES.get(style, _STYLES['F']))} {local.tzname()}"


def render_tokens(
    text: str,
    *,
    mention_as: Callable[[str], str],
    time_as: Callable[[int, str, str | None], str] = format_time,
) -> str:
    """Replace neutral tokens with what a platform shows."""
    text = MENTION_RE.sub(lambda m: mention_as(m.group(1)), text)
    return TIME_RE.sub(lambda m: time_as(int(m.group(1)), m.group(2), m.group(3)), text)


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"), r'<a href="\2">\1</a>'),
)


def markdown_to_html(text: str) -> str:
    """The Markdown subset of neutral messages as HTML (for Matrix's formatted_body)."""
    out: list[str] = []
    in_list = False
    for line in text.translate(_HTML_ESCAPES).split("\n"):
        for pattern, repl in _INLINE:
            line = pattern.sub(repl, line)
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{line[2:]}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        out.append(line + "<br>")
    if in_list:
        out.append("</ul>")
    html = "".join(out)
    return html.removesuffix("<br>")
