"""Timing helpers for the benchmarks: best of N runs with the collector as the code leaves it, and the table."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

__all__ = ["best", "Table"]


def best(fn: Callable[[], Any], *, repeat: int = 1) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` calls of ``fn`` (seconds) and the last result.

    >>> seconds, value = best(lambda: 2 + 2, repeat=3)
    >>> value, seconds >= 0
    (4, True)
    """
    shortest, result = float("inf"), None
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        shortest = min(shortest, time.perf_counter() - start)
    return shortest, result


class Table:
    """Rows of ``(figure, value, ratio, baseline, bar)`` printed as an aligned text table.

    >>> t = Table()
    >>> t.add("cold load", 2.0, "s", baseline=("floor", 1.0), bar=1.3)
    2.0
    >>> print(t.render())  # doctest: +NORMALIZE_WHITESPACE
    figure     value   ratio  against  bar     verdict
    cold load  2.000s  2.00×  floor    ≤ 1.3×  FAIL
    """

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []

    def add(self, figure: str, value: float, unit: str, *, baseline: tuple[str, float] | None = None,
            bar: float | None = None) -> float | None:
        """Add a figure; with a baseline its ratio, with a bar whether the ratio is within it."""
        ratio = value / baseline[1] if baseline and baseline[1] > 0 else None
        shown = f"{value:.3f}{unit}" if unit == "s" else f"{value:,.1f} {unit}"
        verdict = "" if bar is None or ratio is None else ("pass" if ratio <= bar else "FAIL")
        self.rows.append((
            figure, shown, f"{ratio:.2f}×" if ratio is not None else "", baseline[0] if baseline else "",
            f"≤ {bar}×" if bar is not None else "", verdict,
        ))
        return ratio

    def note(self, figure: str, text: str) -> None:
        """Add a row that is only text (a skipped benchmark)."""
        self.rows.append((figure, text, "", "", "", ""))

    def render(self) -> str:
        """The table as text."""
        header = ("figure", "value", "ratio", "against", "bar", "verdict")
        rows = [header, *self.rows]
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
