"""``opcc calendar``: the 2027 statutory year matches the law's table, and the .ics parses with two parsers."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import icalendar
import pytest
import vobject

import opcc_model
from opcc_model.cli import main
from opcc_model.queries.calendar import statutory_calendar
from opcc_model.render.calendar import to_ics, to_markdown

EXCERPT = Path(__file__).with_name("law_excerpt.md")
STAMP = datetime.date(2027, 1, 1)


@pytest.fixture(scope="module")
def model() -> opcc_model.Model:
    return opcc_model.load(opcc_model.reference_root())


def law_rows() -> list[tuple[str, datetime.date, str, str]]:
    """The ``by D Mon`` rows of LAW.md §12 as (event, 2027 date, basis, tag)."""
    rows = []
    for line in EXCERPT.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 5 and cells[1].startswith("by "):
            day = datetime.datetime.strptime(f"{cells[1][3:]} 2027", "%d %b %Y").date()
            rows.append((cells[0], day, cells[3], cells[4]))
    return rows


def backstops() -> dict[str, datetime.date]:
    """The reg 9A backstop dates of LAW.md §8, by financial year."""
    line = next(l for l in EXCERPT.read_text(encoding="utf-8").splitlines() if "backstops" in l)
    return {
        year: datetime.datetime.strptime(day, "%d %b %Y").date()
        for year, day in re.findall(r"(\d{4}/\d{2}) → (\d{1,2} \w{3} \d{4})", line)
    }


def test_excerpt_is_read() -> None:
    assert len(law_rows()) == 5 and len(backstops()) == 5


def test_2027_precept_deadlines_match_the_verified_rows(model: opcc_model.Model) -> None:
    cal = statutory_calendar(model, 2027)
    dated = {(e.date, e.activity) for e in cal if e.kind == "deadline"}
    verified = {day for _, day, basis, tag in law_rows() if tag == "V" and "?" not in basis}
    unverified = {day for _, day, basis, tag in law_rows() if tag != "V" or "?" in basis}
    assert verified == {datetime.date(2027, 2, 1), datetime.date(2027, 2, 8), datetime.date(2027, 2, 15)}
    assert {day for day, _ in dated if day.month in (2, 3)} >= verified
    assert not {day for day, _ in dated} & unverified, "rows tagged S or '?' are left out until verified"
    assert (datetime.date(2027, 2, 1), "propose-precept") in dated
    assert (datetime.date(2027, 2, 15), "revise-precept") in dated


def test_2027_accounts_backstops_match_section_8(model: opcc_model.Model) -> None:
    cal = statutory_calendar(model, 2027, area="example-england")
    due = {(e.date, e.activity) for e in cal}
    for day in (d for d in backstops().values() if d.year == 2027):
        assert (day, "publish-pcc-audited-accounts") in due and (day, "publish-cc-audited-accounts") in due
    assert not [e for e in statutory_calendar(model, 2027, area="example-wales") if "audited-accounts" in e.activity]


def test_ics_parses_with_icalendar_and_vobject(model: opcc_model.Model) -> None:
    cal = statutory_calendar(model, 2027)
    data = to_ics(cal, stamp=STAMP)
    parsed = icalendar.Calendar.from_ical(data)
    events = [c for c in parsed.walk("VEVENT")]
    assert len(events) == len(cal) > 12
    assert sorted(e.decoded("dtstart") for e in events) == [e.date for e in cal]
    other = vobject.readOne(io.StringIO(data.decode("utf-8")))
    summaries = sorted(str(v.summary.value) for v in other.vevent_list)
    assert summaries == sorted(str(e.get("summary")) for e in events)
    assert {v.dtstart.value for v in other.vevent_list} == {e.date for e in cal}
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_same_model_and_date_give_identical_bytes(model: opcc_model.Model, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    args = ["calendar", str(opcc_model.reference_root()), "--year", "2027", "--date", "2027-01-01", "--format", "ics"]
    assert main(args) == 0
    first = capsysbinary.readouterr().out
    assert main(args) == 0
    assert capsysbinary.readouterr().out == first
    assert first == to_ics(statutory_calendar(model, 2027), stamp=STAMP)


def test_next_days_from_the_date(model: opcc_model.Model, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", str(opcc_model.reference_root()), "--next", "20d", "--date", "2027-01-25", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "2027-02-01,deadline,propose-precept" in out and "2027-02-15" not in out
    assert "2027-01-31,deadline,publish-pcc-audited-accounts" in out


def test_default_date_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", str(opcc_model.example_root("minimal"))]) == 0
    assert f"date: {datetime.date.today().isoformat()}" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["--next", "3w"], ["--year", "twenty"], ["--date", "2027-02-30"], ["--area", "nowhere"]])
def test_bad_arguments_exit_2(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", str(opcc_model.example_root("minimal")), *bad]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("expected" in err or "nowhere" in err)


def test_markdown_escapes_model_text(model: opcc_model.Model) -> None:
    text = to_markdown(statutory_calendar(model, 2027))
    assert "## February 2027" in text and "| 1 Feb |" in text
    assert "<" not in text
