"""The typed operating model: stages, roles, artifacts, processes, activities, PAG codes and boundaries.

These types know nothing of YAML, networkx or Graphviz. They are frozen pydantic
models that forbid unknown keys; :func:`opcc_model.load` builds them from files.

>>> role = Role(id="pcc", name="Police and Crime Commissioner", side="commissioner")
>>> role.side
'commissioner'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from pydantic import Field, PrivateAttr, ValidationInfo, model_validator

from opcc_model.boundary import Allocation, Boundary, Waiver
from opcc_model.errors import NotFound
from opcc_model.law import Duty, Instrument, TransitionRule, cites
from opcc_model.location import Location
from opcc_model.timing import DeadlineStr, Obligation, Outcome, Recurrence, Window
from opcc_model.vocabulary import (
    PRINCIPAL_SIDES,
    SIDES,
    ActivityKind,
    ArtifactKind,
    Holder,
    Jurisdiction,
    Name,
    PagCodeStr,
    Provenance,
    Side,
    Slug,
    Url,
)
from opcc_model.vocabulary import Frozen as _Frozen

__all__ = [
    "Slug",
    "PagCodeStr",
    "Url",
    "Side",
    "Holder",
    "Jurisdiction",
    "Provenance",
    "ActivityKind",
    "ArtifactKind",
    "SIDES",
    "PRINCIPAL_SIDES",
    "Stage",
    "Role",
    "Artifact",
    "Reference",
    "Activity",
    "Process",
    "PagCode",
    "Allocation",
    "Waiver",
    "Boundary",
    "Instrument",
    "Duty",
    "Model",
]

T = TypeVar("T")

OWNED_DATA = "opcc-owned-data"
"""Validation context key: the input is plain data the new model may own (see :class:`Process`)."""

_INHERITED = attrgetter("jurisdictions", "basis")
"""What an activity inherits from its process when it gives none."""


class Stage(_Frozen):
    """A stage of the value chain, or a group of supporting processes.

    >>> Stage(id="develop", name="Develop", portfolio="Strategy and Resource Planning").supporting
    False
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: Name
    """The name shown in diagrams, tables and the site."""
    portfolio: str | None = None
    """The portfolio or directorate that leads the stage."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""
    supporting: bool = False
    """True for a group of supporting processes, outside the chain's order."""


class Role(_Frozen):
    """A role: an office holder, a body or a partner, on one side of the boundary.

    >>> Role(id="cc", name="Chief Constable", side="chief-constable").principal is None
    True
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: Name
    """The name shown in diagrams, tables and the site."""
    side: Side
    """The side of the boundary: commissioner, chief-constable, oversight, partner or public."""
    reports_to: Slug | None = None
    """The id of the role it reports to."""
    principal: bool | None = None
    """True for the principal role of its side (the Commissioner, the Chief Constable): one per side."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""
    basis: tuple[str, ...] = ()
    """The legal or other basis, one citation per entry (such as 'PRSR 2011 s.5')."""


class Artifact(_Frozen):
    """Something activities produce and consume: a plan, a report, a decision.

    >>> Artifact(id="police-and-crime-plan", name="Police and Crime Plan", kind="plan").basis
    ()
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: Name
    """The name shown in diagrams, tables and the site."""
    kind: ArtifactKind = "document"
    """What sort of thing it is: document, plan, report, decision, data, and so on."""
    basis: tuple[str, ...] = ()
    """The legal or other basis, one citation per entry (such as 'PRSR 2011 s.5')."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""


class Reference(_Frozen):
    """A titled link to public reference material.

    >>> Reference(title="PRSR 2011", url="https://www.legislation.gov.uk/ukpga/2011/13").title
    'PRSR 2011'
    """

    title: str
    """The title of the linked material."""
    url: Url
    """Its address (http or https)."""


class Activity(_Frozen):
    """One activity of a process, with its RACI, PAG codes, inputs and outputs.

    ``jurisdictions`` and ``basis`` are ``None`` when the YAML leaves them out;
    :attr:`Process.activities` then carries the process's values (the loader fills them).

    >>> a = Activity(id="identify-stakeholders", name="Identify stakeholders", accountable="pcc")
    >>> a.kind, a.pag
    ('task', ())
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: Name
    """The name shown in diagrams, tables and the site."""
    kind: ActivityKind = "task"
    """task, decision, event or subprocess (a subprocess names the process it opens in 'process')."""
    process: Slug | None = None
    """For kind: subprocess, the id of the process it opens."""
    pag: tuple[PagCodeStr, ...] = ()
    """The PAG codes of the glossary the activity delivers (quote them: "1.1.2")."""
    accountable: Slug | None = None
    """The A of RACI: the one role accountable (a role id)."""
    responsible: tuple[Slug, ...] = ()
    """The R of RACI: the roles that do the work (role ids)."""
    consulted: tuple[Slug, ...] = ()
    """The C of RACI: the roles consulted before it is done (role ids)."""
    informed: tuple[Slug, ...] = ()
    """The I of RACI: the roles informed when it is done (role ids)."""
    inputs: tuple[Slug, ...] = ()
    """The artifacts it consumes (artifact ids): its dependencies on the activities producing them."""
    outputs: tuple[Slug, ...] = ()
    """The artifacts it produces (artifact ids)."""
    after: tuple[Slug, ...] = ()
    """The activities that come before it (activity ids, in any process)."""
    jurisdictions: tuple[Jurisdiction, ...] | None = None
    """Where it applies: england, wales or both (default: the process's)."""
    basis: tuple[str, ...] | None = None
    """The legal or other basis, one citation per entry (default: the process's)."""
    guidance: str | None = None
    """Practical guidance for whoever carries it out (shown on the site)."""
    replaces: Slug | None = None
    """In a process with ``areas:``, the shared activity this one stands in for in those areas
    (its own settlement tiers, say); the shared one then counts in every other area only."""
    references: tuple[Reference, ...] = ()
    """Titled links to public reference material (legislation, guidance)."""
    obligation: Obligation | None = Field(
        default=None,
        description="What the law makes of the activity: duty (must), power (may) or good-practice (neither); the basis says where.",
    )
    deadlines: tuple[DeadlineStr, ...] = Field(
        default=(), description="Fixed deadlines: DD-MM every year (01-02 is 1 February), or YYYY-MM-DD once."
    )
    windows: tuple[Window, ...] = Field(
        default=(), description="Windows relative to another activity: within a time of it, or not before a time after it."
    )
    recurs: tuple[Recurrence, ...] = Field(
        default=(), description="How often the activity recurs (every month, quarter, year or term), from an anchor."
    )
    outcomes: tuple[Outcome, ...] = Field(
        default=(), description="For a decision: each outcome (such as veto / no veto) and the activities it leads to."
    )

    @model_validator(mode="after")
    def _outcomes_belong_to_decisions(self) -> Activity:
        if self.outcomes and self.kind != "decision":
            raise ValueError(f"'outcomes' are only for kind: decision, but this activity is kind: {self.kind}")
        return self

    @model_validator(mode="after")
    def _subprocess_names_its_process(self) -> Activity:
        if self.kind == "subprocess" and self.process is None:
            raise ValueError("a subprocess activity needs 'process': the id of the process it opens")
        if self.kind != "subprocess" and self.process is not None:
            raise ValueError(
                f"'process' is only for kind: subprocess, but this activity is kind: {self.kind}"
            )
        return self

    def applies_in(self, jurisdiction: str | None, /) -> bool:
        """Whether the activity applies in ``jurisdiction`` (``None``: any; no jurisdictions given: every one).

        >>> a = Activity(id="a", name="A", jurisdictions=("england",))
        >>> a.applies_in("wales"), a.applies_in("england"), a.applies_in(None)
        (False, True, True)
        >>> Activity(id="b", name="B").applies_in("wales")
        True
        """
        return jurisdiction is None or self.jurisdictions is None or jurisdiction in self.jurisdictions

    def roles(self) -> Iterator[tuple[str, str]]:
        """Yield ``(letter, role id)`` for every RACI entry, A first.

        >>> list(Activity(id="a", name="A", accountable="pcc", informed=("pcp",)).roles())
        [('A', 'pcc'), ('I', 'pcp')]
        """
        if self.accountable is not None:
            yield "A", self.accountable
        for letter, ids in (("R", self.responsible), ("C", self.consulted), ("I", self.informed)):
            for role_id in ids:
                yield letter, role_id


class Process(_Frozen):
    """A process of one stage: an ordered list of activities, maybe refining a parent process.

    >>> p = Process(id="p", name="P", stage="develop")
    >>> p.jurisdictions
    ('england', 'wales')
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: Name
    """The name shown in diagrams, tables and the site."""
    stage: Slug
    """The id of the value-chain stage the process belongs to."""
    parent: Slug | None = None
    """The id of the process this one refines (its sub-process activity opens it)."""
    jurisdictions: tuple[Jurisdiction, ...] = ("england", "wales")
    """Where the process applies: england, wales or both; its activities inherit it."""
    areas: tuple[Slug, ...] = ()
    """The force areas the process belongs to alone (an area's own settlement tiers, its board);
    empty: every area. Its activities never count in another area's findings."""
    replaces: Slug | None = None
    """With ``areas:``, the shared process this one stands in for in those areas (its own
    governance board, say): the shared process's activities then count in every other area only."""
    basis: tuple[str, ...] = ()
    """The legal or other basis of the process; its activities inherit it."""
    guidance: str | None = None
    """Practical guidance for whoever carries it out (shown on the site)."""
    references: tuple[Reference, ...] = ()
    """Titled links to public reference material (legislation, guidance)."""
    activities: tuple[Activity, ...] = ()
    """The activities of the process, in order."""

    @model_validator(mode="after")
    def _activities_inherit_defaults(self, info: ValidationInfo) -> Process:
        # Activities validated from plain data here belong to this process alone: they are
        # filled in place (86,000 copies cost a national model a second). Activities passed
        # in as objects may be shared, so they are copied.
        if None not in chain.from_iterable(map(_INHERITED, self.activities)):
            return self  # every activity filled already (a model assembled from loaded processes)
        fresh = bool(info.context and info.context.get(OWNED_DATA))
        filled = []
        for a in self.activities:
            if a.jurisdictions is not None and a.basis is not None:
                filled.append(a)
                continue
            defaults = {
                "jurisdictions": a.jurisdictions if a.jurisdictions is not None else self.jurisdictions,
                "basis": a.basis if a.basis is not None else self.basis,
            }
            if fresh:
                a.__dict__.update(defaults)
                filled.append(a)
            else:
                filled.append(a.model_copy(update=defaults))
        if not fresh:
            object.__setattr__(self, "activities", tuple(filled))
        return self


    def _repr_html_(self) -> str:
        """In a notebook a process shows as a table of its activities with their RACI.

        >>> p = Process(id="p", name="<P>", stage="s", activities=(Activity(id="a", name="A & B", accountable="pcc"),))
        >>> "&lt;P&gt;" in p._repr_html_() and "A &amp; B" in p._repr_html_()
        True
        """
        head = "".join(f"<th>{h}</th>" for h in ("activity", "kind", "PAG", "A", "R", "C", "I", "inputs", "outputs"))
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(cell)}</td>"
                for cell in (
                    f"{a.name} ({a.id})",
                    a.kind,
                    " ".join(a.pag),
                    a.accountable or "",
                    " ".join(a.responsible),
                    " ".join(a.consulted),
                    " ".join(a.informed),
                    " ".join(a.inputs),
                    " ".join(a.outputs),
                )
            )
            + "</tr>"
            for a in self.activities
        )
        caption = html.escape(f"{self.name} ({self.id}) — stage {self.stage}")
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


class PagCode(_Frozen):
    """One code of a glossary in PAG's format: the open reference glossary, a licensed PAG, or an area's local code.

    >>> PagCode(code="1.1", name="Engagement").level
    2
    >>> PagCode(code="1.1", name="Engagement").provenance
    'open'
    """

    code: PagCodeStr
    """The PAG code: dot-separated positive integers, quoted ("1.1.2")."""
    """The code: dot-separated positive integers, such as ``"1.3.4.1"``."""
    name: Name
    """The name of the code, as the glossary gives it."""
    """What the code stands for, in words."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""
    """More about the code (shown on the site and in tooltips)."""
    basis: tuple[str, ...] = ()
    """The legal or other basis, one citation per entry (such as 'PRSR 2011 s.5')."""
    """The statute, order or guidance the code rests on."""
    provenance: Provenance = "open"
    """open, licensed or local: whether the code is from the open reference glossary, a licensed PAG or added locally."""
    """Where the code comes from: ``open`` (the open reference glossary shipped here, never the
    licensed PAG), ``licensed`` (a licensed Police Activities Glossary file) or ``local`` (an
    area's own code, declared in its boundary file). Set once for a whole glossary file with its
    top-level ``provenance:`` key."""

    @property
    def level(self) -> int:
        """The depth of the code: ``"1"`` is level 1, ``"1.1.2.8"`` level 4."""
        return self.code.count(".") + 1

    @property
    def parent(self) -> str | None:
        """The code's prefix one level up, or ``None`` at the top.

        >>> PagCode(code="1.1.2", name="x").parent
        '1.1'
        """
        head, sep, _ = self.code.rpartition(".")
        return head if sep else None


class Model(_Frozen):
    """A whole operating model: the value chain, its processes, the glossary and the areas.

    Equality compares the model's content only, not where it was read from.

    >>> m = Model(mandate="m", stages=(Stage(id="s", name="S"),))
    >>> m.stage("s").name
    'S'
    >>> m.stage("nope")
    Traceback (most recent call last):
    ...
    opcc_model.errors.NotFound: stage 'nope' is not in the model
    """

    mandate: Slug
    outcomes: tuple[Slug, ...] = ()
    stages: tuple[Stage, ...] = ()
    """The stages in value-chain order (supporting stages flagged ``supporting``)."""
    roles: tuple[Role, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    processes: tuple[Process, ...] = ()
    codes: tuple[PagCode, ...] = ()
    boundaries: tuple[Boundary, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    """The instruments the model cites, with their dates (``law/instruments.yaml``)."""
    duties: tuple[Duty, ...] = ()
    """The statutory duties the model must deliver (``law/duties.yaml``)."""
    transitions: tuple[TransitionRule, ...] = ()
    """What lapses, continues or must be re-made when the office holder changes (``law/transitions.yaml``)."""

    _locations: Mapping[str, Location] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _canonical_order(self) -> Model:
        """Processes are kept sorted by id and boundaries by area, whatever the file layout."""
        processes = tuple(sorted(self.processes, key=lambda p: p.id))
        if processes != self.processes:
            object.__setattr__(self, "processes", processes)
        boundaries = tuple(sorted(self.boundaries, key=lambda b: b.area))
        if boundaries != self.boundaries:
            object.__setattr__(self, "boundaries", boundaries)
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    def __hash__(self) -> int:  # pragma: no cover - frozen models hash by identity of content
        return hash(tuple(getattr(self, name) for name in type(self).model_fields))

    def __repr__(self) -> str:
        """A short summary (a whole model's fields run to hundreds of kilobytes).

        >>> Model(mandate="m", stages=(Stage(id="s", name="S"),))
        <Model 'm': 1 stage, 0 roles, 0 artifacts, 0 processes, 0 activities, 0 codes, 0 areas>
        """
        counts = [
            (len(self.stages), "stage"), (len(self.roles), "role"), (len(self.artifacts), "artifact"),
            (len(self.processes), "process"), (len(self.activities), "activity"), (len(self.codes), "code"),
            (len(self.boundaries), "area"),
        ]
        plural = {"process": "processes", "activity": "activities"}
        parts = [f"{n} {word if n == 1 else plural.get(word, word + 's')}" for n, word in counts]
        return f"<Model {self.mandate!r}: {', '.join(parts)}>"

    def __str__(self) -> str:
        return repr(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **_: Any) -> dict[str, str]:
        """In a notebook a model shows its value chain (as SVG, or DOT text without Graphviz)."""
        # Imported here, not at the top: the model layer must not depend on rendering.
        from opcc_model.render.notebook import inline

        return inline(self)._repr_mimebundle_(include, exclude)

    # -- locations -----------------------------------------------------------------
    def with_locations(self, locations: Mapping[str, Location]) -> Model:
        """Return this model carrying ``locations`` (keys like ``"activity:ID"``)."""
        copy = self.model_copy()
        copy._locations = locations  # kept as given: a lazy source map resolves lines only when asked
        return copy

    def location_of(self, kind: str, key: str, /, *fields: str | int) -> Location | None:
        """Where the ``kind`` thing with id ``key`` was declared, if known.

        Kinds: ``stage``, ``role``, ``artifact``, ``process``, ``activity``, ``code``,
        ``area``, ``allocation`` (key ``AREA/PAG``), ``waiver`` (key ``AREA/INDEX``),
        ``mandate`` (key ``""``), ``outcome`` (key the index). ``fields`` narrows to a
        key inside it, such as ``("accountable",)``, where the source map can.

        >>> Model(mandate="m").location_of("role", "pcc") is None
        True
        """
        full = f"{kind}:{key}"
        locate = getattr(self._locations, "locate", None)
        if fields and locate is not None:
            return locate(full, *fields)  # type: ignore[no-any-return]
        return self._locations.get(full)

    @property
    def locations(self) -> Mapping[str, Location]:
        """Every known source location, keyed ``"kind:id"``."""
        return self._locations

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Model:
        """A copy (with ``update`` applied); indexes and memos are rebuilt, never shared."""
        copy = super().model_copy(update=update, deep=deep)
        for name in ("_index", "_memo"):
            copy.__dict__.pop(name, None)
        return copy

    @cached_property
    def _memo(self) -> dict[str, Any]:
        return {}

    def memo(self, name: str, factory: Callable[[Model], T]) -> T:
        """Compute ``factory(self)`` once per model and keep it (for derived graphs and indexes).

        >>> m = Model(mandate="m")
        >>> m.memo("n", lambda model: len(model.roles))
        0
        """
        if name not in self._memo:
            self._memo[name] = factory(self)
        return self._memo[name]  # type: ignore[no-any-return]

    # -- indexes -------------------------------------------------------------------
    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:
        return {
            "stage": {s.id: s for s in self.stages},
            "role": {r.id: r for r in self.roles},
            "artifact": {a.id: a for a in self.artifacts},
            "process": {p.id: p for p in self.processes},
            "activity": {a.id: a for p in self.processes for a in p.activities},
            "owner": {a.id: p for p in self.processes for a in p.activities},
            "code": {c.code: c for c in self.codes},
            "area": {b.area: b for b in self.boundaries},
            "instrument": {i.id: i for i in self.instruments},
            "duty": {d.id: d for d in self.duties},
            "transition": {t.id: t for t in self.transitions},
        }

    def _get(self, kind: str, key: str) -> Any:
        try:
            return self._index[kind][key]
        except KeyError:
            raise NotFound(f"{kind} {key!r} is not in the model") from None

    def stage(self, id: str, /) -> Stage:
        """The stage with this id (raises :class:`NotFound`)."""
        return self._get("stage", id)  # type: ignore[no-any-return]

    def role(self, id: str, /) -> Role:
        """The role with this id (raises :class:`NotFound`)."""
        return self._get("role", id)  # type: ignore[no-any-return]

    def artifact(self, id: str, /) -> Artifact:
        """The artifact with this id (raises :class:`NotFound`)."""
        return self._get("artifact", id)  # type: ignore[no-any-return]

    def process(self, id: str, /) -> Process:
        """The process with this id (raises :class:`NotFound`)."""
        return self._get("process", id)  # type: ignore[no-any-return]

    def activity(self, id: str, /) -> Activity:
        """The activity with this id, in any process (raises :class:`NotFound`)."""
        return self._get("activity", id)  # type: ignore[no-any-return]

    def process_of(self, activity_id: str, /) -> Process:
        """The process that holds the activity ``activity_id`` (raises :class:`NotFound`)."""
        try:
            return self._index["owner"][activity_id]  # type: ignore[no-any-return]
        except KeyError:
            raise NotFound(f"activity {activity_id!r} is not in the model") from None

    def code(self, code: str, /) -> PagCode:
        """The PAG code entry for ``code`` (raises :class:`NotFound`)."""
        return self._get("code", code)  # type: ignore[no-any-return]

    def instrument(self, id: str, /) -> Instrument:
        """The instrument with this id (raises :class:`NotFound`)."""
        return self._get("instrument", id)  # type: ignore[no-any-return]

    def instrument_cited_by(self, basis: str, /) -> Instrument | None:
        """The instrument ``basis`` cites (the longest matching ``cited_as`` prefix), if the model knows it.

        >>> Model(mandate="m").instrument_cited_by("PRSR 2011 s.5") is None
        True
        """
        best: tuple[int, Instrument] | None = None
        for instrument in self.instruments:
            for prefix in instrument.cited_as:
                if (best is None or len(prefix) > best[0]) and cites(basis, prefix):
                    best = (len(prefix), instrument)
        return best[1] if best else None

    def boundary(self, area: str, /) -> Boundary:
        """The boundary of ``area`` (raises :class:`NotFound`)."""
        return self._get("area", area)  # type: ignore[no-any-return]

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Every activity of every process, in file order.

        >>> Model(mandate="m").activities
        ()
        """
        return self.memo("m:activities", lambda m: tuple(a for p in m.processes for a in p.activities))

    def side_of(self, role_id: str, /) -> Side:
        """The side of the role ``role_id`` (raises :class:`NotFound`)."""
        return self.role(role_id).side

    def principals(self) -> dict[Side, Role]:
        """The principal role of each principal side.

        A role with ``principal: true`` wins; else ``pcc`` and ``cc`` by id; else the
        first role declared on that side.
        """
        chosen: dict[Side, Role] = {}
        for side, default in zip(PRINCIPAL_SIDES, ("pcc", "cc")):
            on_side = [r for r in self.roles if r.side == side]
            marked = [r for r in on_side if r.principal]
            named = [r for r in on_side if r.id == default]
            candidates = marked or named or on_side
            if candidates:
                chosen[side] = candidates[0]
        return chosen
