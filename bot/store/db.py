"""One small async database interface over SQLAlchemy Core: SQLite by default, PostgreSQL past one machine."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

__all__ = ["Database", "Row", "from_epoch", "to_epoch"]

_log = logging.getLogger(__name__)

Row = Mapping[str, Any]


def to_epoch(when: datetime) -> int:
    """Times are stored as whole UTC seconds: portable across SQLite and PostgreSQL, and sortable."""
    if when.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return int(when.timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _normalise_url(url: str) -> str:
    """Accept plain ``sqlite:///x.db`` / ``postgresql://...`` and pick the async drivers."""
    if url == ":memory:":
        return "sqlite+aiosqlite://"
    parsed = make_url(url)
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg"}
    name = driver.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=name).render_as_string(hide_password=False)


class Session:
    """Statements inside one connection (and, from ``Database.transaction``, one transaction)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> int:
        result = await self._conn.execute(text(sql), dict(params or {}))
        return int(result.rowcount or 0)

    async def fetch_all(self, sql: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        result = await self._conn.execute(text(sql), dict(params or {}))
        return [dict(r) for r in result.mappings().all()]

    async def fetch_one(self, sql: str, params: Mapping[str, Any] | None = None) -> Row | None:
        result = await self._conn.execute(text(sql), dict(params or {}))
        row = result.mappings().first()
        return dict(row) if row is not None else None

    async def fetch_value(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        result = await self._conn.execute(text(sql), dict(params or {}))
        return result.scalar()

    async def execute_many(self, sql: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            await self._conn.execute(text(sql), [dict(r) for r in rows])


class Database:
    """The store's only door. SQLite runs in WAL mode with one writer at a time (a lock, since SQLite allows
    one writer anyway); PostgreSQL uses a connection pool. ``dialect`` lets migrations pick portable DDL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._lock = asyncio.Lock() if self.dialect == "sqlite" else None

    @classmethod
    def open(cls, url: str) -> Database:
        full = _normalise_url(url)
        if full.startswith("sqlite"):
            memory = make_url(full).database in (None, "", ":memory:")
            engine = create_async_engine(
                full,
                poolclass=StaticPool if memory else None,
                connect_args={"check_same_thread": False} if memory else {},
            )
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
            event.listen(engine.sync_engine, "begin", _sqlite_begin)
        else:
            engine = create_async_engine(full, pool_size=5, max_overflow=5, pool_pre_ping=True)
        _log.info("database opened (%s)", engine.dialect.name)
        return cls(engine)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Session]:
        """All or nothing: a failure rolls back, so bad input or a crash leaves nothing half-written."""
        if self._lock is None:
            async with self.engine.begin() as conn:
                yield Session(conn)
            return
        async with self._lock, self.engine.begin() as conn:
            yield Session(conn)

    async def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> int:
        async with self.transaction() as s:
            return await s.execute(sql, params)

    async def fetch_all(self, sql: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        async with self.transaction() as s:
            return await s.fetch_all(sql, params)

    async def fetch_one(self, sql: str, params: Mapping[str, Any] | None = None) -> Row | None:
        async with self.transaction() as s:
            return await s.fetch_one(sql, params)

    async def fetch_value(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        async with self.transaction() as s:
            return await s.fetch_value(sql, params)

    async def close(self) -> None:
        await self.engine.dispose()

    @property
    def serial_key(self) -> str:
        """DDL for an auto-numbered primary key in this dialect (write ``{serial}`` in migration SQL)."""
        if self.dialect == "sqlite":
            return "INTEGER PRIMARY KEY AUTOINCREMENT"
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Leave transactions to us (see _sqlite_begin): the driver's own handling skips BEGIN before DDL,
    # which would let a failed migration step leave half its tables behind.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")
