"""A caseworker tries to place a child with a carer whose places are all taken."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from placements.tests.factories import AgrementFactory, FosterCarerFactory, PlacementFactory
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_caseworker_reads_why_a_full_carer_is_refused(page, live_server, nord, referent_nord):
    today = timezone.localdate()
    child = ChildFactory(
        territory=nord,
        referent=referent_nord,
        first_name="Noé",
        last_name="Bourgeois",
        birth_date=date(2015, 4, 2),
    )
    MeasureFactory(child=child, start_date=today - timedelta(days=10))
    carer = FosterCarerFactory(territory=nord, first_name="Odile", last_name="Prost")
    AgrementFactory(foster_carer=carer, places=2, granted_on=today - timedelta(days=900))
    for _ in range(2):
        other = MeasureFactory(child__territory=nord)
        PlacementFactory(child=other.child, measure=other, foster_carer=carer)

    log_in(page, live_server, referent_nord)
    page.goto(f"/enfants/{child.public_id}/")
    page.get_by_role("link", name="Placer l'enfant").click()
    assert_accessible(page)
    page.get_by_label("Mesure qui ordonne l'accueil").select_option(index=1)
    page.get_by_role("radio", name="Assistant familial").check()
    # The list says the carer is full; choosing her anyway is refused with the reason.
    page.get_by_role("combobox", name="Assistant familial").select_option(
        label=f"{carer} ({nord}) · places libres : 0"
    )
    page.get_by_role("button", name="Enregistrer le placement").click()

    error = page.locator(".invalid-feedback", has_text="n'a plus de place libre")
    assert error.inner_text().strip() == (
        f"PROST Odile n'a plus de place libre : son agrément autorise 2 enfants et 2 sont déjà "
        f"accueillis le {today:%d/%m/%Y}."
    )
    assert_accessible(page)
    assert not child.placements.exists()
