"""``opcc serve``: the site of a model, rebuilt as its files change and reloaded in the open browser page.

>>> import opcc_model, tempfile
>>> rebuild(opcc_model.example_root("minimal"), tempfile.mkdtemp(), diagrams=False).ok
True
"""

from opcc_model.serve.build import Rebuild, rebuild
from opcc_model.serve.http import LiveState, error_page, inject, make_server
from opcc_model.serve.live import serve, watched

__all__ = ["LiveState", "Rebuild", "error_page", "inject", "make_server", "rebuild", "serve", "watched"]
