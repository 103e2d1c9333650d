"""opcc render and write_diagrams: determinism, the content-hash cache, atomic writes, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import RenderUnavailable
from opcc_model.render import write
from opcc_model.render.manifest import MANIFEST
from opcc_model.render.write import write_diagrams

ROOT = opcc_model.example_root("process-maps")


class CountingLayout:
    def __init__(self, real):
        self.real, self.calls = real, []

    def __call__(self, source: str, fmt: str, *, backend: str | None = None) -> bytes:
        self.calls.append(source.splitlines()[0])
        return self.real(source, fmt, backend=backend)


@pytest.fixture
def counting(monkeypatch) -> CountingLayout:
    spy = CountingLayout(write.layout)
    monkeypatch.setattr(write, "layout", spy)
    return spy


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_rendering_twice_gives_byte_identical_files(model, tmp_path: Path) -> None:
    write_diagrams(model, tmp_path / "a", jobs=2)
    write_diagrams(opcc_model.load(ROOT), tmp_path / "b", jobs=1)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_second_render_runs_no_layout(model, tmp_path: Path, counting: CountingLayout) -> None:
    first = write_diagrams(model, tmp_path)
    assert len(counting.calls) == len(first.written) > 0
    second = write_diagrams(model, tmp_path)
    assert len(counting.calls) == len(first.written)
    assert second.written == () and len(second.unchanged) == len(first.written)


def test_changing_one_process_rerenders_only_its_map(model, tmp_path: Path, counting: CountingLayout) -> None:
    write_diagrams(model, tmp_path)
    before = len(counting.calls)
    changed = model.model_copy(
        update={"processes": tuple(p.model_copy(update={"guidance": "New guidance."}) if p.id == "draft-the-plan" else p for p in model.processes)}
    )
    result = write_diagrams(changed, tmp_path)
    assert result.written == ("process-draft-the-plan.svg",)
    assert len(counting.calls) == before + 1


def test_a_deleted_output_is_rendered_again(model, tmp_path: Path) -> None:
    write_diagrams(model, tmp_path)
    (tmp_path / "value-chain.svg").unlink()
    assert write_diagrams(model, tmp_path).written == ("value-chain.svg",)


def test_failing_layout_leaves_no_partial_file(model, tmp_path: Path, monkeypatch) -> None:
    real = write.layout

    def flaky(source: str, fmt: str, *, backend: str | None = None) -> bytes:
        if "process-set-the-plan" in source.splitlines()[0]:
            raise RenderUnavailable("boom")
        return real(source, fmt, backend=backend)

    monkeypatch.setattr(write, "layout", flaky)
    with pytest.raises(RenderUnavailable, match="process-set-the-plan: boom"):
        write_diagrams(model, tmp_path, jobs=3)
    names = {p.name for p in tmp_path.iterdir()}
    assert "process-set-the-plan.svg" not in names
    assert "value-chain.svg" in names
    assert not [n for n in names if n.endswith(".tmp")]
    assert "process-set-the-plan" not in (tmp_path / MANIFEST).read_text()


def test_no_backend_writes_dot_and_says_so(model, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(write, "choose_backend", lambda fmt: (_ for _ in ()).throw(RenderUnavailable("no Graphviz")))
    result = write_diagrams(model, tmp_path)
    assert result.fallback and "DOT" in result.fallback
    assert (tmp_path / "value-chain.dot").read_text().startswith("digraph")


def test_mermaid_and_dot_formats(model, tmp_path: Path) -> None:
    write_diagrams(model, tmp_path, fmt="mermaid")
    assert sorted(p.name for p in tmp_path.glob("*.mmd")) == sorted(f"process-{p.id}.mmd" for p in model.processes)
    write_diagrams(model, tmp_path, fmt="dot", only="set-the-plan")
    assert [p.name for p in tmp_path.glob("*.dot")] == ["process-set-the-plan.dot"]


@pytest.mark.parametrize(
    "argv, status",
    [
        (["render", "/no/such/model", "--out", "{tmp}"], 2),
        (["render", str(ROOT), "--out", "{tmp}", "--only", "nothing-like-this"], 2),
        (["render", str(ROOT), "--out", "{tmp}", "--format", "gif"], 2),
        (["render", str(ROOT), "--out", "{tmp}", "-j", "0"], 2),
        (["render", str(ROOT), "--out", "{tmp}", "--format", "dot"], 0),
        (["render", str(ROOT), "--out", "{tmp}", "--only", "example-area"], 0),
    ],
)
def test_cli_exit_codes(argv: list[str], status: int, tmp_path: Path, capsys) -> None:
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == status
    assert "Traceback" not in capsys.readouterr().err


def test_cli_png_with_system_dot(tmp_path: Path) -> None:
    import shutil

    if not shutil.which("dot"):
        pytest.skip("the system Graphviz 'dot' is not installed")
    assert main(["render", str(ROOT), "--out", str(tmp_path), "--format", "png", "--only", "value-chain"]) == 0
    assert (tmp_path / "value-chain.png").read_bytes().startswith(b"\x89PNG")


def test_clean_removes_only_diagrams_it_wrote(model, tmp_path: Path) -> None:
    from opcc_model.render.write import write_sources

    write_sources({"process-gone": "digraph { a }"}, tmp_path, fmt="dot")  # a diagram the model no longer has
    (tmp_path / "process-mine.dot").write_text("digraph { mine }")  # the user's own file, same naming
    write_diagrams(model, tmp_path, fmt="dot")
    assert (tmp_path / "process-gone.dot").is_file()  # kept without --clean
    result = write_diagrams(model, tmp_path, fmt="dot", clean=True)
    assert result.removed == ("process-gone.dot",)
    assert not (tmp_path / "process-gone.dot").exists()
    assert (tmp_path / "process-mine.dot").read_text() == "digraph { mine }"


def test_check_exits_1_listing_stale_missing_and_orphans(model, tmp_path: Path, capsys) -> None:
    from opcc_model.render.write import write_sources

    argv = ["render", str(ROOT), "--out", str(tmp_path), "--format", "dot"]
    assert main([*argv, "--check"]) == 1
    assert "missing: value-chain.dot" in capsys.readouterr().out
    assert main(argv) == 0
    assert main([*argv, "--check"]) == 0
    write_sources({"process-gone": "digraph { a }"}, tmp_path, fmt="dot")
    (tmp_path / "value-chain.dot").write_text("digraph { edited }")
    (tmp_path / "stage-develop.dot").unlink()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main([*argv, "--check"]) == 1
    out = capsys.readouterr().out
    assert "stale: value-chain.dot" in out and "missing: stage-develop.dot" in out and "orphan: process-gone.dot" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # --check writes nothing
    assert main([*argv, "--clean"]) == 0
    assert main([*argv, "--check"]) == 0
