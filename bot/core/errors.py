"""Errors that carry a kind message for the member; anything else is a bug and is logged."""

__all__ = ["OptionError", "UserError"]


class UserError(Exception):
    """Something the member can fix; the message says what to do instead. Raised before anything changes."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OptionError(UserError):
    """An option value that does not fit its type."""
