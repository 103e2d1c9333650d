"""An area's scheme on its site page: rows a chief executive can read, and each ladder as a small picture.

Every text from the model is escaped; the picture is inline SVG with no script or link.

>>> from opcc_model.scheme import Ladder, Tier
>>> hostile = Tier.model_construct(up_to=50000, decides="<b>")  # the loader refuses it; the picture escapes it anyway
>>> svg = ladder_svg(Ladder.model_construct(pag="1", currency="GBP", tiers=(hostile, Tier(over=50000, decides="pcc"))), {"pcc": "commissioner"})
>>> svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from opcc_model.model import Model
from opcc_model.queries.scheme_tables import compare, tier_range
from opcc_model.queries.schemeindex import area_names, area_sides, consenter
from opcc_model.render.draw import SIDE_STYLE
from opcc_model.scheme import Ladder, Tier

__all__ = ["SchemeRow", "scheme_rows", "ladder_svg", "code_names", "area_ladders", "comparison_svg"]


@dataclass(frozen=True)
class SchemeRow:
    """One line of the scheme table: function, who decides at which amount, conditions, instrument."""

    code: str
    function: str
    relation: str
    who: str
    condition: str
    instrument: str
    url: str | None


def code_names(model: Model, area: str, /) -> dict[str, str]:
    """The names of the glossary codes and of the area's local codes."""
    names = {c.code: c.name for c in model.codes}
    names.update({c.code: c.name for c in model.boundary(area).codes})
    return names


def scheme_rows(model: Model, area: str, /) -> list[SchemeRow]:
    """The area's allocations, delegations and ladder tiers as readable rows, in code order."""
    boundary = model.boundary(area)
    names = code_names(model, area)
    people = area_names(model, area)

    def who_is(role: str | None) -> str:
        return people.get(role, role) if role else "nobody named"

    rows: list[SchemeRow] = []
    for a in boundary.allocations:
        if a.relation == "consent":
            who = f"the Chief Constable, with the consent of the {who_is(consenter(model, a.consent_by))}"
        elif a.holder == "joint":
            who = "both jointly" + (f" at {a.forum}" if a.forum else "") + (f": {a.arrangement}" if a.arrangement else "")
        else:
            who = {"commissioner": "the commissioner", "chief-constable": "the Chief Constable", "oversight": "the Police and Crime Panel"}[a.holder]
        url = a.instrument.url if a.instrument else None
        rows.append(SchemeRow(a.pag, names.get(a.pag, ""), a.relation or ("joint" if a.holder == "joint" else ""), who,
                              _dated(a.condition, a.from_date, a.until), str(a.instrument or ""), url))
    for d in boundary.delegations:
        who = f"{who_is(d.to)}, delegated by the {who_is(d.by)}" + (" (may delegate onward)" if d.onward else "")
        rows.append(SchemeRow(d.pag, names.get(d.pag, ""), "delegated", who, _dated(d.condition, d.from_date, d.until),
                              str(d.instrument or ""), d.instrument.url if d.instrument else None))
    for ladder in boundary.ladders:
        for t in ladder.tiers:
            extra = [f"{word} {', '.join(who_is(r) for r in roles)}" for word, roles in
                     (("consulting", t.consulted), ("with the agreement of", t.agree), ("telling", t.told), ("reporting to", t.report_to)) if roles]
            who = f"{tier_range(ladder, t)}: {who_is(t.decides)}" + (f" ({'; '.join(extra)})" if extra else "")
            rows.append(SchemeRow(ladder.pag, names.get(ladder.pag, ""), t.relation or "", who,
                                  _dated(t.condition or ladder.condition, ladder.from_date, ladder.until),
                                  str(ladder.instrument or ""), ladder.instrument.url if ladder.instrument else None))
    rows.sort(key=lambda r: tuple(int(p) for p in r.code.split(".")))
    return rows


def _dated(condition: str | None, start: object, end: object) -> str:
    parts = [condition or ""]
    if start:
        parts.append(f"from {start}")
    if end:
        parts.append(f"until {end}")
    return "; ".join(p for p in parts if p)


def _bound_lines(ladder: Ladder, tier: Tier) -> list[str]:
    """A tier's bounds as short lines with symbols: ``["> GBP 50,000", "≤ GBP 250,000"]``."""
    unit = f"{ladder.currency} " if ladder.measure == "money" else ""
    lines = []
    for symbol, bound in (("> ", tier.over), ("≥ ", tier.from_), ("≤ ", tier.up_to), ("< ", tier.below)):
        if bound is not None:
            shown = f"{bound:,}" if isinstance(bound, Decimal) else str(bound)
            lines.append(f"{symbol}{unit}{shown}")
    return lines or ["any amount"]


def ladder_svg(ladder: Ladder, sides: Mapping[str, str], /) -> str:
    """A small picture of a ladder: one box per tier, lowest first, coloured by the decider's side."""
    width, height, gap = 170, 70, 4
    total = len(ladder.tiers) * (width + gap)
    title = html.escape(f"Ladder on {ladder.pag}: " + "; ".join(f"{tier_range(ladder, t)}: {t.decides}" for t in ladder.tiers))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ladder" role="img" width="{total}" height="{height}" '
        f'viewBox="0 0 {total} {height}"><title>{title}</title>'
    ]
    for i, tier in enumerate(ladder.tiers):
        fill, line, _ = SIDE_STYLE.get(sides.get(tier.decides), SIDE_STYLE[None])  # type: ignore[call-overload]
        x = i * (width + gap)
        parts.append(f'<rect x="{x}" y="1" width="{width}" height="{height - 2}" rx="4" fill="{fill}" stroke="{line}"/>')
        lines = [*_bound_lines(ladder, tier), tier.decides]
        for row, text in enumerate(lines):
            weight = ' font-weight="bold"' if row == len(lines) - 1 else ""
            parts.append(
                f'<text x="{x + width / 2}" y="{18 + row * 17}" text-anchor="middle" font-size="11" fill="#111"{weight}>'
                f"{html.escape(text[:28])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def area_ladders(model: Model, area: str, /) -> list[tuple[Ladder, str]]:
    """Each ladder of the area with its picture."""
    sides = area_sides(model, area)
    return [(ladder, ladder_svg(ladder, sides)) for ladder in model.boundary(area).ladders]


_CELL_FILL = {
    "commissioner": SIDE_STYLE["commissioner"][0],
    "chief-constable": SIDE_STYLE["chief-constable"][0],
    "consent": "#a9c8ec",
    "joint": "#fff1a8",
    "oversight": SIDE_STYLE["oversight"][0],
    None: "#ffffff",
}


def comparison_svg(model: Model, /) -> str:
    """A heat map of the areas' schemes: one row per code any scheme names, one column per area, coloured by holder.

    Commissioner purple, Chief Constable blue (darker for a consent), joint yellow, the Panel
    orange; a dot marks a ladder, a ring a delegation. Every label is escaped; the ``<title>``
    of each cell says it in words.
    """
    table = compare(model)
    areas = table.columns[2:]
    if not areas or not table.rows:
        return ""
    cell, left, top = 22, 300, 120
    width, height = left + cell * len(areas) + 130, top + cell * len(table.rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="comparison" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>Schemes compared: holder of each function in each area</title>'
    ]
    for j, area in enumerate(areas):
        x = left + j * cell + cell / 2
        parts.append(f'<text transform="translate({x},{top - 6}) rotate(-45)" font-size="11" fill="#111">{html.escape(area)}</text>')
    for i, row in enumerate(table.rows):
        y = top + i * cell
        label = f"{row[0]} {row[1]}"
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-size="11" fill="#111">{html.escape(label[:48])}</text>')
        for j, area in enumerate(areas):
            boundary = model.boundary(area)
            code = str(row[0])
            allocation = boundary.allocation_for(code)
            key = "consent" if allocation and allocation.relation == "consent" else (allocation.holder if allocation else None)
            x = left + j * cell
            words = html.escape(f"{area}, {code}: {row[2 + j]}")
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{_CELL_FILL.get(key, "#ffffff")}" '
                f'stroke="#777"><title>{words}</title></rect>'
            )
            if any(lad.pag == code for lad in boundary.ladders):
                parts.append(f'<circle cx="{x + cell / 2 - 1}" cy="{y + cell / 2 - 1}" r="4" fill="#111"/>')
            if any(d.pag == code for d in boundary.delegations):
                parts.append(f'<circle cx="{x + cell / 2 - 1}" cy="{y + cell / 2 - 1}" r="7" fill="none" stroke="#111"/>')
    parts.append("</svg>")
    return "".join(parts)
