"""What the Matrix adapter keeps between runs: its device, where it stopped syncing, which rooms it warned."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

__all__ = ["SessionState", "SessionStore"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SessionState:
    """Kept in ``<store_path>/session.json``. No secrets: the access token stays in the environment.

    ``next_batch`` is the sync token: starting from it, a restart neither replays old messages as commands nor
    misses those sent while the bot was down. ``device_id`` keeps one device (and its crypto identity) per bot.
    """

    user_id: str = ""
    device_id: str = ""
    next_batch: str = ""
    had_crypto: bool = False
    warned_unreadable: tuple[str, ...] = field(default=())
    # direct room -> the community (a room id) the bot last wrote there about: a command typed in a direct room
    # belongs to that community, so `!settings country` or `!crisis` there mean the member's real community.
    direct_about: dict[str, str] = field(default_factory=dict)


class SessionStore:
    """Loads and atomically rewrites the session file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "session.json"
        self.state = self._load()

    def _load(self) -> SessionState:
        try:
            raw = json.loads(self.path.read_text())
        except FileNotFoundError:
            return SessionState()
        except (OSError, ValueError):
            _log.error(
                "matrix session file %s is unreadable; starting a fresh sync (old messages are skipped)", self.path
            )
            return SessionState()
        known = {k: v for k, v in raw.items() if k in SessionState.__dataclass_fields__}
        known["warned_unreadable"] = tuple(known.get("warned_unreadable", ()))
        return SessionState(**known)

    def update(self, **changes: object) -> SessionState:
        """Change fields and write the file at once (write to a temporary file, then rename: never half-written)."""
        self.state = replace(self.state, **changes)  # type: ignore[arg-type]
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = asdict(self.state)
        data["warned_unreadable"] = list(self.state.warned_unreadable)
        tmp.write_text(json.dumps(data))
        os.replace(tmp, self.path)
        return self.state
