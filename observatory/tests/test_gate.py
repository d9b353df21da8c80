"""Every observatory page that shows a child is sent no-store (the gate:
welfare/tests/test_gate.py)."""

import pytest
from django.urls import reverse

from welfare.enums import Role
from welfare.tests.gate import assert_no_store, nominative_url_names

pytestmark = pytest.mark.django_db

# URL name: the role that may open it.
NOMINATIVE_PAGES = {
    "dashboard:olinpe_export": Role.DIRECTORATE,
    "dashboard:quality": Role.TERRITORY_MANAGER,
}


def test_every_nominative_page_of_the_observatory_is_checked():
    assert nominative_url_names("observatory") == set(NOMINATIVE_PAGES)


@pytest.mark.parametrize("name", sorted(NOMINATIVE_PAGES))
def test_each_nominative_page_of_the_observatory_is_no_store(client, cast, departement, name):
    client.force_login(cast[NOMINATIVE_PAGES[name]])
    assert_no_store(client.get(reverse(name)))
