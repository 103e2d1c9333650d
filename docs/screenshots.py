"""Take the project's pictures: the site's home page, one process, one area and one plan page, in Debian's chromium.

Usage: python docs/screenshots.py [MODEL] [PROCESS-ID]
(defaults: the reference model and its first process with a sub-process; the first area and plan).
Writes docs/images/site-*.png. The site is built as ``opcc site`` builds it: with the model's
plans/ and opcc.toml.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import opcc_model
from opcc_model.config import load_settings
from opcc_model.plan import load_plans
from opcc_model.render.site import build_site

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def main(argv: list[str]) -> int:
    os.chdir(argv[0] if argv else opcc_model.reference_root())  # findings name files relative to the model
    root = "."
    model = opcc_model.load(root)
    plans = load_plans(root, model)
    parents = {p.parent for p in model.processes if p.parent}
    process = argv[1] if len(argv) > 1 else next((p.id for p in model.processes if p.id in parents), model.processes[0].id)
    images = Path(__file__).resolve().parent / "images"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = build_site(model, Path(tmp) / "site", settings=load_settings(root), plans=plans)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        shots = [("home", "index.html", True), ("process", f"process-{process}.html", True)]
        if model.boundaries:
            shots.append(("area", f"area-{sorted(b.area for b in model.boundaries)[0]}.html", False))
        if plans:
            shots.append(("plan", f"plan-{plans[0].id}.html", False))
        for name, path, whole in shots:
            page.goto((site / path).as_uri())
            page.screenshot(path=str(images / f"site-{name}.png"), full_page=whole)
            print(images / f"site-{name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
