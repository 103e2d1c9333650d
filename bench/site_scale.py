"""``opcc site`` of a generated model of national size: wall and CPU time, peak memory, the largest dependency map.

``nice -n 19 python -m bench.site_scale --areas 43 --activities 2000`` generates the
benchmark model (:mod:`bench.generate`), builds its site through the CLI as users run it, and
prints the figures beside issue 15's bars: total ≤ 10 minutes on 2 cores, peak memory
≤ 2 GB, no dependency map (nor the value chain) over the size limit laid out whole. Then it builds again with
nothing changed (the no-op stamp).
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


def _run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and return code of ``argv`` (CPU of it and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.run(argv, capture_output=True).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), code


def measure(areas: int, activities: int) -> dict[str, object]:
    """Generate, build the site cold, then again with nothing changed; return the figures."""
    from bench.generate import generate
    from opcc_model.render.bounds import diagram_limit

    folder = Path(tempfile.mkdtemp(prefix="opcc-site-scale-"))
    generate(folder / "model", areas=areas, activities=activities, seed=1)
    argv = [sys.executable, "-m", "opcc_model", "site", str(folder / "model"), "--out", str(folder / "site")]
    env_cache = {"OPCC_CACHE_DIR": str(folder / "cache")}
    os.environ.update(env_cache)
    old = time.time() - 3600  # inputs older than the racy window, so the no-op stamp is recorded
    for path in (folder / "model").rglob("*"):
        os.utime(path, (old, old))
    wall, cpu, code = _run(argv)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    again_wall, again_cpu, _ = _run(argv)
    largest = 0
    for svg in [*(folder / "site").glob("stage-*.svg"), folder / "site" / "dependencies.svg", folder / "site" / "value-chain.svg"]:
        if svg.is_file():
            text = svg.read_text(encoding="utf-8")
            largest = max(largest, len(re.findall(r'class="(?:node|edge)"', text)))
    files = sum(1 for _ in (folder / "site").rglob("*"))
    return {
        "areas": areas, "activities": areas * activities, "exit": code, "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1), "peak_mb": round(peak_mb), "largest_map": largest, "limit": diagram_limit(),
        "files": files, "noop_wall_s": round(again_wall, 2), "noop_cpu_s": round(again_cpu, 2), "folder": str(folder),
    }


def main(argv: list[str] | None = None) -> None:
    """Print the figures and the verdicts against issue 15's bars."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--activities", type=int, default=2000)
    args = parser.parse_args(argv)
    row = measure(args.areas, args.activities)
    for key, value in row.items():
        print(f"{key:>14}: {value}")
    print(f"{'verdicts':>14}: total ≤ 600 s wall: {'pass' if float(row['wall_s']) <= 600 else 'FAIL'}; "
          f"peak ≤ 2048 MB: {'pass' if float(row['peak_mb']) <= 2048 else 'FAIL'}; "
          f"largest dependency map or value chain ≤ limit: {'pass' if int(row['largest_map']) <= int(row['limit']) else 'FAIL'}")


if __name__ == "__main__":
    main()
