"""How long Graphviz (WebAssembly) takes to lay out dependency maps of growing size: the data behind the size limit.

``python -m bench.render_limits`` generates one-area models of growing size, takes the
largest stage dependency map of each, lays it out whole in a worker with a timeout, and
prints its size (nodes, edges, DOT bytes) beside the wall and CPU time. The diagram size
limit of ``opcc_model/render/bounds.py`` is chosen from this table: the largest size whose
layout stays under ~10 s on this machine class.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time

__all__ = ["measure", "main"]


def measure(activities: int, timeout: float) -> dict[str, object]:
    """Lay out the largest stage map of a one-area model with ``activities`` activities."""
    import opcc_model
    from bench.generate import generate
    from opcc_model.errors import OpccError
    from opcc_model.render.bounds import diagram_size
    from opcc_model.render.dependencymap import dependency_map
    from opcc_model.render.workers import LayoutPool

    root = tempfile.mkdtemp()
    generate(root, areas=1, activities=activities, seed=1)
    model = opcc_model.load(root)
    sources = [dependency_map(model, stage=stage.id).source for stage in model.stages]
    source = max(sources, key=len)
    nodes, edges = diagram_size(source)
    def child_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = child_cpu()
    with LayoutPool(jobs=1, timeout=timeout) as pool:  # start-up alone, to subtract
        pool.layout("digraph {}", "svg", backend="wasm")
    startup = child_cpu() - before
    before, wall = child_cpu(), time.perf_counter()
    with LayoutPool(jobs=1, timeout=timeout) as pool:
        pool.layout("digraph {}", "svg", backend="wasm")
        wall = time.perf_counter()
        try:
            pool.layout(source, "svg", backend="wasm")
            outcome = "ok"
        except OpccError as exc:
            outcome = f"failed: {exc}"[:60]
        wall = time.perf_counter() - wall
    cpu = child_cpu() - before - startup
    return {"activities": activities, "nodes": nodes, "edges": edges, "bytes": len(source), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "outcome": outcome}


def main(argv: list[str] | None = None) -> None:
    """Print one row per model size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40,80,160,240,320", help="activities per model, comma-separated")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    print(f"{'activities':>10} {'nodes':>6} {'edges':>6} {'bytes':>9} {'wall s':>8} {'CPU s':>8}  outcome")
    for size in (int(s) for s in args.sizes.split(",")):
        row = measure(size, args.timeout)
        print(f"{row['activities']:>10} {row['nodes']:>6} {row['edges']:>6} {row['bytes']:>9} {row['wall_s']:>8} {row['cpu_s']:>8}  {row['outcome']}", flush=True)


if __name__ == "__main__":
    main()
