"""The vocabulary of the model: id and code types, link checking, the closed word lists.

>>> SIDES[:2]
('commissioner', 'chief-constable')
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from opcc_model.terminal import first_unsafe

__all__ = [
    "SLUG_PATTERN",
    "PAG_PATTERN",
    "MAX_CODE_DEPTH",
    "Slug",
    "PagCodeStr",
    "Url",
    "Name",
    "NAME_MAX",
    "Side",
    "Holder",
    "Provenance",
    "Jurisdiction",
    "ActivityKind",
    "ArtifactKind",
    "SIDES",
    "PRINCIPAL_SIDES",
    "Frozen",
]

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MAX_CODE_DEPTH = 20
"""The most levels a PAG code may have (PAG's own codes have about six): validation, the
site's code tree and every walk of it agree on this one limit."""

PAG_PATTERN = r"^[1-9][0-9]*(\.[1-9][0-9]*){0,%d}$" % (MAX_CODE_DEPTH - 1)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
"""A lowercase id: ``[a-z0-9][a-z0-9-]*``."""

PagCodeStr = Annotated[str, StringConstraints(pattern=PAG_PATTERN)]
"""A PAG code: dot-separated positive integers, such as ``"1.1.2.8"``, at most :data:`MAX_CODE_DEPTH` levels."""


def _check_link(url: str) -> str:
    """Accept http(s) and relative links only.

    >>> _check_link("https://www.legislation.gov.uk/ukpga/2011/13")
    'https://www.legislation.gov.uk/ukpga/2011/13'
    >>> _check_link("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: expected an http(s) or relative link, found 'javascript:alert(1)'
    """
    lowered = url.strip().lower()
    scheme, sep, _ = lowered.partition(":")
    if lowered.startswith("//") or (
        sep and "/" not in scheme and scheme not in ("http", "https")
    ):
        raise ValueError(f"expected an http(s) or relative link, found {url!r}")
    if not url.strip():
        raise ValueError("expected a link, found an empty string")
    return url


Url = Annotated[str, AfterValidator(_check_link)]
"""A link: ``http://``, ``https://`` or relative."""

NAME_MAX = 300
"""The longest name, in characters (a name is a label on diagrams and pages, not prose)."""


def _check_name(name: str) -> str:
    """Accept a one-line name of at most :data:`NAME_MAX` characters without control characters.

    >>> _check_name("Police and Crime Panel")
    'Police and Crime Panel'
    >>> _check_name("x\\n::error file=README.md::PWNED")
    Traceback (most recent call last):
    ...
    ValueError: expected a name without control characters (C0, C1, DEL, line breaks, bidi controls), found U+000A at character 2
    """
    found = first_unsafe(name)
    if found is not None:
        raise ValueError(f"expected a name without control characters (C0, C1, DEL, line breaks, bidi controls), found {found}")
    if len(name) > NAME_MAX:
        raise ValueError(f"expected a name of at most {NAME_MAX} characters, found {len(name):,} (put the rest in description)")
    return name


Name = Annotated[str, AfterValidator(_check_name)]
"""A name: one line of at most :data:`NAME_MAX` characters, no control or bidi characters."""

Side = Literal["commissioner", "chief-constable", "oversight", "partner", "public"]
Holder = Literal["commissioner", "chief-constable", "joint", "oversight"]
"""Who holds a code in an area: one principal, both jointly, or the oversight side (the Police and Crime Panel's own powers)."""
Provenance = Literal["open", "licensed", "local"]
"""Where a glossary code comes from: the open reference glossary shipped here, a licensed PAG file, or an area's own local code."""
Jurisdiction = Literal["england", "wales"]
ActivityKind = Literal["task", "decision", "event", "subprocess"]
ArtifactKind = Literal[
    "document", "plan", "report", "decision", "data", "agreement", "record", "budget", "outcome"
]

SIDES: tuple[Side, ...] = ("commissioner", "chief-constable", "oversight", "partner", "public")
"""Every side, in the order lanes and matrix columns use."""

PRINCIPAL_SIDES: tuple[Side, Side] = ("commissioner", "chief-constable")
"""The two sides whose boundary the model draws."""


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
"""One set of field names for every frozen instance that was given the same fields (a few dozen in all)."""


class Frozen(BaseModel):
    """Base of every model type: frozen, unknown keys refused.

    pydantic gives each instance a set of the names of the fields it was given (a national
    model's activities hold ~0.7 KB each of them). A frozen instance never changes that set
    (``model_copy`` copies it before updating), so instances given the same fields share one.

    >>> class Pair(Frozen):
    ...     a: int
    ...     b: int = 0
    >>> Pair(a=1).model_fields_set is Pair(a=2).model_fields_set, sorted(Pair(a=1, b=1).model_fields_set)
    (True, ['a', 'b'])
    >>> one = Pair(a=1)
    >>> sorted(one.model_copy(update={"b": 2}).model_fields_set), sorted(Pair(a=3).model_fields_set)
    (['a', 'b'], ['a'])
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, use_attribute_docstrings=True)

    def model_post_init(self, context: object, /) -> None:
        """Share this instance's set of given field names with every instance given the same ones."""
        given = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)
