"""Manifesto to plan to activities: a firm commitment must reach an activity that delivers it (finding OPCC-P106).

>>> import opcc_model
>>> from opcc_model.plan.manifesto import Commitment, Manifesto
>>> model = opcc_model.load(opcc_model.reference_root())
>>> plan = opcc_model.load_plans(opcc_model.reference_root(), model)[0]
>>> m = Manifesto(id="m", name="M", holder="pcc", plan=plan.id, commitments=(
...     Commitment(id="a", text="Fund victims' services", kind="firm-commitment", priorities=("commission-needs-led-victims-services",)),
...     Commitment(id="b", text="A new station in every town", kind="firm-commitment")))
>>> [f.subject for f in check_manifesto(model, m, plan)]
[('m', 'b')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from opcc_model.findings import RULES, Finding, rule
from opcc_model.graph import producers
from opcc_model.model import Model
from opcc_model.plan.manifesto import Commitment, Manifesto
from opcc_model.plan.model import Plan, Priority

__all__ = ["delivering_activities", "commitment_activities", "check_manifesto", "check_manifestos"]


def delivering_activities(model: Model, priority: Priority, /) -> tuple[str, ...]:
    """The activities that deliver or resource ``priority``: its ``delivered_by`` and ``resourced_by``, and
    the producers of its ``artifacts`` (monitoring alone delivers nothing); once each, in that order."""
    made = producers(model)
    produced = (a for artifact in priority.artifacts for a in made.get(artifact, ()))
    return tuple(dict.fromkeys((*priority.delivered_by, *priority.resourced_by, *produced)))


def commitment_activities(model: Model, plan: Plan, commitment: Commitment, /) -> tuple[str, ...]:
    """The activities a commitment reaches through the plan's priorities it names, once each, in order.

    >>> import opcc_model
    >>> from opcc_model.plan.manifesto import Commitment
    >>> model = opcc_model.load(opcc_model.reference_root())
    >>> plan = opcc_model.load_plans(opcc_model.reference_root(), model)[0]
    >>> commitment_activities(model, plan, Commitment(id="c", text="t", kind="aspiration", priorities=("protect-neighbourhood-teams",)))[:1]
    ('deliver-policing',)
    """
    priorities = {p.id: p for _, p in plan.priorities()}
    return tuple(dict.fromkeys(a for pid in commitment.priorities if pid in priorities for a in delivering_activities(model, priorities[pid])))


@rule("OPCC-P106", "warning", "a firm manifesto commitment reaches no activity that delivers it")
def commitment_undelivered(model: Model, manifesto: Manifesto, plan: Plan, /) -> Iterator[Finding]:
    """Fires for each firm commitment of a manifesto (``kind: firm-commitment``) that reaches no
    activity: it names no priority of the plan (``priorities:``), or none of the priorities it
    names is delivered or resourced by an activity (``delivered_by``, ``resourced_by``, or an
    activity producing one of the priority's ``artifacts``). Aspirations are not checked.

    Why it matters: a new office holder is elected on a manifesto and issues a police and crime
    plan within the financial year (PRSR 2011 s.5). The transition team separates the firm
    commitments from the aspirations and traces each into the plan; a firm commitment that no
    activity delivers is one the office will not keep unless someone adds the work. Legal
    basis: none for the manifesto itself (it is a political document); the plan it feeds is
    PRSR 2011 ss.5 and 7.

    Fix: name the plan priority that carries the commitment (add one if none does), and link
    that priority to the activities that deliver or resource it; or record the item as an
    ``aspiration`` if that is what it is.

    Example: ``{id: station-in-every-town, text: A police station in every town, kind:
    firm-commitment}`` with no priorities gives "The firm commitment 'A police station in every
    town' (station-in-every-town) reaches no activity: it names no priority of the plan."
    """
    priorities = {p.id: p for _, p in plan.priorities()}
    for commitment in manifesto.commitments:
        if not commitment.is_firm or commitment_activities(model, plan, commitment):
            continue
        if not commitment.priorities:
            why = "it names no priority of the plan"
        else:
            named = ", ".join(f"'{pid}'" for pid in commitment.priorities if pid in priorities)
            why = f"no activity delivers or resources the priorities it names ({named})"
        yield Finding(
            code="OPCC-P106",
            severity=RULES["OPCC-P106"].severity,
            subject=(manifesto.id, commitment.id),
            message=f"The firm commitment {commitment.text.strip()!r} ({commitment.id}) reaches no activity: {why}.",
            location=manifesto.location_of(f"commitment:{commitment.id}") or manifesto.location_of("manifesto"),
        )


def check_manifesto(model: Model, manifesto: Manifesto, plan: Plan, /) -> list[Finding]:
    """Every finding of ``manifesto`` (traced through ``plan``) against ``model``, sorted by location."""
    return sorted(commitment_undelivered(model, manifesto, plan), key=Finding.sort_key)


def check_manifestos(model: Model, manifestos: Iterable[Manifesto], plans: Iterable[Plan], /) -> list[Finding]:
    """The findings of every manifesto, each through the plan it names (a manifesto whose plan is not given is skipped)."""
    by_id = {plan.id: plan for plan in plans}
    found = [f for m in manifestos if m.plan in by_id for f in check_manifesto(model, m, by_id[m.plan])]
    return sorted(found, key=Finding.sort_key)
