"""The store on SQLite and PostgreSQL: migrations fresh, repeated and refused when newer; settings repositories."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import DBAPIError

from bot.app import all_migrations
from bot.store.db import Database
from bot.store.migrations import SchemaTooNew, UpgradeTable, migrate, schema_versions
from bot.store.settings import CORE_MIGRATIONS, CommunityRepo, MemberSettingsRepo

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
async def db(database_url: str):
    database = Database.open(database_url)
    yield database
    await database.close()


async def test_fresh_database_gets_every_component(db: Database) -> None:
    applied = await migrate(db, all_migrations())
    assert "core 1" in applied
    versions = await schema_versions(db)
    assert versions == {t.component: t.latest for t in all_migrations()}


async def test_migrating_twice_changes_nothing(db: Database) -> None:
    await migrate(db, all_migrations())
    await CommunityRepo(db).set("console:c", "console:ada", "timezone", "Europe/Berlin", NOW)
    assert await migrate(db, all_migrations()) == []
    assert (await CommunityRepo(db).get("console:c")).timezone == "Europe/Berlin"


async def test_a_new_step_keeps_existing_data(db: Database) -> None:
    v1 = UpgradeTable("notes", (("CREATE TABLE notes (id {serial}, body TEXT NOT NULL)",),))
    await migrate(db, [v1])
    await db.execute("INSERT INTO notes (body) VALUES (:b)", {"b": "kept"})
    v2 = UpgradeTable("notes", (*v1.steps, ("ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0",)))
    assert await migrate(db, [v2]) == ["notes 2"]
    assert await db.fetch_all("SELECT body, pinned FROM notes") == [{"body": "kept", "pinned": 0}]


async def test_newer_schema_is_refused_and_nothing_changes(db: Database) -> None:
    await migrate(db, [CORE_MIGRATIONS])
    await db.execute("UPDATE schema_version SET version = 99 WHERE component = 'core'")
    other = UpgradeTable("other", (("CREATE TABLE other_thing (x INTEGER)",),))
    with pytest.raises(SchemaTooNew, match="version 99"):
        await migrate(db, [CORE_MIGRATIONS, other])
    assert "other" not in await schema_versions(db)  # refused before applying anything


async def test_failed_step_rolls_back(db: Database) -> None:
    broken = UpgradeTable("broken", (("CREATE TABLE half (x INTEGER)", "THIS IS NOT SQL"),))
    with pytest.raises(DBAPIError):
        await migrate(db, [broken])
    assert "broken" not in await schema_versions(db)
    await migrate(db, [UpgradeTable("broken", (("CREATE TABLE half (x INTEGER)",),))])  # the table was not left


async def test_settings_are_per_community_and_audited(db: Database) -> None:
    await migrate(db, [CORE_MIGRATIONS])
    communities, members = CommunityRepo(db), MemberSettingsRepo(db)
    await communities.set("discord:1", "discord:9", "facilitator_role", "Listeners", NOW)
    assert (await communities.get("discord:2")).facilitator_role is None
    assert [a["setting"] for a in await communities.audit("discord:1")] == ["facilitator_role"]
    await members.update("discord:1", "discord:9", timezone="Asia/Tokyo", reminders_dm=True, away_until=NOW)
    got = await members.get("discord:1", "discord:9")
    assert (got.timezone, got.reminders_dm, got.away_until) == ("Asia/Tokyo", True, NOW)
    assert (await members.get("discord:2", "discord:9")).timezone is None
    many = await members.many("discord:1", ["discord:9", "discord:8"])
    assert many["discord:9"].timezone == "Asia/Tokyo" and many["discord:8"].reminders_dm is False
    assert await members.delete_member("discord:1", "discord:9") == 1
    assert (await members.get("discord:1", "discord:9")).timezone is None
