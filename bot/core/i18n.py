"""The single gate every user-facing string passes through, so translations can be added later."""

__all__ = ["_"]


def _(text: str) -> str:
    """Return the text for the reader's language; English only for now."""
    return text
