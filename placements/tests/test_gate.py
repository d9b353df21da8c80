"""Every placements page that shows a child is sent no-store (the gate:
welfare/tests/test_gate.py)."""

import pytest
from django.urls import reverse

from placements.tests.factories import PlacementFactory
from welfare.tests.factories import ChildFactory, MeasureFactory
from welfare.tests.gate import assert_no_store, nominative_url_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement(nord, referent_nord):
    child = ChildFactory(territory=nord, referent=referent_nord)
    return PlacementFactory(child=child, measure=MeasureFactory(child=child))


NOMINATIVE_PAGES = {
    "placements:placement_create": lambda placement: placement.child.public_id,
    "placements:placement_end": lambda placement: placement.public_id,
    "placements:placement_move": lambda placement: placement.public_id,
}


def test_every_nominative_page_of_placements_is_checked():
    assert nominative_url_names("placements") == set(NOMINATIVE_PAGES)


@pytest.mark.parametrize("name", sorted(NOMINATIVE_PAGES))
def test_each_nominative_page_of_placements_is_no_store(
    client, referent_nord, departement, placement, name
):
    client.force_login(referent_nord)
    assert_no_store(client.get(reverse(name, args=[NOMINATIVE_PAGES[name](placement)])))
