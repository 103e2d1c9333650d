"""The procedure keys load, and each bad input is a located error (exit 2 from the CLI, no traceback)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import ModelLoadError
from opcc_model.timing import Recurrence, annual_date, parse_span

from tests.editing import edit, line_of

from .conftest import PROCESS, write

AGREE = "    after: [identify-stakeholders]"


def errors(root: Path) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        opcc_model.load(root)
    return [str(issue) for issue in caught.value.issues]


def located(root: Path, relative: str, needle: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The one load error, checked to start file:line: of ``needle``; the CLI exits 2 without a traceback."""
    found = errors(root)
    assert len(found) == 1, found
    prefix = f"{(root / relative).as_posix()}:{line_of(root, relative, needle)}:"
    assert found[0].startswith(prefix), (found[0], prefix)
    assert main(["validate", str(root)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    return found[0]


def test_procedure_keys_load(root: Path) -> None:
    edit(root, PROCESS, AGREE, AGREE + """
    kind: decision
    obligation: duty
    deadlines: ["01-02", "2027-11-30"]
    windows: [{within: 3 weeks, of: identify-stakeholders}]
    recurs: [{every: quarter, anchor: "01-04"}]
    outcomes:
      - {name: agreed, then: [identify-stakeholders]}""")
    activity = opcc_model.load(root).activity("agree-outcomes")
    assert activity.obligation == "duty"
    assert activity.deadlines == ("01-02", "2027-11-30")
    assert activity.windows[0].span.add(datetime.date(2027, 1, 1)) == datetime.date(2027, 1, 22)
    assert activity.outcomes[0].then == ("identify-stakeholders",)


@pytest.mark.parametrize(
    ("added", "needle", "said"),
    [
        ('deadlines: ["31-02"]', '"31-02"', ["expected a day of the year as DD-MM", "'31-02'"]),
        ("windows: [{within: 3 fortnights, of: identify-stakeholders}]", "fortnights", ["unit of days, working days, weeks, months", "'3 fortnights'"]),
        ("recurs: [{every: month}]", "every: month", ["missing key 'anchor'"]),
        (
            "kind: decision\n    outcomes: [{name: veto, then: [identify-stakeholder]}]",
            "identify-stakeholder]",
            ["'identify-stakeholder'", "did you mean 'identify-stakeholders'"],
        ),
    ],
    ids=["deadline-31-february", "unknown-unit", "frequency-without-anchor", "branch-to-missing-activity"],
)
def test_bad_procedure_input_is_located(
    root: Path, capsys: pytest.CaptureFixture[str], added: str, needle: str, said: list[str]
) -> None:
    edit(root, PROCESS, AGREE, AGREE + "\n    " + added)
    message = located(root, PROCESS, needle, capsys)
    assert all(part in message for part in said), message


def test_outcomes_only_on_decisions(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, PROCESS, AGREE, AGREE + "\n    outcomes: [{name: veto, then: [identify-stakeholders]}]")
    assert "only for kind: decision" in located(root, PROCESS, "- id: agree-outcomes", capsys)


INSTRUMENT = """instruments:
  - id: ppo-2011
    title: Policing Protocol Order 2011
    cited_as: [Policing Protocol Order 2011]
    kind: order
    made: {made}
    revoked: {revoked}
    evidence: V
    source: LAW.md 9
"""


def test_revoked_before_made(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(root, "law/instruments.yaml", INSTRUMENT.format(made="2011-11-22", revoked="2010-07-03"))
    message = located(root, "law/instruments.yaml", "- id: ppo-2011", capsys)
    assert "revoked: expected a date on or after made (2011-11-22), found 2010-07-03" in message


def test_instruments_file_loads(root: Path) -> None:
    write(root, "law/instruments.yaml", INSTRUMENT.format(made="2011-11-22", revoked="2023-07-03"))
    model = opcc_model.load(root)
    assert model.instrument_cited_by("Policing Protocol Order 2011 para 24") == model.instrument("ppo-2011")
    assert str(model.location_of("instrument", "ppo-2011")).endswith("law/instruments.yaml:2:5")


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_annual_dates_round_trip(day: datetime.date) -> None:
    text = day.strftime("%d-%m")
    got = annual_date(text, day.year)
    assert got == day


@given(st.integers(0, 400), st.sampled_from(["days", "weeks", "working days", "months"]))
def test_spans_never_go_back(amount: int, unit: str) -> None:
    start = datetime.date(2027, 1, 1)
    end = parse_span(f"{amount} {unit}").add(start)
    assert end >= start
    if unit == "working days" and amount:
        assert end.weekday() < 5


@given(st.sampled_from(["month", "quarter", "year"]), st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2000, 12, 28)))
def test_recurrences_fill_the_year(every: str, anchor: datetime.date) -> None:
    dates = Recurrence(every=every, anchor=anchor.strftime("%d-%m")).dates(2027)
    assert len(dates) == {"month": 12, "quarter": 4, "year": 1}[every]
    assert dates == sorted(dates) and all(d.year == 2027 for d in dates)
