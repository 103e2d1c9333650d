"""Other YAML parsers on the same files: their speed against the floor, and whether they read what opcc reads.

``python -m bench.parsers [--model DIR]`` times yaml-rs (``yaml_rs.loads``: Python values) and
rapidyaml (``ryml.parse_in_arena``: a C++ tree, no Python values) on every file of the model,
the collector paused like the floor, then reads a list of documents that tell YAML 1.1 from
YAML 1.2 and a safe parser from an unsafe one, with opcc's own parser (``yamlsource.parse_text``)
and with yaml-rs, and prints where they differ. Both parsers are bench-only dependencies
(``pip install -e '.[bench]'``); without them the figures are skipped.

>>> rows = semantics()
>>> rows["yes"][0]
'True'
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import Any

from opcc_model.loader import model_files
from opcc_model.yamlsource import paused_gc

__all__ = ["PROBES", "available", "parse_all", "semantics", "main"]

PROBES: dict[str, str] = {
    "yes": "v: yes\n",
    "on": "v: on\n",
    "octal 0755": "v: 0755\n",
    "1e3": "v: 1e3\n",
    "date": "v: 2025-03-31\n",
    "quoted date": "v: '2025-03-31'\n",
    "float 15000.0": "v: 15000.0\n",
    "sexagesimal 1:30": "v: 1:30\n",
    "unknown tag": "v: !x 1\n",
    "python tag": "v: !!python/object/apply:os.system ['true']\n",
    "duplicate key": "v: 1\nv: 2\n",
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
}
"""Documents on which YAML 1.1 (PyYAML, opcc) and YAML 1.2 core (yaml-rs) or a safe and an unsafe parser may differ."""


def available() -> dict[str, Callable[[bytes], Any]]:
    """The comparison parsers installed here, by name: each parses one file's bytes."""
    found: dict[str, Callable[[bytes], Any]] = {}
    try:
        import yaml_rs

        found["yaml-rs"] = lambda data: yaml_rs.loads(data.decode("utf-8"))
    except ImportError:
        pass
    try:
        import ryml

        found["rapidyaml (tree only)"] = lambda data: ryml.parse_in_arena(data)
    except ImportError:
        pass
    return found


def parse_all(root: str | os.PathLike[str], parse: Callable[[bytes], Any], /) -> int:
    """Parse every model file at ``root`` with ``parse`` (bytes in), the collector paused; return the file count.

    >>> import opcc_model, yaml
    >>> parse_all(opcc_model.example_root("minimal"), lambda b: yaml.safe_load(b))
    6
    """
    files = model_files(root)
    with paused_gc():
        for _, relative in files:
            with open(os.path.join(root, relative), "rb") as handle:
                parse(handle.read())
    return len(files)


def _outcome(parse: Callable[[str], Any], text: str) -> str:
    try:
        value = parse(text)
    except Exception as exc:  # noqa: BLE001 - any refusal is an outcome to show
        return f"refused ({type(exc).__name__})"
    value = value.get("v", value) if isinstance(value, dict) else value
    shown = repr(value) if not isinstance(value, dict) else f"{len(value)} keys"
    return shown if len(shown) < 40 else f"{type(value).__name__} of {len(str(value)):,} characters"


def semantics() -> dict[str, tuple[str, str]]:
    """For each probe, what opcc's parser and yaml-rs read (``"not installed"`` without yaml-rs)."""
    from opcc_model.yamlsource import parse_text

    def opcc(text: str) -> Any:
        return parse_text(text, "probe.yaml")

    theirs: Callable[[str], Any] | None
    try:
        import yaml_rs

        theirs = yaml_rs.loads
    except ImportError:
        theirs = None
    return {
        name: (_outcome(opcc, text), _outcome(theirs, text) if theirs else "not installed")
        for name, text in PROBES.items()
    }


def main(argv: list[str] | None = None) -> int:
    """Print the timings (with ``--model``) and the semantic differences."""
    from bench.loading import floor
    from bench.timing import Table, best

    parser = argparse.ArgumentParser(prog="python -m bench.parsers", description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a model folder to time the parsers on")
    args = parser.parse_args(argv)
    if args.model:
        table = Table()
        t_floor, _ = best(lambda: floor(args.model))
        table.add("YAML floor (CSafeLoader, GC paused)", t_floor, "s")
        for name, parse in available().items():
            seconds, _ = best(lambda: parse_all(args.model, parse))
            table.add(f"parse: {name}", seconds, "s", baseline=("floor", t_floor))
        print(table.render(), "\n")
    rows = semantics()
    width = max(len(k) for k in rows)
    print(f"{'document'.ljust(width)}  {'opcc (YAML 1.1, PyYAML safe)'.ljust(34)}  yaml-rs")
    for name, (ours, theirs) in rows.items():
        print(f"{name.ljust(width)}  {ours.ljust(34)}  {theirs}{'' if ours == theirs else '   <- differs'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
