"""Bar 2: the cost per activity of load + check at 1, 5, 15 and 43 areas, each size in its own process.

``python -m bench.scaling [--clock cpu] [--warm DIR] ROOT`` loads and checks the model at
``ROOT`` once and prints one JSON line: ``{"activities": N, "load": s, "check": s}``. With
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
import subprocess
import sys
from collections.abc import Mapping

__all__ = ["measure", "measure_once", "main"]


def measure_once(root: str, *, warm: str | None = None) -> dict[str, float]:
    """Load and check the model at ``root`` (after ``warm``, if given) in this process: activities, load and check seconds.

    The check runs on a fresh copy of the loaded model (no memo of an earlier check).

    >>> import opcc_model
    >>> row = measure_once(opcc_model.example_root("minimal"))
    >>> row["activities"] > 0, row["load"] > 0, row["check"] >= 0
    (True, True, True)
    """
    import opcc_model
    from bench import checks
    from bench.timing import best

    if warm:
        warmed = opcc_model.load(warm)
        checks.check_all(warmed.model_copy())
        del warmed
        gc.collect()  # the warm-up's objects gone, and the collector's count with them, as in a new process
    t_load, model = best(lambda: opcc_model.load(root))
    fresh = model.model_copy()
    del model
    t_check, _ = best(lambda: checks.check_all(fresh))
    return {"activities": len(fresh.activities), "load": t_load, "check": t_check}


def measure(roots: Mapping[int, str], *, rounds: int = 3, clock: str = "wall") -> dict[int, dict[str, float]]:
    """Each size's best round (µs per activity of load + check, and of each part), every size once a round.

    The order turns each round, so a machine whose speed drifts during the minutes this
    takes shifts every size alike; each size keeps its best round, so one slow round does
    not decide the bar. Every measurement is a new process warmed on the smallest model.

    >>> import opcc_model
    >>> minimal = opcc_model.example_root("minimal")
    >>> found = measure({1: minimal, 2: minimal}, rounds=1)
    >>> sorted(found), found[1]["activities"] == found[2]["activities"] > 0
    ([1, 2], True)
    """
    sizes = sorted(roots)
    warm = roots[sizes[0]]
    found: dict[int, dict[str, float]] = {}
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_here(), os.environ.get("PYTHONPATH")])))
    for round_ in range(max(1, rounds)):
        for count in sizes[round_ % len(sizes):] + sizes[: round_ % len(sizes)]:
            argv = [sys.executable, "-m", "bench.scaling", "--clock", clock, "--warm", warm, roots[count]]
            done = subprocess.run(argv, env=environment, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
            row = json.loads(done.stdout.strip().splitlines()[-1])
            n = row["activities"]
            figures = {"total": (row["load"] + row["check"]) / n * 1e6, "load": row["load"] / n * 1e6,
                       "check": row["check"] / n * 1e6, "activities": n}
            if count not in found or figures["total"] < found[count]["total"]:
                found[count] = figures
    return found


def _here() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv: list[str] | None = None) -> int:
    """The command line: one measurement, printed as a JSON line."""
    from bench.timing import use_clock

    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--warm", help="a model to load and check first (the smallest)")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    args = parser.parse_args(argv)
    use_clock(args.clock)
    print(json.dumps(measure_once(args.root, warm=args.warm)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
