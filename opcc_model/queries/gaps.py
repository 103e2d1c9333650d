"""Gaps: where nobody is accountable, nobody holds a capability, or nothing produces what is needed (OPCC-G1xx).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [f.message for f in unallocated_leaves(model, "example-area")]
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from opcc_model.findings import Finding
from opcc_model.graph import consumers, producers
from opcc_model.model import Model
from opcc_model.queries.index import (
    scope_of,
    children,
    code_activities,
    code_order,
    label,
    where,
    leaves,
    resolved_allocations,
    undecided_codes,
)
from opcc_model.queries.rules import check_rule, finding

__all__ = [
    "unaccountable_activities",
    "unallocated_leaves",
    "undelivered_capabilities",
    "unproduced_artifacts",
    "unconsumed_artifacts",
    "delivered_codes",
]


@check_rule("OPCC-G101", "error", "an activity has no accountable role", scope="model")
def unaccountable_activities(model: Model, /) -> Iterator[Finding]:
    """Fires for every activity whose ``accountable:`` is missing.

    Why it matters: the Policing Protocol makes every function answerable to one of two
    corporations sole; an activity nobody is accountable for is one nobody can be held
    to account for, by the Police and Crime Panel or the public.

    Fix: add ``accountable: <role id>`` (exactly one role) to the activity. Waivers cannot
    silence it: it is a model-wide finding, fixed in the model.

    Example: ``- {id: identify-stakeholders, name: Identify stakeholders}`` with no
    ``accountable`` gives "Nobody is accountable for 'Identify stakeholders'
    (identify-stakeholders)."
    """
    for activity in model.activities:
        if activity.accountable is None:
            yield finding(
                "OPCC-G101",
                [activity.id],
                f"Nobody is accountable for {label(model, 'activity', activity.id)}.",
                where(model, "activity", activity.id),
            )


@check_rule("OPCC-G102", "error", "a PAG leaf is allocated to no holder in an area", scope="area")
def unallocated_leaves(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for every leaf code of the glossary that no allocation of the area covers.

    A leaf is covered when an allocation names it or one of its prefixes (a leaf under a
    code allocated twice to different holders is OPCC-O101's, not this one's). Why it matters:
    the area has not said whether the commissioner or the chief constable holds that
    capability, so nobody can be held to account for it.

    Fix: add an allocation for the leaf or a prefix of it to ``pag/boundaries/<area>.yaml``;
    or waive it there: ``{finding: OPCC-G102, subject: "2.4.1", reason: ...}``.

    Example: an area allocating only ``"1"`` in a glossary with ``"1"`` and ``"2"`` gives
    "Example Force Area allocates 'Operational policing' (2) to nobody."
    """
    resolved = resolved_allocations(model, area)
    undecided = undecided_codes(model, area)
    boundary = model.boundary(area)
    allocations_at = where(model, "area", area, "allocations")
    for leaf in leaves(model):
        if resolved.get(leaf) is None and leaf not in undecided:
            yield finding(
                "OPCC-G102",
                [leaf],
                f"{boundary.name} allocates {label(model, 'code', leaf)} to nobody.",
                allocations_at,
                area,
            )


def delivered_codes(model: Model, jurisdiction: str | None, /) -> frozenset[str]:
    """The glossary codes that an in-scope activity maps to, themselves or through a descendant."""

    def build(m: Model) -> frozenset[str]:
        mapped = code_activities(m, jurisdiction)
        kids = children(m)
        delivered: set[str] = set()
        for code in reversed(code_order(m)):  # children before parents
            if code in mapped or any(k in delivered for k in kids.get(code, ())):
                delivered.add(code)
        return frozenset(delivered)

    return model.memo(f"q:delivered:{jurisdiction}", build)


@check_rule(
    "OPCC-G103", "warning", "a capability allocated to the commissioner has no activity that delivers it", scope="area"
)
def undelivered_capabilities(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for each code the area allocates to the commissioner that no activity delivers.

    A code is delivered when an activity in scope for the area's jurisdiction maps to it
    or to one of its descendants. To keep the report short, it fires once for the
    topmost such code: not for a code whose parent is also held by the commissioner and
    also undelivered. Codes held by the chief constable or jointly are not checked (the
    model describes the OPCC's work, not the force's).

    Why it matters: the commissioner holds the capability in law or by the area's
    choice, yet the operating model has no process that does it.

    Fix: map an activity to the code (``pag: ["1.4.2"]``), or allocate the code to
    the holder that actually delivers it; or waive it in the area:
    ``{finding: OPCC-G103, subject: "1.4.2", reason: ...}``.

    Example: ``{pag: "1", holder: commissioner}`` where no activity maps to ``"1"`` or
    below gives "In Example Force Area the commissioner holds 'Governance' (1) but no
    activity delivers it."
    """
    boundary = model.boundary(area)
    resolved = resolved_allocations(model, area)
    delivered = delivered_codes(model, scope_of(model, area))
    codes = {c.code: c for c in model.codes}

    def undelivered_commissioner(code: str | None) -> bool:
        allocation = resolved.get(code) if code else None
        return allocation is not None and allocation.holder == "commissioner" and code not in delivered

    for code in code_order(model):
        if undelivered_commissioner(code) and not undelivered_commissioner(codes[code].parent):
            allocation = resolved[code]
            assert allocation is not None
            yield finding(
                "OPCC-G103",
                [code],
                f"In {boundary.name}, the commissioner holds {label(model, 'code', code)} "
                f"but no activity delivers it.",
                where(model, "allocation", f"{area}/{allocation.pag}"),
                area,
            )


@check_rule("OPCC-G104", "error", "an artifact is consumed but no activity produces it", scope="model")
def unproduced_artifacts(model: Model, /) -> Iterator[Finding]:
    """Fires for each artifact some activity lists in ``inputs`` that no activity lists in ``outputs``.

    The model's ``mandate`` is the input the whole chain starts from, so it never fires
    for the mandate.

    Why it matters: an activity waits for something nobody is charged with making; a
    hand-off between the commissioner and the chief constable is often where it is lost.

    Fix: add the artifact to the ``outputs`` of the activity that makes it, or remove
    it from the consumer's ``inputs``.

    Example: ``inputs: [strategic-assessment]`` with no activity producing it gives
    "'Identify stakeholders' (identify-stakeholders) needs 'Strategic Assessment'
    (strategic-assessment) but no activity produces it."
    """
    made = producers(model)
    for artifact, users in sorted(consumers(model).items()):
        if artifact != model.mandate and artifact not in made:
            first = min(users)
            inputs = model.activity(first).inputs
            yield finding(
                "OPCC-G104",
                [artifact],
                f"{label(model, 'activity', first)} needs {label(model, 'artifact', artifact)} "
                f"but no activity produces it.",
                where(model, "activity", first, "inputs", inputs.index(artifact)),
            )


@check_rule(
    "OPCC-G105", "warning", "an artifact is produced but nothing consumes it and it is not an outcome", scope="model"
)
def unconsumed_artifacts(model: Model, /) -> Iterator[Finding]:
    """Fires for each artifact some activity produces that no activity consumes and that is not an outcome.

    The model's ``outcomes`` are what the chain delivers, so they never fire.

    Why it matters: work that nobody uses is either waste or a missing hand-off (the
    consumer is not modelled yet).

    Fix: add the artifact to the ``inputs`` of the activity that uses it, list it under
    ``outcomes`` in ``processes/value-chain.yaml`` if the chain delivers it, or stop
    producing it.

    Example: ``outputs: [draft-minutes]`` that nothing reads gives "'Hold the meeting'
    (hold-meeting) produces 'Draft Minutes' (draft-minutes) but nothing uses it."
    """
    used = consumers(model)
    outcomes = set(model.outcomes)
    for artifact, makers in sorted(producers(model).items()):
        if artifact not in used and artifact not in outcomes:
            first = min(makers)
            outputs = model.activity(first).outputs
            yield finding(
                "OPCC-G105",
                [artifact],
                f"{label(model, 'activity', first)} produces {label(model, 'artifact', artifact)} "
                f"but nothing uses it.",
                where(model, "activity", first, "outputs", outputs.index(artifact)),
            )
