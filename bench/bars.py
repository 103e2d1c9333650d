"""The bars of the national benchmark (issue 17), each with its figure, verdict and the command to reproduce it.

>>> bars = Bars()
>>> bars.add("3", "cold load ≤ 3× the fastest trusted parser", 1.1, 3.0, "1.10× floor")
'pass'
>>> bars.add("4", "warm load ≤ 0.1× the floor", None, 0.1, "skipped")
'not measured'
>>> print(bars.render())  # doctest: +NORMALIZE_WHITESPACE
bar  what                                        figure       verdict       reproduce
3    cold load ≤ 3× the fastest trusted parser   1.10× floor  pass          python -m bench
4    warm load ≤ 0.1× the floor                  skipped      not measured  python -m bench
"""

from __future__ import annotations

__all__ = ["Bars"]


class Bars:
    """Rows of ``(bar, what, figure, verdict, command)``: a ratio against its limit gives the verdict."""

    def __init__(self, command: str = "python -m bench") -> None:
        self.command = command
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, bar: str, what: str, ratio: float | None, limit: float, figure: str, *, command: str | None = None) -> str:
        """Add one bar: ``ratio`` (``None``: not measured) against ``limit`` (pass when ``ratio ≤ limit``)."""
        verdict = "not measured" if ratio is None else "pass" if ratio <= limit else "FAIL"
        self.rows.append((bar, what, figure, verdict, command or self.command))
        return verdict

    def sorted(self) -> list[tuple[str, str, str, str, str]]:
        """The rows in bar order (the order measured within one bar)."""
        return sorted(self.rows, key=lambda row: row[0])

    def render(self) -> str:
        """The bars as an aligned text table."""
        rows = [("bar", "what", "figure", "verdict", "reproduce"), *self.sorted()]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)

    def markdown(self) -> str:
        """The bars as a Markdown table (docs/performance.md leads with it).

        >>> b = Bars(); _ = b.add("1", "x", 1.0, 2.0, "1.00×"); print(b.markdown().splitlines()[2])
        | 1 | x | 1.00× | pass | `python -m bench` |
        """
        lines = ["| bar | what | figure | verdict | reproduce |", "|---|---|---|---|---|"]
        lines += [f"| {b} | {w} | {f} | {v} | `{c}` |" for b, w, f, v, c in self.sorted()]
        return "\n".join(lines)
