"""The search index of the site: activities and PAG codes, embedded in the search page as JSON.

>>> import opcc_model
>>> entries = search_index(opcc_model.load(opcc_model.example_root("minimal")))
>>> entries[0]["href"], entries[-1]["kind"]
('activity-identify-stakeholders.html', 'code')
"""

from __future__ import annotations

from opcc_model.model import Model
from opcc_model.render.site.paths import code_path, page_path

__all__ = ["search_index"]


def search_index(model: Model, /) -> list[dict[str, object]]:
    """One entry per activity (file order) then per PAG code (code order); links are relative to the root."""
    entries: list[dict[str, object]] = []
    for process in model.processes:
        for activity in process.activities:
            entries.append(
                {
                    "kind": "activity",
                    "id": activity.id,
                    "name": activity.name,
                    "context": process.name,
                    "codes": list(activity.pag),
                    "href": page_path("activity", activity.id),
                }
            )
    for code in sorted(model.codes, key=lambda c: tuple(int(p) for p in c.code.split("."))):
        entries.append(
            {"kind": "code", "id": code.code, "name": code.name, "context": "", "codes": [code.code], "href": code_path(code.code)}
        )
    return entries
