"""The agrément service records an application from its receipt to its decision, on a
desktop's screen and on a phone's, with axe clean on every page (art. L421-6 al. 2 CASF: the
decision within 4 months of the complete file, extendable once by 2)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from placements.enums import ApplicationDecision
from placements.tests.factories import FosterCarerFactory
from welfare.rules import add_months
from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible_and_fits(page):
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url}: the page is {overflow} px wider than the window"


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_an_application_from_its_receipt_to_its_decision(
    page, live_server, nord, responsable_nord, width
):
    page.set_viewport_size({"width": width, "height": 900})
    today = timezone.localdate()
    received = today - timedelta(days=20)
    complete = today - timedelta(days=10)
    carer = FosterCarerFactory(territory=nord, first_name="Claire", last_name="Bourgeois")

    log_in(page, live_server, responsable_nord)
    page.goto(carer.get_absolute_url())
    accessible_and_fits(page)
    page.get_by_role("link", name="Enregistrer une demande d'agrément").click()
    accessible_and_fits(page)
    page.get_by_label("Objet de la demande").select_option(label="Première demande")
    page.get_by_label("Nombre de places demandé").fill("2")
    page.get_by_label("Demande reçue le").fill(f"{received:%d/%m/%Y}")
    # A complete file before the receipt is refused next to the field.
    page.get_by_label("Dossier complet le").fill(f"{received - timedelta(days=1):%d/%m/%Y}")
    page.get_by_role("button", name="Enregistrer la demande").click()
    error = page.locator(".invalid-feedback", has_text="avant la réception")
    assert "ne peut être complet avant la réception de la demande" in error.inner_text()
    accessible_and_fits(page)
    page.get_by_label("Dossier complet le").fill("")
    page.get_by_role("button", name="Enregistrer la demande").click()

    # Incomplete: no clock yet.
    page.get_by_text("Dossier incomplet : le délai ne court pas.").first.wait_for()
    accessible_and_fits(page)
    page.get_by_role("link", name="Enregistrer le dossier complet").click()
    page.get_by_label("Dossier complet le").fill(f"{complete:%d/%m/%Y}")
    page.get_by_role("button", name="Enregistrer").click()
    due = add_months(complete, 4)
    page.get_by_text(f"{due:%d/%m/%Y} (4 mois du dossier complet)").wait_for()
    accessible_and_fits(page)

    # Extended once, by a reasoned decision: 6 months.
    page.get_by_role("link", name="Prolonger le délai de 2 mois").click()
    accessible_and_fits(page)
    page.get_by_label("Motif de la prolongation").fill("Visite au domicile à reprogrammer.")
    page.get_by_role("button", name="Prolonger de 2 mois").click()
    extended = add_months(complete, 6)
    page.get_by_text(f"{extended:%d/%m/%Y} (4 mois du dossier complet, prolongés").wait_for()
    accessible_and_fits(page)

    # The pending list shows it with its deadline.
    page.goto("/accueil/demandes-agrement/")
    accessible_and_fits(page)
    row = page.get_by_role("row", name="BOURGEOIS Claire")
    assert f"{extended:%d/%m/%Y}" in row.inner_text()
    row.get_by_role("link", name="BOURGEOIS Claire").click()

    # A refusal without its reason is refused; the grant records the agrément.
    page.get_by_role("link", name="Enregistrer la décision").click()
    accessible_and_fits(page)
    page.get_by_role("radio", name="Refusé").check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    assert "Un refus d'agrément est motivé" in page.locator(".invalid-feedback").inner_text()
    accessible_and_fits(page)
    page.get_by_role("radio", name="Accordé", exact=True).check()
    page.get_by_label("Numéro d'agrément").fill("AF-39-0999")
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_text("La décision est enregistrée.").wait_for()
    accessible_and_fits(page)

    application = carer.applications.get()
    assert application.decision == ApplicationDecision.GRANTED
    assert (application.agrement.granted_on, application.agrement.places) == (today, 2)
    page.goto(carer.get_absolute_url())
    assert "AF-39-0999" in page.content()
    accessible_and_fits(page)
