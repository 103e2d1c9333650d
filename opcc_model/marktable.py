"""Line and column of the keys that findings point at, recorded while a file is parsed.

Locating a finding used to mean composing its file again with marks (as slow as
parsing it). Instead, while :mod:`opcc_model.yamlsource` builds a document from
libyaml's nodes, :func:`record` keeps a compact table of their start marks: the
document's top two levels in full (the root mapping, its values, the items of its
lists) and, inside each item (a stage, role, activity, code, allocation...), only the
keys findings and load errors ask for (:data:`TRACKED`) with the items of their lists.
The whole table is one ``array`` of 16-bit ints per file (32-bit past 65,535): 30 to 50 per activity. A record is
``line, column, kind`` for a scalar and ``line, column, kind, count, end`` for a list
(then the offset of each item, then the items) or a mapping (then ``key code, value`` pairs).

:meth:`MarkTable.locate` answers like :meth:`~opcc_model.yamlsource.MarkedDocument.locate`
(the deepest existing node along a path) or returns ``None`` when the table cannot
tell (a path deeper than recorded, an untracked key): the caller then composes the file.

>>> import yaml
>>> node = yaml.compose("roles:\\n  - {id: pcc, side: commissioner}\\n")
>>> table = record(node)
>>> table.locate(("roles", 0)), table.locate(("roles", 0, "id")), table.locate(("roles", 5))
((2, 5), (2, 10), (2, 3))
>>> table.locate(("roles", 0, "side")) is None  # not a tracked key: compose to know
True
"""

from __future__ import annotations

import base64
from array import array
from collections.abc import Sequence

import yaml

__all__ = ["TRACKED", "MarkTable", "record"]

TRACKED = frozenset({
    "id", "code", "pag", "area", "accountable", "responsible", "consulted", "informed", "inputs", "outputs",
    "after", "subject", "holder", "finding", "delegated_by", "stage", "parent",
})
"""The keys recorded inside an item (below the document's top two levels)."""

_SCALAR, _SEQ, _MAP, _TRACKED_MAP, _UNRECORDED = 0, 1, 2, 3, 4
_MAX_KEYS = 4096
SEEDED = tuple(sorted(TRACKED | {
    "format", "name", "jurisdiction", "jurisdictions", "areas", "status", "body", "deputy", "default", "officers",
    "codes", "allocations", "delegations", "ladders", "decisions", "waivers", "roles", "artifacts", "mandate",
    "outcomes", "stages", "activities", "basis", "guidance", "references", "portfolio", "side", "kind", "text",
    "duties", "instruments", "reports_to", "principal", "title", "url", "obligation", "deadlines", "windows",
    "recurrence", "outcome", "process", "relation", "consent_by", "condition", "instrument", "from", "until",
    "source", "arrangement", "forum", "reason", "description", "label", "version",
}))
"""Keys with a fixed code in every process (the format's keys): tables that use only these can be kept across processes."""
_KEY_CODES: dict[str, int] = {key: code for code, key in enumerate(SEEDED)}
"""Key text → small int, shared by every table (bounded: past ``_MAX_KEYS`` keys are not recorded)."""


def portable() -> bool:
    """Whether every table recorded so far in this process uses only :data:`SEEDED` key codes.

    Then the tables mean the same in another process of the same code version (the cache
    keeps them); a key outside the format (a misspelt one, in a file that then failed)
    gets a code in the order it was met, and from then on no table is kept.

    >>> portable() in (True, False)
    True
    """
    return len(_KEY_CODES) == len(SEEDED)


def _code(key: str) -> int | None:
    code = _KEY_CODES.get(key)
    if code is None and len(_KEY_CODES) < _MAX_KEYS and len(key) <= 64:
        code = _KEY_CODES[key] = len(_KEY_CODES)
    return code


class MarkTable:
    """The recorded marks of one document (see the module); ``locate`` gives 1-based ``(line, column)``."""

    __slots__ = ("ints",)

    def __init__(self, ints: array) -> None:
        self.ints = ints

    def to_text(self) -> str:
        """The table as text (its int width, then its bytes in base64) for the cache.

        >>> table = record(yaml.compose("a: [1, 2]\\n"))
        >>> MarkTable.from_text(table.to_text()).ints == table.ints
        True
        """
        return self.ints.typecode + base64.b64encode(self.ints.tobytes()).decode("ascii")

    @classmethod
    def from_text(cls, text: str, /) -> MarkTable:
        """The table :meth:`to_text` wrote (raises ``ValueError`` for anything else)."""
        if not text or text[0] not in "HI":
            raise ValueError("expected a mark table")
        ints = array(text[0])
        ints.frombytes(base64.b64decode(text[1:], validate=True))
        return cls(ints)

    def locate(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """The ``(line, column)`` of the deepest node along ``path``, or ``None`` when not recorded."""
        ints, at = self.ints, 0
        for step in path:
            kind = ints[at + 2]
            if kind == _UNRECORDED:
                return None
            if kind == _SCALAR:
                break
            count, child = ints[at + 3], at + 5
            if kind == _SEQ:  # the header is followed by the offset of each item
                if not isinstance(step, int) or not 0 <= step < count:
                    break
                at = ints[child + step]
                continue
            text = str(step)
            code = _KEY_CODES.get(text)
            found = None
            if code is not None:
                for _ in range(count):
                    if ints[child] == code:
                        found = child + 1
                        break
                    child += 1
                    child = child + 3 if ints[child + 2] == _SCALAR else ints[child + 4]
            if found is None:
                if kind == _TRACKED_MAP and text not in TRACKED:
                    return None
                break
            at = found
        return ints[at] + 1, ints[at + 1] + 1


def record(root: yaml.Node | None) -> MarkTable | None:
    """The mark table of a composed document (``None`` for an empty one).

    Kept in 16-bit ints (half the memory), or 32-bit ones when a file needs them.
    """
    if root is None:
        return None
    try:
        return _record(root, "H")
    except OverflowError:
        return _record(root, "I")


def _record(root: yaml.Node, typecode: str) -> MarkTable:
    ints = array(typecode)
    append = ints.append

    def visit(node: yaml.Node, depth: int) -> None:
        mark = node.start_mark
        if isinstance(node, yaml.ScalarNode):
            ints.extend((mark.line, mark.column, _SCALAR))
            return
        start = len(ints)
        if depth > 3:
            ints.extend((mark.line, mark.column, _UNRECORDED, 0, start + 5))
            return
        count = 0
        if isinstance(node, yaml.SequenceNode):
            ints.extend((mark.line, mark.column, _SEQ, 0, 0))
            items = node.value
            ints.extend([0] * len(items))
            for count, item in enumerate(items):
                ints[start + 5 + count] = len(ints)
                visit(item, depth + 1)
            count = len(items)
        else:
            kind = _MAP if depth < 2 else _TRACKED_MAP
            ints.extend((mark.line, mark.column, kind, 0, 0))
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue  # never matched by a path step (MarkedDocument skips them too)
                if kind == _TRACKED_MAP and key.value not in TRACKED:
                    continue
                code = _code(key.value)
                if code is None:
                    ints[start + 2] = _UNRECORDED
                    del ints[start + 5:]
                    break
                append(code)
                visit(value, depth + 1)
                count += 1
        ints[start + 3] = count
        ints[start + 4] = len(ints)

    try:
        visit(root, 0)
    finally:
        del visit  # a recursive closure is a reference cycle: break it, or it waits for the collector
    return MarkTable(ints)
