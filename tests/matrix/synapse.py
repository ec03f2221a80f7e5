"""Runs a real Synapse homeserver for the Matrix tests: install, configure, start, register users, stop."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "REPO_ROOT",
    "SYNAPSE_VENV",
    "RegisteredUser",
    "SynapseServer",
    "SynapseUnavailableError",
    "ensure_synapse_installed",
    "register_user",
    "run_synapse",
    "set_user_ratelimit",
    "synapse_config",
]

_log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
SYNAPSE_VENV = Path(os.environ.get("SYNAPSE_VENV", REPO_ROOT / ".cache" / "synapse-venv"))
_INSTALLER = REPO_ROOT / "scripts" / "install-synapse.sh"
_INSTALL_TIMEOUT_S = 600.0
_START_TIMEOUT_S = 60.0
_SERVER_NAME = "circle.test"

# Generous enough that no test ever waits on a limit it did not ask for.
_UNLIMITED = {"per_second": 10_000, "burst_count": 100_000}


class SynapseUnavailableError(RuntimeError):
    """Synapse cannot be installed here (no network, no venv module...): the tests skip."""


@dataclass(frozen=True)
class SynapseServer:
    """A running homeserver, as the tests see it."""

    base_url: str
    server_name: str
    shared_secret: str
    log_path: Path
    data_dir: Path

    def user_id(self, localpart: str) -> str:
        return f"@{localpart}:{self.server_name}"


@dataclass(frozen=True)
class RegisteredUser:
    """An account created through the admin API, already logged in on one device."""

    user_id: str
    access_token: str
    device_id: str


def ensure_synapse_installed(venv: Path = SYNAPSE_VENV) -> Path:
    """Return the venv's python, installing Synapse first when it is missing.

    Runs the same script the README tells people to run, so there is one way to install it.
    """
    python = venv / "bin" / "python"
    if _importable(python):
        return python
    try:
        subprocess.run(
            ["sh", str(_INSTALLER), str(venv)],
            check=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=_INSTALL_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        raise SynapseUnavailableError(f"installing Synapse took over {_INSTALL_TIMEOUT_S:.0f} s") from exc
    except subprocess.CalledProcessError as exc:
        tail = exc.stdout.decode(errors="replace").strip().splitlines()[-3:]
        raise SynapseUnavailableError(f"{_INSTALLER.name} failed: {' | '.join(tail)}") from exc
    if not _importable(python):
        raise SynapseUnavailableError(f"Synapse installed in {venv} but does not import")
    return python


def _importable(python: Path) -> bool:
    if not python.exists():
        return False
    probe = subprocess.run(
        [str(python), "-c", "import synapse.app.homeserver"], capture_output=True, timeout=120
    )
    return probe.returncode == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def synapse_config(data_dir: Path, port: int, shared_secret: str) -> dict[str, Any]:
    """The homeserver config: one client listener, SQLite, nothing federated, no rate limits."""
    return {
        "server_name": _SERVER_NAME,
        "pid_file": str(data_dir / "homeserver.pid"),
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(data_dir / "homeserver.db")}},
        "media_store_path": str(data_dir / "media"),
        "signing_key_path": str(data_dir / "signing.key"),
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "registration_shared_secret": shared_secret,
        "enable_registration": False,
        "report_stats": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "presence": {"enabled": False},
        "url_preview_enabled": False,
        "bcrypt_rounds": 4,
        "enable_metrics": False,
        "federation_domain_whitelist": [],
        "user_directory": {"enabled": False},
        **_ratelimits_off(),
    }


def _ratelimits_off() -> dict[str, Any]:
    """Every client rate limit this Synapse version reads (synapse/config/ratelimiting.py), raised."""
    flat = [
        "rc_message",
        "rc_registration",
        "rc_registration_token_validity",
        "rc_admin_redaction",
        "rc_3pid_validation",
        "rc_room_creation",
        "rc_joins_per_room",
        "rc_key_requests",
        "rc_third_party_invite",
        "rc_media_create",
        "rc_delayed_event_mgmt",
        "rc_reports",
        "rc_user_directory",
        "rc_profile",
    ]
    nested = {
        "rc_login": ["address", "account", "failed_attempts"],
        "rc_joins": ["local", "remote"],
        "rc_invites": ["per_room", "per_user", "per_issuer"],
        "rc_presence": ["per_user"],
    }
    limits: dict[str, Any] = {key: dict(_UNLIMITED) for key in flat}
    limits.update({key: {part: dict(_UNLIMITED) for part in parts} for key, parts in nested.items()})
    return limits


@contextlib.contextmanager
def run_synapse(data_dir: Path, python: Path | None = None) -> Iterator[SynapseServer]:
    """Start a fresh Synapse in data_dir, wait until it answers, and stop it on exit."""
    python = python or ensure_synapse_installed()
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    secret = secrets.token_hex(16)
    config_path = data_dir / "homeserver.yaml"
    # JSON is YAML, so no YAML library is needed on our side.
    config_path.write_text(json.dumps(synapse_config(data_dir, port, secret), indent=2))
    log_path = data_dir / "homeserver.log"
    server = SynapseServer(f"http://127.0.0.1:{port}", _SERVER_NAME, secret, log_path, data_dir)
    command = [str(python), "-m", "synapse.app.homeserver", "--config-path", str(config_path)]
    with log_path.open("ab") as log:
        subprocess.run([*command, "--generate-keys"], check=True, stdout=log, stderr=log, timeout=120)
        process = subprocess.Popen(command, stdout=log, stderr=log, cwd=data_dir)
    try:
        _wait_until_up(server, process)
        yield server
    finally:
        _stop(process)


def _wait_until_up(server: SynapseServer, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Synapse exited with {process.returncode}; see {server.log_path}")
        with contextlib.suppress(OSError):
            _request(server, "GET", "/_matrix/client/versions", timeout=1.0)
            return
        time.sleep(0.1)
    raise RuntimeError(f"Synapse did not answer within {_START_TIMEOUT_S:.0f} s; see {server.log_path}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _request(
    server: SynapseServer,
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
    token: str | None = None,
    timeout: float = 10.0,
) -> dict[str, Any]:
    """One JSON request with the standard library, usable from sync fixtures outside any event loop."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(server.base_url + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer: dict[str, Any] = json.loads(response.read() or b"{}")
            return answer
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode(errors="replace")
        raise RuntimeError(f"{method} {path} -> {exc.code}: {detail}; see {server.log_path}") from exc


def register_user(
    server: SynapseServer, localpart: str, *, admin: bool = False, password: str | None = None
) -> RegisteredUser:
    """Create an account with the shared-secret admin API (nonce, then HMAC-SHA1 mac)."""
    password = password or secrets.token_hex(12)
    nonce = _request(server, "GET", "/_synapse/admin/v1/register")["nonce"]
    body = {
        "nonce": nonce,
        "username": localpart,
        "password": password,
        "admin": admin,
        "mac": _mac_hex(server.shared_secret, nonce, localpart, password, admin),
    }
    answer = _request(server, "POST", "/_synapse/admin/v1/register", body)
    return RegisteredUser(answer["user_id"], answer["access_token"], answer["device_id"])


def _mac_hex(secret: str, nonce: str, localpart: str, password: str, admin: bool) -> str:
    parts = [nonce, localpart, password, "admin" if admin else "notadmin"]
    message = "\x00".join(parts).encode()
    return hmac.new(secret.encode(), message, hashlib.sha1).hexdigest()


def set_user_ratelimit(
    server: SynapseServer, admin: RegisteredUser, user_id: str, messages_per_second: float, burst_count: int
) -> None:
    """Override one user's message rate limit (0/0 means unlimited), to provoke M_LIMIT_EXCEEDED."""
    path = f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
    body = {"messages_per_second": messages_per_second, "burst_count": burst_count}
    _request(server, "POST", path, body, token=admin.access_token)


if __name__ == "__main__":  # pragma: no cover - a manual way to poke at the harness
    import tempfile

    logging.basicConfig(level=logging.INFO)
    with tempfile.TemporaryDirectory() as tmp, run_synapse(Path(tmp)) as hs:
        print(hs.base_url, register_user(hs, "someone"), file=sys.stderr)
