"""The directorate's journey: the dashboard at a date, a territory, a bad date, then the
observatory and its data-quality report; axe-core checks every page."""

import pytest

from observatory.tests import world
from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_directorate_reads_the_dashboard_then_the_observatory(
    page, live_server, directorate, nord, sud
):
    world.build(nord, sud)
    log_in(page, live_server, directorate)

    page.goto("/tableau-de-bord/")
    page.get_by_label("Situation au").fill("2024-06-30")
    page.get_by_label("Période du").fill("2024-01-01")
    page.get_by_role("button", name="Afficher").click()
    table = page.get_by_role(
        "table", name="Enfants confiés par lieu d'accueil et nature de la mesure"
    )
    assert table.get_by_role("row").last.inner_text().split() == [
        "Enfants",
        "confiés",
        "2",
        "4",
        "6",
    ]
    assert page.get_by_role("img", name="Enfants confiés par âge et sexe").is_visible()
    assert_accessible(page)

    page.get_by_label("Territoire", exact=True).select_option(label=nord.name)
    page.get_by_role("button", name="Afficher").click()
    assert table.get_by_role("row").last.inner_text().split() == [
        "Enfants",
        "confiés",
        "0",
        "3",
        "3",
    ]

    page.get_by_label("Situation au").fill("2999-01-01")
    page.get_by_role("button", name="Afficher").click()
    assert page.get_by_text("Choisissez une date qui n'est pas dans le futur.").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Observatoire (ODPE)").click()
    page.get_by_label("Année", exact=True).fill("2024")
    page.get_by_role("button", name="Afficher").click()
    assert page.get_by_role("link", name="Télécharger l'export OLINPE 2024 (CSV)").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Qualité des données 2024").click()
    assert page.get_by_role("table", name="Dossiers incomplets en 2024").is_visible()
    assert_accessible(page)
