"""A real ``opcc lsp`` process driven by pytest-lsp's client, on a copy of a model in a temporary folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="pygls is not installed (pip install 'opcc-model[lsp]')")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed (a test-only dependency)")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

import opcc_model  # noqa: E402

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "opcc_model", "lsp"])


def copy_model(destination: Path) -> Path:
    """A copy of the reference model's files (processes, pag, plans, opcc.toml)."""
    source = Path(opcc_model.reference_root())
    for name in ("processes", "pag", "plans"):
        if (source / name).is_dir():
            shutil.copytree(source / name, destination / name)
    if (source / "opcc.toml").is_file():
        shutil.copy(source / "opcc.toml", destination / "opcc.toml")
    return destination


@pytest.fixture()
def model_root(tmp_path: Path) -> Path:
    return copy_model(tmp_path / "model")


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, model_root: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=model_root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=model_root.as_uri(), name="model")],
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()
