"""Check benchmarks: ``opcc_model.queries.check`` against a hand-written single pass over the same data."""

from __future__ import annotations

from collections import Counter, defaultdict

from bench.timing import Table, best
from opcc_model.model import Model

__all__ = ["single_pass", "run"]


def _holders(model: Model) -> dict[str, dict[str, tuple[str, bool]]]:
    """For every area, every code → (holder, delegated) by its most specific allocation."""
    codes = [c.code for c in model.codes]
    out: dict[str, dict[str, tuple[str, bool]]] = {}
    for boundary in model.boundaries:
        direct: dict[str, tuple[str, bool]] = {}
        for allocation in boundary.allocations:
            direct.setdefault(allocation.pag, (allocation.holder, allocation.delegated_by is not None))
        held: dict[str, tuple[str, bool]] = {}
        for code in sorted(codes, key=len):  # parents before children
            parent = code.rpartition(".")[0]
            found = direct.get(code) or held.get(parent)
            if found:
                held[code] = found
        out[boundary.area] = held
    return out


def single_pass(model: Model, /) -> Counter[str]:
    """The gap and overlap facts of the model as counts per finding code, in one pass over each collection.

    >>> import opcc_model
    >>> facts = single_pass(opcc_model.load(opcc_model.example_root("minimal")))
    >>> facts["OPCC-G102"], facts["OPCC-G104"]
    (0, 1)
    """
    facts: Counter[str] = Counter()
    side = {r.id: r.side for r in model.roles}
    holders = _holders(model)
    children = {c.code.rpartition(".")[0] for c in model.codes}
    leaves = [c.code for c in model.codes if c.code not in children]
    produced: set[str] = set()
    consumed: set[str] = set()
    delivered: set[str] = set()
    sides_of_code: dict[str, set[str]] = defaultdict(set)
    for process in model.processes:
        for activity in process.activities:
            produced.update(activity.outputs)
            consumed.update(activity.inputs)
            if activity.accountable is None:
                facts["OPCC-G101"] += 1
                continue
            own = side[activity.accountable]
            other = {side[r] for r in activity.responsible} - {own}
            for code in activity.pag:
                delivered.add(code)
                sides_of_code[code].add(own)
                for held in holders.values():
                    holder, delegated = held.get(code, (None, False))
                    if holder is not None and holder != "joint" and holder != own:
                        facts["OPCC-O103"] += 1
                    if other & {"commissioner", "chief-constable"} and not delegated:
                        facts["OPCC-O104"] += 1
    delivered_prefixes = {code[:i] for code in delivered for i in range(1, len(code) + 1) if code[i:i + 1] in ("", ".")}
    for area, held in holders.items():
        for leaf in leaves:
            holder = held.get(leaf, (None, False))[0]
            if holder is None:
                facts["OPCC-G102"] += 1
            elif holder == "commissioner" and leaf not in delivered_prefixes:
                facts["OPCC-G103"] += 1
        for code, sides in sides_of_code.items():
            if {"commissioner", "chief-constable"} <= sides and held.get(code, (None,))[0] != "joint":
                facts["OPCC-O102"] += 1
    for boundary in model.boundaries:
        seen: dict[str, set[str]] = defaultdict(set)
        for allocation in boundary.allocations:
            seen[allocation.pag].add(allocation.holder)
        facts["OPCC-O101"] += sum(1 for holders_ in seen.values() if len(holders_) > 1)
    facts["OPCC-G104"] = len(consumed - produced)
    facts["OPCC-G105"] = len(produced - consumed - set(model.outcomes))
    return facts


def run(model: Model, table: Table, *, repeat: int = 1, label: str = "") -> tuple[float, float | None]:
    """Time the single pass and, when the queries exist, ``check``; add rows; return both times."""
    t_pass, _ = best(lambda: single_pass(model), repeat=repeat)
    table.add(f"hand-written single pass{label}", t_pass, "s")
    try:
        from opcc_model.queries import check  # type: ignore[attr-defined]
    except ImportError:
        table.note(f"checks: queries.check{label}", "skipped: queries not available")
        return t_pass, None
    t_check, _ = best(lambda: list(check(model)), repeat=repeat)
    table.add(f"checks: queries.check{label}", t_check, "s", baseline=("single pass", t_pass), bar=2.0)
    return t_pass, t_check
