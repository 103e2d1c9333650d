"""The curated public API: a static ``__all__``, every name resolves lazily, every return type is exported."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
import typing
from pathlib import Path

import opcc_model

INIT = Path(opcc_model.__file__)


def test_all_is_a_static_list_of_strings() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    assigned = [node for node in tree.body if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__"]
    assert len(assigned) == 1 and isinstance(assigned[0].value, ast.List)
    names = [ast.literal_eval(element) for element in assigned[0].value.elts]
    assert names == opcc_model.__all__ and len(set(names)) == len(names)


def test_every_exported_name_resolves_and_is_lazy() -> None:
    assert set(opcc_model.__all__) == set(opcc_model._LAZY) | {"__version__"}
    for name in opcc_model.__all__:
        assert getattr(opcc_model, name) is not None, name


def test_importing_the_package_imports_no_submodule() -> None:
    code = "import sys, opcc_model; print(sorted(m for m in sys.modules if m.startswith('opcc_model.')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_no_public_function_is_named_like_a_submodule() -> None:
    for package in ("opcc_model", "opcc_model.queries", "opcc_model.scenario", "opcc_model.plan", "opcc_model.render"):
        module = importlib.import_module(package)
        folder = Path(module.__file__).parent
        submodules = {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if callable(value) and not inspect.isclass(value):
                assert name not in submodules, f"{package}.{name} is both a function and a submodule"


def _classes(annotation: object) -> set[type]:
    if inspect.isclass(annotation) and not isinstance(annotation, typing.GenericAlias):
        return {annotation}
    return {c for arg in typing.get_args(annotation) for c in _classes(arg)}


def test_every_public_return_type_is_exported() -> None:
    exported = {id(getattr(opcc_model, name)) for name in opcc_model.__all__}
    for name in opcc_model.__all__:
        value = getattr(opcc_model, name)
        if not inspect.isfunction(value):
            continue
        returned = _classes(typing.get_type_hints(value).get("return"))
        for cls in returned:
            if cls.__module__.startswith("opcc_model"):
                assert id(cls) in exported, f"{name} returns {cls.__qualname__}, not importable from opcc_model"


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        opcc_model.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
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
