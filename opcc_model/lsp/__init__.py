"""``opcc lsp``: a language server for the model's YAML: diagnostics, go-to, references, hover, completion, rename.

The protocol side needs pygls (``pip install 'opcc-model[lsp]'``); the rest is plain Python.

>>> import opcc_model
>>> space = Workspace(opcc_model.example_root("minimal"))
>>> len(space.index.occurrences(("role", "pcc"))) > 1
True
"""

from opcc_model.lsp.symbols import Occurrence, SymbolIndex
from opcc_model.lsp.workspace import Analysis, FileState, Workspace, file_kind

__all__ = ["Analysis", "FileState", "Occurrence", "SymbolIndex", "Workspace", "file_kind"]
