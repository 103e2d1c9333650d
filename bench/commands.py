"""Commands as users run them: ``opcc check --format json``, ``opcc validate``, and the peer tools on the same files.

Each is a fresh process, timed by :func:`bench.timing.run_command` (wall, or CPU with
``--clock cpu``). The peers (check-jsonschema with the shipped schemas, yamllint) are
bench-only dependencies (``pip install -e '.[bench]'``); without them their rows are skipped.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import opcc_model
from bench.timing import run_command
from opcc_model.loader import model_files

__all__ = ["opcc_argv", "cli_check", "cli_validate", "peers"]


def opcc_argv() -> list[str]:
    """How to run ``opcc`` with this interpreter.

    >>> opcc_argv()[1:]
    ['-m', 'opcc_model']
    """
    return [sys.executable, "-m", "opcc_model"]


def cli_check(root: str, /, *, repeat: int = 1) -> dict[str, float]:
    """``opcc check ROOT --format json`` (JSON to a discarded stdout): cold (a new cache folder) and warm (the cache filled).

    The date is fixed so the two runs do the same work.
    """
    argv = [*opcc_argv(), "check", root, "--format", "json", "--fail-on", "never", "--date", "2026-01-31"]
    with tempfile.TemporaryDirectory(prefix="opcc-bench-cache-") as cache:
        env = {**os.environ, "OPCC_CACHE_DIR": cache}
        env.pop("OPCC_NO_CACHE", None)
        cold = run_command(argv, env=env)
        warm = run_command(argv, env=env, repeat=repeat)
    return {"cold": cold, "warm": warm}


def cli_validate(root: str, /, *, repeat: int = 1) -> float:
    """``opcc validate ROOT`` with the cache off (every file read, parsed and checked)."""
    env = {**os.environ, "OPCC_NO_CACHE": "1"}
    return run_command([*opcc_argv(), "validate", root], env=env, repeat=repeat, ok=(0, 1))


def _tool(name: str) -> str | None:
    return shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)


def peers(root: str, /, *, side_by_side: bool = False) -> dict[str, float | None]:
    """check-jsonschema (each kind of file against its shipped schema) and yamllint (relaxed) on the model's files.

    ``None`` for a tool that is not installed. ``side_by_side`` runs the two at the same time
    on a machine with two cores or more (``--quick``: half the wait; each tool is one process,
    though sharing the machine makes each a little slower, ~5-10%).
    """
    schemas = Path(opcc_model.reference_root(), "schemas")
    by_schema: dict[str, list[str]] = {}
    kinds = {"process": "process", "boundary": "boundary", "glossary": "glossary", "roles": "roles",
             "artifacts": "artifacts", "value-chain": "value-chain"}
    for kind, relative in model_files(root):
        schema = kinds.get(kind)
        if schema:
            by_schema.setdefault(str(schemas / f"{schema}.schema.json"), []).append(os.path.join(root, relative))
    checker, linter = _tool("check-jsonschema"), _tool("yamllint")
    every = [os.path.join(root, relative) for _, relative in model_files(root)]

    def schemas_checked() -> float | None:
        if not checker:
            return None
        return sum(run_command([checker, "--schemafile", schema, *files], ok=(0, 1)) for schema, files in sorted(by_schema.items()))

    def linted() -> float | None:
        return run_command([linter, "-d", "relaxed", *every], ok=(0, 1)) if linter else None

    if not side_by_side or (os.cpu_count() or 1) < 2:
        return {"check-jsonschema": schemas_checked(), "yamllint": linted()}
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.submit(schemas_checked), pool.submit(linted)
        return {"check-jsonschema": first.result(), "yamllint": second.result()}
