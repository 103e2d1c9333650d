"""``opcc serve`` end to end: a real server process, a real Chromium page; edit a file and the page changes.

Skipped, with the reason, only when chromium, playwright or watchfiles is missing (CI has all three).
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("watchfiles", reason="watchfiles is not installed (pip install 'opcc-model[serve]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"
PROCESS = "processes/develop/assess-threats.yaml"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]
WAIT_MS = 30_000


class Served:
    """A running ``opcc serve`` and the lines it printed on stderr."""

    def __init__(self, root: Path, cache: Path) -> None:
        env = {**os.environ, "OPCC_CACHE_DIR": str(cache), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "opcc_model", "serve", str(root), "--port", "0"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, text=True,
        )
        self.lines: list[str] = []
        # a thread reads the lines: select() on the pipe then readline() missed a line that
        # came in the same read as the one before it (it waits in the file's buffer, not the pipe)
        self._read: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._reader, daemon=True).start()
        self.url = self.wait_for("serving http://").split()[1]

    def _reader(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._read.put(line)
        self._read.put(None)  # the process closed its stderr

    def wait_for(self, text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._read.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                self._read.put(None)  # still ended for the next wait
                break
            self.lines.append(line)
            if text in line:
                return line
        raise AssertionError(f"{text!r} not printed; printed: {''.join(self.lines)}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError("opcc serve did not stop within 20 s of Ctrl-C") from None
        return self.process.returncode


@pytest.fixture()
def served(tmp_path: Path):
    root = Path(shutil.copytree(FIXTURE, tmp_path / "model"))
    server = Served(root, tmp_path / "cache")
    yield root, server
    server.stop()


@pytest.fixture()
def page():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context()
        yield context.new_page()
        context.close()
        browser.close()


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))


def test_an_edit_shows_in_the_open_page_errors_show_and_ctrl_c_stops(served, page):
    root, server = served
    page.goto(server.url + "process-assess-threats.html")
    assert page.locator("h1").inner_text().strip() == "Assess Threats"

    _edit(root / PROCESS, "name: Assess Threats", "name: Weigh Threats")
    page.wait_for_function("document.querySelector('h1').textContent.trim() === 'Weigh Threats'", timeout=WAIT_MS)

    _edit(root / PROCESS, "stage: develop", "stage: [develop")  # half-typed: a syntax error
    page.wait_for_selector("#opcc-serve-errors", timeout=WAIT_MS)
    assert page.locator("h1").inner_text().strip() == "Weigh Threats"  # the last good site stays
    page.click("#opcc-serve-errors a")
    page.wait_for_url("**/__opcc__/errors")
    assert f"{PROCESS}:" in page.locator("main").inner_text()

    _edit(root / PROCESS, "stage: [develop", "stage: develop")
    page.goto(server.url + "process-assess-threats.html")
    page.wait_for_function("document.querySelector('#opcc-serve-errors') === null", timeout=WAIT_MS)
    assert page.locator("h1").inner_text().strip() == "Weigh Threats"

    assert server.stop() == 0
    server.wait_for("stopped", timeout=5)


def test_a_missing_folder_is_a_user_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "opcc_model", "serve", str(tmp_path / "nope"), "--port", "0"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "no such folder" in result.stderr
