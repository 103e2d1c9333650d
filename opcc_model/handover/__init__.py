"""The transition of the office holder: what lapses and must be re-made, the first year, the first 100 days, the briefing pack.

>>> import opcc_model
>>> report = transition(opcc_model.load(opcc_model.reference_root()), area="example-england", date="2028-05-04")
>>> report.verdict().startswith("Verdict: 12 items lapse or must be re-made")
True
"""

from opcc_model.handover.build import ROUTES, TARGETS, TransitionUsageError, route_scenario, transition
from opcc_model.handover.report import TransitionReport
from opcc_model.handover.years import DateOutOfRange

__all__ = ["ROUTES", "TARGETS", "DateOutOfRange", "TransitionReport", "TransitionUsageError", "route_scenario", "transition"]
