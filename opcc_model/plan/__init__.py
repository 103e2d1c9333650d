"""Police and Crime Plans: the plan tree from vision to priorities, checked against PRSR 2011 s.7 and drawn.

>>> import opcc_model
>>> root = opcc_model.example_root("minimal")
>>> load_plans(root, opcc_model.load(root))
()
"""

from opcc_model.plan.loader import PLANS_FOLDER, PlanLoadError, load_plans, plan_files
from opcc_model.plan.manifesto import (
    MANIFESTOS_FOLDER,
    Commitment,
    Manifesto,
    ManifestoLoadError,
    load_manifestos,
    manifesto_files,
)
from opcc_model.plan.model import (
    S7_CONTENTS,
    Aim,
    Measure,
    Objective,
    Plan,
    Priority,
    S7,
    S7Coverage,
    ScrutinyPillar,
    SharedOutcome,
    Theme,
    Vision,
)

__all__ = [
    "MANIFESTOS_FOLDER",
    "Commitment",
    "Manifesto",
    "ManifestoLoadError",
    "load_manifestos",
    "manifesto_files",
    "PLANS_FOLDER",
    "PlanLoadError",
    "S7_CONTENTS",
    "Aim",
    "Measure",
    "Objective",
    "Plan",
    "Priority",
    "S7",
    "S7Coverage",
    "ScrutinyPillar",
    "SharedOutcome",
    "Theme",
    "Vision",
    "load_plans",
    "plan_files",
]
