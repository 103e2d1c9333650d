"""Run every benchmark: ``python -m bench [--areas 43] [--activities 2000] [--seed 1] [--repeat 1]``.

Generates the synthetic model in a temporary folder (or uses ``--model DIR``), then prints
one table of figures, each with its ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

import opcc_model
from bench import checks, loading, memory, rendering
from bench.generate import generate
from bench.timing import Table, best

__all__ = ["main"]

SCALES = (1, 5, 15, 43)


def _scaling(folder: str, areas: int, activities: int, seed: int, table: Table, repeat: int) -> None:
    """Load and check at 1, 5, 15 and 43 areas (those ≤ ``areas``); cost per activity and its ratio."""
    first: float | None = None
    for count in [s for s in SCALES if s <= areas]:
        root = os.path.join(folder, f"scale-{count}")
        generate(root, areas=count, activities=activities, seed=seed)
        n = count * activities
        t_load, model = best(lambda: opcc_model.load(root), repeat=repeat)
        t_pass, t_check = checks.run(model, Table(), repeat=repeat)
        per = (t_load + (t_check if t_check is not None else t_pass)) / n * 1e6
        first = first or per
        what = "load + check" if t_check is not None else "load + single pass"
        table.add(f"scaling: {what} per activity, {count} areas", per, "µs", baseline=(f"{SCALES[0]} area", first))


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmarks, print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--activities", type=int, default=2000, help="activities per area")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing (the best is kept)")
    parser.add_argument("--skip", action="append", default=[], choices=["load", "checks", "scaling", "memory", "render"])
    args = parser.parse_args(argv)
    table = Table()
    with tempfile.TemporaryDirectory(prefix="opcc-bench-") as folder:
        root = os.path.join(folder, "model")
        counts = generate(root, areas=args.areas, activities=args.activities, seed=args.seed)
        print(f"model: {counts['areas']} areas, {counts['activities']:,} activities, {counts['files']:,} files, "
              f"{counts['bytes'] / 1e6:.1f} MB of YAML; {os.cpu_count()} cores; Python {sys.version.split()[0]}",
              flush=True)
        if "load" not in args.skip:
            loading.run(root, table, repeat=args.repeat)
            print(table.render(), "\n", flush=True)
        if "checks" not in args.skip:
            checks.run(opcc_model.load(root), table, repeat=args.repeat, label=f" ({args.areas} areas)")
        if "scaling" not in args.skip:
            _scaling(folder, args.areas, args.activities, args.seed, table, args.repeat)
        if "memory" not in args.skip:
            generate(root, areas=args.areas, activities=args.activities, seed=args.seed)
            memory.run(root, counts["activities"], table)
        if "render" not in args.skip:
            rendering.run(table, repeat=args.repeat)
            rendering.noop(table)
    print(table.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
