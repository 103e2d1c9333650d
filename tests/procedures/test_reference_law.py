"""The reference model's citations: statute first, the 2023 Protocol by paragraph, nothing revoked, every duty typed."""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model import Model


@pytest.fixture(scope="module")
def model() -> Model:
    return opcc_model.load(opcc_model.reference_root())


def _rank(model: Model, cite: str) -> int:
    instrument = model.instrument_cited_by(cite)
    assert instrument is not None, cite
    if instrument.id.startswith("ppo-"):
        return 1
    return {"act": 0, "regulations": 0, "order": 0, "code": 2, "guidance": 3}[instrument.kind]


def test_statute_is_cited_before_the_protocol_and_guidance(model: Model) -> None:
    lists = [(p.id, p.basis) for p in model.processes] + [(a.id, a.basis or ()) for a in model.activities]
    for owner, basis in lists:
        ranks = [_rank(model, cite) for cite in basis]
        assert ranks == sorted(ranks), (owner, basis)


def test_no_citation_of_the_revoked_2011_protocol(model: Model) -> None:
    cited = [cite for a in model.activities for cite in a.basis or ()] + [c for r in model.artifacts for c in r.basis]
    assert not [c for c in cited if model.instrument_cited_by(c) == model.instrument("ppo-2011")]
    panel = [a for a in model.activities if a.accountable == "pcp" and any("Policing Protocol" in c for c in a.basis or ())]
    assert panel and all("Policing Protocol Order 2023 para 24" in (a.basis or ()) for a in panel)


def test_duties_are_delivered_by_activities_typed_duty(model: Model) -> None:
    from opcc_model.queries.legal import delivering

    open_duties = {d.id for d in model.duties if not delivering(model, d)}
    assert open_duties == {"emergency-services-collaboration"}  # listed as open in docs/reference-model.md
    for duty in model.duties:
        for activity in delivering(model, duty):
            assert activity.obligation == "duty"
