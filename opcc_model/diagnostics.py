"""Turning pydantic validation errors into plain messages: which key, what was expected, what was found.

>>> from opcc_model.model import Role
>>> from pydantic import ValidationError
>>> try:
...     Role.model_validate({"id": "pcc", "name": "PCC", "sidee": "commissioner"})
... except ValidationError as exc:
...     for path, message, on_key in describe(exc, Role):
...         print(path, "|", message)
('side',) | missing key 'side': expected one of 'commissioner', 'chief-constable', 'oversight', 'partner', 'public'
('sidee',) | unknown key 'sidee': did you mean 'side'? (expected one of: basis, description, id, name, principal, reports_to, side)
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from opcc_model.suggest import did_you_mean
from opcc_model.vocabulary import MAX_CODE_DEPTH

__all__ = ["describe", "path_text", "found_text"]

_PAG_FIELDS = {"pag", "code"}


def path_text(path: Sequence[str | int]) -> str:
    """Write a key path the way a user reads it.

    >>> path_text(("activities", 2, "pag", 0))
    'activities[2].pag[0]'
    >>> path_text(())
    'the document'
    """
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "the document"


def found_text(value: Any) -> str:
    """Describe a value found in YAML, briefly.

    >>> found_text(1.1), found_text(None), found_text([1, 2]), found_text("x" * 80)[:12]
    ('the number 1.1', 'nothing (null)', 'a list', "'xxxxxxxxxxx")
    """
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _model_at(root: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """The pydantic model type that holds the last key of ``path``."""
    current: type[BaseModel] = root
    for step in path[:-1]:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step)
        if field is None:
            return None
        nested = _inner_model(field.annotation)
        if nested is None:
            return None
        current = nested
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _expected_for(model: type[BaseModel] | None, key: str) -> str:
    if model is None or key not in model.model_fields:
        return "a value"
    annotation = model.model_fields[key].annotation
    literals = _literals(annotation)
    if literals:
        return "one of " + ", ".join(repr(v) for v in literals)
    return "a value"


def _literals(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        found = _literals(arg)
        if found:
            return found
    return ()


def _message(error: Any, root: type[BaseModel]) -> tuple[str, bool]:
    path = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    where = path_text(path)
    key = next((s for s in reversed(path) if isinstance(s, str)), "")
    if kind == "extra_forbidden":
        model = _model_at(root, path)
        valid = sorted(model.model_fields) if model else []
        hint = did_you_mean(str(path[-1]), valid)
        hint = f"{hint} " if hint else ""
        if not hint and value is None and " " in str(path[-1]):
            hint = "a comma inside an unquoted value in {...} starts a new key: quote the value? "
        return f"unknown key '{path[-1]}': {hint}(expected one of: {', '.join(valid)})", True
    if kind == "missing":
        return f"missing key '{path[-1]}': expected {_expected_for(_model_at(root, path), str(path[-1]))}", False
    if key in _PAG_FIELDS and isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f"{where}: a PAG code was read as the number {value!r}; quote it: \"{value!r}\" "
            "(unquoted, 1.10 and 1.1 are the same number)",
            False,
        )
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern:
            expected = "a lowercase id of letters, digits and hyphens (like 'police-and-crime-plan')"
        elif "1-9" in pattern and "OPCC" not in pattern:
            expected = f"a PAG code of dot-separated positive integers, at most {MAX_CODE_DEPTH} levels (like \"1.1.2.8\")"
        else:
            expected = f"text matching {pattern}"
        return f"{where}: expected {expected}, found {found_text(value)}", False
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{where}: expected one of {expected}, found {found_text(value)}", False
    if kind in ("string_type", "int_type", "bool_type", "tuple_type", "list_type", "model_type", "dict_type", "model_attributes_type"):
        expected = {
            "string_type": "text",
            "int_type": "a whole number",
            "bool_type": "true or false",
            "tuple_type": "a list",
            "list_type": "a list",
            "model_type": "a mapping",
            "dict_type": "a mapping",
            "model_attributes_type": "a mapping",
        }[kind]
        return f"{where}: expected {expected}, found {found_text(value)}", False
    if kind == "value_error":
        text = str(error.get("ctx", {}).get("error", error["msg"]))
        return (f"{where}: {text}" if path else text), False
    return f"{where}: {error['msg']} (found {found_text(value)})", False


def describe(exc: ValidationError, root: type[BaseModel]) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """Yield ``(path, message, points_at_key)`` for every error in ``exc``."""
    for error in exc.errors(include_url=False):
        message, on_key = _message(error, root)
        yield tuple(error["loc"]), message, on_key
