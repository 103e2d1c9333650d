"""Project-wide pytest settings.

With ``OPCC_REQUIRE_TOOLS=1`` (set by ``.ci/run``) a test skipped for want of a tool
(Chromium, the system ``dot``, bpmn-js, an optional package) fails instead: in CI
every check must really run.
"""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report = outcome.get_result()
    expected_failure = hasattr(report, "wasxfail")  # xfail reports as skipped; it is not a missing tool
    if report.skipped and not expected_failure and os.environ.get("OPCC_REQUIRE_TOOLS") and not item.get_closest_marker("optional"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped, but OPCC_REQUIRE_TOOLS is set (CI must run every check): {reason}"


def pytest_configure(config: pytest.Config) -> None:
    # the CLI keeps a cache of loaded models; tests keep theirs away from the user's cache folder
    if "OPCC_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["OPCC_CACHE_DIR"] = tempfile.mkdtemp(prefix="opcc-test-cache-")
    config.addinivalue_line("markers", "optional: may be skipped even when OPCC_REQUIRE_TOOLS is set")
