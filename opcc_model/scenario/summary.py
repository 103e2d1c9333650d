"""A grouped summary of a model diff: changes counted by kind and by role, one sentence a group.

>>> from opcc_model.scenario.model_diff import Change
>>> moved = [Change(kind="accountable-changed", subject=(a,), before="pcc", after="mayor", message="m") for a in "abc"]
>>> summary_lines(moved, {"pcc": "PCC", "mayor": "Mayor"})
['3 accountabilities move from the PCC to the Mayor.']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["summary_lines", "count", "kinds"]

_WORDS = {"R": "responsible", "C": "consulted", "I": "informed", "A": "accountable"}
_SHOWN_IDS = 4


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``1 activity``, ``2 activities``.

    >>> count(1, "activity", "activities"), count(2, "change")
    ('1 activity', '2 changes')
    """
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def _role(names: Mapping[str, str], role_id: str | None) -> str:
    if role_id is None:
        return "no one"
    return f"the {names[role_id]}" if role_id in names else f"'{role_id}'"


def _ids(subjects: Sequence[str]) -> str:
    shown = ", ".join(subjects[:_SHOWN_IDS])
    return shown + (f" and {len(subjects) - _SHOWN_IDS} more" if len(subjects) > _SHOWN_IDS else "")


_PLURALS = {"activity": "activities", "pag": "PAG mappings", "outcomes": "outcomes"}


def _what(kind: str, number: int) -> str:
    """``role-added`` -> ``2 roles added``; ``role-changed`` -> ``2 role changes``.

    >>> _what("role-added", 2), _what("activity-changed", 1), _what("pag-removed", 3)
    ('2 roles added', '1 activity change', '3 PAG mappings removed')
    """
    noun, _, verb = kind.rpartition("-")
    if verb == "changed":
        return count(number, f"{noun} change")
    singular = "PAG mapping" if noun == "pag" else noun
    return f"{count(number, singular, _PLURALS.get(noun))} {verb}"


def summary_lines(changes: Iterable[Any], role_names: Mapping[str, str], /) -> list[str]:
    """One sentence per group of changes, largest groups first (ties in a stable order).

    Accountability moves are grouped by the roles they move between, RACI letters by role
    and letter, PAG holders by area and holders; every other kind is counted with its ids.
    """
    groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for change in changes:
        if change.kind == "accountable-changed":
            key: tuple[str, ...] = (change.kind, change.before or "", change.after or "")
        elif change.kind in ("raci-added", "raci-removed"):
            key = (change.kind, change.subject[1], change.after or change.before or "")
        elif change.kind == "holder-changed":
            key = (change.kind, change.area or "", change.before or "", change.after or "")
        else:
            key = (change.kind,)
        groups[key].append(change)
    lines = []
    for key, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        n, kind = len(members), key[0]
        if kind == "accountable-changed":
            lines.append(
                f"{count(n, 'accountability', 'accountabilities')} move{'s' if n == 1 else ''} from "
                f"{_role(role_names, key[1] or None)} to {_role(role_names, key[2] or None)}."
            )
        elif kind in ("raci-added", "raci-removed"):
            who = _role(role_names, key[1])
            verb = "becomes" if kind == "raci-added" else "is no longer"
            lines.append(f"{who[:1].upper()}{who[1:]} {verb} {_WORDS.get(key[2], key[2])} ({key[2]}) for {count(n, 'activity', 'activities')}.")
        elif kind == "holder-changed":
            lines.append(f"In {key[1]}, {count(n, 'PAG code')} move{'s' if n == 1 else ''} from {key[2]} to {key[3]}.")
        else:
            ids = ["/".join(m.subject) for m in members]
            lines.append(f"{_what(kind, n)}: {_ids(ids)}.")
    return lines


def kinds(changes: Iterable[Any], /) -> dict[str, int]:
    """How many changes of each kind, by kind."""
    return dict(sorted(Counter(c.kind for c in changes).items()))
