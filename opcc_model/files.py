"""The document types: one pydantic type per kind of YAML file a user writes.

The JSON Schemas of the YAML files come from these types (:mod:`opcc_model.schema`).

>>> sorted(FILE_KINDS)
['artifacts', 'boundary', 'duties', 'glossary', 'instruments', 'process', 'roles', 'value-chain']
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from opcc_model.law import Duty, Instrument
from opcc_model.model import Artifact, Boundary, PagCode, Process, Role, Slug, Stage

__all__ = [
    "ValueChainFile",
    "RolesFile",
    "ArtifactsFile",
    "GlossaryFile",
    "InstrumentsFile",
    "DutiesFile",
    "FILE_KINDS",
]


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ValueChainFile(_File):
    """``processes/value-chain.yaml``: the mandate, the stages in order, the outcomes."""

    mandate: Slug
    outcomes: tuple[Slug, ...] = ()
    stages: tuple[Stage, ...]


class RolesFile(_File):
    """``processes/roles.yaml``: every role, each on its side."""

    roles: tuple[Role, ...]


class ArtifactsFile(_File):
    """``processes/artifacts.yaml``: every artifact any activity uses."""

    artifacts: tuple[Artifact, ...]


class GlossaryFile(_File):
    """``pag/glossary.yaml``: the PAG codes (or an open glossary in PAG's format)."""

    codes: tuple[PagCode, ...]


class InstrumentsFile(_File):
    """``law/instruments.yaml`` (optional): the instruments the model cites, with their dates."""

    instruments: tuple[Instrument, ...]


class DutiesFile(_File):
    """``law/duties.yaml`` (optional): the statutory duties the model must deliver."""

    duties: tuple[Duty, ...]


FILE_KINDS: dict[str, type[BaseModel]] = {
    "value-chain": ValueChainFile,
    "roles": RolesFile,
    "artifacts": ArtifactsFile,
    "glossary": GlossaryFile,
    "process": Process,
    "boundary": Boundary,
    "instruments": InstrumentsFile,
    "duties": DutiesFile,
}
"""Each kind of YAML file, by the name its JSON Schema file takes."""
