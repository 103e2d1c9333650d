r"""Escaping text from YAML for DOT, Graphviz HTML-like labels and Mermaid: the one place it happens.

Text from the model is never formatted into markup raw. Each target has one helper:

============================  =====================  ===========================  ======================
text from YAML                :func:`dot_text`       :func:`html_text`            :func:`mermaid_text`
============================  =====================  ===========================  ======================
``a\b`` (backslash)           ``a\\b``               ``a\b``                      ``a\b``
``say "hi"`` (quotes)         ``say "hi"`` [#]_      ``say &quot;hi&quot;``       ``say #quot;hi#quot;``
``a\l`` (Graphviz escape)     ``a\\l``               ``a\l``                      ``a\l``
``<b>x</b>`` (markup)         ``<b>x</b>`` [#]_      ``&lt;b&gt;x&lt;/b&gt;``     ``#lt;b#gt;x#lt;/b#gt;``
``A & B #1 [x]``              ``A & B #1 [x]``       ``A &amp; B #1 [x]``         ``A #amp; B #35;1 #91;x#93;``
``Café — ✓`` (Unicode)        unchanged              unchanged                    unchanged
``a⏎b`` (newline)             ``a\nb``               ``a<BR/>b``                  ``a b``
control characters            dropped                dropped                      dropped
============================  =====================  ===========================  ======================

.. [#] the ``graphviz`` package escapes the quotes when it writes the attribute.
.. [#] wrapped in :func:`graphviz.nohtml`, so it is a quoted string, never an HTML label.

>>> import graphviz
>>> g = graphviz.Digraph()
>>> g.node("n", dot_text('<b>x</b> "a\\l"'))
>>> print(g.source.splitlines()[1].strip())
n [label="<b>x</b> \"a\\l\""]
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from graphviz import nohtml

__all__ = ["clean", "dot_text", "html_text", "mermaid_text", "safe_url"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    r"""Drop control characters (and unpaired surrogates) that no output format can carry; tabs become spaces.

    >>> clean("a\x00b\tc\r\nd")
    'ab c\nd'
    """
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def dot_text(text: str) -> str:
    r"""Text for a DOT quoted string (label, tooltip, URL): backslashes doubled, newlines ``\n``, never HTML.

    >>> dot_text("a\\l")
    'a\\\\l'
    >>> dot_text("line one\nline two")
    'line one\\nline two'
    >>> type(dot_text("<b>x</b>")).__name__
    'NoHtml'
    """
    return nohtml(clean(text).replace("\\", "\\\\").replace("\n", "\\n"))


def html_text(text: str) -> str:
    r"""Text for a part of a Graphviz HTML-like label: ``& < > " '`` as entities, newlines ``<BR/>``.

    >>> html_text('<b>x</b> & "y"')
    '&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;'
    >>> html_text("a\nb")
    'a<BR/>b'
    """
    return "<BR/>".join(html.escape(line, quote=True) for line in clean(text).split("\n"))


_MERMAID = {
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "#": "#35;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "(": "#40;",
    ")": "#41;",
    "|": "#124;",
    "`": "#96;",
    ";": "#59;",
}
_MERMAID_PATTERN = re.compile("|".join(re.escape(k) for k in _MERMAID))


def mermaid_text(text: str) -> str:
    r"""Text for a Mermaid ``"..."`` label: punctuation Mermaid reads as syntax becomes entity codes.

    >>> mermaid_text('Say "hi" #1 <now>\n(then)')
    'Say #quot;hi#quot; #35;1 #lt;now#gt; #40;then#41;'
    """
    flat = " ".join(clean(text).split("\n"))
    return _MERMAID_PATTERN.sub(lambda m: _MERMAID[m.group(0)], flat)


def safe_url(url: str | None) -> str | None:
    r"""``url`` (stripped) when it is an http(s) or relative link; else ``None``. Escape it for its target after.

    >>> safe_url("process-x.svg")
    'process-x.svg'
    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url("//evil.example") is None, safe_url("") is None
    (True, True, True)
    """
    if not url or not url.strip() or _CONTROL.search(url) or "\n" in url:
        return None
    stripped = url.strip()
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https") or stripped.startswith("//") or (parts.scheme and not parts.netloc):
        return None
    if not parts.scheme and ":" in stripped.split("/", 1)[0]:
        return None
    return stripped
