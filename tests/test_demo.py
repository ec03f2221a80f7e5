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
