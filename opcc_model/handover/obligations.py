"""The dated obligations of the first year after the change: the model's calendar and the rules' deadlines.

From the statutory calendar (:func:`~opcc_model.queries.calendar.statutory_calendar`) of the
area, for the 365 days from the change: every fixed deadline, and the first date of each
recurrence; and from ``law/transitions.yaml``, each ``applies_to: obligation`` rule (the plan
within the financial year of the election, PRSR 2011 s.5).

>>> import datetime, opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> due = obligations(model, "example-england", datetime.date(2028, 5, 4), "election")
>>> [(o.date.isoformat(), o.activity) for o in due if o.activity == "issue-police-and-crime-plan"]
[('2029-03-31', 'issue-police-and-crime-plan')]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from opcc_model.errors import NotFound
from opcc_model.handover.items import rules_for, who_does
from opcc_model.handover.years import financial_year
from opcc_model.law import TransitionEvent
from opcc_model.model import Model
from opcc_model.queries.calendar import statutory_calendar

__all__ = ["Obligation", "obligations", "precept_note"]

FIRST_YEAR = 364
"""The first year: the day of the change and the 364 days after it."""


@dataclass(frozen=True, order=True)
class Obligation:
    """One dated obligation of the first year: when, what, who, on what basis."""

    date: datetime.date
    activity: str
    name: str
    kind: str
    """deadline (a fixed date), recurring (the first date of a recurrence) or rule (law/transitions.yaml)."""
    who: str
    basis: str
    status: str
    """law (the model's basis) or assumption (a 2028 rule)."""
    obligation: str
    """duty, power or good-practice, as the activity says (empty when it does not)."""


def _rule_obligations(model: Model, area: str, on: datetime.date, event: TransitionEvent, route: str | None) -> list[Obligation]:
    found = []
    for rule in rules_for(model, event, route):
        if rule.applies_to != "obligation":
            continue
        due = financial_year(on)[1] if rule.due == "financial-year-end" else (rule.span.add(on) if rule.span else on)
        for activity_id in rule.activities or ("",):
            try:
                name = model.activity(activity_id).name if activity_id else rule.what
            except NotFound:
                continue
            found.append(Obligation(due, activity_id, f"{name}: {rule.what}", "rule", who_does(model, (activity_id,)),
                                    rule.basis, rule.status, "duty"))
    return found


def obligations(model: Model, area: str, on: datetime.date, event: TransitionEvent, /, *, route: str | None = None) -> tuple[Obligation, ...]:
    """The obligations falling due from ``on`` for a year, in date order, for the new arrangement's ``model``."""
    calendar = statutory_calendar(model, area=area, start=on, days=FIRST_YEAR)
    seen: set[str] = set()
    found = _rule_obligations(model, area, on, event, route)
    for entry in calendar:
        if entry.kind == "recurring" and entry.activity in seen:
            continue
        seen.add(entry.activity)
        found.append(Obligation(entry.date, entry.activity, entry.name, entry.kind, entry.who, "; ".join(entry.basis), "law", entry.obligation))
    return tuple(sorted(set(found)))


def precept_note(on: datetime.date, /) -> str:
    """Whether the precept timetable of the change's financial year (SI 2012/2271) falls to the new holder.

    >>> precept_note(datetime.date(2028, 1, 10))
    'The change falls before 1 March: the precept timetable for 2028-29 (SI 2012/2271: proposed precept to the Panel by 1 February, issued by 1 March) falls to the new holder.'
    """
    first, last = financial_year(on)
    march = datetime.date(last.year, 3, 1)
    if on < march:
        year = f"{last.year}-{str(last.year + 1)[2:]}"
        return (f"The change falls before 1 March: the precept timetable for {year} (SI 2012/2271: proposed precept "
                "to the Panel by 1 February, issued by 1 March) falls to the new holder.")
    return (f"The change falls on or after 1 March: the precept for {last.year}-{str(last.year + 1)[2:]} has been issued; "
            "the next timetable starts the following February.")
