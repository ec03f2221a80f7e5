"""Named one-shot jobs (``circle:12:open``) behind a small interface: APScheduler in production, a manual
scheduler driven by the manual clock in tests and the demo. Jobs take plain ids and re-read the database."""

from __future__ import annotations

import heapq
import itertools
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from bot.core.clock import ManualClock

__all__ = ["ApsScheduler", "JobFunc", "ManualScheduler", "Scheduler"]

_log = logging.getLogger(__name__)

JobFunc = Callable[..., Awaitable[None]]


class Scheduler(Protocol):
    def at(self, job_id: str, when: datetime, func: JobFunc, *args: object) -> None:
        """Run ``func(*args)`` at ``when``; a job with the same id is replaced. A past ``when`` runs at once:
        deciding whether a late job is still worth running is the caller's job (it knows the grace time)."""
        ...

    def cancel(self, job_id: str) -> bool: ...

    def cancel_prefix(self, prefix: str) -> int: ...

    def pending(self) -> list[tuple[str, datetime]]: ...

    async def start(self) -> None: ...

    async def shutdown(self) -> None: ...


async def _run_logged(job_id: str, func: JobFunc, *args: object) -> None:
    """Every job's failure is logged with its name; one broken job never stops the others."""
    try:
        await func(*args)
    except Exception:
        _log.exception("scheduled job %s failed", job_id)


class ApsScheduler:
    """APScheduler's asyncio scheduler with date triggers; misfires always run (callers apply their own grace)."""

    def __init__(self) -> None:
        self._aps = AsyncIOScheduler(timezone="UTC", job_defaults={"misfire_grace_time": None, "coalesce": True})

    def at(self, job_id: str, when: datetime, func: JobFunc, *args: object) -> None:
        self._aps.add_job(
            _run_logged, "date", run_date=when, args=(job_id, func, *args), id=job_id, replace_existing=True
        )

    def cancel(self, job_id: str) -> bool:
        job = self._aps.get_job(job_id)
        if job is None:
            return False
        job.remove()
        return True

    def cancel_prefix(self, prefix: str) -> int:
        gone = [j for j in self._aps.get_jobs() if j.id.startswith(prefix)]
        for job in gone:
            job.remove()
        return len(gone)

    def pending(self) -> list[tuple[str, datetime]]:
        # Before the scheduler starts, jobs have no next_run_time yet; their trigger still knows when.
        jobs = ((j.id, j.next_run_time or j.trigger.run_date) for j in self._aps.get_jobs())
        return sorted(jobs, key=lambda p: p[1])

    async def start(self) -> None:
        self._aps.start()

    async def shutdown(self) -> None:
        if self._aps.running:
            self._aps.shutdown(wait=False)


class ManualScheduler:
    """Runs jobs only when the manual clock is moved forward, each at its own due time, in order."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self._heap: list[tuple[datetime, int, str]] = []
        self._jobs: dict[str, tuple[datetime, int, JobFunc, tuple[Any, ...]]] = {}
        self._seq = itertools.count()

    def at(self, job_id: str, when: datetime, func: JobFunc, *args: object) -> None:
        seq = next(self._seq)
        self._jobs[job_id] = (when, seq, func, args)
        heapq.heappush(self._heap, (when, seq, job_id))

    def cancel(self, job_id: str) -> bool:
        return self._jobs.pop(job_id, None) is not None

    def cancel_prefix(self, prefix: str) -> int:
        gone = [k for k in self._jobs if k.startswith(prefix)]
        for k in gone:
            del self._jobs[k]
        return len(gone)

    def pending(self) -> list[tuple[str, datetime]]:
        return sorted(((k, v[0]) for k, v in self._jobs.items()), key=lambda p: p[1])

    async def start(self) -> None:
        await self.run_due()

    async def shutdown(self) -> None:
        self._jobs.clear()
        self._heap.clear()

    async def run_due(self) -> int:
        """Run what is due now (including jobs that were scheduled in the past). Returns how many ran."""
        return await self._run_until(self.clock.now())

    async def advance(self, delta: timedelta) -> int:
        """Move the clock forward, running each job that comes due at its own time."""
        target = self.clock.now() + delta
        ran = await self._run_until(target)
        self.clock.set(target)
        return ran

    async def _run_until(self, target: datetime) -> int:
        ran = 0
        while self._heap and self._heap[0][0] <= target:
            when, seq, job_id = heapq.heappop(self._heap)
            job = self._jobs.get(job_id)
            if job is None or job[1] != seq:
                continue  # cancelled or replaced
            del self._jobs[job_id]
            if when > self.clock.now():
                self.clock.set(when)
            await _run_logged(job_id, job[2], *job[3])
            ran += 1
        return ran
