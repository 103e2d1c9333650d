"""The curated public API: every exported name resolves, and the README's example runs."""

from __future__ import annotations

import re
from pathlib import Path

import opcc_model


def test_every_exported_name_resolves() -> None:
    for name in opcc_model.__all__:
        assert getattr(opcc_model, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        opcc_model.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_the_readme_python_example_runs(capsys, monkeypatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block, "README has a Python example"
    monkeypatch.chdir(Path(__file__).parent.parent)
    exec(compile(block.group(1), "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "OPCC-G105" in out  # an open warning is printed
    assert "OPCC-O104" not in out and "(1.2.2.3)" not in out  # waived warnings are not
    assert "site-packages" not in out and "/processes/" not in out.split("\n", 2)[1]  # relative to the model root
