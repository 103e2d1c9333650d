"""``opcc serve``'s rebuild: only changed files are written, only changed diagrams laid out; errors keep the site."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
import threading
from pathlib import Path

import pytest

from opcc_model.serve import LiveState, make_server, rebuild
from opcc_model.serve.http import inject
from tests.render_site.test_incremental import layouts  # noqa: F401  (the fixture counting layouts)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"
PROCESS = "processes/develop/assess-threats.yaml"


@pytest.fixture()
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    return Path(shutil.copytree(FIXTURE, tmp_path / "model"))


def test_one_edit_rewrites_its_pages_and_lays_out_only_the_changed_diagrams(model_copy, tmp_path, layouts):
    site = tmp_path / "site"
    first = rebuild(model_copy, site)
    assert first.ok and "index.html" in first.written
    # plan diagrams are drawn by the plan module, not through the layout-stamped site diagrams
    diagrams = [p for p in first.written if p.endswith(".svg") and not p.startswith(("static/", "plan-"))]
    assert len(layouts) == len(diagrams) > 2
    layouts.clear()
    file = model_copy / PROCESS
    file.write_text(file.read_text().replace("name: Assess", "name: Weigh", 1))
    second = rebuild(model_copy, site)
    assert second.ok
    assert "process-assess-threats.html" in second.written and "process-assess-threats.svg" in second.written
    assert "process-conduct-stakeholder-analysis.html" not in second.written
    assert "process-conduct-stakeholder-analysis.svg" not in second.written
    changed_svgs = [p for p in second.written if p.endswith(".svg") and not p.startswith("plan-")]
    assert 0 < len(layouts) == len(changed_svgs) < len(diagrams)
    assert "Weigh" in (site / "process-assess-threats.html").read_text()


def test_a_model_that_does_not_load_reports_located_errors_and_leaves_the_site(model_copy, tmp_path):
    site = tmp_path / "site"
    assert rebuild(model_copy, site, diagrams=False).ok
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (model_copy / PROCESS).write_text("id: assess-threats\nname: [unclosed\n")
    broken = rebuild(model_copy, site, diagrams=False)
    assert not broken.ok and broken.written == ()
    assert any(PROCESS in e and ":3:1:" in e for e in broken.errors), broken.errors
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_deleted_process_file_removes_its_pages(model_copy, tmp_path):
    site = tmp_path / "site"
    assert rebuild(model_copy, site, diagrams=False).ok
    (model_copy / "processes/engage-consult/define-stakeholder-objectives.yaml").unlink()
    result = rebuild(model_copy, site, diagrams=False)
    if result.ok:
        assert "process-define-stakeholder-objectives.html" in result.removed
        assert not (site / "process-define-stakeholder-objectives.html").exists()
    else:  # something else referred to it: the site stays and the errors say where
        assert all(":" in e for e in result.errors)


def test_served_pages_get_the_live_script_and_the_error_banner_escaped():
    state = LiveState()
    page = b"<html><body><main>x</main></body></html>"
    assert inject(page, state).endswith(b'<script src="/__opcc__/live.js" data-version="0"></script></body></html>')
    state.publish(("a.yaml:1:1: found <script>",))
    shown = inject(page, state)
    assert b"opcc-serve-errors" in shown and b"<script>" not in shown.replace(b'<script src="/__opcc__/live.js"', b"")


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "index.html").write_text("<html><body><h1>hi</h1></body></html>")
    (tmp_path / "sub").mkdir()
    state = LiveState()
    httpd = make_server(tmp_path, state, port=0)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def _get(url: str, host: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_the_server_answers_loopback_hosts_only_and_lists_no_folder(server):
    base, state = server
    assert _get(base + "/")[0] == 200
    assert _get(base + "/index.html", host="evil.example:80")[0] == 403
    assert _get(base + "/sub/")[0] == 404
    assert _get(base + "/../../etc/passwd")[0] == 404
    assert _get(base + "/__opcc__/nothing")[0] == 404
    status, body = _get(base + "/__opcc__/version")
    assert status == 200 and body == b'{"version": 0, "errors": 0}'
    state.publish(("m/a.yaml:2:3: expected text, found a list",))
    status, body = _get(base + "/__opcc__/errors")
    assert status == 200 and b"m/a.yaml:2:3: expected text, found a list" in body
