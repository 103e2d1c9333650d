"""Run every benchmark: ``python -m bench [--areas 43 | --quick] [--clock cpu] [--repeat 1]``.

Generates the national benchmark model in a temporary folder (43 areas: each area's own
2,000 activities scoped to it, a shared part of 200 activities, a format-2 scheme per area
with ~200 delegations and ~50 ladders), measures the libyaml floor and every figure in the
same run, and prints two tables: the figures, then issue 17's bars with their verdicts and
the command that reproduces them. ``--quick`` runs 5 areas (scaling at 1 and 5 areas,
peers on one area and side by side, the memory of the cold load only; without the figures
that are not bars: the other parsers, the load with the cache off) in about a minute.
``--clock cpu`` measures CPU time (this process's and its commands'), for a busy shared
machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

import opcc_model
from bench import checks, commands, loading, memory, parsers, rendering, scaling
from bench.bars import Bars
from bench.generate import generate
from bench.timing import Table, best, clock_name, use_clock

__all__ = ["main", "SCALES"]

SCALES = (1, 5, 15, 43)
"""Areas at which the cost per activity of load + check is measured (those ≤ ``--areas``)."""

PARTS = ("load", "parsers", "checks", "cli", "scaling", "memory", "render", "peers")


def _scaling(folder: str, args: argparse.Namespace, table: Table) -> dict[int, float]:
    """Load and check at 1, 5, 15 and 43 areas (those ≤ ``areas``): µs per activity of load + check.

    Each size is measured in its own process, warmed on the smallest model, in rounds: every
    size once a round (the order turned each round), each keeping its best of five rounds
    (two with ``--quick``); a smaller size is loaded and checked as many times as it takes
    to match the largest one's activities, so every measurement lasts about as long
    (:func:`bench.scaling.measure`).
    """
    sizes = [s for s in SCALES if s <= args.areas]
    roots: dict[int, str] = {}
    activities: dict[int, int] = {}
    for count in sizes:
        roots[count] = os.path.join(folder, f"scale-{count}" if count != args.areas else "model")  # the main model is that size
        made = generate(roots[count], areas=count, activities=args.activities, seed=args.seed, shared=args.shared)
        activities[count] = made["activities"]
    found = scaling.measure(roots, rounds=max(2 if args.quick else 5, args.repeat), clock=args.clock, activities=activities)
    figures = {count: found[count]["total"] for count in sizes}
    for count in sizes:
        table.add(f"scaling: load + check per activity, {count} areas ×{found[count]['turns']:.0f} (load "
                  f"{found[count]['load']:.0f}, check {found[count]['check']:.0f}; median {found[count]['median']:.0f})",
                  figures[count], "µs", baseline=(f"{SCALES[0]} area", figures[SCALES[0]]))
    return figures


def _model(root: str, args: argparse.Namespace) -> dict[str, int]:
    return generate(root, areas=args.areas, activities=args.activities, seed=args.seed, shared=args.shared)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmarks, print the figures and the bars."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--quick", action="store_true", help="5 areas, peers on one area: about a minute")
    parser.add_argument("--activities", type=int, default=2000, help="each area's own activities")
    parser.add_argument("--shared", type=int, default=200, help="activities of the shared part (every area)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing (the best is kept)")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    parser.add_argument("--skip", action="append", default=[], choices=PARTS)
    parser.add_argument("--markdown", action="store_true", help="print the bars as a Markdown table too")
    args = parser.parse_args(argv)
    if args.quick:
        args.areas = min(args.areas, 5)
    use_clock(args.clock)
    # the commands run as on a user's machine, their bytecode cached: the peers' was compiled when
    # pip installed them, and with PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes)
    # every opcc command would compile its modules again (~0.3 s a run)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    command = "python -m bench" + (" --quick" if args.quick else f" --areas {args.areas}" if args.areas != 43 else "")
    command += " --clock cpu" if args.clock == "cpu" else ""
    table, bars = Table(), Bars(command)
    skip = set(args.skip)
    with tempfile.TemporaryDirectory(prefix="opcc-bench-") as folder:
        root = os.path.join(folder, "model")
        counts = _model(root, args)
        activities = counts["activities"]
        print(f"model: {counts['areas']} areas, {activities:,} activities ({args.shared} shared), {counts['files']:,} "
              f"files, {counts['bytes'] / 1e6:.1f} MB of YAML; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f}; Python {sys.version.split()[0]}; {clock_name()} clock", flush=True)
        steady = args.repeat if args.quick else max(2, args.repeat)  # the yardstick and the loads: best of 2 (quick: 1)
        t_floor, _ = best(lambda: loading.floor(root), repeat=steady)  # the yardstick of every ratio
        table.add("YAML floor (CSafeLoader, GC paused)", t_floor, "s")
        t_cold = None
        if "load" not in skip:
            found = loading.run(root, table, repeat=steady, floor_seconds=t_floor, quick=args.quick)
            t_cold = found["cold"]
            bars.add("4", "warm load, nothing changed, ≤ 0.1× the floor", found["warm"] / t_floor, 0.1,
                     f"{found['warm']:.3f} s = {found['warm'] / t_floor:.3f}× floor")
            bars.add("4", "warm load, one file changed, ≤ 0.15× the floor", found["one"] / t_floor, 0.15,
                     f"{found['one']:.3f} s = {found['one'] / t_floor:.3f}× floor")
            _model(root, args)  # the load benchmark changed a file
        if "parsers" not in skip and t_cold is not None:
            fastest = None
            for name, parse in ({} if args.quick else parsers.available()).items():  # figures beside bar 3, not bars
                seconds, _ = best(lambda: parsers.parse_all(root, parse), repeat=args.repeat)
                table.add(f"parse: {name}", seconds, "s", baseline=("floor", t_floor))
                if name == "yaml-rs":
                    fastest = seconds
            bars.add("3", "cold load ≤ 3× the fastest parser we would trust (CSafeLoader: yaml-rs and rapidyaml "
                     "not fit, docs/performance.md)", t_cold / t_floor, 3.0, f"{t_cold / t_floor:.2f}× floor")
            if fastest:
                table.add("cold load against yaml-rs (not adopted)", t_cold, "s", baseline=("yaml-rs", fastest), bar=3.0)
        if "checks" not in skip:
            model = opcc_model.load(root)
            t_pass, t_check = checks.run(model, table, repeat=args.repeat, label=f" ({args.areas} areas)")
            bars.add("1", "all checks (queries.check) ≤ 2× the hand-written single pass (same findings)",
                     t_check / t_pass, 2.0, f"{t_check:.2f} s = {t_check / t_pass:.2f}× single pass")
            if t_cold:
                table.add(f"checks: queries.check ({args.areas} areas)", t_check, "s", baseline=("cold load", t_cold))
            del model
        if "cli" not in skip:
            cli = commands.cli_check(root, repeat=args.repeat)
            table.add("opcc check --format json, first run (cache filled)", cli["cold"], "s", baseline=("floor", t_floor))
            table.add("opcc check --format json, again (as users rerun it)", cli["warm"], "s", baseline=("floor", t_floor),
                      bar=1.3)
            bars.add("1", "opcc check --format json through the CLI ≤ 1.3× the floor (cache warm; first run beside)",
                     cli["warm"] / t_floor, 1.3, f"{cli['warm']:.2f} s = {cli['warm'] / t_floor:.2f}× floor "
                     f"(first run {cli['cold'] / t_floor:.2f}×)")
        if "scaling" not in skip:
            per = _scaling(folder, args, table)
            spread = max(per.values()) / min(per.values())
            bars.add("2", f"load + check per activity within 1.2× at {', '.join(map(str, per))} areas", spread, 1.2,
                     ", ".join(f"{v:.0f}" for v in per.values()) + f" µs: {spread:.2f}×")
        if "memory" not in skip:
            found = memory.run(root, activities, table, cold_only=args.quick)
            worst = found["cold load + graph"]
            bars.add("6", "peak RSS ≤ 5 KB per activity (cold load + graph)", worst / 5.0, 1.0, f"{worst:.2f} KB")
        if "render" not in skip:
            work = rendering.noop(table, repeat=1 if args.quick else 3)
            bars.add("5", "opcc render, nothing changed: ≤ 0.2 s of work beyond start-up", work["render"] / 0.2, 1.0,
                     f"{work['render']:.3f} s (CPU)")
            bars.add("5", "opcc site, nothing changed: ≤ 0.2 s of work beyond start-up", work["site"] / 0.2, 1.0,
                     f"{work['site']:.3f} s (CPU)")
        if "peers" not in skip:
            areas = 1 if args.quick else min(args.areas, 5)
            place = os.path.join(folder, "peers")
            generate(place, areas=areas, activities=args.activities, seed=args.seed, shared=args.shared)
            t_validate = commands.cli_validate(place, repeat=max(3, args.repeat))  # ~1 s a run: the best of 3
            table.add(f"opcc validate, cache off ({areas} area{'s' if areas > 1 else ''})", t_validate, "s")
            for tool, seconds in commands.peers(place, side_by_side=args.quick).items():
                if seconds is None:
                    table.note(f"peer: {tool}", "skipped: not installed (pip install -e '.[bench]')")
                    bars.add("7", f"opcc validate ≤ 0.1× {tool}", None, 0.1, "not installed")
                    continue
                table.add(f"peer: {tool} ({areas} area{'s' if areas > 1 else ''})", seconds, "s")
                bars.add("7", f"opcc validate (cache off) ≤ 0.1× {tool}, same files", t_validate / seconds, 0.1,
                         f"{t_validate:.2f} s vs {seconds:.1f} s = {t_validate / seconds:.3f}×")
    print(table.render(), "\n")
    print(bars.render())
    if args.markdown:
        print("\n" + bars.markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
