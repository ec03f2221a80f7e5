"""Typed command options, declared once and validated the same way on every platform."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from bot.core.errors import OptionError
from bot.core.i18n import _
from bot.core.model import Channel, Member

__all__ = [
    "Kind",
    "Option",
    "boolean",
    "channel",
    "choice",
    "date_",
    "duration",
    "integer",
    "member",
    "parse_duration",
    "parse_time_of_day",
    "parse_timezone",
    "text",
    "time_of_day",
    "timezone",
]


class Kind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    CHOICE = "choice"
    BOOLEAN = "boolean"
    DURATION = "duration"
    TIME = "time"
    DATE = "date"
    TIMEZONE = "timezone"
    MEMBER = "member"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Option:
    """One argument of a command. ``autocomplete`` names a suggestion source that platforms may offer while typing;
    ``rest`` lets a text option take the rest of a typed line (``cope panic attack at night``)."""

    name: str
    description: str
    kind: Kind = Kind.TEXT
    required: bool = True
    default: object = None
    min_value: int | None = None
    max_value: int | None = None
    max_length: int = 200
    choices: tuple[str, ...] = ()
    autocomplete: str | None = None
    rest: bool = False

    def convert(self, raw: object) -> object:
        """Turn what a platform delivered (text, or an already-typed value) into the option's Python value."""
        if self.kind in (Kind.MEMBER, Kind.CHANNEL):
            wanted = Member if self.kind is Kind.MEMBER else Channel
            if isinstance(raw, wanted):
                return raw
            raise OptionError(_(f"Please mention a {self.kind.value} for **{self.name}**."))
        if isinstance(raw, bool) and self.kind is Kind.BOOLEAN:
            return raw
        if isinstance(raw, int) and not isinstance(raw, bool) and self.kind is Kind.INTEGER:
            return self._bounded(raw)
        value = str(raw).strip()
        if not value:
            raise OptionError(_(f"**{self.name}** cannot be empty."))
        return _CONVERTERS[self.kind](self, value)

    def _bounded(self, number: int) -> int:
        if self.min_value is not None and number < self.min_value:
            raise OptionError(_(f"**{self.name}** must be at least {self.min_value}."))
        if self.max_value is not None and number > self.max_value:
            raise OptionError(_(f"**{self.name}** can be at most {self.max_value}."))
        return number


def _text(opt: Option, value: str) -> str:
    if len(value) > opt.max_length:
        raise OptionError(
            _(f"**{opt.name}** can be at most {opt.max_length} characters; this one has {len(value):,}.")
        )
    return value


def _integer(opt: Option, value: str) -> int:
    try:
        return opt._bounded(int(value.replace(",", "").replace("_", "")))
    except ValueError:
        raise OptionError(_(f"**{opt.name}** should be a whole number, like 5.")) from None


def _choice(opt: Option, value: str) -> str:
    for c in opt.choices:
        if c.casefold() == value.casefold():
            return c
    listed = ", ".join(f"`{c}`" for c in opt.choices)
    raise OptionError(_(f"**{opt.name}** can be one of: {listed}."))


_TRUE = {"yes", "y", "true", "on", "1"}
_FALSE = {"no", "n", "false", "off", "0"}


def _boolean(opt: Option, value: str) -> bool:
    v = value.casefold()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise OptionError(_(f"**{opt.name}** should be on or off."))


_DURATION_PART = re.compile(r"(\d+)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])")


def parse_duration(value: str) -> timedelta:
    """'90m', '1h30m', '1 hour 30 minutes', '2d'; a bare number means minutes. Raises ValueError."""
    v = value.strip().casefold().replace(" and ", " ")
    if v.isdigit():
        return timedelta(minutes=int(v))
    total = timedelta()
    pos = 0
    for m in _DURATION_PART.finditer(v):
        if v[pos : m.start()].strip(" ,"):
            raise ValueError(value)
        n, unit = int(m.group(1)), m.group(2)[0]
        total += {"d": timedelta(days=n), "h": timedelta(hours=n), "m": timedelta(minutes=n)}[unit]
        pos = m.end()
    if pos == 0 or v[pos:].strip():
        raise ValueError(value)
    return total


def _duration(opt: Option, value: str) -> timedelta:
    try:
        d = parse_duration(value)
    except ValueError:
        raise OptionError(_(f"**{opt.name}** should be a length of time like `90m`, `1h30m` or `2d`.")) from None
    if d <= timedelta():
        raise OptionError(_(f"**{opt.name}** must be longer than zero."))
    return d


_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")


def parse_time_of_day(value: str) -> time:
    """'19:00', '7pm', '7:30 pm', '19.30', '19h30'. Raises ValueError."""
    m = _TIME.match(value.strip().casefold())
    if not m:
        raise ValueError(value)
    hour, minute, meridiem = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    elif m.group(2) is None:
        raise ValueError(value)  # a bare "7" is ambiguous: morning or evening?
    return time(hour, minute)  # raises ValueError when out of range


def _time(opt: Option, value: str) -> time:
    try:
        return parse_time_of_day(value)
    except ValueError:
        raise OptionError(_(f"**{opt.name}** should be a time of day like `19:00` or `7pm`.")) from None


def _date(opt: Option, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OptionError(_(f"**{opt.name}** should be a date like `2026-12-01` (year-month-day).")) from None


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {z.casefold(): z for z in available_timezones() if "/" in z or z == "UTC"}


def parse_timezone(value: str) -> str:
    """The canonical IANA name for what was typed (case-insensitive); raises OptionError with suggestions."""
    zones = _zones_by_folded_name()
    key = value.strip().replace(" ", "_").casefold()
    if key in zones:
        ZoneInfo(zones[key])
        return zones[key]
    if re.fullmatch(r"(utc|gmt)?\s*[+-]\d{1,2}(:?\d{2})?", key):
        raise OptionError(
            _("Please use a place name such as `Europe/London` rather than an offset, "
              "so daylight saving is handled for you.")
        )
    close = difflib.get_close_matches(key, zones.keys(), n=3, cutoff=0.6)
    hint = _(" Did you mean " + " or ".join(f"`{zones[c]}`" for c in close) + "?") if close else ""
    raise OptionError(
        _(f"I don't know the time zone `{value[:60]}`. Use a name like `Europe/London` or `America/New_York`.") + hint
    )


def _timezone(opt: Option, value: str) -> str:
    return parse_timezone(value)


_CONVERTERS = {
    Kind.TEXT: _text,
    Kind.INTEGER: _integer,
    Kind.CHOICE: _choice,
    Kind.BOOLEAN: _boolean,
    Kind.DURATION: _duration,
    Kind.TIME: _time,
    Kind.DATE: _date,
    Kind.TIMEZONE: _timezone,
}


# Constructors read better at the declaration site than the dataclass itself.
def text(name: str, description: str, *, required: bool = True, max_length: int = 200,
         autocomplete: str | None = None, rest: bool = False, default: str | None = None) -> Option:
    return Option(name, description, Kind.TEXT, required, default, max_length=max_length,
                  autocomplete=autocomplete, rest=rest)


def integer(name: str, description: str, *, required: bool = True, min_value: int | None = None,
            max_value: int | None = None, default: int | None = None) -> Option:
    return Option(name, description, Kind.INTEGER, required, default, min_value=min_value, max_value=max_value)


def choice(name: str, description: str, choices: tuple[str, ...], *, required: bool = True,
           default: str | None = None) -> Option:
    return Option(name, description, Kind.CHOICE, required, default, choices=choices)


def boolean(name: str, description: str, *, required: bool = True, default: bool | None = None) -> Option:
    return Option(name, description, Kind.BOOLEAN, required, default)


def duration(name: str, description: str, *, required: bool = True, default: timedelta | None = None) -> Option:
    return Option(name, description, Kind.DURATION, required, default)


def time_of_day(name: str, description: str, *, required: bool = True) -> Option:
    return Option(name, description, Kind.TIME, required)


def date_(name: str, description: str, *, required: bool = True) -> Option:
    return Option(name, description, Kind.DATE, required)


def timezone(name: str, description: str, *, required: bool = True) -> Option:
    return Option(name, description, Kind.TIMEZONE, required, autocomplete="timezone")


def member(name: str, description: str, *, required: bool = True) -> Option:
    return Option(name, description, Kind.MEMBER, required)


def channel(name: str, description: str, *, required: bool = True) -> Option:
    return Option(name, description, Kind.CHANNEL, required)
