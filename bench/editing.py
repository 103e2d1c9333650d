"""Editing benchmarks: ``python -m bench.editing [--model DIR | --areas N] [--repeat 3]``.

1. ``opcc lsp``: the time from sending one process file's change to the server until every
   diagnostic of that change has arrived (a real server process over stdio, driven by
   pygls's client; a request sent after the change is answered only once they are), against
   a cold ``opcc check`` of the same model (a fresh process, no cache). Bar: ≤ 0.1×.
2. ``opcc serve``: one rebuild after a process file's edit (in process), against the first
   build; it counts the diagrams laid out against those the site has.

Without ``--model`` or ``--areas`` it measures the reference model; ``--areas N`` generates a
synthetic national-scale model of N areas (``bench.generate``) in a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import opcc_model
from bench.timing import Table, best

__all__ = ["main", "lsp_edit", "cold_check", "serve_edit"]


def cold_check(root: str, *, repeat: int) -> float:
    """The best wall time of ``opcc check ROOT`` in a fresh process without the cache."""
    env = {**os.environ, "OPCC_NO_CACHE": "1"}
    command = [sys.executable, "-m", "opcc_model", "check", root, "--fail-on", "never"]
    seconds, _ = best(lambda: subprocess.run(command, env=env, capture_output=True, check=True), repeat=repeat)
    return seconds


def _process_file(root: str) -> Path:
    return sorted(Path(root, "processes").glob("*/*.yaml"))[0]


async def _lsp_edit(root: str, repeat: int) -> tuple[float, float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("bench", "1")
    received: list[str] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        received.append(params.uri)

    await client.start_io(sys.executable, "-m", "opcc_model", "lsp")
    uri = Path(root).resolve().as_uri()
    started = time.perf_counter()
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=uri,
        workspace_folders=[types.WorkspaceFolder(uri=uri, name="model")]))
    client.initialized(types.InitializedParams())
    file = _process_file(root)
    doc = types.TextDocumentIdentifier(uri=file.resolve().as_uri())
    barrier = types.HoverParams(text_document=doc, position=types.Position(0, 0))
    text = file.read_text()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=doc.uri, language_id="yaml", version=1, text=text)))
    await client.text_document_hover_async(barrier)
    first = time.perf_counter() - started
    shortest = float("inf")
    for version in range(2, 2 + max(1, repeat)):
        edited = text.replace("\nname: ", f"\nname: Edit {version} ", 1)
        change = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc.uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)])
        start = time.perf_counter()
        client.text_document_did_change(change)
        await client.text_document_hover_async(barrier)
        shortest = min(shortest, time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, shortest


def lsp_edit(root: str, *, repeat: int) -> tuple[float, float]:
    """The time to the first diagnostics of ``opcc lsp`` (start-up) and the best time of one edit's diagnostics."""
    return asyncio.run(_lsp_edit(root, repeat))


def serve_edit(root: str) -> tuple[float, float, int, int]:
    """``opcc serve``'s first build and one rebuild after a process edit: seconds each, layouts, diagrams."""
    from opcc_model.render.site import diagrams as site_diagrams
    from opcc_model.serve import rebuild

    calls: list[Any] = []
    original = site_diagrams.layout

    def counted(*args: Any, **kwargs: Any) -> bytes:
        calls.append(args[0])
        return original(*args, **kwargs)

    site_diagrams.layout = counted  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="opcc-bench-serve-") as folder:
            copy = Path(folder, "model")
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", ".git", ".venv", "node_modules"))
            out = Path(folder, "site")
            start = time.perf_counter()
            assert rebuild(copy, out).ok
            first = time.perf_counter() - start
            diagrams = len(calls)
            calls.clear()
            file = _process_file(str(copy))
            file.write_text(file.read_text().replace("\nname: ", "\nname: Edited ", 1))
            start = time.perf_counter()
            assert rebuild(copy, out).ok
            return first, time.perf_counter() - start, len(calls), diagrams
    finally:
        site_diagrams.layout = original  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    """Run the editing benchmarks and print their table."""
    parser = argparse.ArgumentParser(prog="python -m bench.editing", description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a model folder (default: the reference model)")
    parser.add_argument("--areas", type=int, help="generate a synthetic model of this many areas instead")
    parser.add_argument("--activities", type=int, default=2000, help="activities per area (with --areas)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-serve", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="opcc-bench-edit-") as folder:
        root = args.model or str(opcc_model.reference_root())
        label = "reference model"
        if args.areas:
            from bench.generate import generate

            root = os.path.join(folder, "model")
            counts = generate(root, areas=args.areas, activities=args.activities, seed=1)
            label = f"{counts['areas']} areas, {counts['activities']:,} activities"
        table = Table()
        cold = cold_check(root, repeat=args.repeat)
        table.add(f"cold opcc check ({label})", cold, "s")
        start_up, edit = lsp_edit(root, repeat=args.repeat)
        table.add("opcc lsp: start-up to first diagnostics", start_up, "s", baseline=("cold check", cold))
        table.add("opcc lsp: one process edit to its diagnostics", edit, "s", baseline=("cold check", cold), bar=0.1)
        if not args.skip_serve:
            first, again, laid_out, diagrams = serve_edit(root)
            table.add("opcc serve: first build", first, "s")
            table.add(f"opcc serve: rebuild after one process edit ({laid_out} of {diagrams} diagrams laid out)",
                      again, "s", baseline=("first build", first))
        print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
