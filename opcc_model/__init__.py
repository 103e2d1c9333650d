"""opcc-model: model, query and draw the operating model of an Office of the Police and Crime Commissioner.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> len(model.activities)
2
>>> [f.code for f in opcc_model.check(model)]
[]

Every public name is listed in the static ``__all__`` below and imported on first use
(PEP 562), so ``import opcc_model`` (and ``opcc --version``) costs almost nothing; the
``TYPE_CHECKING`` block gives type checkers and editors the same names, typed. Every type a
public function returns is importable from here too.
"""

from __future__ import annotations

import importlib
TYPE_CHECKING = False  # (not typing.TYPE_CHECKING: importing typing costs more than the whole package)

__version__ = "0.1.0"

__all__ = [
    "Activity",
    "Allocation",
    "Applied",
    "Artifact",
    "Boundary",
    "Change",
    "Diagram",
    "Finding",
    "FindingList",
    "HandoffTable",
    "Inline",
    "LoadIssue",
    "Location",
    "MigratedFile",
    "Model",
    "ModelDiff",
    "ModelLoadError",
    "NoPath",
    "NoSuchFolder",
    "NotFound",
    "OpccError",
    "PagCode",
    "Manifesto",
    "ManifestoLoadError",
    "Plan",
    "PlanLoadError",
    "Process",
    "QueryResult",
    "Reference",
    "RenderUnavailable",
    "Result",
    "Role",
    "Scenario",
    "ScenarioLoadError",
    "ScenarioReport",
    "Settings",
    "Stage",
    "Tabular",
    "TransitionReport",
    "Waiver",
    "WhoDecides",
    "__version__",
    "apply_scenario",
    "build_graph",
    "build_site",
    "check",
    "compare_schemes",
    "coverage",
    "dependencies",
    "diagrams",
    "diff",
    "downstream",
    "example_root",
    "handoffs",
    "holdings",
    "impact",
    "inline",
    "load",
    "load_cached",
    "load_manifestos",
    "load_plans",
    "load_settings",
    "migrate",
    "path",
    "read_scenario",
    "reference_root",
    "scenario_report",
    "transfer_findings",
    "transition",
    "upstream",
    "validate",
    "who_decides",
    "write_model",
]

_LAZY: dict[str, tuple[str, str]] = {
    # the model types, the loader and its errors
    "Activity": ("opcc_model.model", "Activity"),
    "Allocation": ("opcc_model.model", "Allocation"),
    "Artifact": ("opcc_model.model", "Artifact"),
    "Boundary": ("opcc_model.model", "Boundary"),
    "Model": ("opcc_model.model", "Model"),
    "PagCode": ("opcc_model.model", "PagCode"),
    "Process": ("opcc_model.model", "Process"),
    "Reference": ("opcc_model.model", "Reference"),
    "Role": ("opcc_model.model", "Role"),
    "Stage": ("opcc_model.model", "Stage"),
    "Waiver": ("opcc_model.model", "Waiver"),
    "Location": ("opcc_model.location", "Location"),
    "LoadIssue": ("opcc_model.errors", "LoadIssue"),
    "ModelLoadError": ("opcc_model.errors", "ModelLoadError"),
    "NotFound": ("opcc_model.errors", "NotFound"),
    "NoSuchFolder": ("opcc_model.errors", "NoSuchFolder"),
    "OpccError": ("opcc_model.errors", "OpccError"),
    "RenderUnavailable": ("opcc_model.errors", "RenderUnavailable"),
    "load": ("opcc_model.loader", "load"),
    "validate": ("opcc_model.loader", "validate"),
    "example_root": ("opcc_model.resources", "example_root"),
    "reference_root": ("opcc_model.resources", "reference_root"),
    # the validated-model cache
    "load_cached": ("opcc_model.cache", "load_cached"),
    # writing a model back to YAML
    "write_model": ("opcc_model.dump", "write_model"),
    # queries and their results
    "Finding": ("opcc_model.findings", "Finding"),
    "check": ("opcc_model.queries", "check"),
    "FindingList": ("opcc_model.queries", "FindingList"),
    "QueryResult": ("opcc_model.queries", "QueryResult"),
    "Result": ("opcc_model.queries.table", "Result"),
    "Tabular": ("opcc_model.queries.table", "Tabular"),
    "HandoffTable": ("opcc_model.queries", "HandoffTable"),
    "NoPath": ("opcc_model.queries", "NoPath"),
    "upstream": ("opcc_model.queries", "upstream"),
    "downstream": ("opcc_model.queries", "downstream"),
    "path": ("opcc_model.queries", "path"),
    "handoffs": ("opcc_model.queries", "handoffs"),
    "impact": ("opcc_model.queries", "impact"),
    "coverage": ("opcc_model.queries", "coverage"),
    "who_decides": ("opcc_model.queries", "who_decides"),
    "holdings": ("opcc_model.queries.scheme_tables", "holdings"),
    "compare_schemes": ("opcc_model.queries.scheme_tables", "compare"),
    "migrate": ("opcc_model.migration", "migrate"),
    "MigratedFile": ("opcc_model.migration", "MigratedFile"),
    "WhoDecides": ("opcc_model.queries.decides", "WhoDecides"),
    "Settings": ("opcc_model.config", "Settings"),
    "load_settings": ("opcc_model.config", "load_settings"),
    # graphs
    "build_graph": ("opcc_model.graph", "build"),
    "dependencies": ("opcc_model.graph", "dependencies"),
    # Police and Crime Plans
    "Plan": ("opcc_model.plan", "Plan"),
    "PlanLoadError": ("opcc_model.plan", "PlanLoadError"),
    "load_plans": ("opcc_model.plan", "load_plans"),
    "Manifesto": ("opcc_model.plan", "Manifesto"),
    "ManifestoLoadError": ("opcc_model.plan", "ManifestoLoadError"),
    "load_manifestos": ("opcc_model.plan", "load_manifestos"),
    # scenarios and diffs
    "Scenario": ("opcc_model.scenario", "Scenario"),
    "ScenarioLoadError": ("opcc_model.scenario", "ScenarioLoadError"),
    "ScenarioReport": ("opcc_model.scenario", "ScenarioReport"),
    "scenario_report": ("opcc_model.scenario", "scenario_report"),
    "transfer_findings": ("opcc_model.scenario", "transfer_findings"),
    "Applied": ("opcc_model.scenario", "Applied"),
    "Change": ("opcc_model.scenario", "Change"),
    "ModelDiff": ("opcc_model.scenario", "ModelDiff"),
    "read_scenario": ("opcc_model.scenario", "read_scenario"),
    "apply_scenario": ("opcc_model.scenario", "apply"),
    "diff": ("opcc_model.scenario", "diff"),
    # the transition of the office holder
    "TransitionReport": ("opcc_model.handover", "TransitionReport"),
    "transition": ("opcc_model.handover", "transition"),
    # drawing
    "Diagram": ("opcc_model.render.diagrams", "Diagram"),
    "diagrams": ("opcc_model.render.diagrams", "diagrams"),
    "Inline": ("opcc_model.render.notebook", "Inline"),
    "inline": ("opcc_model.render.notebook", "inline"),
    "build_site": ("opcc_model.render.site", "build_site"),
}
"""Where each public name lives: imported on first use (tests check it matches ``__all__``)."""

if TYPE_CHECKING:  # type checkers and editors see every public name, typed
    from opcc_model.cache import load_cached
    from opcc_model.config import Settings, load_settings
    from opcc_model.dump import write_model
    from opcc_model.errors import LoadIssue, ModelLoadError, NoSuchFolder, NotFound, OpccError, RenderUnavailable
    from opcc_model.findings import Finding
    from opcc_model.graph import build as build_graph
    from opcc_model.graph import dependencies
    from opcc_model.handover import TransitionReport, transition
    from opcc_model.loader import load, validate
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
    from opcc_model.plan import Manifesto, ManifestoLoadError, Plan, PlanLoadError, load_manifestos, load_plans
    from opcc_model.queries import (
        FindingList,
        HandoffTable,
        NoPath,
        QueryResult,
        check,
        coverage,
        downstream,
        handoffs,
        impact,
        path,
        upstream,
        who_decides,
    )
    from opcc_model.migration import MigratedFile, migrate
    from opcc_model.queries.decides import WhoDecides
    from opcc_model.queries.scheme_tables import compare as compare_schemes
    from opcc_model.queries.scheme_tables import holdings
    from opcc_model.queries.table import Result, Tabular
    from opcc_model.render.diagrams import Diagram, diagrams
    from opcc_model.render.notebook import Inline, inline
    from opcc_model.render.site import build_site
    from opcc_model.resources import example_root, reference_root
    from opcc_model.scenario import (
        Applied,
        Change,
        ModelDiff,
        Scenario,
        ScenarioLoadError,
        ScenarioReport,
        read_scenario,
        scenario_report,
        transfer_findings,
    )
    from opcc_model.scenario import apply as apply_scenario
    from opcc_model.scenario import diff
else:  # at run time: PEP 562 lazy attributes (hidden from type checkers, so a typo is an error)

    def __getattr__(name: str) -> object:
        """Import a public name on first use."""
        try:
            module_name, attribute = _LAZY[name]
        except KeyError:
            raise AttributeError(f"module 'opcc_model' has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module_name), attribute)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(_LAZY))
