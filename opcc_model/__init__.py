"""opcc-model: model, query and draw the operating model of an Office of the Police and Crime Commissioner.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> len(model.activities)
2
"""

from opcc_model.errors import LoadIssue, ModelLoadError, NotFound, OpccError, RenderUnavailable
from opcc_model.loader import load
from opcc_model.location import Location
from opcc_model.model import (
    Activity,
    Allocation,
    Artifact,
    Boundary,
    Model,
    PagCode,
    Process,
    Reference,
    Role,
    Stage,
    Waiver,
)
from opcc_model.resources import example_root, reference_root

__version__ = "0.1.0"

__all__ = [
    "Activity",
    "Allocation",
    "Artifact",
    "Boundary",
    "LoadIssue",
    "Location",
    "Model",
    "ModelLoadError",
    "NotFound",
    "OpccError",
    "PagCode",
    "Process",
    "Reference",
    "RenderUnavailable",
    "Role",
    "Stage",
    "Waiver",
    "example_root",
    "load",
    "reference_root",
    "__version__",
]
