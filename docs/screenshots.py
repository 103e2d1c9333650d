"""Take the project's pictures: the site's home page and one process page, in Debian's chromium.

Usage: python docs/screenshots.py [MODEL] [PROCESS-ID]
(defaults: the reference model and its first process with a sub-process). Writes docs/images/site-*.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import opcc_model
from opcc_model.render.site import build_site

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def main(argv: list[str]) -> int:
    model = opcc_model.load(argv[0] if argv else opcc_model.reference_root())
    parents = {p.parent for p in model.processes if p.parent}
    process = argv[1] if len(argv) > 1 else next((p.id for p in model.processes if p.id in parents), model.processes[0].id)
    images = Path(__file__).resolve().parent / "images"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = build_site(model, Path(tmp) / "site")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in (("home", "index.html"), ("process", f"process-{process}.html")):
            page.goto((site / path).as_uri())
            page.screenshot(path=str(images / f"site-{name}.png"), full_page=True)
            print(images / f"site-{name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
