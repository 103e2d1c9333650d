"""Area-scoped processes: an area's own process counts in that area's findings and in no other area's."""

from __future__ import annotations

import shutil
from pathlib import Path

import opcc_model
from opcc_model.cli import main
from opcc_model.render.site.raci import raci_rows

LOCAL = """# yaml-language-server: $schema=../../schemas/process.schema.json
id: england-settlement-tiers
name: Settlement tiers (England example only)
stage: {stage}
areas: [{area}]
activities:
  - {{id: agree-settlement-locally, name: Agree a settlement locally, accountable: pcc, pag: ["2.1"]}}
"""


def _with_local_process(tmp_path: Path, area: str) -> Path:
    root = tmp_path / "model"
    for part in ("processes", "pag", "law"):
        if (Path(opcc_model.reference_root()) / part).is_dir():
            shutil.copytree(Path(opcc_model.reference_root()) / part, root / part)
    stage = opcc_model.load(opcc_model.reference_root()).stages[0].id
    (root / "processes" / stage / "england-settlement-tiers.yaml").write_text(LOCAL.format(stage=stage, area=area), encoding="utf-8")
    return root


def test_an_area_scoped_process_fires_in_its_area_only(tmp_path: Path) -> None:
    model = opcc_model.load(_with_local_process(tmp_path, "example-england"))
    found = opcc_model.check(model)
    areas = {f.area for f in found if "agree-settlement-locally" in f.subject and f.code == "OPCC-O103"}
    assert areas == {"example-england"}  # the chief constable holds 2.1 everywhere, but only England has the process
    assert any(r.activity.id == "agree-settlement-locally" for r in raci_rows(model, area="example-england"))
    assert not any(r.activity.id == "agree-settlement-locally" for r in raci_rows(model, area="example-wales"))


def test_an_unknown_area_on_a_process_is_a_located_error(tmp_path: Path, capsys) -> None:
    root = _with_local_process(tmp_path, "atlantis")
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "england-settlement-tiers.yaml:" in err and "found 'atlantis'" in err
