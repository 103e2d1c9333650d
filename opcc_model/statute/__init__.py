"""The statutory lists the scheme checks read: non-delegable functions, deputy limits, barred persons, statutory holders, consents.

They are data (``delegation.yaml`` beside this module), each entry with its basis, an
evidence tag and its source, never constants in code.

>>> law = delegation_law()
>>> [entry.id for entry in law.non_delegable][:2]
['plan', 'objectives']
>>> sorted(law.deputy_limits["mayor"].ids)
['chief-constable-appointment', 'council-tax-requirement', 'plan']
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from opcc_model.vocabulary import Frozen as _Frozen
from opcc_model.vocabulary import PagCodeStr, Side, Slug

__all__ = [
    "Tag",
    "NonDelegable",
    "DeputyLimit",
    "BarredSide",
    "StatutoryHolder",
    "ConsentRequired",
    "DelegationLaw",
    "delegation_law",
]

Tag = Literal["V", "S", "I"]
"""Evidence tag: V read in the source, S secondary, I inference."""


class _Sourced(_Frozen):
    basis: str
    """The statute and provision."""
    tag: Tag
    """How the fact is known: V, S or I."""
    source: str
    """Where it was read."""


class NonDelegable(_Sourced):
    """A function the local policing body may not arrange for anyone else to exercise (s.18(7))."""

    id: Slug
    function: str
    codes: tuple[PagCodeStr, ...]
    deputy_may: bool
    """Whether a deputy PCC may take it (published schemes; LAW.md §1)."""


class DeputyLimit(_Sourced):
    """The non-delegable functions a deputy may never take, for one kind of local policing body."""

    ids: tuple[Slug, ...]


class BarredSide(_Sourced):
    """A side whose roles s.18(6) bars from being a delegate."""

    side: Side
    reading: str


class StatutoryHolder(_Sourced):
    """Codes the law gives one side, whatever an area's broad allocation says."""

    codes: tuple[PagCodeStr, ...]
    holder: Literal["commissioner", "chief-constable"]
    function: str


class ConsentRequired(_Sourced):
    """Chief Constable functions that need the local policing body's consent."""

    codes: tuple[PagCodeStr, ...]
    function: str


class DelegationLaw(_Frozen):
    """Everything in ``delegation.yaml``."""

    non_delegable: tuple[NonDelegable, ...]
    deputy_limits: dict[str, DeputyLimit]
    barred_sides: tuple[BarredSide, ...]
    statutory_holders: tuple[StatutoryHolder, ...]
    consent_required: tuple[ConsentRequired, ...]


@lru_cache(maxsize=1)
def delegation_law() -> DelegationLaw:
    """The statutory delegation lists shipped with opcc-model (read once)."""
    text = resources.files(__package__).joinpath("delegation.yaml").read_text(encoding="utf-8")
    return DelegationLaw.model_validate(yaml.safe_load(text))
