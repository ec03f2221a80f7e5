"""Crisis helplines: load the shipped list, check it, and choose which lines to show a member right now."""

from __future__ import annotations

import functools
import json
import re
import sys
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "ALWAYS",
    "INTERNATIONAL",
    "Catalogue",
    "Hours",
    "Resource",
    "ResourceError",
    "ResourceList",
    "Window",
    "country_name",
    "emergency_number",
    "is_open",
    "load_resources",
    "next_opening",
    "parse_catalogue",
    "resource_json",
    "resources_cli",
    "resources_for",
    "valid_country",
    "validate_entry",
]

INTERNATIONAL = "INTL"

# ISO 3166-1 alpha-2, all 249 officially assigned codes (checked against tzdata's iso3166.tab in the tests).
_ISO_3166 = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
    BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES
    ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE
    IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY
    MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU
    NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM
    SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE
    VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_PHONE = re.compile(r"^\*?\+?[0-9][0-9 ()\-]{1,24}$")
_EMERGENCY = re.compile(r"^[0-9]{2,5}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_RESOURCE_KEYS = frozenset(
    {"country", "name", "phone", "text", "chat_url", "note", "hours", "timezone", "languages", "source",
     "verified"}
)
_COUNTRY_KEYS = frozenset({"code", "name", "emergency"})
_TEXT_LIMIT = 200


class ResourceError(ValueError):
    """A crisis resource entry that does not follow the schema; the message names the entry and the key."""


def valid_country(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code (upper case, as stored)."""
    return code in _ISO_3166


@dataclass(frozen=True)
class Window:
    """A weekly opening window: starts at ``open`` on each of ``days`` and may run past midnight."""

    days: frozenset[int]  # 0 = Monday, as datetime.weekday()
    open: time
    close: time
    label: str  # the days as written in the data, for display ("Mon-Fri")

    def contains(self, local: datetime) -> bool:
        """Whether the wall-clock moment ``local`` falls inside this window."""
        now = local.time().replace(tzinfo=None)
        today = local.weekday()
        if self.close > self.open:
            return today in self.days and self.open <= now < self.close
        # Closes at or before it opens: the window runs on into the next day.
        yesterday = (today - 1) % 7
        return (today in self.days and now >= self.open) or (yesterday in self.days and now < self.close)

    def describe(self) -> str:
        """``Mon-Fri 18:00–02:00``."""
        return f"{self.label} {self.open:%H:%M}–{self.close:%H:%M}"


@dataclass(frozen=True)
class Hours:
    """When a line answers: always, in weekly windows of its own time zone, or not known (community lines)."""

    always: bool = False
    windows: tuple[Window, ...] = ()
    timezone: str | None = None

    @property
    def known(self) -> bool:
        """False for community-added lines whose hours nobody gave."""
        return self.always or bool(self.windows)

    def is_open(self, now_utc: datetime) -> bool:
        """Whether the line answers at ``now_utc`` (aware); unknown hours count as not known to be open."""
        if self.always:
            return True
        if not self.windows or self.timezone is None:
            return False
        local = now_utc.astimezone(ZoneInfo(self.timezone))
        return any(window.contains(local) for window in self.windows)

    def describe(self) -> str:
        """``24/7``, ``Mon-Sat 14:00–20:00 (Europe/Berlin)`` or ``hours not listed``."""
        if self.always:
            return "24/7"
        if not self.windows:
            return "hours not listed"
        spans = ", ".join(window.describe() for window in self.windows)
        return f"{spans} ({self.timezone})"

    def as_data(self) -> str | list[dict[str, str]]:
        """The hours in the data file's own shape, for JSON output."""
        if self.always:
            return "24/7"
        return [
            {"days": w.label, "open": f"{w.open:%H:%M}", "close": f"{w.close:%H:%M}"} for w in self.windows
        ]


ALWAYS = Hours(always=True)


@dataclass(frozen=True)
class Resource:
    """One crisis line or directory, as shown to a member."""

    country: str
    name: str
    hours: Hours
    source: str
    verified: date | None
    phone: str | None = None
    text: str | None = None
    chat_url: str | None = None
    note: str | None = None
    languages: tuple[str, ...] = ()
    local: bool = False  # added by the community's admins, not shipped


@dataclass(frozen=True)
class Catalogue:
    """The shipped resources and each listed country's name and emergency number."""

    resources: tuple[Resource, ...]
    emergency: Mapping[str, str]
    names: Mapping[str, str]

    def for_country(self, code: str) -> tuple[Resource, ...]:
        """The shipped lines of one country (or of ``INTL``), in file order."""
        return tuple(r for r in self.resources if r.country == code)


@dataclass(frozen=True)
class ResourceList:
    """The lines to show one member now: community lines, then national (open first), then international."""

    country: str | None  # the member's country if valid, else None
    emergency: str | None
    resources: tuple[Resource, ...]
    open_now: frozenset[Resource] = field(default_factory=frozenset)
    fallback: bool = False  # True when the country has no shipped lines of its own

    def __iter__(self) -> Iterator[Resource]:
        return iter(self.resources)

    def __len__(self) -> int:
        return len(self.resources)


# ------------------------------------------------------------------------------------------------ parsing


def _text(raw: Mapping[str, object], key: str, where: str, *, required: bool = False) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            raise ResourceError(f"{where}: '{key}' is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise ResourceError(f"{where}: '{key}' must be a non-empty string")
    if len(value) > _TEXT_LIMIT:
        raise ResourceError(f"{where}: '{key}' is longer than {_TEXT_LIMIT} characters")
    return value.strip()


def _url(raw: Mapping[str, object], key: str, where: str, *, required: bool = False) -> str | None:
    value = _text(raw, key, where, required=required)
    if value is not None and (not value.startswith("https://") or " " in value or len(value) < 12):
        raise ResourceError(f"{where}: '{key}' must be an https:// address")
    return value


def _clock(value: object, where: str) -> time:
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise ResourceError(f"{where}: times are 24-hour 'HH:MM', got {value!r}")
    return time(int(match[1]), int(match[2]))


def _day(name: str, where: str) -> int:
    try:
        return _DAYS.index(name.strip().capitalize())
    except ValueError:
        raise ResourceError(f"{where}: unknown day {name.strip()!r}; use Mon, Tue, … Sun") from None


def _days(value: object, where: str) -> frozenset[int]:
    """``Mon-Fri``, ``Sat``, ``Mon,Wed,Fri`` or wrapping ranges such as ``Fri-Mon``."""
    if not isinstance(value, str) or not value.strip():
        raise ResourceError(f"{where}: 'days' must be like 'Mon-Fri' or 'Sat,Sun'")
    days: set[int] = set()
    for part in value.split(","):
        first, _, last = part.partition("-")
        start = _day(first, where)
        end = _day(last, where) if last else start
        days.update((start + step) % 7 for step in range((end - start) % 7 + 1))
    return frozenset(days)


def _window(raw: object, where: str) -> Window:
    if not isinstance(raw, Mapping) or set(raw) != {"days", "open", "close"}:
        raise ResourceError(f"{where}: each hours window needs exactly 'days', 'open' and 'close'")
    return Window(
        days=_days(raw["days"], where),
        open=_clock(raw["open"], where),
        close=_clock(raw["close"], where),
        label=str(raw["days"]).strip(),
    )


def _timezone(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ResourceError(f"{where}: 'timezone' must be an IANA zone name such as 'Europe/Berlin'")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ResourceError(f"{where}: unknown time zone {value!r}") from None
    return value


def _hours(raw: Mapping[str, object], where: str) -> Hours:
    value = raw.get("hours")
    zone = raw.get("timezone")
    if value == "24/7":
        return Hours(always=True, timezone=None if zone is None else _timezone(zone, where))
    if not isinstance(value, list) or not value:
        raise ResourceError(f"{where}: 'hours' must be \"24/7\" or a list of {{days, open, close}} windows")
    if zone is None:
        raise ResourceError(f"{where}: 'timezone' is required when hours are not 24/7")
    return Hours(windows=tuple(_window(w, where) for w in value), timezone=_timezone(zone, where))


def _languages(raw: Mapping[str, object], where: str) -> tuple[str, ...]:
    value = raw.get("languages")
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(code, str) and _LANGUAGE.match(code) for code in value)
    ):
        raise ResourceError(f"{where}: 'languages' must be a list of ISO 639-1 codes such as [\"en\"]")
    return tuple(value)


def _verified(raw: Mapping[str, object], where: str) -> date:
    value = raw.get("verified")
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            pass
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ResourceError(f"{where}: 'verified' must be a date such as 2026-11-25")
    return value


def _country_code(raw: Mapping[str, object], key: str, where: str, *, allow_intl: bool) -> str:
    value = raw.get(key)
    if allow_intl and value == INTERNATIONAL:
        return INTERNATIONAL
    if not isinstance(value, str) or not valid_country(value):
        raise ResourceError(f"{where}: '{key}' must be an upper-case ISO 3166-1 alpha-2 code, got {value!r}")
    return value


def validate_entry(raw: Mapping[str, object], where: str = "resource") -> Resource:
    """Turn one ``[[resource]]`` table into a ``Resource``, or raise ``ResourceError`` naming the problem."""
    unknown = set(raw) - _RESOURCE_KEYS
    if unknown:
        raise ResourceError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    name = _text(raw, "name", where, required=True)
    where = f"{where} ({name})"
    phone = _text(raw, "phone", where)
    if phone is not None and not _PHONE.match(phone):
        raise ResourceError(f"{where}: 'phone' must hold only digits, spaces, +, -, *, and brackets")
    resource = Resource(
        country=_country_code(raw, "country", where, allow_intl=True),
        name=str(name),
        phone=phone,
        text=_text(raw, "text", where),
        chat_url=_url(raw, "chat_url", where),
        note=_text(raw, "note", where),
        hours=_hours(raw, where),
        languages=_languages(raw, where),
        source=str(_url(raw, "source", where, required=True)),
        verified=_verified(raw, where),
    )
    if resource.country != INTERNATIONAL and not (resource.phone or resource.text or resource.chat_url):
        raise ResourceError(f"{where}: a national line needs a 'phone', 'text' or 'chat_url'")
    return resource


def _tables(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ResourceError(f"'{key}' must be an array of tables ([[{key}]])")
    return value


def parse_catalogue(data: Mapping[str, object]) -> Catalogue:
    """Check a whole parsed resources file: every entry, one country table per listed country, and INTL."""
    unknown = set(data) - {"country", "resource"}
    if unknown:
        raise ResourceError(f"unknown top-level key(s) {', '.join(sorted(unknown))}")
    emergency: dict[str, str] = {}
    names: dict[str, str] = {}
    for index, raw in enumerate(_tables(data, "country")):
        where = f"country #{index + 1}"
        if set(raw) != _COUNTRY_KEYS:
            raise ResourceError(f"{where}: needs exactly 'code', 'name' and 'emergency'")
        code = _country_code(raw, "code", where, allow_intl=False)
        if code in emergency:
            raise ResourceError(f"{where}: country {code} is listed twice")
        number = raw["emergency"]
        if not isinstance(number, str) or not _EMERGENCY.match(number):
            raise ResourceError(f"{where} ({code}): 'emergency' must be the number's digits, such as \"112\"")
        emergency[code] = number
        names[code] = str(_text(raw, "name", where, required=True))
    resources = tuple(
        validate_entry(raw, f"resource #{index + 1}") for index, raw in enumerate(_tables(data, "resource"))
    )
    missing = {r.country for r in resources} - set(emergency) - {INTERNATIONAL}
    if missing:
        raise ResourceError(f"no [[country]] table (emergency number) for {', '.join(sorted(missing))}")
    if not any(r.country == INTERNATIONAL for r in resources):
        raise ResourceError("the international fallback (country = \"INTL\") is missing")
    return Catalogue(resources, MappingProxyType(emergency), MappingProxyType(names))


@functools.cache
def load_resources(path: Path | None = None) -> Catalogue:
    """The shipped (or given) resources file, parsed and checked once; a bad file fails loudly at start."""
    if path is None:
        raw = importlib_resources.files("bot.data").joinpath("crisis/resources.toml").read_bytes()
    else:
        raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ResourceError(f"resources file is not valid TOML: {error}") from None
    return parse_catalogue(data)


# ------------------------------------------------------------------------------------------------ lookup


def emergency_number(country: str | None) -> str | None:
    """The emergency number of a listed country, else None (the member is told to call their local one)."""
    return None if country is None else load_resources().emergency.get(country.upper())


def country_name(country: str) -> str:
    """The country's English name when listed, else its code."""
    return load_resources().names.get(country.upper(), country.upper())


def is_open(resource: Resource, now_utc: datetime) -> bool:
    """Whether ``resource`` answers at the aware moment ``now_utc``, judged in the line's own time zone."""
    if now_utc.tzinfo is None or now_utc.utcoffset() is None:
        raise ValueError("now_utc must be timezone-aware")
    return resource.hours.is_open(now_utc)


def next_opening(resource: Resource, now_utc: datetime) -> datetime | None:
    """When a closed line next opens (aware UTC), so a member can be told; None if open, unknown or always."""
    hours = resource.hours
    if hours.always or not hours.windows or hours.timezone is None or is_open(resource, now_utc):
        return None
    zone = ZoneInfo(hours.timezone)
    today = now_utc.astimezone(zone).date()
    starts = (
        datetime.combine(today + timedelta(days=offset), window.open, zone)
        for offset in range(8)
        for window in hours.windows
        if (today + timedelta(days=offset)).weekday() in window.days
    )
    upcoming = [start.astimezone(UTC) for start in starts if start.astimezone(UTC) > now_utc]
    return min(upcoming, default=None)


def resources_for(
    country: str | None,
    now_utc: datetime,
    local: Sequence[Resource] = (),
    *,
    catalogue: Catalogue | None = None,
) -> ResourceList:
    """Community lines first, then the country's lines open now before those closed, then the directories."""
    catalogue = catalogue if catalogue is not None else load_resources()
    code = country.strip().upper() if country else None
    if code is not None and not valid_country(code):
        code = None
    national = catalogue.for_country(code) if code else ()
    ordered = sorted(national, key=lambda r: not is_open(r, now_utc))  # stable: keeps file order within
    chosen = (*local, *ordered, *catalogue.for_country(INTERNATIONAL))
    return ResourceList(
        country=code,
        emergency=catalogue.emergency.get(code) if code else None,
        resources=chosen,
        open_now=frozenset(r for r in chosen if is_open(r, now_utc)),
        fallback=not national,
    )


def resource_json(resource: Resource, now_utc: datetime) -> dict[str, object]:
    """One resource as plain data for the CLI and exports."""
    return {
        "country": resource.country,
        "name": resource.name,
        "phone": resource.phone,
        "text": resource.text,
        "chat_url": resource.chat_url,
        "note": resource.note,
        "hours": resource.hours.as_data(),
        "timezone": resource.hours.timezone,
        "open_now": is_open(resource, now_utc),
        "languages": list(resource.languages),
        "source": resource.source,
        "verified": resource.verified.isoformat() if resource.verified else None,
    }


def resources_cli(
    code: str, out: TextIO, *, now_utc: datetime | None = None, err: TextIO | None = None
) -> int:
    """``circlebot resources <code>``: one JSON line per resource, open-now first; exit 2 on a bad code."""
    country = code.strip().upper()
    if country != INTERNATIONAL and not valid_country(country):
        print(
            f"error: {code!r} is not an ISO 3166-1 country code; use two letters such as GB, US or DE.",
            file=err if err is not None else sys.stderr,
        )
        return 2
    now = now_utc if now_utc is not None else datetime.now(tz=UTC)
    for resource in resources_for(None if country == INTERNATIONAL else country, now):
        out.write(json.dumps(resource_json(resource, now), ensure_ascii=False) + "\n")
    return 0

