"""A synthetic, valid national-scale OPCC model, deterministic from a seed.

``python -m bench.generate --areas 43 --activities 2000 --seed 1 --out DIR`` writes
``DIR/processes`` and ``DIR/pag``: the value chain, ~30 roles, a four-level glossary of
``6 × 5 × 5 × 10 = 1,500`` leaves, a shared reference part of ``shared`` activities that
apply in every area, and for each force area its own ``activities`` activities in processes
scoped to that area alone (``areas: [area]``, as a real area's settlement tiers or boards
would be), in processes of ``per_process`` activities, with artifacts. Each area has a
format-2 scheme of delegation and consent (``pag/boundaries/<area>.yaml``): allocations
with realistic gaps (prefixes left unallocated), overlaps (one prefix given to two
holders), joint arrangements and consents, named officers, ``delegations`` delegations in
chains, ``ladders`` threshold ladders, a small decision register and waivers, with a few
planted problems (a broken chain, a barred delegate, a ladder gap, a lapsed arrangement, an
out-of-scheme decision). Same arguments → byte-identical files.

>>> import tempfile, opcc_model
>>> out = tempfile.mkdtemp()
>>> generate(out, areas=2, activities=40, seed=3, shared=20)["activities"]
100
>>> len(opcc_model.load(out).activities)
100
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
                pool: list[str], *, scoped: bool = True, welsh: bool = False,
                common: list[str] | None = None) -> dict[str, str]:
    """``count`` activities of ``area`` in processes of ``per_process``; ``scoped`` ones apply in that area alone.

    ``common`` is the shared part's artifacts: an area's own work sometimes consumes them.
    """
    files: dict[str, str] = {}
    processes = max(1, -(-count // per_process))
    made = 0
    last_of_previous: str | None = None
    for p in range(processes):
        stage = _STAGES[p % len(_STAGES)][0]
        pid = f"{area}-{_VERBS[p % 16]}-{_NOUNS[(p // 16) % 16]}-{p}"
        size = min(per_process, count - made)
        head = [f"id: {pid}\n", f"name: {_q(pid.replace('-', ' ').capitalize())}\n", f"stage: {stage}\n"]
        if welsh:
            head.append("jurisdictions: [wales]\n")
        if scoped:
            head.append(f"areas: [{area}]\n")
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
            inputs = pool + common if common and rng.random() < 0.05 else pool
            body.append(_activity(rng, ident, leaves, inputs, previous, cross, opens))
            previous = ident
        last_of_previous = previous
        made += size
        files[f"processes/{stage}/{area}/{pid}.yaml"] = "".join(head + body)
    return files


_LAW_KEPT = ("1.1.1", "1.5.4", "1.3.1", "1.3.4")
"""Level-3 codes over the statute's non-delegable functions and land: regular delegations and ladders avoid them."""


def _allocations(rng: random.Random) -> list[str]:
    lines = ["allocations:\n"]
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
            extra = ", relation: consent, consent_by: pcc, instrument: Scheme of Consent"
        lines.append(f'  - {{pag: "{code}", holder: {holder}{extra}}}\n')
    if rng.random() < 0.25:  # an overlap: one prefix given to two holders at the same specificity
        code = f"{rng.randint(1, 6)}.{rng.randint(1, 5)}"
        lines.append(f'  - {{pag: "{code}", holder: commissioner}}\n  - {{pag: "{code}", holder: chief-constable}}\n')
    return lines


def _delegations(rng: random.Random, count: int, officers: list[str], mid: list[str]) -> list[str]:
    """``count`` delegations in chains: PCC → chief executive (onward) → officers; PCC → CFO, deputy."""
    lines = ["delegations:\n"]
    made = 0
    while made < count:
        code = rng.choice(mid)
        leaf = f"{code}.{rng.randint(1, 10)}"
        lines.append(f'  - {{pag: "{code}", by: pcc, to: opcc-chief-executive, onward: true, '
                     f'instrument: {{document: Scheme of Delegation, clause: "{made + 1}"}}}}\n')
        officer = rng.choice(officers)
        onward = rng.random() < 0.02  # a planted broken chain: the officer was not allowed to delegate onward
        lines.append(f'  - {{pag: "{leaf}", by: opcc-chief-executive, to: {officer}, condition: In the absence of '
                     f'the chief executive}}\n')
        if onward:
            lines.append(f'  - {{pag: "{leaf}", by: {officer}, to: {rng.choice([o for o in officers if o != officer])}}}\n')
        lines.append(f'  - {{pag: "{rng.choice(mid)}.{rng.randint(1, 10)}", by: pcc, to: '
                     f'{rng.choice(("opcc-cfo", "deputy-pcc", "opcc-head-of-policy"))}'
                     + (", until: 2024-03-31" if rng.random() < 0.02 else "") + "}\n")
        made += 3 + onward
    if rng.random() < 0.3:  # a planted barred delegate: force staff are within s.18(6)
        lines.append(f'  - {{pag: "{rng.choice(mid)}.1", by: pcc, to: force-cfo}}\n')
    return lines


def _ladders(rng: random.Random, count: int, codes: list[str]) -> tuple[list[str], list[tuple[str, int, str, tuple[str, ...]]]]:
    """``count`` money ladders on distinct codes; returns the lines and what a lawful decision looks like."""
    lines = ["ladders:\n"]
    lawful: list[tuple[str, int, str, tuple[str, ...]]] = []
    for code in rng.sample(codes, count):
        low, high = rng.choice((25000, 50000, 100000)), rng.choice((250000, 500000, 1000000))
        gap = low + 10000 if rng.random() < 0.02 else low  # a planted gap
        lines += [f'  - pag: "{code}"\n', "    currency: GBP\n",
                  "    instrument: {document: Contract Standing Orders, clause: \"7\"}\n", "    tiers:\n",
                  f"      - {{up_to: {low}, decides: force-cfo, relation: consent}}\n",
                  f"      - {{over: {gap}, up_to: {high}, decides: cc, agree: [opcc-cfo]}}\n",
                  f"      - {{over: {high}, decides: pcc, consulted: [cc], report_to: [pcp]}}\n"]
        lawful.append((code, rng.randint(low + 1, high), "cc", ("opcc-cfo",)))
    return lines, lawful


def _boundary(rng: random.Random, area: str, *, delegations: int = 200, ladders: int = 50) -> str:
    """One area's format-2 scheme: allocations, officers, delegations in chains, ladders, decisions, waivers."""
    lines = ["format: 2\n", f"area: {area}\n", f"name: {_q(area.replace('-', ' ').title() + ' Police Area')}\n",
             f"jurisdiction: {'wales' if area in _WELSH else 'england'}\n", "status: illustrative\n", "body: pcc\n",
             "deputy: deputy-pcc\n",
             "default: {holder: commissioner, text: Whatever this scheme does not expressly delegate stays with the PCC.}\n",
             "officers:\n"]
    officers = [f"{area}-officer-{k}" for k in range(1, 9)]
    for k, officer in enumerate(officers):
        lines.append(f"  - {{id: {officer}, name: Head of Unit {k + 1}, side: commissioner, reports_to: opcc-chief-executive}}\n")
    lines += _allocations(rng)
    mid = [f"{a}.{b}.{c}" for a in (1, 2) for b in range(1, 6) for c in range(1, 6) if f"{a}.{b}.{c}" not in _LAW_KEPT]
    if delegations:
        lines += _delegations(rng, delegations, officers, mid)
    if ladders:
        ladder_codes = [f"{m}.{d}" for m in mid for d in range(1, 11)]
        ladder_lines, lawful = _ladders(rng, min(ladders, len(ladder_codes)), ladder_codes)
        lines += ladder_lines
        lines.append("decisions:\n")
        for i, (code, amount, decider, agreed) in enumerate(lawful[:10]):
            if rng.random() < 0.05:  # a planted out-of-scheme decision
                decider, agreed = "force-cfo", ()
            lines.append(f'  - {{date: 2025-{1 + i % 12:02d}-15, title: Award contract {i + 1}, pag: "{code}", '
                         f'amount: {amount}, decided_by: {decider}, agreed_by: {_flow(list(agreed))}, '
                         f'reference: "2025/{i + 1}"}}\n')
    lines.append("waivers:\n")
    for _ in range(rng.randint(1, 3)):
        code = f"{rng.randint(1, 6)}.{rng.randint(1, 5)}.{rng.randint(1, 5)}"
        lines.append(f'  - {{finding: OPCC-O102, subject: "{code}", reason: Collaboration agreement under s.22A}}\n')
    return "".join(lines)


def generate(out: str | os.PathLike[str], *, areas: int = 43, activities: int = 2000, seed: int = 0,
             per_process: int = 25, shared: int = 0, delegations: int = 200, ladders: int = 50) -> dict[str, int]:
    """Write the model to ``out`` (its ``processes/`` and ``pag/`` are replaced); return counts.

    ``activities`` per area, each area's scoped to it; ``shared`` activities in every area;
    ``delegations`` and ``ladders`` per area's scheme (0: none).
    """
    base = Path(out)
    for folder in ("processes", "pag"):
        shutil.rmtree(base / folder, ignore_errors=True)
    rng = random.Random(seed)
    names = _area_names(areas)
    codes = _codes()
    leaves = [c for c, _ in codes if c.count(".") == 3]
    per_area_artifacts = max(4, activities // 4)
    pools = {a: [f"{a}-{_NOUNS[j % 16]}-{_VERBS[(j // 16) % 16]}-{j}" for j in range(per_area_artifacts)] for a in names}
    common = [f"shared-{_NOUNS[j % 16]}-{_VERBS[(j // 16) % 16]}-{j}" for j in range(max(4, shared // 4))] if shared else []
    files = _core_files(names, codes, common + [x for a in names for x in pools[a]])
    if shared:
        files.update(_area_files(rng, "shared", shared, per_process, leaves, common, scoped=False))
    for area in names:
        files.update(_area_files(rng, area, activities, per_process, leaves, pools[area], welsh=area in _WELSH,
                                 common=common))
        files[f"pag/boundaries/{area}.yaml"] = _boundary(rng, area, delegations=delegations, ladders=ladders)
    for relative in sorted(files):
        target = base / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[relative].encode("utf-8"))
    return {"files": len(files), "activities": shared + areas * activities, "codes": len(codes), "leaves": len(leaves),
            "areas": areas, "bytes": sum(len(t) for t in files.values())}


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python -m bench.generate --areas N --activities M --seed S --out DIR``."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=43)
    parser.add_argument("--activities", type=int, default=2000, help="activities per area")
    parser.add_argument("--per-process", type=int, default=25, help="activities per process file")
    parser.add_argument("--shared", type=int, default=0, help="activities of the shared part (every area)")
    parser.add_argument("--delegations", type=int, default=200, help="delegations per area's scheme")
    parser.add_argument("--ladders", type=int, default=50, help="threshold ladders per area's scheme")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    counts = generate(args.out, areas=args.areas, activities=args.activities, seed=args.seed,
                      per_process=args.per_process, shared=args.shared, delegations=args.delegations,
                      ladders=args.ladders)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
