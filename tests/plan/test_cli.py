"""``opcc plan check`` and ``opcc plan render``, run in-process."""

from __future__ import annotations

import json

from opcc_model.cli import main

from .conftest import FIXTURE


def test_check_clean_plan_exits_0(capsys):
    assert main(["plan", "check", str(FIXTURE)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 plan: no findings" in err


def test_check_reports_findings_as_text_json_and_github(write_plan, model_root, clean_plan, capsys):
    del clean_plan["s7"]["grants"]
    clean_plan["scrutiny_pillars"].append({"id": "communities", "name": "Working with communities"})
    path = write_plan(clean_plan)
    assert main(["plan", "check", str(model_root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{model_root.as_posix()}/plans/clean-plan.yaml:")
    assert lines[0].endswith("(OPCC-P101)") and "[error]" in lines[0]
    assert lines[1].endswith("(OPCC-P105)") and "[warning]" in lines[1]

    assert main(["plan", "check", str(model_root), "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in records] == ["OPCC-P101", "OPCC-P105"]
    assert set(records[0]) >= {"code", "severity", "subject", "message", "location", "area", "waived"}
    assert records[1]["subject"] == ["clean-plan", "communities"]

    assert main(["plan", "check", str(model_root), "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(f"::error file={path.as_posix()},line=")


def test_fail_on_thresholds(write_plan, model_root, clean_plan, capsys):
    clean_plan["scrutiny_pillars"].append({"id": "communities", "name": "Working with communities"})
    write_plan(clean_plan)
    assert main(["plan", "check", str(model_root)]) == 0
    assert main(["plan", "check", str(model_root), "--fail-on", "warning"]) == 1
    assert main(["plan", "check", str(model_root), "--fail-on", "never"]) == 0
    capsys.readouterr()


def test_bad_plan_exits_2_with_located_message_and_writes_nothing(write_plan, model_root, clean_plan, tmp_path, capsys):
    clean_plan["vision"]["colour"] = "blue"
    write_plan(clean_plan)
    out_dir = tmp_path / "out"
    assert main(["plan", "check", str(model_root)]) == 2
    assert main(["plan", "render", str(model_root), "--out", str(out_dir)]) == 2
    err = capsys.readouterr().err
    assert "clean-plan.yaml:" in err and "unknown key 'colour'" in err and "Traceback" not in err
    assert "the plans were not loaded" in err
    assert not out_dir.exists()


def test_missing_action_or_model_is_misuse(tmp_path, capsys):
    assert main(["plan"]) == 2
    assert main(["plan", "check", str(tmp_path / "nowhere")]) == 2
    capsys.readouterr()


def test_render_writes_deterministic_svg_and_dot(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert main(["plan", "render", str(FIXTURE), "--out", str(out)]) == 0
        assert main(["plan", "render", str(FIXTURE), "--out", str(out), "--format", "dot"]) == 0
    for name in ("clean-plan.svg", "clean-plan.dot"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert b"<svg" in (first / "clean-plan.svg").read_bytes()
    assert (first / "clean-plan.dot").read_text(encoding="utf-8").startswith('digraph "plan__clean-plan" {')
    assert "wrote" in capsys.readouterr().err
