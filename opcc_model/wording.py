"""Counted nouns in messages: "1 process", "2 processes", "1 activity", "3 activities".

>>> count(1, "process"), count(2, "process"), count(0, "activity"), count(1, "area")
('1 process', '2 processes', '0 activities', '1 area')
"""

from __future__ import annotations

__all__ = ["count", "plural"]


def plural(noun: str) -> str:
    """The English plural of ``noun`` (regular nouns; the words opcc-model counts).

    >>> [plural(w) for w in ("code", "process", "activity", "entry", "day", "path", "match")]
    ['codes', 'processes', 'activities', 'entries', 'days', 'paths', 'matches']
    """
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def count(number: int, noun: str, plural_form: str | None = None) -> str:
    """``number`` and ``noun``, plural unless the number is 1.

    >>> count(1, "error"), count(6, "error that follows", "errors that follow")
    ('1 error', '6 errors that follow')
    """
    return f"{number} {noun if number == 1 else plural_form or plural(noun)}"
