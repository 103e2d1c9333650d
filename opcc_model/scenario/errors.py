"""Errors of scenarios: a scenario file that cannot be read, an operation that cannot apply.

>>> from opcc_model.location import Location
>>> print(OperationError([LoadIssue(Location("s.yaml", 4, 7), "area 'x' is not in the model")]))
1 error applying the scenario:
s.yaml:4:7: area 'x' is not in the model
"""

from __future__ import annotations

from collections.abc import Iterable

from opcc_model.errors import LoadIssue, OpccError
from opcc_model.wording import count

__all__ = ["ScenarioError", "ScenarioLoadError", "OperationError", "LoadIssue"]


class ScenarioError(OpccError):
    """A scenario problem; :attr:`issues` holds every problem, each with its file, line and column."""

    doing = "with the scenario"

    def __init__(self, issues: Iterable[LoadIssue]) -> None:
        self.issues: tuple[LoadIssue, ...] = tuple(sorted(set(issues)))
        number = len(self.issues)
        head = f"{count(number, 'error')} {self.doing}:"
        super().__init__("\n".join([head, *map(str, self.issues)]))


class ScenarioLoadError(ScenarioError):
    """The scenario file could not be read or does not describe valid operations."""

    doing = "reading the scenario"


class OperationError(ScenarioError):
    """An operation names something the model lacks, selects nothing, or leaves the model invalid."""

    doing = "applying the scenario"
