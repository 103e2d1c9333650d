"""Round trip: any valid plan, dumped to YAML and loaded against the model, is the same plan."""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.plan import load_plans
from opcc_model.plan.model import S7, Aim, Measure, Objective, Plan, Priority, S7Coverage, ScrutinyPillar, SharedOutcome, Theme, Vision

from .conftest import FIXTURE

MODEL = opcc_model.load(FIXTURE)
ROLES = [r.id for r in MODEL.roles]
ACTIVITIES = [a.id for a in MODEL.activities]
ARTIFACTS = [a.id for a in MODEL.artifacts]
OUTCOMES = list(MODEL.outcomes)

# U+0085 (NEL) is a line break to YAML and PyYAML folds it when it dumps a quoted scalar: a known PyYAML limit.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x85"), max_size=40)
maybe_text = st.none() | texts
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)


def picks(pool: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(pool), max_size=3).map(tuple)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    counter = itertools.count()

    def fresh() -> str:
        return f"{draw(slugs)}-{next(counter)}"

    def node(kind, children_field=None, children=()):
        fields = {"id": fresh(), "text": draw(texts), "owner": draw(st.sampled_from(ROLES))}
        if children_field:
            fields[children_field] = tuple(children)
        return kind, fields

    def many(build, size=2):
        return [build() for _ in range(draw(st.integers(0, size)))]

    def priority():
        return Priority(
            id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)),
            delivered_by=draw(picks(ACTIVITIES)), resourced_by=draw(picks(ACTIVITIES)),
            monitored_by=draw(picks(ACTIVITIES)), artifacts=draw(picks(ARTIFACTS)),
        )

    def objective():
        measures = tuple(
            Measure(id=fresh(), text=draw(texts), target=draw(maybe_text),
                    monitored_by=draw(picks(ACTIVITIES)), reported_in=draw(picks(ARTIFACTS)))
            for _ in range(draw(st.integers(0, 2)))
        )
        return Objective(id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)),
                         measures=measures, priorities=tuple(many(priority)))

    def outcome():
        return SharedOutcome(id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)),
                             serves=draw(picks(OUTCOMES)), objectives=tuple(many(objective)))

    def aim():
        return Aim(id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)), outcomes=tuple(many(outcome)))

    themes = tuple(
        Theme(id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)), aims=tuple(many(aim)))
        for _ in range(draw(st.integers(0, 2)))
    )
    vision = Vision(id=fresh(), text=draw(texts), owner=draw(st.sampled_from(ROLES)), themes=themes)
    plan_nodes = [vision.id, *(t.id for t in themes)]
    coverage = st.none() | st.builds(
        S7Coverage, nodes=picks(plan_nodes), artifacts=picks(ARTIFACTS), activities=picks(ACTIVITIES), note=maybe_text
    )
    s7 = S7(**{key: draw(coverage) for key in ("objectives", "policing", "resources", "reporting", "performance", "grants")})
    pillars = tuple(
        ScrutinyPillar(id=f"pillar-{i}", name=draw(texts), lead=draw(st.none() | st.sampled_from(ROLES)),
                       themes=draw(picks([t.id for t in themes])) if themes else ())
        for i in range(draw(st.integers(0, 2)))
    )
    return Plan(
        id="round-trip", name=draw(texts), owner=draw(st.sampled_from(ROLES)), example=draw(st.booleans()),
        period=draw(maybe_text), description=draw(maybe_text), vision=vision, s7=s7, scrutiny_pillars=pillars,
    )


def dump(plan: Plan) -> str:
    """The plan as a YAML document a user could have written."""
    return yaml.safe_dump(plan.model_dump(mode="json", exclude_none=True), sort_keys=False, allow_unicode=True)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_dump_then_load_gives_the_same_plan(tmp_path_factory, plan):
    root: Path = tmp_path_factory.mktemp("model")
    (root / "plans").mkdir()
    (root / "plans" / "round-trip.yaml").write_text(dump(plan), encoding="utf-8")
    (loaded,) = load_plans(root, MODEL)
    assert loaded == plan
    assert loaded.location_of("node", plan.vision.id) is not None
