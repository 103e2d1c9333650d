"""Hypothesis strategies that build valid models (shared by the property tests)."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from opcc_model.model import (
    SIDES,
    Activity,
    Allocation,
    Artifact,
    Boundary,
    Model,
    PagCode,
    Process,
    Reference,
    Role,
    Stage,
    Waiver,
)

__all__ = ["slugs", "texts", "models"]

slugs = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85\u2028\u2029"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() == s and s != "")
urls = st.builds(lambda path: f"https://example.org/{path}", st.text(string.ascii_lowercase + "-/", max_size=12))


@st.composite
def glossaries(draw: st.DrawFn) -> tuple[PagCode, ...]:
    codes: list[str] = []
    for top in range(1, draw(st.integers(1, 3)) + 1):
        codes.append(str(top))
        for second in range(1, draw(st.integers(0, 3)) + 1):
            codes.append(f"{top}.{second}")
            for third in range(1, draw(st.integers(0, 2)) + 1):
                codes.append(f"{top}.{second}.{third}")
    return tuple(PagCode(code=c, name=draw(texts)) for c in codes)


@st.composite
def models(draw: st.DrawFn) -> Model:
    """A valid model: every reference resolves, ids are unique per kind."""
    ids = draw(st.lists(slugs, min_size=20, max_size=40, unique=True))
    take = iter(ids)
    stages = tuple(Stage(id=next(take), name=draw(texts), supporting=draw(st.booleans())) for _ in range(2))
    roles: list[Role] = []
    for i in range(draw(st.integers(2, 4))):
        role_id = next(take)
        reports_to = roles[0].id if roles and draw(st.booleans()) else None
        roles.append(Role(id=role_id, name=draw(texts), side=draw(st.sampled_from(SIDES)), reports_to=reports_to))
    artifacts = tuple(
        Artifact(id=next(take), name=draw(texts), kind=draw(st.sampled_from(["document", "plan", "report"])))
        for _ in range(3)
    )
    codes = draw(glossaries())
    code_ids = [c.code for c in codes]
    role_ids = [r.id for r in roles]
    artifact_ids = [a.id for a in artifacts]
    processes: list[Process] = []
    seen_activities: list[str] = []
    for p in range(draw(st.integers(1, 3))):
        process_id = next(take, None)
        if process_id is None:
            break
        activities = []
        for _ in range(draw(st.integers(0, 3))):
            activity_id = next(take, None)
            if activity_id is None:
                break
            activities.append(
                Activity(
                    id=activity_id,
                    name=draw(texts),
                    kind=draw(st.sampled_from(["task", "decision", "event"])),
                    pag=tuple(draw(st.lists(st.sampled_from(code_ids), max_size=2, unique=True))),
                    accountable=draw(st.none() | st.sampled_from(role_ids)),
                    responsible=tuple(draw(st.lists(st.sampled_from(role_ids), max_size=2, unique=True))),
                    informed=tuple(draw(st.lists(st.sampled_from(role_ids), max_size=1))),
                    inputs=tuple(draw(st.lists(st.sampled_from(artifact_ids), max_size=2, unique=True))),
                    outputs=tuple(draw(st.lists(st.sampled_from(artifact_ids), max_size=2, unique=True))),
                    after=tuple(draw(st.lists(st.sampled_from(seen_activities), max_size=1))) if seen_activities else (),
                    guidance=draw(st.none() | texts),
                    references=tuple(draw(st.lists(st.builds(Reference, title=texts, url=urls), max_size=1))),
                )
            )
            seen_activities.append(activity_id)
        processes.append(
            Process(
                id=process_id,
                name=draw(texts),
                stage=draw(st.sampled_from([s.id for s in stages])),
                parent=processes[0].id if processes and draw(st.booleans()) else None,
                jurisdictions=tuple(draw(st.sampled_from([("england",), ("wales",), ("england", "wales")]))),
                basis=tuple(draw(st.lists(texts, max_size=2))),
                activities=tuple(activities),
            )
        )
    boundaries = []
    for _ in range(draw(st.integers(0, 2))):
        area = next(take, None)
        if area is None:
            break
        chosen = draw(st.lists(st.sampled_from(code_ids), max_size=4, unique=True))
        allocations = []
        for code in chosen:
            holder = draw(st.sampled_from(["commissioner", "chief-constable", "joint"]))
            allocations.append(
                Allocation(pag=code, holder=holder, arrangement=draw(texts) if holder == "joint" else None)
            )
        waivers = tuple(
            Waiver(finding="OPCC-G102", subject=code, reason=draw(texts))
            for code in draw(st.lists(st.sampled_from(code_ids), max_size=1))
        )
        boundaries.append(
            Boundary(
                area=area,
                name=draw(texts),
                jurisdiction=draw(st.sampled_from(["england", "wales"])),
                allocations=tuple(allocations),
                waivers=waivers,
            )
        )
    return Model(
        mandate=artifact_ids[0],
        outcomes=(artifact_ids[-1],),
        stages=stages,
        roles=tuple(roles),
        artifacts=artifacts,
        processes=tuple(processes),
        codes=codes,
        boundaries=tuple(boundaries),
    )
