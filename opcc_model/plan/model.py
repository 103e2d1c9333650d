"""The Police and Crime Plan as typed values: vision → themes → aims → shared outcomes → objectives → priorities.

A plan also says where it covers each of the six contents PRSR 2011 s.7 requires
(:data:`S7_CONTENTS`) and how the Police and Crime Panel organises its scrutiny
(``scrutiny_pillars``). These types know nothing of YAML; :func:`opcc_model.plan.load_plans`
builds them from ``plans/<plan-id>.yaml``.

>>> p = Priority(id="review-cjs", text="Review CJS processes", owner="pcc", delivered_by=("commission-victims-services",))
>>> p.activity_ids()
('commission-victims-services',)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from opcc_model.location import Location
from opcc_model.model import Slug

__all__ = [
    "S7_CONTENTS",
    "Measure",
    "Priority",
    "Objective",
    "SharedOutcome",
    "Aim",
    "Theme",
    "Vision",
    "S7Coverage",
    "S7",
    "ScrutinyPillar",
    "Plan",
    "PlanNode",
    "LEVELS",
    "level_of",
    "children_of",
]

S7_CONTENTS: dict[str, str] = {
    "objectives": "(a) the PCC's police and crime objectives",
    "policing": "(b) the policing the Chief Constable is to provide",
    "resources": "(c) the financial and other resources the PCC gives the Chief Constable",
    "reporting": "(d) how the Chief Constable reports to the PCC",
    "performance": "(e) how the Chief Constable's performance is measured",
    "grants": "(f) the crime and disorder reduction grants and their conditions",
}
"""The six contents of PRSR 2011 s.7, keyed as a plan's ``s7:`` mapping keys them, in the Act's order."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Measure(_Frozen):
    """How progress on an objective is measured, and who watches it.

    ``monitored_by`` names the (Monitor-stage) activities that monitor it;
    ``reported_in`` the artifacts that report it.

    >>> Measure(id="victim-satisfaction", text="Victim satisfaction", monitored_by=("scrutinise-performance",)).reported_in
    ()
    """

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    target: str | None = None
    """The target, as the plan states it."""
    monitored_by: tuple[Slug, ...] = ()
    """The activities (usually of the Monitor stage) that monitor the measure."""
    reported_in: tuple[Slug, ...] = ()
    """The artifacts that report the measure."""


class Priority(_Frozen):
    """A priority for action: what is done, and the activities and artifacts that deliver, resource and monitor it."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    delivered_by: tuple[Slug, ...] = ()
    """The activities that deliver the priority."""
    resourced_by: tuple[Slug, ...] = ()
    """The activities that resource it."""
    monitored_by: tuple[Slug, ...] = ()
    """The activities that monitor it."""
    artifacts: tuple[Slug, ...] = ()
    """The artifacts that record or report it."""

    def activity_ids(self) -> tuple[str, ...]:
        """Every activity linked to the priority, once each, in the order delivered, resourced, monitored."""
        return tuple(dict.fromkeys((*self.delivered_by, *self.resourced_by, *self.monitored_by)))


class Objective(_Frozen):
    """A police and crime objective (SMART), with its measures and its priorities for action."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    measures: tuple[Measure, ...] = ()
    """How progress on the objective is measured."""
    priorities: tuple[Priority, ...] = ()
    """The priorities for action under the objective."""


class SharedOutcome(_Frozen):
    """An outcome shared with partners; ``serves`` names the value chain's outcome artifacts it contributes to."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    serves: tuple[Slug, ...] = ()
    """The value chain's outcome artifacts it contributes to."""
    objectives: tuple[Objective, ...] = ()
    """The police and crime objectives under the outcome."""


class Aim(_Frozen):
    """An aim of a strategic theme."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    outcomes: tuple[SharedOutcome, ...] = ()
    """The outcomes shared with partners under the aim."""


class Theme(_Frozen):
    """A strategic theme (a section or "pillar" of the plan)."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    aims: tuple[Aim, ...] = ()
    """The aims of the theme."""


class Vision(_Frozen):
    """The plan's vision, the root of its tree."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    text: str
    """The wording, as the plan puts it."""
    owner: Slug
    """The id of the role that owns this part of the plan (a role of processes/roles.yaml)."""
    themes: tuple[Theme, ...] = ()
    """The strategic themes of the plan."""


PlanNode = Vision | Theme | Aim | SharedOutcome | Objective | Priority
"""Any node of the plan tree."""

LEVELS: tuple[tuple[type[BaseModel], str, str | None], ...] = (
    (Vision, "vision", "themes"),
    (Theme, "theme", "aims"),
    (Aim, "aim", "outcomes"),
    (SharedOutcome, "outcome", "objectives"),
    (Objective, "objective", "priorities"),
    (Priority, "priority", None),
)


def level_of(node: BaseModel) -> str:
    """The level name of a plan node: ``vision``, ``theme``, ``aim``, ``outcome``, ``objective`` or ``priority``.

    >>> level_of(Aim(id="a", text="A", owner="pcc"))
    'aim'
    """
    for kind, name, _ in LEVELS:
        if isinstance(node, kind):
            return name
    raise TypeError(f"not a plan node: {type(node).__name__}")


def children_of(node: BaseModel) -> tuple[Any, ...]:
    """The child nodes of a plan node (a priority has none)."""
    for kind, _, field in LEVELS:
        if isinstance(node, kind):
            return tuple(getattr(node, field)) if field else ()
    raise TypeError(f"not a plan node: {type(node).__name__}")


class S7Coverage(_Frozen):
    """Where a plan covers one s.7 content: plan nodes, artifacts and activities, and a note."""

    nodes: tuple[Slug, ...] = ()
    """The plan nodes (ids in the plan tree) that cover the content."""
    artifacts: tuple[Slug, ...] = ()
    """The artifacts that cover it."""
    activities: tuple[Slug, ...] = ()
    """The activities that cover it."""
    note: str | None = None
    """A note on the coverage (such as where in an annex it is)."""

    def is_empty(self) -> bool:
        """True when it points nowhere.

        >>> S7Coverage(note="see annex").is_empty()
        True
        """
        return not (self.nodes or self.artifacts or self.activities)


class S7(_Frozen):
    """Where a plan covers each of the six contents of PRSR 2011 s.7 (a key left out is not covered).

    >>> s7 = S7(grants=S7Coverage(activities=("make-grants",)))
    >>> [key for key, _ in s7.items()], s7.get("policing") is None
    (['grants'], True)
    """

    objectives: S7Coverage | None = None
    """Where the plan sets out the police and crime objectives."""
    policing: S7Coverage | None = None
    """Where it sets out the policing the Chief Constable is to provide."""
    resources: S7Coverage | None = None
    """Where it sets out the resources provided to the Chief Constable."""
    reporting: S7Coverage | None = None
    """Where it sets out how the Chief Constable reports to the local policing body."""
    performance: S7Coverage | None = None
    """Where it sets out how the Chief Constable's performance is measured."""
    grants: S7Coverage | None = None
    """Where it sets out the crime and disorder reduction grants and their conditions."""

    def get(self, key: str, /) -> S7Coverage | None:
        """The coverage of the content ``key`` (one of :data:`S7_CONTENTS`), or ``None``."""
        if key not in S7_CONTENTS:
            raise KeyError(f"{key!r} is not a content of s.7 (expected one of: {', '.join(S7_CONTENTS)})")
        return getattr(self, key)  # type: ignore[no-any-return]

    def items(self) -> Iterator[tuple[str, S7Coverage]]:
        """Yield ``(key, coverage)`` for each content the plan covers, in the Act's order."""
        for key in S7_CONTENTS:
            coverage = getattr(self, key)
            if coverage is not None:
                yield key, coverage


class ScrutinyPillar(_Frozen):
    """A Police and Crime Panel scrutiny pillar, with its lead and the plan themes it scrutinises."""

    id: Slug
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: str
    """The name shown in diagrams, tables and the site."""
    lead: Slug | None = None
    """The id of the role that leads this pillar of scrutiny."""
    themes: tuple[Slug, ...] = ()
    """The ids of the plan's themes the pillar scrutinises."""


class Plan(_Frozen):
    """A Police and Crime Plan: its tree, its s.7 coverage and the Panel's scrutiny pillars.

    Equality compares content only, not where the plan was read from.

    >>> plan = Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="pcc"))
    >>> [level for level, _ in plan.walk()]
    ['vision']
    >>> plan.s7.get("grants") is None
    True
    """

    id: Slug
    """The plan's id; it must match the file name (plans/<id>.yaml)."""
    name: str
    """The plan's title."""
    owner: Slug
    """The id of the role that issues the plan (the local policing body)."""
    example: bool = False
    """True for an example plan (the site says it is not a real plan)."""
    area: Slug | None = None
    """The force area the plan is for (an area of pag/boundaries/)."""
    period: str | None = None
    """The years the plan covers, such as 2024-2029."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""
    vision: Vision
    """The plan's vision: the root of its tree of themes, aims, outcomes, objectives and priorities."""
    s7: S7 = S7()
    """Where the plan covers each content PRSR 2011 s.7 requires of it."""
    scrutiny_pillars: tuple[ScrutinyPillar, ...] = ()
    """How the Police and Crime Panel organises its scrutiny of the plan."""

    _locations: Mapping[str, Location] = PrivateAttr(default_factory=dict)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in type(self).model_fields))

    def with_locations(self, locations: Mapping[str, Location]) -> Plan:
        """Return this plan carrying ``locations`` (keys like ``"node:ID"``, ``"s7:KEY"``, ``"pillar:ID"``)."""
        copy = self.model_copy()
        copy._locations = locations
        return copy

    def location_of(self, kind: str, key: str, /) -> Location | None:
        """Where the ``kind`` thing ``key`` was written: kinds ``plan`` (key ``""``), ``node``, ``measure``,
        ``s7`` (key a content, or ``""`` for the ``s7:`` mapping itself) and ``pillar``.

        >>> Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="pcc")).location_of("node", "v") is None
        True
        """
        return self._locations.get(f"{kind}:{key}")

    def walk(self) -> Iterator[tuple[str, PlanNode]]:
        """Yield ``(level, node)`` for every node, depth first, in file order."""
        stack: list[Any] = [self.vision]
        while stack:
            node = stack.pop()
            yield level_of(node), node
            stack.extend(reversed(children_of(node)))

    def nodes(self) -> dict[str, PlanNode]:
        """Every node of the tree by id (the first, if an id repeats)."""
        found: dict[str, PlanNode] = {}
        for _, node in self.walk():
            found.setdefault(node.id, node)
        return found

    def objectives(self) -> Iterator[tuple[SharedOutcome, Objective]]:
        """Yield ``(shared outcome, objective)`` for every objective, in file order."""
        for level, node in self.walk():
            if level == "outcome":
                for objective in node.objectives:  # type: ignore[union-attr]
                    yield node, objective  # type: ignore[misc]

    def priorities(self) -> Iterator[tuple[Objective, Priority]]:
        """Yield ``(objective, priority)`` for every priority, in file order."""
        for _, objective in self.objectives():
            for priority in objective.priorities:
                yield objective, priority
