"""Run every benchmark (or those whose name contains an argument) and print their figures as one table."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(filters: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    chosen = [n for n in names if not filters or any(f in n for f in filters)]
    rows: list[tuple[str, str, str, str]] = []
    for name in chosen:
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        for what, value, unit in module.run():
            shown = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
            rows.append((name.removeprefix("bench_"), what, shown, unit))
        print(f"  ({name} took {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    width = [max(len(r[i]) for r in [("benchmark", "figure", "value", "unit"), *rows]) for i in range(4)]
    for row in [("benchmark", "figure", "value", "unit"), *rows]:
        print("  ".join(cell.rjust(width[i]) if i == 2 else cell.ljust(width[i]) for i, cell in enumerate(row)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
