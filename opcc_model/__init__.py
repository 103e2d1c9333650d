"""opcc-model: model, query and draw the operating model of an Office of the Police and Crime Commissioner.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> len(model.activities)
2
>>> [f.code for f in opcc_model.check(model)]
[]

The model types and the loader are imported at once; queries, rendering, plans and
scenarios are imported on first use (``opcc_model.check`` imports the queries).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from opcc_model.errors import LoadIssue, ModelLoadError, NotFound, OpccError, RenderUnavailable
from opcc_model.findings import Finding
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

_LAZY: dict[str, tuple[str, str]] = {
    # the validated-model cache
    "load_cached": ("opcc_model.cache", "load_cached"),
    # writing a model back to YAML
    "write_model": ("opcc_model.dump", "write_model"),
    # queries
    "check": ("opcc_model.queries", "check"),
    "FindingList": ("opcc_model.queries", "FindingList"),
    "upstream": ("opcc_model.queries", "upstream"),
    "downstream": ("opcc_model.queries", "downstream"),
    "path": ("opcc_model.queries", "path"),
    "handoffs": ("opcc_model.queries", "handoffs"),
    "impact": ("opcc_model.queries", "impact"),
    "coverage": ("opcc_model.queries", "coverage"),
    "who_decides": ("opcc_model.queries", "who_decides"),
    "holdings": ("opcc_model.queries.holdings", "holdings"),
    "compare_schemes": ("opcc_model.queries.holdings", "compare"),
    "migrate": ("opcc_model.migrate", "migrate"),
    "Settings": ("opcc_model.config", "Settings"),
    "load_settings": ("opcc_model.config", "load_settings"),
    # graphs
    "build_graph": ("opcc_model.graph", "build"),
    "dependencies": ("opcc_model.graph", "dependencies"),
    # Police and Crime Plans
    "Plan": ("opcc_model.plan", "Plan"),
    "load_plans": ("opcc_model.plan", "load_plans"),
    # scenarios and diffs
    "read_scenario": ("opcc_model.scenario", "read_scenario"),
    "apply_scenario": ("opcc_model.scenario", "apply"),
    "diff": ("opcc_model.scenario", "diff"),
    # drawing
    "diagrams": ("opcc_model.render.diagrams", "diagrams"),
    "inline": ("opcc_model.render.notebook", "inline"),
    "build_site": ("opcc_model.render.site", "build_site"),
}

__all__ = [
    "Activity",
    "Allocation",
    "Artifact",
    "Boundary",
    "Finding",
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
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    """Import the lazily exported names on first use (PEP 562)."""
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'opcc_model' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # for type checkers and editors: the lazy names, typed
    from opcc_model.cache import load_cached
    from opcc_model.config import Settings, load_settings
    from opcc_model.dump import write_model
    from opcc_model.graph import build as build_graph
    from opcc_model.graph import dependencies
    from opcc_model.plan import Plan, load_plans
    # (queries and scenario have sub-modules of these names; the functions are meant)
    from opcc_model.queries import (  # type: ignore[no-redef]
        FindingList,
        check,
        coverage,
        downstream,
        handoffs,
        impact,
        path,
        upstream,
        who_decides,
    )
    from opcc_model.queries.holdings import compare as compare_schemes
    from opcc_model.queries.holdings import holdings
    from opcc_model.migrate import migrate
    from opcc_model.render.diagrams import diagrams
    from opcc_model.render.notebook import inline
    from opcc_model.render.site import build_site
    from opcc_model.scenario import apply as apply_scenario  # type: ignore[no-redef]
    from opcc_model.scenario import diff, read_scenario  # type: ignore[no-redef]
