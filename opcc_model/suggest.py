""""Did you mean ...?": the closest ids of the expected kind, by edit distance, every one on a tie.

>>> did_you_mean("pcx", ["pcc", "pcp", "cc", "oversight"])
"did you mean 'pcc' or 'pcp'?"
>>> did_you_mean("acountable", ["accountable", "after", "consulted"])
"did you mean 'accountable'?"
>>> did_you_mean("zzz", ["pcc", "cc"])
''
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean", "edit_distance", "closest"]


def edit_distance(a: str, b: str, /, limit: int | None = None) -> int:
    """The Levenshtein distance of ``a`` and ``b`` (insertions, deletions, substitutions);
    with ``limit``, any distance above it may be reported as ``limit + 1``.

    >>> edit_distance("pcx", "pcc"), edit_distance("pcx", "cc"), edit_distance("", "abc")
    (1, 2, 3)
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(value: str, candidates: Iterable[str], /) -> list[str]:
    """The candidates nearest ``value`` (sorted), if near enough: at most a third of its length
    in edits (at least two); every candidate at the smallest distance.

    >>> closest("pcx", ["pcp", "pcc", "cc"]), closest("1.1.9", ["1.1.1", "1.1.2", "2"])
    (['pcc', 'pcp'], ['1.1.1', '1.1.2'])
    """
    limit = max(2, len(value) // 3)
    best: list[str] = []
    for candidate in set(candidates):
        distance = edit_distance(value, candidate, limit)
        if distance > limit or candidate == value:
            continue
        if distance < limit or not best:
            best, limit = [candidate], distance
        else:
            best.append(candidate)
    return sorted(best)


def did_you_mean(value: str, candidates: Iterable[str], /) -> str:
    """``did you mean 'a'?`` / ``'a' or 'b'?`` / ``'a', 'b' or 'c'?`` — or ``''`` when nothing is close."""
    found = [f"'{c}'" for c in closest(value, candidates)]
    if not found:
        return ""
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " or " + found[-1]
    return f"did you mean {listed}?"
