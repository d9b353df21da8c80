"""Every prevention page that names a family or a child is sent no-store (the gate:
welfare/tests/test_gate.py)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from prevention.enums import ConcernOutcome, FirstAnalysis
from prevention.tests.factories import ConcernFactory, InterventionFactory
from welfare.tests.gate import assert_no_store, nominative_url_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(nord):
    today = timezone.localdate()
    intervention = InterventionFactory(action__territory=nord)
    qualified = {"first_analysis": FirstAnalysis.CONCERN, "analysed_on": today}
    return {
        "action": intervention.action,
        "intervention": intervention,
        "concern": ConcernFactory(territory=nord),
        "qualified": ConcernFactory(territory=nord, **qualified),
        "grave": ConcernFactory(territory=nord, grave_danger=True),
        "referred": ConcernFactory(
            territory=nord,
            **qualified,
            evaluation_ended_on=today,
            outcome=ConcernOutcome.PROSECUTOR,
            prosecutor_referral_on=today,
        ),
    }


# URL name: the record of ``world`` named in the URL (None: no argument).
NOMINATIVE_PAGES = {
    "prevention:action_detail": "action",
    "prevention:intervention_create": "action",
    "prevention:intervention_edit": "intervention",
    "prevention:intervention_children": "intervention",
    "prevention:intervention_delete": "intervention",
    "prevention:concern_list": None,
    "prevention:concern_create": None,
    "prevention:concern_detail": "concern",
    "prevention:concern_edit": "concern",
    "prevention:concern_children": "concern",
    "prevention:concern_analysis": "concern",
    "prevention:concern_outcome": "qualified",
    "prevention:concern_feedback": "referred",
    "prevention:concern_signal": "grave",
}


def test_every_nominative_page_of_prevention_is_checked():
    assert nominative_url_names("prevention") == set(NOMINATIVE_PAGES)


@pytest.mark.parametrize("name", sorted(NOMINATIVE_PAGES))
def test_each_nominative_page_of_prevention_is_no_store(
    client, prevention_officer, departement, world, name
):
    record = NOMINATIVE_PAGES[name]
    client.force_login(prevention_officer)
    url = reverse(name, args=[world[record].public_id] if record else None)
    assert_no_store(client.get(url))
