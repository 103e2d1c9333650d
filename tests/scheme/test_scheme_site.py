"""The scheme on the site: the table a chief executive reads, ladder pictures, the register, the comparison heat map."""

from __future__ import annotations

from opcc_model.render.site import plan_site, render_area, render_home
from tests.scheme.support import with_area


def test_area_page_shows_the_scheme_ladders_and_register(reference) -> None:
    site = plan_site(reference, diagrams=False)
    page = render_area(site, "example-england")
    assert "Scheme of delegation and consent" in page and "An illustrative scheme, not a real force" in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="ladder"') == len(reference.boundary("example-england").ladders)
    assert "up to GBP 50000: Force Director of Finance and Resources (example)" in page
    assert "Award the custody healthcare contract" in page  # the decision register
    published = render_area(site, "hampshire-published")
    assert "Encoded from a published scheme" in published and 'href="https://www.hampshire-pcc.gov.uk/?p=30007"' in published


def test_scheme_text_is_escaped_in_the_table_and_the_pictures(reference) -> None:
    hostile = with_area(reference, (
        "allocations: [{pag: '1', holder: commissioner}, {pag: '2', holder: chief-constable},"
        " {pag: '1.3.4.2', holder: chief-constable, relation: consent, consent_by: pcc, condition: '<script>alert(1)</script>'}]\n"
        "officers: [{id: evil, name: '<img src=x onerror=alert(1)>', side: commissioner}]\n"
        "ladders: [{pag: '1.3.8.2', currency: GBP, tiers: [{up_to: 5, decides: evil}, {over: 5, decides: pcc}]}]\n"
    ))
    site = plan_site(hostile, diagrams=False)
    page = render_area(site, "planted")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page
    home = render_home(site)
    assert 'class="comparison"' in home and "<script>alert" not in home


def test_home_heat_map_has_a_cell_per_area_and_code(reference) -> None:
    home = render_home(plan_site(reference, diagrams=False))
    figure = home.split('<figure class="comparison-figure">')[1].split("</figure>")[0]
    from opcc_model.queries.scheme_tables import compare

    table = compare(reference)
    assert figure.count("<rect") == len(table.rows) * (len(table.columns) - 2)
