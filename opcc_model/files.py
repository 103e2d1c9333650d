"""The document types: one pydantic type per kind of YAML file a user writes.

The JSON Schemas of the YAML files come from these types (:mod:`opcc_model.schema`).

>>> sorted(FILE_KINDS)
['artifacts', 'boundary', 'duties', 'glossary', 'instruments', 'process', 'roles', 'transitions', 'value-chain']
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from opcc_model.law import Duty, Instrument, TransitionRule
from opcc_model.model import Artifact, Boundary, PagCode, Process, Role, Slug, Stage

__all__ = [
    "ValueChainFile",
    "RolesFile",
    "ArtifactsFile",
    "GlossaryFile",
    "InstrumentsFile",
    "DutiesFile",
    "TransitionsFile",
    "FILE_KINDS",
]


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class ValueChainFile(_File):
    """``processes/value-chain.yaml``: the mandate, the stages in order, the outcomes."""

    mandate: Slug
    """The artifact the value chain starts from (an artifact id), such as the commissioner's mandate."""
    outcomes: tuple[Slug, ...] = ()
    """The artifacts the value chain delivers (artifact ids)."""
    stages: tuple[Stage, ...]
    """The stages of the value chain, in order, then any supporting stages."""


class RolesFile(_File):
    """``processes/roles.yaml``: every role, each on its side."""

    roles: tuple[Role, ...]
    """Every role, each on its side of the boundary."""


class ArtifactsFile(_File):
    """``processes/artifacts.yaml``: every artifact any activity uses."""

    artifacts: tuple[Artifact, ...]
    """Every artifact that activities produce or consume."""


class GlossaryFile(_File):
    """``pag/glossary.yaml``: the glossary codes, open (the shipped reference glossary) or a licensed PAG.

    >>> GlossaryFile.model_validate({"provenance": "licensed", "codes": [{"code": "1", "name": "G"}]}).codes[0].provenance
    'licensed'
    >>> GlossaryFile.model_validate({"codes": [{"code": "1", "name": "G"}]}).codes[0].provenance
    'open'
    """

    provenance: Literal["open", "licensed"] = "open"
    """open (the shipped open reference glossary) or licensed (a licensed PAG): the default provenance of every code."""
    """Where the file's codes come from: ``open`` (the default: an open glossary in PAG's
    format, never presented as the licensed PAG) or ``licensed`` (a licensed Police Activities
    Glossary). Every code takes it unless it says otherwise."""
    codes: tuple[PagCode, ...]
    """The glossary codes, parents before children."""
    """The codes, parents before or after children (every parent must exist)."""

    @model_validator(mode="before")
    @classmethod
    def _codes_take_the_file_provenance(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("codes"), (list, tuple)):
            given = data.get("provenance", "open")
            data = {
                **data,
                "codes": [
                    {"provenance": given, **c} if isinstance(c, dict) and "provenance" not in c else c
                    for c in data["codes"]
                ],
            }
        return data


class InstrumentsFile(_File):
    """``law/instruments.yaml`` (optional): the instruments the model cites, with their dates."""

    instruments: tuple[Instrument, ...]
    """The instruments (Acts, orders, regulations, schemes) that bases cite, with their dates."""


class DutiesFile(_File):
    """``law/duties.yaml`` (optional): the statutory duties the model must deliver."""

    duties: tuple[Duty, ...]
    """The statutory duties the model records, each with its holder and basis."""


class TransitionsFile(_File):
    """``law/transitions.yaml`` (optional): what lapses, continues or must be re-made when the office holder changes."""

    transitions: tuple[TransitionRule, ...]
    """The rules: after an election (law, read) and in the 2028 transfer (assumptions until the law is made)."""


FILE_KINDS: dict[str, type[BaseModel]] = {
    "value-chain": ValueChainFile,
    "roles": RolesFile,
    "artifacts": ArtifactsFile,
    "glossary": GlossaryFile,
    "process": Process,
    "boundary": Boundary,
    "instruments": InstrumentsFile,
    "duties": DutiesFile,
    "transitions": TransitionsFile,
}
"""Each kind of YAML file, by the name its JSON Schema file takes."""
