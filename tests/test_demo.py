"""The terminal demo, scripted through a pipe exactly as a person would use it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def demo(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", "demo"], input=script, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def test_help_and_about_then_quit() -> None:
    result = demo("/help\n/about\n:quit\n")
    assert result.returncode == 0, result.stderr
    assert "What you can do here" in result.stdout and "`/settings timezone`" in result.stdout
    assert "peer support, not therapy" in result.stdout


def test_acting_as_members_roles_buttons_and_the_clock() -> None:
    result = demo(":as Alice\n/setup show\n:role Alice admin\n/setup show\n/privacy delete\n:press 2\n"
                  ":clock +1d\n/nonsense\n")  # ends without :quit: end of input leaves too
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "Only admins can use `setup show`" in out and "Community settings" in out
    assert "[1] 🗑️ Delete my data" in out and "Nothing was deleted" in out
    assert "(the time is now" in out and "I don't know the command `nonsense`" in out


def test_a_weekly_check_in_circle_from_creation_to_summary() -> None:
    """The scripted session in docs/demo-checkin-circle.txt, as the README shows it."""
    script = (ROOT / "docs" / "demo-checkin-circle.txt").read_text()
    result = subprocess.run([sys.executable, "-m", "bot", "demo", "--start", "2026-03-02T09:00"], input=script,
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "New circle: Tuesday check-in" in out and out.count("You've joined **Tuesday check-in**") == 2
    assert "@alice @bob **Tuesday check-in** starts in 24 hours" in out
    assert "starts in 15 minutes: Tuesday 3 March 2026, 19:00 GMT" in out
    assert "Tuesday check-in is starting" in out and "[2] 😟 Having a hard time" in out
    assert out.count("counts toward this circle's check-in") == 2
    assert "Tuesday check-in has closed**\n    2 people checked in." in out
    assert "a long week" not in out.split("has closed")[1]  # notes stay private, the summary names nobody
