"""Does a scenario lose a function when it transfers the local policing body? The transfer findings (OPCC-T1xx) of a scenario.

A *transfer scenario* replaces the office holder of the local policing body: a ``replace-role``
of the commissioner side's principal (the PCC), as the 2028 scenarios do. Its findings compare
the model before with the model after (see :mod:`opcc_model.queries.transfer`).

>>> import opcc_model
>>> from opcc_model.scenario import parse_scenario
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> s = parse_scenario("name: x\\noperations:\\n  - {op: replace-role, role: pcc, by: cc, keep: true}\\n")
>>> sorted(transfer_of(model, s).outgoing)
['pcc']
>>> transfer_of(model, parse_scenario("name: nothing\\n")) is None
True
"""

from __future__ import annotations

from opcc_model.errors import LoadIssue
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.checking import FindingList, relative_to_root
from opcc_model.queries.transfer import (
    BodyRequest,
    Transfer,
    lost_functions,
    mayors_in_wales,
    unnamed_collective_accountability,
    unsettled_delegations,
)
from opcc_model.scenario.applying import Applied, apply
from opcc_model.scenario.errors import OperationError
from opcc_model.scenario.ops import AmendScheme, MergeAreas, ReplaceRole
from opcc_model.scenario.scenario import Scenario

__all__ = ["transfer_of", "welsh_mayor_requests", "refuse_mayors_in_wales", "transfer_findings"]


def welsh_mayor_requests(model: Model, scenario: Scenario, /) -> list[BodyRequest]:
    """The ``amend-scheme`` operations of ``scenario`` that give an area in Wales a mayoral body, where written.

    >>> import opcc_model
    >>> from opcc_model.scenario import parse_scenario
    >>> model = opcc_model.load(opcc_model.reference_root())
    >>> s = parse_scenario("name: x\\noperations:\\n  - {op: amend-scheme, area: example-wales, body: mayor}\\n", "s.yaml")
    >>> [(r.area, r.body, str(r.location)) for r in welsh_mayor_requests(model, s)]
    [('example-wales', 'mayor', 's.yaml:3:51')]
    """
    wales = {b.area for b in model.boundaries if b.jurisdiction == "wales"}
    found = []
    for index, op in enumerate(scenario.operations):
        if isinstance(op, MergeAreas):
            merged_in_wales = op.into.jurisdiction == "wales" or (op.into.jurisdiction is None and op.areas[0] in wales)
            wales = (wales - set(op.areas)) | ({op.into.area} if merged_in_wales else set())
        elif isinstance(op, AmendScheme) and op.area in wales and op.body in ("mayor", "mopac"):
            found.append(BodyRequest(op.area, op.body, scenario.locate(index, "body")))
    return found


def refuse_mayors_in_wales(model: Model, scenario: Scenario, /) -> None:
    """Raise :class:`~opcc_model.scenario.errors.OperationError` (exit 2 from the CLI) when ``scenario`` gives a
    Welsh area a mayor: one located issue per operation, with the OPCC-T104 finding's message and code.

    >>> import opcc_model
    >>> from opcc_model.scenario import parse_scenario
    >>> s = parse_scenario("name: x\\noperations:\\n  - {op: amend-scheme, area: example-wales, body: mayor}\\n", "s.yaml")
    >>> refuse_mayors_in_wales(opcc_model.load(opcc_model.reference_root()), s)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    opcc_model.scenario.errors.OperationError: 1 error applying the scenario:
    s.yaml:3:51: The scenario makes the local policing body of ... a mayor: there are no mayors in Wales; ... (OPCC-T104)
    """
    refused = list(mayors_in_wales(model, welsh_mayor_requests(model, scenario)))
    if refused:
        raise OperationError(LoadIssue(f.location or Location(scenario.file, 1, 1), f"{f.message} ({f.code})") for f in refused)


def transfer_of(model: Model, scenario: Scenario, /) -> Transfer | None:
    """The transfer ``scenario`` makes of ``model``'s local policing body, or ``None`` when it replaces no office holder.

    The outgoing offices are the office holder (the commissioner side's principal), every role
    the scenario replaces, and the deputy of every transferred area. The transferred areas are
    those whose ``body`` the scenario sets (every area, when it sets none), each followed into
    the area a merger makes of it.
    """
    principals = model.principals()
    if "commissioner" not in principals:
        return None
    holder = principals["commissioner"].id
    existing = {r.id for r in model.roles}
    outgoing: set[str] = set()
    renamed: dict[str, str] = {}
    merged: dict[str, str] = {}
    chosen: list[str] = []
    transfers = False
    for op in scenario.operations:
        if isinstance(op, ReplaceRole):
            if op.role == holder:
                transfers = True
                holder = holder if op.keep else op.by
            if op.role in existing:
                outgoing.add(op.role)
            if not op.keep:
                renamed = {old: (op.by if new == op.role else new) for old, new in renamed.items()}
                renamed.setdefault(op.role, op.by)
        elif isinstance(op, AmendScheme) and op.body is not None and op.area not in chosen:
            chosen.append(op.area)
        elif isinstance(op, MergeAreas):
            for area in op.areas:
                merged[area] = op.into.area
    if not transfers:
        return None
    outgoing.add(principals["commissioner"].id)
    before = {b.area for b in model.boundaries}
    areas = [a for a in chosen if a in before] or sorted(before)
    outgoing.update(b.deputy for b in model.boundaries if b.area in areas and b.deputy is not None)

    def follow(area: str) -> str:
        seen = set()
        while area in merged and area not in seen:
            seen.add(area)
            area = merged[area]
        return area

    return Transfer(outgoing=frozenset(outgoing), renamed=renamed, areas={a: follow(a) for a in areas})


def transfer_findings(
    model: Model, scenario: Scenario, /, *, area: str | None = None, applied: Applied | None = None
) -> FindingList:
    """The transfer findings of ``scenario`` on ``model``: OPCC-T101 to T104, sorted; empty when it transfers nothing.

    A scenario that gives a Welsh area a mayor cannot apply: only its OPCC-T104 findings are
    returned, located in the scenario file. Otherwise the scenario is applied (or ``applied``,
    its result, is used) and the model after is compared with ``model``. ``area`` keeps the
    findings of that area and the model-wide ones.

    >>> import opcc_model
    >>> from opcc_model.scenario import read_scenario
    >>> root = opcc_model.reference_root()
    >>> transfer_findings(opcc_model.load(root), read_scenario(root / "scenarios" / "mayoral-model.yaml"))
    <FindingList: 0 errors, 0 warnings, 0 infos, 0 waived>
    """
    requests = welsh_mayor_requests(model, scenario)
    if requests:
        return FindingList(mayors_in_wales(model, requests))
    transfer = transfer_of(model, scenario)
    if transfer is None:
        return FindingList()
    after = (applied or apply(model, scenario)).model
    found = [*lost_functions(model, after, transfer), *unsettled_delegations(model, after, transfer)]
    bodies = {op.area: scenario.locate(i, "body") for i, op in enumerate(scenario.operations) if isinstance(op, AmendScheme) and op.body}
    for new_area in sorted({a for a in transfer.areas.values() if a is not None}):
        for f in unnamed_collective_accountability(after, new_area):  # located where the scenario sets the body, if it does
            found.append(f.model_copy(update={"location": bodies[new_area]}) if new_area in bodies else f)
    kept = [f for f in found if area is None or f.area in (None, area)]
    return relative_to_root(model, kept)
