"""Tests for the shipped crisis resources and the open-now lookup."""

from __future__ import annotations

import io
import json
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.logic import crisis_resources as cr
from bot.logic.crisis_resources import (
    INTERNATIONAL,
    Hours,
    Resource,
    ResourceError,
    Window,
    emergency_number,
    is_open,
    load_resources,
    next_opening,
    parse_catalogue,
    resources_cli,
    resources_for,
    valid_country,
    validate_entry,
)

DATA = Path(cr.__file__).resolve().parent.parent / "data" / "crisis" / "resources.toml"
ISO_TAB = Path("/usr/share/zoneinfo/iso3166.tab")


def entry(**overrides: Any) -> dict[str, Any]:
    """A valid raw [[resource]] table, changed by ``overrides`` (None removes a key)."""
    raw: dict[str, Any] = {
        "country": "FR",
        "name": "Evening line",
        "phone": "01 23 45 67 89",
        "hours": [{"days": "Fri", "open": "18:00", "close": "02:00"}],
        "timezone": "Europe/Paris",
        "languages": ["fr"],
        "source": "https://example.org/evening",
        "verified": date(2026, 11, 25),
    }
    raw.update(overrides)
    return {key: value for key, value in raw.items() if value is not None}


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# ------------------------------------------------------------------------------------------ shipped data


def test_shipped_file_parses_and_every_entry_passes_the_schema() -> None:
    data = tomllib.loads(DATA.read_text("utf-8"))
    for index, raw in enumerate(data["resource"]):
        assert validate_entry(raw, f"#{index}").name == raw["name"]
    assert len(load_resources().resources) == len(data["resource"])


def test_at_least_32_countries_each_with_emergency_number_and_name() -> None:
    catalogue = load_resources()
    countries = {r.country for r in catalogue.resources} - {INTERNATIONAL}
    assert len(countries) >= 32
    for code in countries:
        assert valid_country(code), code
        assert emergency_number(code) == catalogue.emergency[code]
        assert catalogue.emergency[code].isdigit()
        assert catalogue.names[code]
    assert set(catalogue.emergency) == countries, "a country table without lines is dead data"


def test_every_entry_has_https_source_verified_date_languages_and_a_way_to_reach_it() -> None:
    for r in load_resources().resources:
        assert r.source.startswith("https://"), r.name
        assert isinstance(r.verified, date) and r.verified <= date(2026, 12, 31), r.name
        assert r.languages and all(len(code) == 2 and code.islower() for code in r.languages), r.name
        assert r.hours.known, r.name
        if r.hours.windows:
            assert r.hours.timezone, r.name
        if r.country != INTERNATIONAL:
            assert r.phone or r.text or r.chat_url, r.name


def test_file_header_says_entries_must_be_rechecked_by_a_human() -> None:
    header = DATA.read_text("utf-8").split("[[country]]")[0].lower()
    assert "offline" in header and "re-check" in header and "human" in header


def test_international_fallback_lists_the_known_directories() -> None:
    sources = {r.source for r in load_resources().for_country(INTERNATIONAL)}
    assert any("findahelpline.com" in s for s in sources)
    assert any("iasp.info" in s for s in sources)
    assert any("befrienders.org" in s for s in sources)


@pytest.mark.parametrize(
    ("country", "phone"),
    [("US", "988"), ("GB", "116 123"), ("IE", "116 123"), ("AU", "13 11 14"), ("CA", "988"),
     ("FR", "3114"), ("NL", "113"), ("BR", "188"), ("ES", "024")],
)
def test_well_known_national_lines_are_present(country: str, phone: str) -> None:
    assert phone in {r.phone for r in load_resources().for_country(country)}


# ---------------------------------------------------------------------------------------- country codes


@pytest.mark.skipif(not ISO_TAB.exists(), reason="tzdata's iso3166.tab not installed")
def test_country_code_list_matches_tzdata() -> None:
    lines = [line for line in ISO_TAB.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    codes = {line.split("\t")[0] for line in lines}
    assert {code for code in codes if valid_country(code)} == codes
    assert len(codes) == 249


@pytest.mark.parametrize("code", ["UK", "EU", "XX", "gb", "G", "GBR", "", "INTL"])
def test_invalid_country_codes(code: str) -> None:
    assert not valid_country(code)


# -------------------------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": None}, "'name' is required"),
        ({"country": "UK"}, "ISO 3166-1"),
        ({"phone": "call me"}, "'phone'"),
        ({"timezone": None}, "'timezone' is required"),
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"hours": [{"days": "Fri", "open": "6pm", "close": "02:00"}]}, "HH:MM"),
        ({"hours": [{"days": "Funday", "open": "18:00", "close": "02:00"}]}, "unknown day"),
        ({"hours": [{"days": "Fri", "open": "18:00"}]}, "exactly 'days'"),
        ({"hours": "sometimes"}, "'hours'"),
        ({"languages": ["english"]}, "ISO 639-1"),
        ({"source": "http://example.org"}, "https://"),
        ({"source": None}, "'source' is required"),
        ({"verified": "last week"}, "'verified'"),
        ({"verified": None}, "'verified'"),
        ({"fax": "123"}, "unknown key"),
        ({"phone": None}, "needs a 'phone', 'text' or 'chat_url'"),
    ],
)
def test_validate_entry_rejects_bad_entries_naming_the_problem(
    overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(ResourceError, match=message):
        validate_entry(entry(**overrides))


def test_validate_entry_accepts_text_only_and_iso_string_date() -> None:
    r = validate_entry(entry(phone=None, text="Text HOME to 12345", verified="2026-01-02"))
    assert r.text == "Text HOME to 12345" and r.verified == date(2026, 1, 2)


def test_catalogue_needs_a_country_table_for_each_country_and_the_fallback() -> None:
    intl = entry(country="INTL", name="Directory", phone=None, hours="24/7", timezone=None)
    with pytest.raises(ResourceError, match="no \\[\\[country\\]\\] table"):
        parse_catalogue({"resource": [entry(), intl]})
    france = {"code": "FR", "name": "France", "emergency": "112"}
    with pytest.raises(ResourceError, match="INTL"):
        parse_catalogue({"country": [france], "resource": [entry()]})
    with pytest.raises(ResourceError, match="'emergency'"):
        parse_catalogue({"country": [{"code": "FR", "name": "France", "emergency": "one-one-two"}]})
    with pytest.raises(ResourceError, match="twice"):
        parse_catalogue({"country": [france, france]})


# --------------------------------------------------------------------------------------------- open now


def evening(
    days: str = "Fri", open_: str = "18:00", close: str = "02:00", tz: str = "Europe/Paris"
) -> Resource:
    return validate_entry(entry(hours=[{"days": days, "open": open_, "close": close}], timezone=tz))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (utc(2026, 1, 9, 16, 59), False),  # Fri 17:59 Paris (UTC+1)
        (utc(2026, 1, 9, 17, 0), True),  # Fri 18:00
        (utc(2026, 1, 9, 23, 30), True),  # Sat 00:30: the Friday window runs past midnight
        (utc(2026, 1, 10, 0, 59), True),  # Sat 01:59
        (utc(2026, 1, 10, 1, 0), False),  # Sat 02:00: closed
        (utc(2026, 1, 10, 17, 30), False),  # Sat 18:30: Saturday is not an opening day
        (utc(2026, 1, 8, 23, 30), False),  # Fri 00:30: Thursday did not open
    ],
)
def test_window_past_midnight(moment: datetime, expected: bool) -> None:
    assert is_open(evening(), moment) is expected


def test_hours_are_judged_in_the_lines_own_zone_across_dst() -> None:
    livslinien = next(r for r in load_resources().for_country("DK") if r.name == "Livslinien")
    assert livslinien.hours.timezone == "Europe/Copenhagen"
    # 11:00-05:00 Copenhagen: UTC+1 in January, UTC+2 in July.
    assert is_open(livslinien, utc(2026, 1, 15, 3, 30))  # 04:30 local
    assert not is_open(livslinien, utc(2026, 1, 15, 4, 30))  # 05:30 local
    assert not is_open(livslinien, utc(2026, 7, 15, 3, 30))  # 05:30 local in summer time
    assert is_open(livslinien, utc(2026, 7, 15, 9, 0))  # 11:00 local in summer time
    tokyo = evening(days="Mon-Sun", open_="10:00", close="22:00", tz="Asia/Tokyo")
    assert is_open(tokyo, utc(2026, 1, 15, 1, 0))  # 10:00 JST
    assert not is_open(tokyo, utc(2026, 1, 15, 13, 0))  # 22:00 JST


def test_day_ranges_may_wrap_the_week_and_list_days() -> None:
    assert evening(days="Fri-Mon").hours.windows[0].days == frozenset({4, 5, 6, 0})
    assert evening(days="Mon,Wed, Fri").hours.windows[0].days == frozenset({0, 2, 4})
    assert evening(days="Mon-Sun").hours.windows[0].days == frozenset(range(7))


def test_next_opening_is_the_next_window_start_in_the_lines_zone() -> None:
    line = evening()  # Fri 18:00-02:00 Paris
    assert next_opening(line, utc(2026, 1, 10, 9, 0)) == utc(2026, 1, 16, 17, 0)  # Sat -> next Fri 18:00 CET
    assert next_opening(line, utc(2026, 1, 9, 16, 0)) == utc(2026, 1, 9, 17, 0)  # Fri 17:00 -> 18:00 today
    assert next_opening(line, utc(2026, 1, 9, 23, 0)) is None  # open now
    assert next_opening(line, utc(2026, 3, 27, 12, 0)) == utc(2026, 3, 27, 17, 0)  # CET still (DST on 29th)
    assert next_opening(line, utc(2026, 4, 3, 12, 0)) == utc(2026, 4, 3, 16, 0)  # CEST: 18:00 is 16:00 UTC


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        is_open(evening(), datetime(2026, 1, 9, 18, 0))


def _minute_of_week(moment: datetime) -> int:
    return moment.weekday() * 1440 + moment.hour * 60 + moment.minute


@given(
    days=st.frozensets(st.integers(0, 6), min_size=1),
    open_minute=st.integers(0, 1439),
    close_minute=st.integers(0, 1439),
    moment=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
)
def test_window_matches_minute_of_week_model(
    days: frozenset[int], open_minute: int, close_minute: int, moment: datetime
) -> None:
    """Model: each day opens an interval of (close - open) mod 24h minutes (a full day when equal)."""
    open_t = (datetime.min + timedelta(minutes=open_minute)).time()
    close_t = (datetime.min + timedelta(minutes=close_minute)).time()
    window = Window(days=days, open=open_t, close=close_t, label="test")
    length = (close_minute - open_minute) % 1440 or 1440
    point = _minute_of_week(moment)
    expected = any((point - (day * 1440 + open_minute)) % 10080 < length for day in days)
    assert window.contains(moment) is expected


# ------------------------------------------------------------------------------------------- resources_for


def small_catalogue() -> cr.Catalogue:
    return parse_catalogue(
        {
            "country": [{"code": "FR", "name": "France", "emergency": "112"}],
            "resource": [
                entry(name="Evening line"),
                entry(name="Always line", hours="24/7", timezone=None),
                entry(name="Morning line", hours=[{"days": "Mon-Sun", "open": "08:00", "close": "12:00"}]),
                entry(country="INTL", name="Directory", phone=None, hours="24/7", timezone=None),
            ],
        }
    )


def names(moment: datetime, country: str | None = "FR", local: tuple[Resource, ...] = ()) -> list[str]:
    return [r.name for r in resources_for(country, moment, local, catalogue=small_catalogue())]


def test_open_lines_come_first_keeping_file_order_within_each_group() -> None:
    friday_night = utc(2026, 1, 9, 23, 0)  # Sat 00:00 Paris: evening open, morning closed
    assert names(friday_night) == ["Evening line", "Always line", "Morning line", "Directory"]
    saturday_morning = utc(2026, 1, 10, 9, 0)  # Sat 10:00 Paris
    assert names(saturday_morning) == ["Always line", "Morning line", "Evening line", "Directory"]
    listing = resources_for("FR", saturday_morning, catalogue=small_catalogue())
    assert {r.name for r in listing.open_now} == {"Always line", "Morning line", "Directory"}
    assert listing.emergency == "112" and listing.country == "FR" and not listing.fallback


def test_community_lines_come_first_even_when_hours_are_unknown() -> None:
    local = Resource(country="FR", name="Our volunteer line", hours=Hours(), source="https://example.org/ours",
                     verified=None, phone="06 00 00 00 00", local=True)
    assert names(utc(2026, 1, 10, 9, 0), local=(local,))[0] == "Our volunteer line"
    assert local.hours.describe() == "hours not listed" and not is_open(local, utc(2026, 1, 10, 9, 0))


@pytest.mark.parametrize("country", [None, "", "XX", "UK", "LU"])
def test_unknown_missing_or_unlisted_country_gets_the_international_directories(country: str | None) -> None:
    listing = resources_for(country, utc(2026, 11, 25, 12, 0))
    assert listing.fallback
    assert [r.country for r in listing] == [INTERNATIONAL] * len(listing) and len(listing) >= 3
    assert listing.emergency is None


def test_lower_case_country_is_accepted() -> None:
    listing = resources_for("gb", utc(2026, 11, 25, 12, 0))
    assert listing.country == "GB" and listing.emergency == "999"
    assert listing.resources[0].name == "Samaritans"
    assert listing.resources[-1].country == INTERNATIONAL


# ------------------------------------------------------------------------------------------------------ CLI


def run_cli(code: str, moment: datetime) -> tuple[int, list[dict[str, Any]], str]:
    out, err = io.StringIO(), io.StringIO()
    status = resources_cli(code, out, now_utc=moment, err=err)
    return status, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_cli_prints_one_json_line_per_resource_open_first() -> None:
    status, rows, err = run_cli("jp", utc(2026, 11, 25, 14, 0))  # 23:00 in Tokyo: Inochi no Denwa closed
    assert status == 0 and err == ""
    keys = {"name", "phone", "text", "chat_url", "hours", "languages", "source", "verified"}
    assert all(keys <= set(row) for row in rows)
    national = [row for row in rows if row["country"] == "JP"]
    flags = [row["open_now"] for row in national]
    assert flags == sorted(flags, reverse=True)
    assert national[-1]["name"].startswith("Inochi no Denwa") and not national[-1]["open_now"]
    assert rows[-1]["country"] == INTERNATIONAL and rows[-1]["verified"] == "2026-11-25"


def test_cli_valid_code_without_lines_prints_international_fallback() -> None:
    status, rows, _ = run_cli("LU", utc(2026, 11, 25, 14, 0))
    assert status == 0 and rows and {row["country"] for row in rows} == {INTERNATIONAL}


def test_cli_invalid_code_is_one_line_error_and_exit_2() -> None:
    status, rows, err = run_cli("England", utc(2026, 11, 25, 14, 0))
    assert status == 2 and rows == []
    assert err.count("\n") == 1 and "GB" in err
