"""Features, one module each. Every Cog subclass defined in a module of this package is loaded."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from bot.core.commands import Cog

__all__ = ["all_cogs"]


@cache
def all_cogs() -> tuple[type[Cog], ...]:
    """Discover the cogs, so adding a feature is adding a file (no central list to edit)."""
    found: list[type[Cog]] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Cog) and obj is not Cog and obj.__module__ == module.__name__:
                found.append(obj)
    return tuple(found)
