"""``opcc scenario FILE PATH``: apply a what-if scenario, print the changes, findings delta and hand-offs; ``--out`` draws the changed maps."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, info
from opcc_model.cache import load_cached as load
from opcc_model.model import Model
from opcc_model.queries import check, handoffs
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.processmap import process_map
from opcc_model.render.write import write_sources
from opcc_model.scenario.applying import apply
from opcc_model.scenario.model_diff import diff
from opcc_model.scenario.maps import ChangedMaps, changed_maps
from opcc_model.scenario.report import scenario_report
from opcc_model.scenario.scenario import read_scenario
from opcc_model.scenario.transfer import refuse_mayors_in_wales, transfer_findings, transfer_of
from opcc_model.terminal import safe_text
from opcc_model.wording import count

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``scenario`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "scenario",
        help="apply a what-if scenario to a model and show what it changes",
        description="Apply the operations of a scenario file to the model at PATH (the files are not changed) "
        "and print the changes, the findings that appear or are resolved, and the hand-offs that appear or go.",
    )
    parser.add_argument("file", metavar="FILE", help="the scenario file (YAML)")
    parser.add_argument("path", metavar="PATH", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--area", help="report findings, hand-offs and boundary changes for this area only")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (the verdict and a summary) or JSON (every detail)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every change and note after the summary")
    parser.add_argument(
        "--out", metavar="DIR",
        help="render the changed boundary and process maps of the result into DIR as SVG, the changes highlighted",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Apply the scenario and print its report."""
    model = load(args.path)
    scenario = read_scenario(args.file)
    refuse_mayors_in_wales(model, scenario)  # OPCC-T104: the scenario cannot apply, a located error (exit 2)
    applied = apply(model, scenario)
    changes = diff(model, applied.model)
    transfer = transfer_findings(model, scenario, applied=applied) if transfer_of(model, scenario) else None
    report = scenario_report(scenario, model, applied, changes, area=args.area, check=check, handoffs=handoffs, transfer=transfer)
    print(report.to_json() if args.format == "json" else safe_text(report.to_text(verbose=args.verbose)), end="")
    if args.out:
        maps = changed_maps(model, applied.model, changes, area=args.area)
        result = write_sources(highlighted_maps(applied.model, maps), args.out)
        if result.fallback:
            info(result.fallback)
        info(f"{count(len(maps.areas), 'boundary map')} and {count(len(maps.processes), 'process map')} in {args.out} "
             f"({len(result.written)} written, {len(result.unchanged)} unchanged)")
    return EXIT_OK


def highlighted_maps(model: Model, maps: ChangedMaps, /) -> dict[str, str]:
    """DOT source of each changed map of ``model``, by file name stem, the changes highlighted."""
    sources = {f"boundary-{area}": boundary_map(model, area, highlight=codes).source for area, codes in maps.areas.items()}
    for process_id, activities in maps.processes.items():
        sources[f"process-{process_id}"] = process_map(model, process_id, highlight=activities).source
    return sources
