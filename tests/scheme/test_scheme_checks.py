"""The scheme checks (OPCC-S1xx) fire on planted cases and stay silent on lawful ones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opcc_model.queries.schemechains import ladder_problems
from opcc_model.scheme import Ladder, Tier
from tests.scheme.support import codes_found, with_area

BASE = "allocations: [{pag: '1', holder: commissioner}, {pag: '2', holder: chief-constable}, {pag: '1.8', holder: chief-constable}]\n"


def test_the_example_schemes_are_lawful(reference) -> None:
    import opcc_model

    found = opcc_model.check(reference, on=__import__("datetime").date(2026, 1, 31))
    assert [f for f in found if f.code.startswith("OPCC-S")] == []


def test_s101_plan_delegated_to_an_officer_or_the_deputy_or_given_to_the_chief_constable(reference) -> None:
    officer = with_area(reference, BASE + "delegations: [{pag: '1.1.1.8', by: pcc, to: opcc-chief-executive}]\n")
    assert codes_found(officer, "OPCC-S101") == [("1.1.1.8", "opcc-chief-executive")]
    deputy = with_area(reference, "deputy: dpcc\n" + BASE + "delegations: [{pag: '1.1.1.8', by: pcc, to: dpcc}]\n")
    assert codes_found(deputy, "OPCC-S101") == [("1.1.1.8", "dpcc")]
    given_away = with_area(reference, BASE[:-2] + ", {pag: '1.3.1', holder: chief-constable}]\n")
    assert codes_found(given_away, "OPCC-S101") == [("1.3.1.3", "1.3.1")]  # the council tax requirement


def test_s101_is_silent_when_the_deputy_takes_what_the_law_lets_them(reference) -> None:
    lawful = with_area(reference, "deputy: dpcc\n" + BASE + "delegations: [{pag: '1.1.1.1', by: pcc, to: dpcc}]\n")
    assert codes_found(lawful, "OPCC-S101") == []
    # a mayor's deputy: the same three functions barred (LURA 2023 Sch 3 para 3(4))
    mayor = with_area(reference, "body: mayor\ndeputy: dpcc\n" + BASE + "delegations: [{pag: '1.6.1', by: pcc, to: dpcc}]\n")
    assert codes_found(mayor, "OPCC-S101") == [("1.6.1", "dpcc")]


def test_s102_delegation_to_force_staff_is_a_warning(reference) -> None:
    barred = with_area(reference, BASE + "delegations: [{pag: '1.3.8.2', by: pcc, to: force-cfo}]\n")
    assert codes_found(barred, "OPCC-S102") == [("1.3.8.2", "force-cfo")]
    inside = with_area(reference, BASE + "delegations: [{pag: '2.1', by: cc, to: dcc}]\n")  # within the force
    assert codes_found(inside, "OPCC-S102") == []


def test_s103_gap_and_overlap_and_a_clean_ladder(reference) -> None:
    gap = "ladders: [{pag: '1.3.8.2', currency: GBP, tiers: [{up_to: 50000, decides: cc}, {over: 60000, decides: pcc}]}]\n"
    assert codes_found(with_area(reference, BASE + gap), "OPCC-S103") == [("1.3.8.2", "1")]
    overlap = "ladders: [{pag: '1.3.8.2', currency: GBP, tiers: [{up_to: 50000, decides: cc}, {from: 50000, decides: pcc}]}]\n"
    assert codes_found(with_area(reference, BASE + overlap), "OPCC-S103") == [("1.3.8.2", "1")]
    clean = "ladders: [{pag: '1.3.8.2', currency: GBP, tiers: [{below: 50000, decides: cc}, {from: 50000, decides: pcc}]}]\n"
    assert codes_found(with_area(reference, BASE + clean), "OPCC-S103") == []


def _ladder(cuts: list[int], inclusive: list[bool]) -> Ladder:
    tiers = []
    lower: tuple[int, bool] | None = None
    for cut, incl in zip(cuts, inclusive):
        bounds: dict[str, int] = {}
        if lower is not None:
            bounds["over" if lower[1] else "from"] = lower[0]
        bounds["up_to" if incl else "below"] = cut
        tiers.append(Tier(decides="a", **bounds))
        lower = (cut, incl)
    assert lower is not None
    tiers.append(Tier(decides="b", **{"over" if lower[1] else "from": lower[0]}))
    return Ladder(pag="1", currency="GBP", tiers=tuple(tiers))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 10**9), min_size=1, max_size=8, unique=True).map(sorted), st.data())
def test_a_ladder_whose_tiers_meet_has_no_gap_and_breaking_one_bound_makes_one(cuts, data) -> None:
    inclusive = data.draw(st.lists(st.booleans(), min_size=len(cuts), max_size=len(cuts)))
    ladder = _ladder(cuts, inclusive)
    assert list(ladder_problems(ladder)) == []
    for amount in (cuts[0], cuts[-1], cuts[-1] + 1, 0):  # exactly one tier holds every amount
        assert sum(1 for t in ladder.tiers if _holds(ladder, t, amount)) == 1
    reversed_tiers = Ladder(pag="1", currency="GBP", tiers=tuple(reversed(ladder.tiers)))
    assert list(ladder_problems(reversed_tiers)) == []  # order of writing does not matter
    i = data.draw(st.integers(0, len(cuts) - 1))
    broken = list(ladder.tiers)
    tier = broken[i + 1]
    lower = tier.over if tier.over is not None else tier.from_
    flipped = {"from": lower} if tier.over is not None else {"over": lower}
    broken[i + 1] = Tier(decides=tier.decides, up_to=tier.up_to, below=tier.below, **flipped)
    assert len(list(ladder_problems(Ladder(pag="1", currency="GBP", tiers=tuple(broken))))) == 1


def _holds(ladder: Ladder, tier: Tier, amount: int) -> bool:
    return ladder.tier_for(amount) is tier


def test_s104_wrong_side_decider(reference) -> None:
    wrong = "ladders: [{pag: '1.3.8.2', currency: GBP, tiers: [{up_to: 5, decides: cc, relation: delegated}, {over: 5, decides: pcc}]}]\n"
    assert codes_found(with_area(reference, BASE + wrong), "OPCC-S104") == [("1.3.8.2", "cc")]


def test_s105_onward_not_allowed_nothing_to_delegate_and_a_cycle(reference) -> None:
    not_allowed = BASE + ("delegations: [{pag: '1.5.7', by: pcc, to: opcc-chief-executive},"
                          " {pag: '1.5.7', by: opcc-chief-executive, to: opcc-cfo}]\n")
    assert codes_found(with_area(reference, not_allowed), "OPCC-S105") == [("1.5.7", "opcc-chief-executive")]
    allowed = not_allowed.replace("to: opcc-chief-executive}", "to: opcc-chief-executive, onward: true}")
    assert codes_found(with_area(reference, allowed), "OPCC-S105") == []
    cycle = BASE + ("delegations: [{pag: '1.5.7', by: pcc, to: opcc-chief-executive, onward: true},"
                    " {pag: '1.5.7', by: opcc-chief-executive, to: opcc-cfo, onward: true},"
                    " {pag: '1.5.7', by: opcc-cfo, to: opcc-chief-executive, onward: true}]\n")
    import opcc_model

    found = [f for f in opcc_model.check(with_area(reference, cycle), area="planted") if f.code == "OPCC-S105"]
    assert [f.message.split(": ", 1)[1] for f in found] == ["opcc-cfo -> opcc-chief-executive -> opcc-cfo."]


def test_s106_expired_against_the_check_date(reference) -> None:
    temporary = with_area(reference, BASE + "delegations: [{pag: '1.5.7', by: pcc, to: opcc-chief-executive, until: 2025-03-31}]\n")
    assert codes_found(temporary, "OPCC-S106", on="2025-03-31") == []  # its last day
    assert codes_found(temporary, "OPCC-S106", on="2025-04-01") == [("1.5.7", "2025-03-31")]


def test_s107_consent_without_a_consenting_role(reference) -> None:
    nobody = with_area(reference, BASE[:-2] + ", {pag: '1.3.4.2', holder: chief-constable, relation: consent}]\n")
    assert codes_found(nobody, "OPCC-S107") == [("1.3.4.2",)]
    wrong = with_area(reference, BASE[:-2] + ", {pag: '1.3.4.2', holder: chief-constable, relation: consent, consent_by: dcc}]\n")
    assert codes_found(wrong, "OPCC-S107") == [("1.3.4.2",)]
    fine = with_area(reference, BASE[:-2] + ", {pag: '1.3.4.2', holder: chief-constable, relation: consent, consent_by: pcc}]\n")
    assert codes_found(fine, "OPCC-S107") == []


def test_s108_a_broad_line_sweeps_land_to_the_chief_constable(reference) -> None:
    swept = with_area(reference, BASE[:-2] + ", {pag: '1.3.4', holder: chief-constable}]\n")
    assert codes_found(swept, "OPCC-S108") == [("1.3.4.1", "1.3.4")]
    named = with_area(reference, BASE[:-2] + ", {pag: '1.3.4', holder: chief-constable}, {pag: '1.3.4.1', holder: commissioner}]\n")
    assert codes_found(named, "OPCC-S108") == []


def test_s110_the_old_key_warns_until_migrated(reference) -> None:
    old = with_area(reference, BASE[:-2] + ", {pag: '1.3.2.5', holder: chief-constable, delegated_by: commissioner}]\n")
    assert codes_found(old, "OPCC-S110") == [("1.3.2.5",)]
    assert old.boundary("planted").allocation_for("1.3.2.5").relation == "consent"
