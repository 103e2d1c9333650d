"""XML 1.0 text: remove characters XML forbids, escape the rest, build tags with sorted attributes.

Every piece of text from the YAML that reaches an XML output (BPMN, GraphML) goes
through :func:`xml_clean` first: XML 1.0 cannot carry most C0 controls, lone
surrogates, U+FFFE or U+FFFF at all, not even as character references, so they are
dropped rather than written into an ill-formed file.

>>> text("a < b & \\x00c")
'a &lt; b &amp; c'
>>> tag("task", {"name": 'say "hi"', "id": "Activity_a"})
'<task id="Activity_a" name="say &quot;hi&quot;"'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["xml_clean", "text", "attr", "tag"]

_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_clean(value: str, /) -> str:
    """``value`` without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/U+FFFF).

    A carriage return is kept as a line end: ``\\r\\n`` and ``\\r`` become ``\\n``.

    >>> xml_clean("tab\\tok\\x07\\ud800\\ufffe\\uffff end")
    'tab\\tok end'
    >>> xml_clean("a\\r\\nb\\rc")
    'a\\nb\\nc'
    >>> xml_clean("\\U0001F46E police")
    '\\U0001f46e police'
    """
    return _FORBIDDEN.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def text(value: str, /) -> str:
    """``value`` as XML character data: cleaned, with ``&``, ``<`` and ``>`` escaped.

    >>> text("<b>x</b> & ]]>")
    '&lt;b&gt;x&lt;/b&gt; &amp; ]]&gt;'
    """
    return xml_clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str, /) -> str:
    """``value`` as a double-quoted attribute value (without the quotes); line ends survive parsing.

    >>> attr('"a"\\tb\\nc')
    '&quot;a&quot;&#9;b&#10;c'
    """
    return (
        text(value)
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
    )


def tag(name: str, attributes: Mapping[str, str | None], /) -> str:
    """The opening of an element, ``<name a="…" b="…"``, attributes sorted by name, ``None`` left out.

    The caller closes it with ``>``, ``/>`` or ``>…</name>``.

    >>> tag("dc:Bounds", {"y": "2", "x": "1", "width": None}) + "/>"
    '<dc:Bounds x="1" y="2"/>'
    """
    parts = [name]
    for key in sorted(attributes):
        value = attributes[key]
        if value is not None:
            parts.append(f'{key}="{attr(value)}"')
    return "<" + " ".join(parts)
