"""A new office holder's manifesto: commitments (firm or aspirations), each traced to priorities of a Police and Crime Plan.

After an election (or the 2028 transfer) the incoming holder's manifesto is read and its firm
commitments separated from its aspirations; each is traced to the priorities for action of
the plan that will carry it, and from there to the activities that deliver them
(:func:`opcc_model.plan.manifesto_checks.check_manifesto`, finding OPCC-P106). One file per
manifesto: ``manifestos/<id>.yaml`` at the model root (docs/plans.md).

>>> c = Commitment(id="c", text="More officers on the beat", kind="firm-commitment", priorities=("protect-neighbourhood-teams",))
>>> c.is_firm
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Literal

from pydantic import PrivateAttr, StringConstraints, ValidationError

from opcc_model.diagnostics import describe
from opcc_model.errors import LoadIssue, ModelLoadError
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.plan.loader import folder_files, shown_path
from opcc_model.plan.model import Plan
from opcc_model.suggest import did_you_mean
from opcc_model.vocabulary import Frozen as _Frozen
from opcc_model.vocabulary import Slug
from opcc_model.yamlsource import MarkedDocument, YamlFileError, read_file

__all__ = [
    "MANIFESTOS_FOLDER",
    "CommitmentKind",
    "Commitment",
    "Manifesto",
    "ManifestoLoadError",
    "manifesto_files",
    "load_manifestos",
]

MANIFESTOS_FOLDER = "manifestos"
"""The folder, at the model root, that holds one ``<manifesto-id>.yaml`` per manifesto."""

CommitmentKind = Literal["firm-commitment", "aspiration"]
"""A firm commitment (the holder will do it) or an aspiration (the holder would like to)."""

Text = Annotated[str, StringConstraints(pattern=r"\S")]
"""Text with at least one character that is not a space."""


class Commitment(_Frozen):
    """One manifesto item: what was promised, how firmly, where it was read, and the plan priorities that carry it."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique in the manifesto."""
    text: Text
    """The commitment in the manifesto's words (never empty)."""
    kind: CommitmentKind
    """``firm-commitment`` or ``aspiration``."""
    source: str | None = None
    """Where it was read (the manifesto's page or section, a link)."""
    priorities: tuple[Slug, ...] = ()
    """The priorities for action of the manifesto's plan that carry the commitment (ids in the plan)."""

    @property
    def is_firm(self) -> bool:
        """Whether it is a firm commitment."""
        return self.kind == "firm-commitment"


class Manifesto(_Frozen):
    """A new office holder's manifesto: its commitments, traced to one Police and Crime Plan.

    >>> Manifesto(id="m", name="M", holder="pcc", plan="p").commitments
    ()
    """

    id: Slug
    """The manifesto's id; it must match the file name (manifestos/<id>.yaml)."""
    name: str
    """The manifesto's title (say "illustrative" for an example)."""
    holder: Slug
    """The id of the role the manifesto's author holds or will hold (the local policing body)."""
    plan: Slug
    """The id of the Police and Crime Plan (plans/<id>.yaml) the commitments are traced to."""
    example: bool = False
    """True for an illustrative manifesto (not any candidate's)."""
    source: str | None = None
    """Where the manifesto was published."""
    description: str | None = None
    """A plain-language description."""
    commitments: tuple[Commitment, ...] = ()
    """The manifesto's items, in its order."""

    _locations: Mapping[str, Location] = PrivateAttr(default_factory=dict)

    def with_locations(self, locations: Mapping[str, Location]) -> Manifesto:
        """Return this manifesto carrying ``locations`` (keys ``"manifesto"`` and ``"commitment:ID"``)."""
        copy = self.model_copy()
        copy._locations = locations
        return copy

    def location_of(self, key: str, /) -> Location | None:
        """Where ``key`` was written: ``"manifesto"`` or ``"commitment:ID"``; ``None`` when not read from a file."""
        return self._locations.get(key)


class ManifestoLoadError(ModelLoadError):
    """A manifesto could not be loaded; :attr:`issues` holds every problem found, sorted."""

    what = "the manifestos"


def manifesto_files(root: str | os.PathLike[str], /) -> list[str]:
    """The manifesto files of the model at ``root``, relative to it, sorted (none without ``manifestos/``).

    >>> import opcc_model
    >>> manifesto_files(opcc_model.example_root("minimal"))
    []
    """
    return folder_files(root, MANIFESTOS_FOLDER)


def _problems(manifesto: Manifesto, model: Model, plans: Mapping[str, Plan], stem: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if manifesto.id != stem:
        yield ("id",), f"expected the manifesto id to match its file name {stem!r}, found {manifesto.id!r}"
    roles = {r.id for r in model.roles}
    if manifesto.holder not in roles:
        hint = did_you_mean(manifesto.holder, roles)
        yield ("holder",), f"holder: expected a role of the model, found {manifesto.holder!r}" + (f" ({hint})" if hint else "")
    plan = plans.get(manifesto.plan)
    if plan is None:
        hint = did_you_mean(manifesto.plan, plans)
        known = ", ".join(sorted(plans)) or "none"
        yield ("plan",), f"plan: expected a plan of plans/ ({known}), found {manifesto.plan!r}" + (f" ({hint})" if hint else "")
    priorities = {p.id for _, p in plan.priorities()} if plan is not None else set()
    seen: set[str] = set()
    for i, commitment in enumerate(manifesto.commitments):
        if commitment.id in seen:
            yield ("commitments", i, "id"), f"the commitment id {commitment.id!r} is used twice in this manifesto"
        seen.add(commitment.id)
        if plan is None:
            continue
        for j, priority in enumerate(commitment.priorities):
            if priority not in priorities:
                hint = did_you_mean(priority, priorities)
                yield ("commitments", i, "priorities", j), (
                    f"commitments[{i}].priorities[{j}]: expected a priority for action of the plan {plan.id!r}, "
                    f"found {priority!r}" + (f" ({hint})" if hint else "")
                )


def _load_one(root: str, relative: str, model: Model, plans: Mapping[str, Plan], issues: list[LoadIssue]) -> Manifesto | None:
    shown = shown_path(root, relative)
    try:
        text, data = read_file(os.path.join(root, relative), shown)
    except YamlFileError as exc:
        issues.append(exc.issue)
        return None
    marked = MarkedDocument.from_text(text, shown)
    if not isinstance(data, dict):
        keys = ", ".join(Manifesto.model_fields)
        issues.append(LoadIssue(Location(shown, 1, 1), f"expected a mapping with the keys {keys}, found {'an empty file' if data is None else 'a ' + type(data).__name__}"))
        return None
    try:
        manifesto = Manifesto.model_validate(data)
    except ValidationError as exc:
        issues.extend(LoadIssue(marked.locate(path, key=on_key), message) for path, message, on_key in describe(exc, Manifesto))
        return None
    problems = list(_problems(manifesto, model, plans, Path(relative).stem))
    if problems:
        issues.extend(LoadIssue(marked.locate(path), message) for path, message in problems)
        return None
    located = {"manifesto": marked.locate(())}
    for i, commitment in enumerate(manifesto.commitments):
        located.setdefault(f"commitment:{commitment.id}", marked.locate(("commitments", i)))
    return manifesto.with_locations(located)


def load_manifestos(root: str | os.PathLike[str], model: Model, plans: tuple[Plan, ...], /) -> tuple[Manifesto, ...]:
    """Load every ``manifestos/*.yaml`` of the model at ``root``, checked against ``model`` and its ``plans``.

    Returns ``()`` when there is no ``manifestos/`` folder. Raises :class:`ManifestoLoadError`
    listing every problem of every file, each at its file, line and column: an item with no
    text, a commitment that names a priority the plan lacks, an unknown plan or holder.

    >>> import opcc_model
    >>> root = opcc_model.example_root("minimal")
    >>> load_manifestos(root, opcc_model.load(root), ())
    ()
    """
    base = os.fspath(root)
    issues: list[LoadIssue] = []
    by_id = {plan.id: plan for plan in plans}
    found = [_load_one(base, relative, model, by_id, issues) for relative in manifesto_files(base)]
    if issues:
        raise ManifestoLoadError(issues)
    return tuple(m for m in found if m is not None)
