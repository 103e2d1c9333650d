"""Timing helpers for the benchmarks: best of N runs with the collector as the code leaves it, and the table.

The clock is wall time, or with :func:`use_clock` ``("cpu")`` the CPU time of this process
(and of the commands it runs): on a shared machine the CPU time does not count the time other
jobs held the cores.
"""

from __future__ import annotations

import gc
import os
import subprocess
import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["best", "run_command", "use_clock", "clock_name", "Table"]

_CLOCK = {"name": "wall"}


def use_clock(name: str, /) -> None:
    """Measure ``wall`` time (the default) or ``cpu`` time from now on.

    >>> use_clock("cpu"); clock_name()
    'cpu'
    >>> use_clock("wall")
    """
    if name not in ("wall", "cpu"):
        raise ValueError(f"expected 'wall' or 'cpu', found {name!r}")
    _CLOCK["name"] = name


def clock_name() -> str:
    """The clock in use: ``wall`` or ``cpu``."""
    return _CLOCK["name"]


def _now() -> float:
    return time.process_time() if _CLOCK["name"] == "cpu" else time.perf_counter()


def run_command(argv: Sequence[str], /, *, env: dict[str, str] | None = None, repeat: int = 1,
                ok: Sequence[int] = (0,)) -> float:
    """The best time of ``repeat`` runs of the command ``argv`` (its output discarded; wall or its CPU time).

    A command's CPU time is its own and its waited-for children's, read when it is reaped
    (``os.wait4``), so commands may run at the same time in other threads. A command whose
    exit status is not in ``ok`` raises :class:`subprocess.CalledProcessError`.

    >>> import sys
    >>> run_command([sys.executable, "-c", "pass"]) > 0
    True
    """
    shortest = float("inf")
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        process = subprocess.Popen(list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert process.stderr is not None
        with process.stderr:
            errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
        if process.returncode not in ok:
            raise subprocess.CalledProcessError(process.returncode, list(argv), stderr=errors)
        cpu = usage.ru_utime + usage.ru_stime
        shortest = min(shortest, cpu if _CLOCK["name"] == "cpu" else wall)
    return shortest


def best(fn: Callable[[], Any], *, repeat: int = 1) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` calls of ``fn`` (seconds) and the last result.

    >>> seconds, value = best(lambda: 2 + 2, repeat=3)
    >>> value, seconds >= 0
    (4, True)
    """
    shortest, result = float("inf"), None
    for _ in range(max(1, repeat)):
        gc.collect()
        start = _now()
        result = fn()
        shortest = min(shortest, _now() - start)
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
