"""PNG without the system Graphviz (the WebAssembly layout's SVG rasterised by resvg), lost edges as errors, notebook display."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import opcc_model
from opcc_model.errors import RenderUnavailable
from opcc_model.render import backend, parallel, raster
from opcc_model.render.bounds import diagram_size
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.dependencymap import dependency_map
from opcc_model.render.write import diagram_sources, write_diagrams

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def no_system_dot(monkeypatch):
    monkeypatch.setattr(backend.shutil, "which", lambda name: None)
    monkeypatch.delenv("OPCC_GRAPHVIZ", raising=False)


def test_reference_dependency_map_png_has_every_edge_of_its_dot(tmp_path: Path, monkeypatch, no_system_dot) -> None:
    model = opcc_model.load(opcc_model.reference_root())
    seen: list[bytes] = []
    real = raster.rasterise

    def spy(svg: bytes, **kwargs) -> bytes:
        seen.append(svg)
        return real(svg, **kwargs)

    monkeypatch.setattr(raster, "rasterise", spy)
    monkeypatch.setattr(parallel, "WORKER_BYTES", 10**9)  # in-process, where the spy sees the SVG
    write_diagrams(model, tmp_path, fmt="png", only="dependencies", jobs=1)
    png = (tmp_path / "dependencies.png").read_bytes()
    assert png.startswith(PNG)
    nodes, edges = diagram_size(diagram_sources(model, only="dependencies")["dependencies"])
    assert edges > 50
    assert len(seen) == 1 and seen[0].count(b'class="edge"') == edges
    assert seen[0].count(b'class="node"') == nodes


def test_png_of_every_diagram_without_system_dot(tmp_path: Path, no_system_dot) -> None:
    model = opcc_model.load(opcc_model.example_root("process-maps"))
    result = write_diagrams(model, tmp_path, fmt="png")
    assert result.written and all((tmp_path / name).read_bytes().startswith(PNG) for name in result.written)


def test_labels_are_drawn_whatever_fonts_the_svg_names() -> None:
    import struct
    import zlib

    def ink(png: bytes) -> int:
        pos, data = 8, b""
        while pos < len(png):
            (length,) = struct.unpack(">I", png[pos : pos + 4])
            if png[pos + 4 : pos + 8] == b"IDAT":
                data += png[pos + 8 : pos + 8 + length]
            pos += 12 + length
        return sum(1 for b in zlib.decompress(data) if 0 < b < 200)

    svg = backend.layout('digraph { a [label="Some label text" shape=none fontname="Times"] }', "svg", backend="wasm")
    assert ink(raster.rasterise(svg)) > 5 * ink(raster.rasterise(svg.replace(b"Some label text", b"")))


def test_pdf_needs_the_system_dot(no_system_dot) -> None:
    with pytest.raises(RenderUnavailable, match="PDF output needs"):
        backend.choose_backend("pdf")


def test_a_lost_edge_from_the_system_dot_is_an_error(monkeypatch) -> None:
    def lossy(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, stdout=PNG, stderr=b"Error: lost activity.a activity.b edge\n")

    monkeypatch.setattr(backend.shutil, "which", lambda name: "/usr/bin/dot")
    monkeypatch.setattr(backend.subprocess, "run", lossy)
    with pytest.raises(RenderUnavailable, match="lost part of the graph"):
        backend.layout("digraph { a -> b }", "png", backend="system")


@pytest.mark.parametrize("kind", ["boundary", "dependency", "plan", "process"])
def test_every_diagram_displays_in_a_notebook_without_system_dot(kind: str, no_system_dot) -> None:
    from opcc_model.plan import load_plans
    from opcc_model.plan.diagram import plan_diagram
    from opcc_model.render.processmap import process_map

    root = opcc_model.reference_root()
    model = opcc_model.load(root)
    graph = {
        "boundary": lambda: boundary_map(model, model.boundaries[0].area),
        "dependency": lambda: dependency_map(model, stage=model.stages[0].id),
        "plan": lambda: plan_diagram(model, load_plans(root, model)[0]),
        "process": lambda: process_map(model, model.processes[0].id),
    }[kind]()
    bundle = graph._repr_mimebundle_()
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
