"""The prevention officer's journey in a real browser, with axe-core on every page."""

from datetime import date

import pytest

from prevention.enums import ActionKind
from prevention.models import Intervention
from prevention.tests.factories import PreventionActionFactory
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_prevention_officer_records_a_tisf_intervention_for_a_family(
    page, live_server, prevention_officer, nord
):
    action = PreventionActionFactory(
        title="TISF – soutien à domicile, Nord", kind=ActionKind.TISF, territory=nord
    )
    child = ChildFactory(
        territory=nord, first_name="Inès", last_name="Morel", birth_date=date(2019, 4, 2)
    )
    log_in(page, live_server, prevention_officer)

    page.goto("/prevention/")
    page.get_by_role("link", name="Prévention", exact=True).first.wait_for()
    assert_accessible(page)
    page.get_by_role("link", name=action.title).click()
    assert_accessible(page)
    page.get_by_role("link", name="Nouvelle intervention").click()
    assert_accessible(page)

    page.get_by_label("Famille").fill("Famille Morel")
    page.get_by_label("Début de l'intervention").fill("2023-05-02")
    page.get_by_label("Visites à domicile").fill("8")
    page.get_by_role("button", name="Enregistrer").click()

    page.get_by_role("heading", name="Enfants de la famille").wait_for()
    assert_accessible(page)
    page.get_by_label("Nom ou prénom").fill("morel")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("button", name="Rattacher MOREL Inès").click()
    page.get_by_role("button", name="Retirer MOREL Inès").wait_for()
    assert_accessible(page)

    intervention = Intervention.objects.get()
    assert (intervention.family_name, intervention.visits_count) == ("Famille Morel", 8)
    assert list(intervention.children.all()) == [child]
