"""Where the bundled reference model and the examples are on disk."""

from __future__ import annotations

from pathlib import Path

__all__ = ["reference_root", "example_root"]

_PACKAGE = Path(__file__).resolve().parent


def reference_root() -> Path:
    """The folder of the bundled reference OPCC model (holding ``processes/`` and ``pag/``).

    In an installed wheel it is ``opcc_model/reference``; in a source checkout, the
    repository root.

    >>> (reference_root() / "processes").is_dir()
    True
    """
    installed = _PACKAGE / "reference"
    if (installed / "processes").is_dir():
        return installed
    return _PACKAGE.parent


def example_root(name: str) -> Path:
    """The folder of a small example model shipped under ``examples/`` (``opcc_model/reference/examples``
    in a wheel, beside the reference model, so the examples' schema modelines resolve there too).

    >>> example_root("minimal").name
    'minimal'
    """
    for base in (_PACKAGE / "reference" / "examples", _PACKAGE.parent / "examples"):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"no example model named {name!r}")
