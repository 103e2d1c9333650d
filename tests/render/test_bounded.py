"""Bounded rendering: large dependency maps drawn summarised, a layout timeout per diagram, Ctrl-C that stops at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import opcc_model
from opcc_model.errors import RenderUnavailable
from opcc_model.render.bounds import diagram_limit, diagram_size
from opcc_model.render.diagrams import bounded_dependency_map, dependency_map_size
from opcc_model.render.manifest import read_manifest
from opcc_model.render.summary import dependency_summary
from opcc_model.render.write import write_sources

ROOT = opcc_model.example_root("process-maps")


def hard_dot(nodes: int = 400, edges: int = 4000, seed: int = 1) -> str:
    """A graph that takes Graphviz's dot minutes to lay out: many crossing edges between clusters."""
    rng = random.Random(seed)
    lines = ["digraph hard {"]
    for cluster in range(nodes // 10):
        lines.append(f"subgraph cluster_{cluster} {{ " + " ".join(f"n{cluster * 10 + i};" for i in range(10)) + " }")
    lines += [f"n{rng.randrange(nodes)} -> n{rng.randrange(nodes)} [label=e{i}];" for i in range(edges)]
    return "\n".join(lines) + "\n" + "# padding to go to a worker\n" * 3000 + "}\n"


def test_a_map_over_the_limit_is_summarised_with_what_it_hides(monkeypatch) -> None:
    model = opcc_model.load(ROOT)
    stage = model.stages[1].id
    whole = dependency_map_size(model, stage=stage)
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", str(whole - 1))
    graph = bounded_dependency_map(model, stage=stage)
    assert "summarised" in graph.source
    nodes, edges = diagram_size(graph.source)
    assert nodes + edges <= diagram_limit()
    _, rows = dependency_summary(model, stage=stage)
    in_stage = [a for p in model.processes if p.stage == stage for a in p.activities]
    assert sum(r.activities for r in rows) >= len(in_stage)
    for row in rows:  # each box links to the map that shows what it hides
        assert f'URL="process-{row.process}.svg"' in graph.source
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", str(whole))
    assert "summarised" not in bounded_dependency_map(model, stage=stage).source


def test_a_timed_out_layout_fails_alone_and_the_others_are_cached(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OPCC_LAYOUT_TIMEOUT", "2")
    small = "digraph { a -> b }\n" + "# padding to go to a worker\n" * 3000
    with pytest.raises(RenderUnavailable) as caught:
        write_sources({"hard": hard_dot(), "small": small, "tiny": "digraph { c }"}, tmp_path, jobs=2)
    message = str(caught.value)
    assert "hard: the layout took longer than 2 s" in message and "OPCC_LAYOUT_TIMEOUT" in message
    assert "small" not in message and "tiny" not in message
    assert (tmp_path / "small.svg").is_file() and (tmp_path / "tiny.svg").is_file()
    assert not (tmp_path / "hard.svg").exists()
    owned = read_manifest(tmp_path).files
    assert owned["small.svg"].sha256 and owned["tiny.svg"].sha256 and not owned.get("hard.svg", None)


def test_ctrl_c_stops_a_render_leaving_no_debris(tmp_path: Path) -> None:
    out = tmp_path / "out"
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_bounded import hard_dot
        from opcc_model.cli import main
        from opcc_model.render.write import write_sources
        try:
            write_sources({{"hard": hard_dot(), "tiny": "digraph {{ c }}"}}, {str(out)!r}, jobs=1)
        except KeyboardInterrupt:
            sys.exit(130)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "OPCC_LAYOUT_TIMEOUT": "600"})
    deadline = time.monotonic() + 300
    while not (out / ".opcc-manifest.json").exists():  # the run has begun: the layouts are under way
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    ours = subprocess.run(["pgrep", "-f", "opcc_model.render.workers"], capture_output=True, text=True).stdout.split()
    assert not [pid for pid in ours if Path(f"/proc/{pid}/status").exists() and f"PPid:\t{process.pid}\n" in Path(f"/proc/{pid}/status").read_text()]


def test_the_3_areas_by_500_activities_model_renders_bounded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OPCC_LAYOUT_TIMEOUT", "3600")  # bounded by size; a loaded machine may take minutes of wall time
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.generate import generate
    from opcc_model.render.write import diagram_sources, write_diagrams

    generate(tmp_path / "model", areas=3, activities=500, seed=1)
    model = opcc_model.load(tmp_path / "model")
    sources = diagram_sources(model)
    for name, source in sources.items():
        if name.startswith(("stage-", "dependencies")):
            nodes, edges = diagram_size(source)
            assert nodes + edges <= diagram_limit(), name
    result = write_diagrams(model, tmp_path / "out")
    assert len(result.written) == len(sources)
