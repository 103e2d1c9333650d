"""What-if scenarios and model diffs: simulate a change to the operating model before making it.

>>> import opcc_model
>>> from opcc_model.scenario import apply, diff, parse_scenario
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> s = parse_scenario("name: x\\noperations:\\n  - {op: reassign, letter: A, to: cc, activities: [agree-outcomes]}\\n")
>>> [change.message for change in diff(model, apply(model, s).model)]
["Accountability for activity 'agree-outcomes' (Agree outcomes with partners) moves from the Police and Crime Commissioner to the Chief Constable."]
"""

from opcc_model.scenario.applying import Applied, apply, apply_operation
from opcc_model.scenario.model_diff import Change, ModelDiff, diff
from opcc_model.scenario.errors import OperationError, ScenarioError, ScenarioLoadError
from opcc_model.scenario.ops import OPERATION_TYPES, Operation
from opcc_model.scenario.report import ScenarioReport, scenario_report
from opcc_model.scenario.scenario import Scenario, parse_scenario, read_scenario
from opcc_model.scenario.step import Conflict
from opcc_model.scenario.transfer import transfer_findings, transfer_of

__all__ = [
    "Applied",
    "Change",
    "Conflict",
    "ModelDiff",
    "OPERATION_TYPES",
    "Operation",
    "OperationError",
    "Scenario",
    "ScenarioError",
    "ScenarioLoadError",
    "ScenarioReport",
    "scenario_report",
    "apply",
    "apply_operation",
    "diff",
    "parse_scenario",
    "read_scenario",
    "transfer_findings",
    "transfer_of",
]
