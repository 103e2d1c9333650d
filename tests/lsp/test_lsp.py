"""``opcc lsp`` end to end (pytest-lsp drives a real server process) on a copy of the reference model."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

import opcc_model
from opcc_model.config import load_settings
from opcc_model.lsp.server import STALE_NOTE
from opcc_model.plan import load_plans
from opcc_model.queries import check
from tests.lsp.helpers import apply, change_file, open_file, position_of, settled

pytestmark = pytest.mark.asyncio

PANEL = "processes/monitor/report-to-the-panel.yaml"
ROLES = "processes/roles.yaml"

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


def _doc(file: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=file.as_uri())


async def test_diagnostics_are_every_finding_on_its_key_with_severities_mapped_and_waived_as_hints(client, model_root):
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await settled(client, model_root / ROLES)
    model = opcc_model.load(model_root)
    findings = check(model, settings=load_settings(model_root), plans=load_plans(model_root, model))
    expected = sorted(
        ((model_root / f.location.file).as_uri(), f.location.line - 1, f.location.column - 1, f.code,
         types.DiagnosticSeverity.Hint if f.waived else SEVERITY[f.severity])
        for f in findings if f.location is not None
    )
    got = sorted(
        (uri, d.range.start.line, d.range.start.character, d.code, d.severity)
        for uri, items in client.diagnostics.items() for d in items
    )
    assert expected and sorted(set(got)) == sorted(set(expected))
    assert any(s == types.DiagnosticSeverity.Hint for *_, s in got)  # the reference model waives some


async def test_a_half_typed_file_reports_its_syntax_error_and_marks_findings_from_its_last_good_version(client, model_root):
    file = model_root / PANEL
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    good = file.read_text()
    open_file(client, file, good)
    broken = good + "  - id: half-typed\n    name: [unclosed\n"
    change_file(client, file, broken, 2)
    await settled(client, file)
    items = client.diagnostics[file.as_uri()]
    errors = [d for d in items if d.severity == types.DiagnosticSeverity.Error]
    last = broken.count("\n")
    assert len(errors) == 1 and "syntax" in errors[0].message and errors[0].range.start.line == last
    stale = [d for d in items if d.code and d.code.startswith("OPCC-")]
    assert stale and all(d.message.endswith(STALE_NOTE) for d in stale)
    others = [d for uri, ds in client.diagnostics.items() if uri != file.as_uri() for d in ds]
    assert others and not any(STALE_NOTE in d.message for d in others)
    change_file(client, file, good, 3)  # fixed: no error, nothing stale
    await settled(client, file)
    assert not any(d.severity == types.DiagnosticSeverity.Error or STALE_NOTE in d.message
                   for d in client.diagnostics[file.as_uri()])


async def test_planted_errors_are_placed_on_the_exact_key(client, model_root):
    file = model_root / PANEL
    text = file.read_text().replace("accountable: pcp", "accountable: nobody-here", 1)
    text = text.replace("    consulted: [cc]", "    consultd: [cc]", 1)
    open_file(client, file, text)
    await settled(client, file)
    errors = {d.message: d.range for d in client.diagnostics[file.as_uri()] if d.severity == types.DiagnosticSeverity.Error}
    file.write_text(text)
    unknown_key = position_of(file, "consultd")
    assert any("unknown key 'consultd'" in m and r.start == unknown_key and r.end.character == unknown_key.character + 8
               for m, r in errors.items()), errors
    text = text.replace("    consultd: [cc]", "    consulted: [cc]", 1)
    change_file(client, file, text, 2)
    await settled(client, file)
    errors = {d.message: d.range for d in client.diagnostics[file.as_uri()] if d.severity == types.DiagnosticSeverity.Error}
    role = position_of(file, "nobody-here")
    assert any("nobody-here" in m and r.start.line == role.line for m, r in errors.items()), errors


async def test_go_to_definition_and_find_references_across_files(client, model_root):
    file = model_root / PANEL
    use = position_of(file, "accountable: pcc", offset=len("accountable: ") + 1)
    found = await client.text_document_definition_async(types.DefinitionParams(text_document=_doc(file), position=use))
    assert found == [types.Location(uri=(model_root / ROLES).as_uri(), range=types.Range(
        position_of(model_root / ROLES, "id: pcc", offset=4), position_of(model_root / ROLES, "id: pcc", offset=7)))]
    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=_doc(file), position=use, context=types.ReferenceContext(include_declaration=True)))
    model = opcc_model.load(model_root)
    for activity in model.activities:
        if activity.accountable == "pcc":
            where = model.location_of("activity", activity.id, "accountable")
            assert any(r.uri == Path(where.file).resolve().as_uri() and r.range.start.line == where.line - 1 for r in refs)
    assert len({r.uri for r in refs}) > 5
    code = position_of(file, '"1.7.5"', offset=2)
    defined = await client.text_document_definition_async(types.DefinitionParams(text_document=_doc(file), position=code))
    assert defined and defined[0].uri.endswith("pag/glossary.yaml")
    nothing = await client.text_document_definition_async(types.DefinitionParams(
        text_document=_doc(file), position=position_of(file, "Report to the Police")))
    assert nothing is None


async def test_hover_tells_a_roles_side_a_codes_holder_in_each_area_and_an_activitys_accountable(client, model_root):
    file = model_root / PANEL

    async def hover(text: str, offset: int) -> str:
        answer = await client.text_document_hover_async(types.HoverParams(
            text_document=_doc(file), position=position_of(file, text, offset=offset)))
        assert answer is not None
        return answer.contents.value

    role = await hover("accountable: pcp", len("accountable: ") + 1)
    assert role.startswith("**role** `pcp`") and "**side**: oversight" in role
    code = await hover('"1.7.5"', 2)
    model = opcc_model.load(model_root)
    assert code.startswith(f"**code** `1.7.5`: {model.code('1.7.5').name}")
    for boundary in model.boundaries:
        assert f"holder in **{boundary.area}**" in code
    assert "not the licensed PAG" in code
    activity = await hover("after: [panel-request-information]", len("after: [") + 2)
    assert activity.startswith("**activity** `panel-request-information`") and "**accountable**: pcp" in activity
    decisions = model_root / "processes/governance/decision-records.yaml"
    answer = await client.text_document_hover_async(types.HoverParams(
        text_document=_doc(decisions), position=position_of(decisions, "id: prepare-decision-report", offset=5)))
    assert answer is not None
    text = answer.contents.value
    assert "**obligation**: good-practice" in text and "**accountable**: opcc-chief-executive" in text
    assert "is on the side: commissioner" in text


async def test_completion_offers_the_kind_the_key_expects_ranked_by_side(client, model_root):
    file = model_root / PANEL
    text = file.read_text()
    typed = text.replace("    accountable: pcc\n", "    accountable: \n", 1)
    typed = typed.replace("    inputs: [panel-information-request, performance-report]", "    inputs: [panel-information-request, ", 1)
    open_file(client, file, typed)
    file.write_text(typed)

    async def labels(after: str) -> list[types.CompletionItem]:
        answer = await client.text_document_completion_async(types.CompletionParams(
            text_document=_doc(file), position=position_of(file, after, offset=len(after))))
        assert isinstance(answer, types.CompletionList)
        return sorted(answer.items, key=lambda i: i.sort_text or "")

    model = opcc_model.load(opcc_model.reference_root())
    roles = await labels("    accountable: ")
    assert {i.label for i in roles} == {r.id for r in model.roles}
    sides = [model.role(i.label).side for i in roles]
    principal = [s in ("commissioner", "chief-constable") for s in sides]
    assert principal == sorted(principal, reverse=True)  # the principal sides first
    artifacts = await labels("inputs: [panel-information-request, ")
    assert {i.label for i in artifacts} == {a.id for a in model.artifacts}
    codes = await labels('pag: ["')
    assert {i.label for i in codes} == {c.code for c in model.codes}


async def test_rename_is_one_workspace_edit_after_which_the_model_loads(client, model_root):
    file = model_root / PANEL
    at = position_of(file, "accountable: pcp", offset=len("accountable: "))
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=_doc(file), position=at, new_name="police-and-crime-panel"))
    assert edit is not None and len(edit.changes or {}) > 2
    for path, text in apply(edit).items():
        Path(path).write_text(text)
    model = opcc_model.load(model_root)
    assert model.role("police-and-crime-panel").side == "oversight"
    assert all("pcp" not in (a.accountable or "") for a in model.activities)
    with pytest.raises(JsonRpcException, match="lowercase id"):
        await client.text_document_rename_async(types.RenameParams(text_document=_doc(file), position=at, new_name="Not Valid"))


async def test_bad_input_is_answered_and_the_server_keeps_serving(client, model_root, tmp_path):
    with pytest.raises(JsonRpcException):
        await client.protocol.send_request_async("opcc/no-such-method", {})
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("roles: [\n")
    open_file(client, outside)
    answer = await client.text_document_hover_async(types.HoverParams(text_document=_doc(outside), position=types.Position(0, 1)))
    assert answer is None and outside.as_uri() not in client.diagnostics
    doomed = model_root / "processes/monitor/annual-report.yaml"
    open_file(client, doomed)
    doomed.unlink()
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=doomed.as_uri(), type=types.FileChangeType.Deleted)]))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(doomed)))
    await settled(client, model_root / PANEL)
    assert not client.diagnostics.get(doomed.as_uri())
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=_doc(model_root / PANEL), position=position_of(model_root / PANEL, "accountable: pcp", offset=14)))
    assert hover is not None
