"""The static HTML site of a model: a page per stage, process, activity, role, artifact, area and plan.

``build_site(model, out)`` is the only function that writes files; the ``render_*``
functions return each page as a string.
"""

from opcc_model.render.site.builder import build_site, planned_files, site_files
from opcc_model.render.site.context import Site, plan_site
from opcc_model.render.site.pages import (
    render_activity,
    render_area,
    render_artifact,
    render_dependencies,
    render_findings,
    render_glossary,
    render_home,
    render_plan,
    render_process,
    render_raci,
    render_transition,
    render_role,
    render_search,
    render_stage,
    render_value_chain,
)

__all__ = [
    "Site",
    "build_site",
    "plan_site",
    "planned_files",
    "render_activity",
    "render_area",
    "render_artifact",
    "render_dependencies",
    "render_findings",
    "render_glossary",
    "render_home",
    "render_plan",
    "render_process",
    "render_raci",
    "render_transition",
    "render_role",
    "render_search",
    "render_stage",
    "render_value_chain",
    "site_files",
]
