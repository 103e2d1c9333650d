"""``opcc site`` of a generated model of national size: wall and CPU time, peak memory, the largest dependency map.

``nice -n 19 python -m bench.site_scale --areas 43 --activities 2000`` generates the
benchmark model (:mod:`bench.generate`), builds its site through the CLI as users run it, and
prints the figures beside issue 15's bars: total ≤ 10 minutes on 2 cores, peak memory
≤ 2 GB (of the command and its workers together, as proportional set size), no dependency map
(nor the value chain) over the size limit laid out whole; the largest SVG of any kind is
reported beside. The load average (1, 5, 15 minutes) at the start and end of the build says
how busy the machine was. Then it builds again with nothing changed (the no-op stamp).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["measure", "main"]


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux ``/proc``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return found


def _pss_kb(pids: list[int]) -> int:
    """The proportional set size of ``pids`` together, in KB (shared pages counted once in all)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def _run(argv: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, return code of ``argv`` (CPU of it and its workers), and the peak memory in KB.

    The peak is of the whole process tree together (the site's page and layout workers
    too), sampled every 0.5 s as proportional set size: ``ru_maxrss`` would give only the
    largest single process.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _pss_kb(_tree(process.pid)))
        time.sleep(0.5)
    code = process.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(peak, after.ru_maxrss)  # at least the largest single process (in case sampling missed the top)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), code, peak


def measure(areas: int, activities: int, jobs: int | None = None, model: Path | None = None) -> dict[str, object]:
    """Generate, build the site cold, then again with nothing changed; return the figures.

    ``jobs``: ``opcc site --jobs``; ``model``: a model generated before with the same sizes (not generated again).
    """
    from bench.generate import generate
    from opcc_model.render.bounds import diagram_limit

    folder = Path(tempfile.mkdtemp(prefix="opcc-site-scale-"))
    source = model or folder / "model"
    if model is None:
        generate(source, areas=areas, activities=activities, seed=1)
    argv = [sys.executable, "-m", "opcc_model", "site", str(source), "--out", str(folder / "site")]
    argv += ["--jobs", str(jobs)] if jobs else []
    env_cache = {"OPCC_CACHE_DIR": str(folder / "cache")}
    os.environ.update(env_cache)
    old = time.time() - 3600  # inputs older than the racy window, so the no-op stamp is recorded
    for path in source.rglob("*"):
        os.utime(path, (old, old))
    load_start = os.getloadavg()
    wall, cpu, code, peak_kb = _run(argv)
    load_end = os.getloadavg()
    again_wall, again_cpu, _, _ = _run(argv)
    largest, largest_any, largest_name = 0, 0, ""
    for svg in sorted((folder / "site").glob("*.svg")):
        size = len(re.findall(r'class="(?:node|edge)"', svg.read_text(encoding="utf-8")))
        if svg.name.startswith("stage-") or svg.name in ("dependencies.svg", "value-chain.svg"):
            largest = max(largest, size)
        if size > largest_any:
            largest_any, largest_name = size, svg.name
    files = sum(1 for _ in (folder / "site").rglob("*"))
    return {
        "areas": areas, "activities": areas * activities, "jobs": jobs or os.cpu_count(), "exit": code, "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1), "peak_mb": round(peak_kb / 1024), "largest_map": largest, "limit": diagram_limit(),
        "largest_svg": f"{largest_name} ({largest_any} nodes and edges)",
        "files": files, "noop_wall_s": round(again_wall, 2), "noop_cpu_s": round(again_cpu, 2),
        "load_start": " ".join(f"{x:.2f}" for x in load_start), "load_end": " ".join(f"{x:.2f}" for x in load_end),
        "folder": str(folder),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the figures and the verdicts against issue 15's bars."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=None, help="opcc site --jobs (default: its own, one per core)")
    parser.add_argument("--model", type=Path, default=None, help="a model generated before with these sizes (skips generating)")
    args = parser.parse_args(argv)
    row = measure(args.areas, args.activities, args.jobs, args.model)
    for key, value in row.items():
        print(f"{key:>14}: {value}")
    print(f"{'verdicts':>14}: total ≤ 600 s wall: {'pass' if float(row['wall_s']) <= 600 else 'FAIL'}; "
          f"peak ≤ 2048 MB: {'pass' if float(row['peak_mb']) <= 2048 else 'FAIL'}; "
          f"largest dependency map or value chain ≤ limit: {'pass' if int(row['largest_map']) <= int(row['limit']) else 'FAIL'}")


if __name__ == "__main__":
    main()
