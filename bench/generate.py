"""A synthetic, valid national-scale OPCC model, deterministic from a seed.

``python -m bench.generate --areas 43 --activities 2000 --seed 1 --out DIR`` writes
``DIR/processes`` and ``DIR/pag``: the value chain, ~30 roles, a four-level glossary of
``6 × 5 × 5 × 10 = 1,500`` leaves, ``areas × activities`` activities in processes of
``per_process`` activities, artifacts, and one boundary per force area with realistic
gaps (prefixes left unallocated), overlaps (one prefix given to two holders), joint
arrangements, delegations and waivers. Same arguments → byte-identical files.

>>> import tempfile, opcc_model
>>> out = tempfile.mkdtemp()
>>> generate(out, areas=2, activities=40, seed=3)["activities"]
80
>>> len(opcc_model.load(out).activities)
80
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
from pathlib import Path

__all__ = ["AREAS", "generate", "main"]

AREAS = (
    "avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "city-of-london", "cleveland",
    "cumbria", "derbyshire", "devon-and-cornwall", "dorset", "durham", "dyfed-powys", "essex",
    "gloucestershire", "greater-manchester", "gwent", "hampshire", "hertfordshire", "humberside", "kent",
    "lancashire", "leicestershire", "lincolnshire", "merseyside", "metropolitan", "norfolk",
    "north-wales", "north-yorkshire", "northamptonshire", "northumbria", "nottinghamshire",
    "south-wales", "south-yorkshire", "staffordshire", "suffolk", "surrey", "sussex", "thames-valley",
    "warwickshire", "west-mercia", "west-midlands", "west-yorkshire", "wiltshire",
)  # fmt: skip
"""The 43 force areas of England and Wales (more areas get numbered names)."""

_WELSH = {"dyfed-powys", "gwent", "north-wales", "south-wales"}
_STAGES = (
    ("engage-consult", "Engage & Consult", "Information"),
    ("develop", "Develop", "Strategy and Resource Planning"),
    ("commission", "Commission", "Commissioning and Service Delivery"),
    ("monitor", "Monitor", "Scrutiny and Performance"),
)
_COMMISSIONER = ("pcc", "deputy-pcc", "opcc-chief-executive", "opcc-cfo", "opcc-head-of-policy",
                 "opcc-head-of-commissioning", "opcc-engagement-lead", "opcc-performance-analyst")
_CHIEF = ("cc", "dcc", "acc-operations", "acc-local-policing", "force-cfo", "head-of-performance",
          "head-of-corporate-services", "head-of-professional-standards")
_OTHERS = (("pcp", "oversight"), ("hmicfrs", "oversight"), ("joint-audit-committee", "oversight"),
           ("csp", "partner"), ("victims-service", "partner"), ("local-authority", "partner"),
           ("residents", "public"))  # fmt: skip
_VERBS = ("assess", "agree", "review", "publish", "consult", "commission", "monitor", "scrutinise",
          "approve", "report", "plan", "prepare", "analyse", "engage", "evaluate", "record")  # fmt: skip
_NOUNS = ("plan", "budget", "precept", "strategy", "contract", "grant", "complaint", "survey",
          "report", "case", "standard", "estate", "workforce", "partnership", "victim-need", "risk")  # fmt: skip
_TOPICS = ("Governance", "Engagement", "Finance", "Operations", "Scrutiny", "Partnerships",
           "Estates", "Workforce", "Victims", "Complaints")  # fmt: skip
_HOLDERS = ("commissioner", "commissioner", "chief-constable", "chief-constable", "chief-constable", "joint")
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 &,()'-]*[A-Za-z0-9)]$")


def _q(text: str) -> str:
    """A YAML scalar for ``text``: plain when safe, else a JSON (= YAML double-quoted) string."""
    return text if _PLAIN.match(text) and ": " not in text else json.dumps(text)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_q(i) for i in items) + "]"


def _codes() -> list[tuple[str, str]]:
    codes: list[tuple[str, str]] = []
    for a in range(1, 7):
        codes.append((f"{a}", _TOPICS[a - 1]))
        for b in range(1, 6):
            codes.append((f"{a}.{b}", f"{_TOPICS[a - 1]} {_NOUNS[b]}"))
            for c in range(1, 6):
                codes.append((f"{a}.{b}.{c}", f"{_TOPICS[(a + c) % 10]} {_NOUNS[(b + c) % 16]} {c}"))
                for d in range(1, 11):
                    name = f"{_VERBS[(a * b + d) % 16].capitalize()} {_NOUNS[(c + d) % 16]} {a}.{b}.{c}.{d}"
                    codes.append((f"{a}.{b}.{c}.{d}", name))
    return codes


def _area_names(count: int) -> list[str]:
    return [AREAS[i] if i < len(AREAS) else f"area-{i + 1}" for i in range(count)]


def _core_files(areas: list[str], codes: list[tuple[str, str]], artifacts: list[str]) -> dict[str, str]:
    stages = "".join(f"  - {{id: {i}, name: {_q(n)}, portfolio: {_q(p)}}}\n" for i, n, p in _STAGES)
    chain = f"mandate: commissioner-mandate\noutcomes: [community-outcome-framework]\nstages:\n{stages}"
    roles = ["roles:\n"]
    for i, role in enumerate(_COMMISSIONER):
        extra = ", reports_to: pcc" if i else ", principal: true"
        roles.append(f"  - {{id: {role}, name: {_q(role.replace('-', ' ').title())}, side: commissioner{extra}}}\n")
    for i, role in enumerate(_CHIEF):
        extra = ", reports_to: cc" if i else ", principal: true"
        roles.append(f"  - {{id: {role}, name: {_q(role.replace('-', ' ').title())}, side: chief-constable{extra}}}\n")
    for role, side in _OTHERS:
        roles.append(f"  - {{id: {role}, name: {_q(role.replace('-', ' ').title())}, side: {side}}}\n")
    kinds = ("document", "plan", "report", "decision", "data", "agreement", "record", "budget")
    lines = ["artifacts:\n", "  - {id: commissioner-mandate, name: Commissioner Mandate, kind: document}\n",
             "  - {id: community-outcome-framework, name: Community Outcome Framework, kind: outcome}\n"]
    for i, artifact in enumerate(artifacts):
        name = artifact.replace("-", " ").capitalize()
        lines.append(f"  - {{id: {artifact}, name: {_q(name)}, kind: {kinds[i % len(kinds)]}}}\n")
    glossary = ["codes:\n"] + [f'  - {{code: "{c}", name: {_q(n)}}}\n' for c, n in codes]
    return {
        "processes/value-chain.yaml": chain,
        "processes/roles.yaml": "".join(roles),
        "processes/artifacts.yaml": "".join(lines),
        "pag/glossary.yaml": "".join(glossary),
    }


def _activity(rng: random.Random, ident: str, leaves: list[str], pool: list[str], previous: str | None,
              cross: str | None, opens: str | None) -> str:
    code = rng.choice(leaves)
    commissioner_code = code[0] in "12"
    side = _COMMISSIONER if commissioner_code != (rng.random() < 0.04) else _CHIEF
    lines = [f"  - id: {ident}\n", f"    name: {_q(rng.choice(_VERBS).capitalize() + ' ' + rng.choice(_NOUNS).replace('-', ' '))}\n"]
    roll = rng.random()
    if opens:
        lines.append(f"    kind: subprocess\n    process: {opens}\n")
    elif roll < 0.1:
        lines.append("    kind: decision\n")
    elif roll < 0.13:
        lines.append("    kind: event\n")
    pag = [code] + ([rng.choice(leaves)] if rng.random() < 0.2 else [])
    lines.append("    pag: [" + ", ".join(f'"{c}"' for c in pag) + "]\n")
    lines.append(f"    accountable: {side[0] if rng.random() < 0.3 else rng.choice(side[:4])}\n")
    responsible = rng.sample(_CHIEF if rng.random() < 0.06 else side, rng.randint(1, 2))
    lines.append(f"    responsible: {_flow(responsible)}\n")
    if rng.random() < 0.5:
        lines.append(f"    consulted: {_flow(rng.sample(_CHIEF if side is _COMMISSIONER else _COMMISSIONER, 1))}\n")
    if rng.random() < 0.3:
        lines.append(f"    informed: [{rng.choice(_OTHERS)[0]}]\n")
    lines.append(f"    inputs: {_flow(rng.sample(pool, rng.randint(0, 2)))}\n")
    lines.append(f"    outputs: {_flow(rng.sample(pool, 1))}\n")
    after = [a for a in (previous, cross) if a]
    if after:
        lines.append(f"    after: {_flow(after)}\n")
    if rng.random() < 0.15:
        lines.append(f"    guidance: {_q('Record the decision and the reasons for it; publish where the law requires.')}\n")
    return "".join(lines)


def _area_files(rng: random.Random, area: str, count: int, per_process: int, leaves: list[str],
                pool: list[str]) -> dict[str, str]:
    files: dict[str, str] = {}
    processes = max(1, -(-count // per_process))
    welsh = area in _WELSH
    made = 0
    last_of_previous: str | None = None
    for p in range(processes):
        stage = _STAGES[p % len(_STAGES)][0]
        pid = f"{area}-{_VERBS[p % 16]}-{_NOUNS[(p // 16) % 16]}-{p}"
        size = min(per_process, count - made)
        head = [f"id: {pid}\n", f"name: {_q(pid.replace('-', ' ').capitalize())}\n", f"stage: {stage}\n"]
        if welsh:
            head.append("jurisdictions: [wales]\n")
        head.append(f"basis: [{_q('PRSR 2011 s.' + str(1 + p % 90))}]\n")
        if p and p % 10 == 0:
            head.append(f"parent: {area}-{_VERBS[(p - 1) % 16]}-{_NOUNS[((p - 1) // 16) % 16]}-{p - 1}\n")
        body = ["activities:\n"]
        previous = None
        for k in range(size):
            ident = f"{pid}-{k + 1}"
            opens = None
            if k == size - 1 and (p + 1) % 10 == 0 and p + 1 < processes:
                opens = f"{area}-{_VERBS[(p + 1) % 16]}-{_NOUNS[((p + 1) // 16) % 16]}-{p + 1}"
            cross = last_of_previous if k == 0 and rng.random() < 0.5 else None
            body.append(_activity(rng, ident, leaves, pool, previous, cross, opens))
            previous = ident
        last_of_previous = previous
        made += size
        files[f"processes/{stage}/{area}/{pid}.yaml"] = "".join(head + body)
    return files


def _boundary(rng: random.Random, area: str) -> str:
    lines = [f"area: {area}\n", f"name: {_q(area.replace('-', ' ').title() + ' Police Area')}\n",
             f"jurisdiction: {'wales' if area in _WELSH else 'england'}\n", "allocations:\n"]
    gap = rng.randint(3, 6) if rng.random() < 0.3 else None  # a top-level prefix left partly unallocated
    for a in range(1, 7):
        holder = "commissioner" if a <= 2 else "chief-constable"
        if a == gap:
            for b in range(1, 4):  # 4.4 and 4.5 (say) stay unallocated: a gap
                lines.append(f'  - {{pag: "{a}.{b}", holder: {holder}}}\n')
            continue
        lines.append(f'  - {{pag: "{a}", holder: {holder}}}\n')
    for _ in range(rng.randint(10, 30)):
        code = f"{rng.randint(1, 6)}.{rng.randint(1, 5)}.{rng.randint(1, 5)}"
        holder = rng.choice(_HOLDERS)
        extra = ", arrangement: Joint Audit Committee" if holder == "joint" else ""
        if holder == "chief-constable" and rng.random() < 0.3:
            extra = ", delegated_by: commissioner, instrument: Scheme of Consent"
        lines.append(f'  - {{pag: "{code}", holder: {holder}{extra}}}\n')
    if rng.random() < 0.25:  # an overlap: one prefix given to two holders at the same specificity
        code = f"{rng.randint(1, 6)}.{rng.randint(1, 5)}"
        lines.append(f'  - {{pag: "{code}", holder: commissioner}}\n  - {{pag: "{code}", holder: chief-constable}}\n')
    lines.append("waivers:\n")
    for _ in range(rng.randint(1, 3)):
        code = f"{rng.randint(1, 6)}.{rng.randint(1, 5)}.{rng.randint(1, 5)}"
        lines.append(f'  - {{finding: OPCC-O102, subject: "{code}", reason: Collaboration agreement under s.22A}}\n')
    return "".join(lines)


def generate(out: str | os.PathLike[str], *, areas: int = 43, activities: int = 2000, seed: int = 0,
             per_process: int = 25) -> dict[str, int]:
    """Write the model to ``out`` (its ``processes/`` and ``pag/`` are replaced); return counts."""
    base = Path(out)
    for folder in ("processes", "pag"):
        shutil.rmtree(base / folder, ignore_errors=True)
    rng = random.Random(seed)
    names = _area_names(areas)
    codes = _codes()
    leaves = [c for c, _ in codes if c.count(".") == 3]
    per_area_artifacts = max(4, activities // 4)
    pools = {a: [f"{a}-{_NOUNS[j % 16]}-{_VERBS[(j // 16) % 16]}-{j}" for j in range(per_area_artifacts)] for a in names}
    files = _core_files(names, codes, [x for a in names for x in pools[a]])
    for area in names:
        files.update(_area_files(rng, area, activities, per_process, leaves, pools[area]))
        files[f"pag/boundaries/{area}.yaml"] = _boundary(rng, area)
    for relative in sorted(files):
        target = base / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[relative].encode("utf-8"))
    return {"files": len(files), "activities": areas * activities, "codes": len(codes), "leaves": len(leaves),
            "areas": areas, "bytes": sum(len(t) for t in files.values())}


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python -m bench.generate --areas N --activities M --seed S --out DIR``."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--activities", type=int, default=2000, help="activities per area")
    parser.add_argument("--per-process", type=int, default=25, help="activities per process file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    counts = generate(args.out, areas=args.areas, activities=args.activities, seed=args.seed,
                      per_process=args.per_process)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
