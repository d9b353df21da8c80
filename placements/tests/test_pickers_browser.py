"""The carers' list of a placement, narrowed by typing, free places first."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from placements.tests.factories import AgrementFactory, FosterCarerFactory, PlacementFactory
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_carers_with_free_places_come_first_with_their_number(
    page, live_server, nord, referent_nord
):
    child = ChildFactory(territory=nord, referent=referent_nord)
    MeasureFactory(child=child)
    full = FosterCarerFactory(territory=nord, last_name="Aubert", first_name="Anne")
    AgrementFactory(foster_carer=full, places=1)
    placed = MeasureFactory(child__territory=nord)
    PlacementFactory(child=placed.child, measure=placed, foster_carer=full)
    free = FosterCarerFactory(territory=nord, last_name="Zidane", first_name="Zoé")
    AgrementFactory(foster_carer=free, places=2)
    log_in(page, live_server, referent_nord)
    page.goto(reverse("placements:placement_create", args=[child.public_id]))

    carers = page.get_by_label("Assistant familial", exact=True)
    expect(carers.locator("option")).to_have_text(
        [
            re.compile("---"),
            "ZIDANE Zoé (Territoire Nord) · places libres : 2",
            "AUBERT Anne (Territoire Nord) · places libres : 0",
        ]
    )
    page.get_by_label("Rechercher dans la liste : Assistant familial").fill("zid")
    expect(carers.locator("option")).to_have_count(2)
    assert_accessible(page)
