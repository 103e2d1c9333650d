"""The exception hierarchy: every error the library raises derives from :class:`OpccError`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opcc_model.location import Location
from opcc_model.wording import count

__all__ = ["OpccError", "NotFound", "LoadIssue", "ModelLoadError", "NoSuchFolder", "RenderUnavailable"]


class OpccError(Exception):
    """Base class of every error raised by opcc_model."""


class NotFound(KeyError, OpccError):
    """An id that is not in the model; a ``KeyError`` that prints its message as it is.

    >>> try:
    ...     raise NotFound("role 'x' is not in the model")
    ... except KeyError as e:
    ...     print(e)
    role 'x' is not in the model
    """

    def __str__(self) -> str:
        # KeyError would print repr(key), quotes and all; the argument here is a sentence
        return str(self.args[0]) if self.args else ""


class RenderUnavailable(OpccError):
    """No Graphviz backend can produce the requested format."""


@dataclass(frozen=True, order=True)
class LoadIssue:
    """One problem found while loading a model, with where it is.

    >>> str(LoadIssue(Location("processes/roles.yaml", 4, 7), "unknown key 'sidee'"))
    "processes/roles.yaml:4:7: unknown key 'sidee'"
    """

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ModelLoadError(OpccError):
    """A model could not be loaded; :attr:`issues` holds every problem found, sorted.

    >>> err = ModelLoadError([LoadIssue(Location("b.yaml", 1, 1), "y"), LoadIssue(Location("a.yaml", 2, 1), "x")])
    >>> print(err)
    2 errors loading the model:
    a.yaml:2:1: x
    b.yaml:1:1: y
    """

    what = "the model"
    """What failed to load, in messages (subclasses load other things: ``the plans``)."""

    def __init__(self, issues: Iterable[LoadIssue]) -> None:
        self.issues: tuple[LoadIssue, ...] = tuple(sorted(set(issues)))
        number = len(self.issues)
        head = f"{count(number, 'error')} loading {self.what}:"
        super().__init__("\n".join([head, *map(str, self.issues)]))


class NoSuchFolder(ModelLoadError):
    """The model root is missing or is not a folder; prints as ``no such folder: PATH``.

    Its one issue, located at the path, still says what was expected there.

    >>> print(NoSuchFolder("/nonexistent"))
    no such folder: /nonexistent
    >>> print(NoSuchFolder("README.md", exists=True))
    not a folder: README.md
    >>> NoSuchFolder("/nonexistent").issues[0].message
    'expected a model folder holding processes/ and pag/, found no such folder'
    """

    def __init__(self, path: str, *, exists: bool = False) -> None:
        self.path = path
        found = "a file" if exists else "no such folder"
        super().__init__([LoadIssue(Location(path, 1, 1), f"expected a model folder holding processes/ and pag/, found {found}")])
        self.args = (f"{'not a folder' if exists else 'no such folder'}: {path}",)

    def __str__(self) -> str:
        return str(self.args[0])
