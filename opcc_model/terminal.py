"""Text from a model made safe to print: no control characters, no CI workflow commands.

A model's free text (descriptions, guidance, bases, file names) may hold ESC, BEL or NUL
(which a terminal obeys), bidirectional overrides (which reorder what is shown), or a line
break followed by ``::error file=...::`` (which GitHub Actions reads as a workflow command
in a job's log). Every plain-text output of the ``opcc`` command goes through
:func:`safe_text`; ids and names may not hold such characters at all (a load error, see
:data:`UNSAFE`).

>>> print(safe_text("ok line\\nname \\x1b[31mred\\x07\\n  ::error file=README.md::PWNED\\n"), end="")
ok line
name \\x1b[31mred\\x07
  :\\:error file=README.md::PWNED
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["UNSAFE", "BIDI", "escape_controls", "escape_json_controls", "safe_text", "first_unsafe", "json_text"]

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The bidirectional marks, embeddings, overrides and isolates (they reorder what a reader sees)."""

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + BIDI + "]")
"""C0 and C1 control characters, DEL, the line and paragraph separators and the bidi controls."""

_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029" + BIDI + "]")
"""What :data:`UNSAFE` holds beyond the C0 controls (JSON escapes those itself; its own line breaks are layout)."""

_KEEP = {"\n", "\t"}
_COMMAND_LINE = re.compile(r"^(\s*):(?=:)", re.MULTILINE)
"""A line that would start a GitHub workflow command (``::name ...::``), after leading blanks."""


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _KEEP:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, /, *, keep_lines: bool = True) -> str:
    """``text`` with every unsafe character written as ``\\xNN`` or ``\\uNNNN``; with ``keep_lines``,
    line feeds and tabs stay.

    >>> escape_controls("a\\u202eb\\x00"), escape_controls("a\\nb", keep_lines=False)
    ('a\\\\u202eb\\\\x00', 'a\\\\x0ab')
    """
    if not UNSAFE.search(text):
        return text
    if keep_lines:
        return UNSAFE.sub(_escaped, text)
    return UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def safe_text(text: str, /) -> str:
    """Plain-text output made safe: controls escaped (line feeds and tabs kept), and a line that
    would start a workflow command (``::`` at its start) or a legacy one (``##[``) defused.

    The tool's own text never starts a line with ``::`` nor holds ``##[``: only model text can.

    >>> safe_text("##[error]x"), safe_text("a::b")
    ('#\\\\#[error]x', 'a::b')
    """
    text = escape_controls(text)
    if "::" in text:
        text = _COMMAND_LINE.sub(r"\1:\\", text)
    return text.replace("##[", "#\\#[")


def first_unsafe(text: str, /) -> str | None:
    """A description of the first unsafe character of ``text`` (``None`` when there is none).

    >>> first_unsafe("plan"), first_unsafe("a\\nb"), first_unsafe("x\\u202e")
    (None, 'U+000A at character 2', 'U+202E at character 2')
    """
    found = UNSAFE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X} at character {found.start() + 1}"


def json_text(value: Any, /, *, indent: int | None = 2) -> str:
    """``value`` as JSON text (sorted keys, newline-terminated) with every unsafe character escaped.

    JSON escapes C0 controls itself; DEL, the C1 controls, the line and paragraph separators
    and the bidirectional controls are written ``\\uNNNN`` too, so no output of ``opcc`` in
    JSON carries a raw control for a terminal, a log viewer or a browser to obey. Other
    characters (``£``, ``é``, Welsh names) stay readable.

    >>> print(json_text({"name": "a\\u202eb\\x85c £", "n": 1}), end="")
    {
      "n": 1,
      "name": "a\\u202eb\\u0085c £"
    }
    """
    return escape_json_controls(json.dumps(value, indent=indent, sort_keys=True, ensure_ascii=False)) + "\n"


def escape_json_controls(text: str, /) -> str:
    """JSON ``text`` (written with ``ensure_ascii=False``) with DEL, the C1 controls, the line and
    paragraph separators and the bidi controls written ``\\uNNNN`` (they only occur inside strings).

    >>> escape_json_controls('["a\\u2066b"]')
    '["a\\\\u2066b"]'
    """
    if text.isascii() and "\x7f" not in text:  # the common case, two scans in C: nothing to escape
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
