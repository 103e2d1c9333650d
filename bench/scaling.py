"""Bar 2: the cost per activity of load + check at 1, 5, 15 and 43 areas, each size in its own process.

``python -m bench.scaling [--clock cpu] [--warm DIR] [--turns K] ROOT`` loads and checks the
model at ``ROOT`` K times (default once) and prints one JSON line:
``{"activities": N, "turns": K, "load": s, "check": s}`` (the seconds summed over the turns). With
``--warm`` it first loads and checks the model at ``DIR`` (the smallest), so that what a
process pays once whatever the size (imports, the validators pydantic builds on first
use, compiled patterns) is not counted against the size measured; the warm-up's objects are
then collected (below).

:func:`measure` runs that for every size in rounds, each size in a new process, as a user's
``opcc check`` of that model would run: a process that has loaded and dropped other models
first (the bench's other parts load the 43-area model many times) measures its own history
as well — where its heap's free blocks lie, and the collector's count of what earlier loads
filed as old (:func:`opcc_model.yamlsource.long_lived`). The warm-up's objects are collected
before the measurement for the same reason: left, they made the 1-area check start with a
full collection that a new process's ``opcc check`` never runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Mapping

__all__ = ["measure", "measure_once", "main"]


def measure_once(root: str, *, warm: str | None = None, turns: int = 1) -> dict[str, float]:
    """Load and check the model at ``root`` ``turns`` times (after ``warm``, if given): activities, load and check seconds.

    Each check runs on a fresh copy of the model just loaded (no memo of an earlier check);
    the seconds are the sums over the turns. Every turn's model is kept until the end, so
    each load builds in memory nothing freed before, as a new process's load does (a load
    into the blocks an earlier model freed costs ~25% more); between turns, untimed, a full
    collection starts the collector's count again, as in a new process.

    >>> import opcc_model
    >>> row = measure_once(opcc_model.example_root("minimal"), turns=2)
    >>> row["activities"] > 0, row["turns"], row["load"] > 0, row["check"] >= 0
    (True, 2, True, True)
    """
    import opcc_model
    from bench import checks
    from bench.timing import best

    if warm:
        warmed = opcc_model.load(warm)
        checks.check_all(warmed.model_copy())
        del warmed
    kept = []
    t_load = t_check = 0.0
    activities = 0
    for _ in range(max(1, turns)):
        gc.collect()  # untimed: what the last turn (or the warm-up) left collected, and the collector's count with it
        seconds, model = best(lambda: opcc_model.load(root))
        t_load += seconds
        fresh = model.model_copy()
        seconds, findings = best(lambda: checks.check_all(fresh))
        t_check += seconds
        activities = len(fresh.activities)
        kept.append((model, fresh, findings))
    return {"activities": activities, "turns": max(1, turns), "load": t_load, "check": t_check}


def measure(roots: Mapping[int, str], *, rounds: int = 5, clock: str = "wall",
            activities: Mapping[int, int] | None = None) -> dict[int, dict[str, float]]:
    """Each size's best round (µs per activity of load + check, and of each part) and median round, every size once a round.

    Every measurement is a new process warmed on the smallest model. With ``activities``
    (each size's count), a smaller size is loaded and checked as many times as it takes to
    match the largest (1 area: 39 turns of 2,200 activities against one of 86,200), so every
    measurement lasts about as long: the shared host these figures come from changes speed
    from second to second, and the best of five 0.4-second measurements found a faster
    moment than the best of five 17-second ones (in one run of five rounds, 1-area loads took
    118–216 µs per activity, 43-area ones 132–187). The order turns each round, so a machine
    whose speed drifts during the minutes this takes shifts every size alike; each size keeps
    its best round (``total``, ``load`` and ``check`` from it), so one slow round does not
    decide the bar; ``median`` is printed beside.

    >>> import opcc_model
    >>> minimal = opcc_model.example_root("minimal")
    >>> found = measure({1: minimal, 2: minimal}, rounds=2, activities={1: 10, 2: 20})
    >>> sorted(found), found[1]["turns"], found[2]["turns"], found[1]["total"] <= found[1]["median"]
    ([1, 2], 2, 1, True)
    """
    sizes = sorted(roots)
    warm = roots[sizes[0]]
    most = max(activities.values()) if activities else 0
    rows: dict[int, list[dict[str, float]]] = {count: [] for count in sizes}
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # imports what this process does, as bench.memory
    for round_ in range(max(1, rounds)):
        for count in sizes[round_ % len(sizes):] + sizes[: round_ % len(sizes)]:
            turns = max(1, round(most / activities[count])) if activities else 1
            argv = [sys.executable, "-m", "bench.scaling", "--clock", clock, "--warm", warm, "--turns", str(turns),
                    roots[count]]
            done = subprocess.run(argv, env=environment, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
            row = json.loads(done.stdout.strip().splitlines()[-1])
            n = row["activities"] * row["turns"]
            rows[count].append({"total": (row["load"] + row["check"]) / n * 1e6, "load": row["load"] / n * 1e6,
                                "check": row["check"] / n * 1e6, "activities": row["activities"], "turns": row["turns"]})
    found: dict[int, dict[str, float]] = {}
    for count, measured in rows.items():
        found[count] = dict(min(measured, key=lambda r: r["total"]))
        found[count]["median"] = statistics.median(r["total"] for r in measured)
    return found


def main(argv: list[str] | None = None) -> int:
    """The command line: one measurement, printed as a JSON line."""
    from bench.timing import use_clock

    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--warm", help="a model to load and check first (the smallest)")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    parser.add_argument("--turns", type=int, default=1, help="load and check this many times (the sums are printed)")
    args = parser.parse_args(argv)
    use_clock(args.clock)
    print(json.dumps(measure_once(args.root, warm=args.warm, turns=args.turns)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
