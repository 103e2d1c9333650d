"""Legal completeness: duties delivered, citations known and in force, responses given, extent respected (OPCC-L1xx).

These checks read ``law/instruments.yaml`` and ``law/duties.yaml``; a model without them
gets none of these findings.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> list(undelivered_duties(model)), list(unknown_citations(model))
([], [])
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from opcc_model.findings import Finding
from opcc_model.law import Duty, cites
from opcc_model.location import Location
from opcc_model.model import Activity, Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding

__all__ = [
    "citations",
    "delivering",
    "undelivered_duties",
    "unknown_citations",
    "missing_responses",
    "revoked_citations",
    "out_of_extent",
]

Citation = tuple[str, str, int, str]
"""``(kind, id, index in its basis list, the citation)``."""


def citations(model: Model, /) -> Iterator[Citation]:
    """Every basis entry of the model where it is written (an activity's inherited basis counts at its process).

    >>> import opcc_model
    >>> next(citations(opcc_model.load(opcc_model.example_root("minimal"))))
    ('process', 'conduct-stakeholder-analysis', 0, 'PRSR 2011 s.14')
    """
    for process in model.processes:
        yield from (("process", process.id, i, text) for i, text in enumerate(process.basis))
        for activity in process.activities:
            if activity.basis != process.basis:
                yield from (("activity", activity.id, i, text) for i, text in enumerate(activity.basis or ()))
    for kind, things in (("role", model.roles), ("artifact", model.artifacts)):
        for thing in things:
            yield from ((kind, thing.id, i, text) for i, text in enumerate(thing.basis))


def _at(model: Model, kind: str, key: str, index: int) -> Location | None:
    return where(model, kind, key, "basis", index) or where(model, kind, key)


def delivering(model: Model, duty: Duty, /) -> list[Activity]:
    """The activities marked ``obligation: duty`` whose basis cites ``duty``'s provision."""
    return [a for a in model.activities if a.obligation == "duty" and any(cites(b, duty.basis) for b in a.basis or ())]


@check_rule("OPCC-L101", "warning", "a statutory duty has no delivering activity", scope="model")
def undelivered_duties(model: Model, /) -> Iterator[Finding]:
    """Fires for every duty of ``law/duties.yaml`` that no activity marked ``obligation: duty`` cites.

    Why it matters: "0 errors" then measures only that the model is consistent, not that
    it does what the law requires; a duty nobody delivers is a gap in the office's
    statutory compliance. Legal basis: the provision named in the duty's ``basis``.

    Fix: add (or mark) the activity that delivers it, with ``obligation: duty`` and a
    ``basis`` citing the provision or a sub-provision of it; or, if the model leaves it
    out on purpose, list it as not modelled (the reference model's docs do).

    Example: a duty ``{id: respond-to-inspection-reports, basis: Police Act 1996 s.55(5A)}``
    with no activity citing ``Police Act 1996 s.55(5A)`` gives "No activity delivers the
    statutory duty 'Comment on an inspection report within 56 days' (Police Act 1996 s.55(5A))."
    """
    for duty in model.duties:
        if not delivering(model, duty):
            yield finding(
                "OPCC-L101",
                [duty.id],
                f"No activity delivers the statutory duty '{duty.name}' ({duty.basis}): mark the activity that does "
                "with obligation: duty and cite the provision.",
                where(model, "duty", duty.id),
            )


@check_rule("OPCC-L102", "warning", "a basis cites an instrument the data does not know", scope="model")
def unknown_citations(model: Model, /) -> Iterator[Finding]:
    """Fires for every ``basis`` entry that cites no instrument of ``law/instruments.yaml`` (when the file exists).

    Why it matters: a typo in a citation ("PRSR 2001 s.5") reads as authority and is not;
    an instrument the data does not know cannot be checked for revocation or extent.

    Fix: correct the citation, or add the instrument (with its ``cited_as`` prefix, dates
    and source) to ``law/instruments.yaml``.

    Example: ``basis: [PRSR 2001 s.5]`` gives "The basis 'PRSR 2001 s.5' of 'Issue the
    plan' (issue-plan) cites no instrument in law/instruments.yaml (a typo?)."
    """
    if not model.instruments:
        return
    for kind, key, index, text in citations(model):
        if model.instrument_cited_by(text) is None:
            yield finding(
                "OPCC-L102",
                [key, text],
                f"The basis '{text}' of {label(model, kind, key)} cites no instrument in law/instruments.yaml (a typo?).",
                _at(model, kind, key, index),
            )


@check_rule("OPCC-L103", "error", "a response the law requires is missing", scope="model")
def missing_responses(model: Model, /) -> Iterator[Finding]:
    """Fires for every duty with ``responds_to`` when no activity citing the duty consumes what it answers.

    Why it matters: the law makes the PCC answer certain reports, for instance the Panel's
    report on the proposed precept (PRSR 2011 Sch 5 para 5), on the draft plan and on the
    annual report (s.12); a model without the response cannot show it is given, or when.

    Fix: give the responding activity ``inputs: [<the report>]`` and a ``basis`` citing the
    duty's provision.

    Example: a duty ``{basis: PRSR 2011 s.12(5), responds_to: [panel-annual-report-report]}``
    with no activity consuming that report gives "Nothing answers 'Panel report on the
    annual report' as PRSR 2011 s.12(5) requires."
    """
    for duty in model.duties:
        if not duty.responds_to:
            continue
        answered = any(
            set(duty.responds_to) & set(a.inputs) and any(cites(b, duty.basis) for b in a.basis or ())
            for a in model.activities
        )
        if not answered:
            named = " or ".join(label(model, "artifact", x) for x in duty.responds_to)
            yield finding(
                "OPCC-L103",
                [duty.id, *duty.responds_to],
                f"Nothing answers {named} as {duty.basis} requires ({duty.name}).",
                where(model, "duty", duty.id),
            )


@check_rule("OPCC-L106", "warning", "a basis cites a revoked instrument", scope="model", dated=True)
def revoked_citations(model: Model, /, *, on: datetime.date) -> Iterator[Finding]:
    """Fires for every ``basis`` entry citing an instrument revoked on or before the date checked (``--date``).

    Why it matters: a revoked instrument is history, not authority. The Policing Protocol
    Order 2011 (SI 2011/2744) was revoked by the Policing Protocol Order 2023, in force
    3 July 2023 (arts 1-3); its paragraphs no longer bind anyone.

    Fix: cite the statute first and the instrument now in force by its own paragraph (the
    Panel's role is para 24 of the 2023 Protocol).

    Example: ``basis: [Policing Protocol Order 2011 para 24]`` checked on 2027-01-01 gives
    "The basis 'Policing Protocol Order 2011 para 24' of ... cites the Policing Protocol
    Order 2011, revoked on 2023-07-03 by the Policing Protocol Order 2023."
    """
    for kind, key, index, text in citations(model):
        instrument = model.instrument_cited_by(text)
        if instrument is None or not instrument.revoked_on(on):
            continue
        by = ""
        if instrument.revoked_by is not None:
            by = f" by the {model.instrument(instrument.revoked_by).title}"
        yield finding(
            "OPCC-L106",
            [key, text],
            f"The basis '{text}' of {label(model, kind, key)} cites the {instrument.title}, revoked on {instrument.revoked}{by}.",
            _at(model, kind, key, index),
        )


def _extent(model: Model, text: str) -> tuple[str, ...] | None:
    """Where the law a citation names runs (``None`` for guidance or an unknown instrument)."""
    instrument = model.instrument_cited_by(text)
    if instrument is None or instrument.kind == "guidance":
        return None
    runs = set(instrument.jurisdictions)
    for duty in model.duties:
        if cites(text, duty.basis):
            runs &= set(duty.jurisdictions)
    return tuple(sorted(runs))


@check_rule("OPCC-L107", "error", "an activity applies where its law does not run", scope="model")
def out_of_extent(model: Model, /) -> Iterator[Finding]:
    """Fires for an activity that applies in a jurisdiction where none of the law it cites runs.

    Why it matters: an England-only duty applied in a Welsh area (or back) is a duty the
    office does not have there, and the duty it does have goes unmodelled. The Accounts
    and Audit Regulations 2015 apply in England; Welsh bodies are under SI 2014/3362 and
    audited by the Auditor General for Wales (Public Audit (Wales) Act 2004 s.12).

    Fix: narrow the activity's ``jurisdictions``, or cite the law that runs in the other
    jurisdiction too (or model it as its own activity).

    Example: an activity with ``jurisdictions: [england, wales]`` and ``basis: [AAR 2015
    reg 6]`` gives "'Prepare the annual governance statement' (...) applies in wales, where
    none of its legal basis runs (AAR 2015 reg 6)."
    """
    for activity in model.activities:
        runs: set[str] = set()
        legal = []
        for text in activity.basis or ():
            extent = _extent(model, text)
            if extent is not None:
                runs |= set(extent)
                legal.append(text)
        if not legal:
            continue
        for jurisdiction in activity.jurisdictions or ():
            if jurisdiction not in runs:
                yield finding(
                    "OPCC-L107",
                    [activity.id, jurisdiction],
                    f"{label(model, 'activity', activity.id)} applies in {jurisdiction}, where none of its legal basis runs "
                    f"({'; '.join(legal)}).",
                    where(model, "activity", activity.id, "jurisdictions") or where(model, "activity", activity.id),
                )
