"""The exception hierarchy: every error the library raises derives from :class:`OpccError`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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

    ``follows`` is the location of the root cause when this problem only follows from
    another (a reference to an activity of a file that did not load; a key missing next
    to a misspelt one); such problems are listed under their cause.

    >>> str(LoadIssue(Location("processes/roles.yaml", 4, 7), "unknown key 'sidee'"))
    "processes/roles.yaml:4:7: unknown key 'sidee'"
    """

    location: Location
    message: str
    follows: Location | None = field(default=None, compare=False)

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
        self.groups: tuple[tuple[LoadIssue, tuple[LoadIssue, ...]], ...] = group_issues(issues)
        """Each root cause with the problems that only follow from it, root causes in file order."""
        self.issues: tuple[LoadIssue, ...] = tuple(i for root, following in self.groups for i in (root, *following))
        """Every problem: each root cause, then those that follow from it."""
        head = f"{count(len(self.groups), 'error')}{self.following_text()} loading {self.what}:"
        super().__init__("\n".join([head, *self.report_lines()]))

    def following_text(self) -> str:
        """`` (and N that follow from them)`` when some problems only follow from others, else ``''``."""
        following = len(self.issues) - len(self.groups)
        return f" (and {following} that follow from {'it' if len(self.groups) == 1 else 'them'})" if following else ""

    def report_lines(self) -> list[str]:
        """One line per root cause; under it, indented, the problems that follow from it."""
        lines = []
        for root, following in self.groups:
            lines.append(str(root))
            if following:
                lines.append(f"  and {count(len(following), 'error that follows', 'errors that follow')} from it:")
                lines.extend(f"    {issue}" for issue in following)
        return lines


def group_issues(issues: Iterable[LoadIssue]) -> tuple[tuple[LoadIssue, tuple[LoadIssue, ...]], ...]:
    """Root causes in order, each with the issues that follow from it (an issue whose cause
    is not among the issues is a root cause itself).

    >>> root = LoadIssue(Location("a.yaml", 3, 5), "unknown key 'acountable'")
    >>> after = LoadIssue(Location("b.yaml", 9, 1), "after: 'x' is declared in a.yaml, which did not load", root.location)
    >>> [(str(r), len(f)) for r, f in group_issues([after, root, LoadIssue(Location("a.yaml", 1, 1), "z")])]
    [('a.yaml:1:1: z', 0), ("a.yaml:3:5: unknown key 'acountable'", 1)]
    """
    unique = sorted(set(issues))
    roots = {issue.location for issue in unique if issue.follows is None}
    following: dict[Location, list[LoadIssue]] = {}
    for issue in unique:
        if issue.follows is not None and issue.follows in roots:
            following.setdefault(issue.follows, []).append(issue)
    return tuple(
        (issue, tuple(following.pop(issue.location, ())))
        for issue in unique
        if issue.follows is None or issue.follows not in roots
    )


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
