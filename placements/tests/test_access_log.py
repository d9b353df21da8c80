"""What the placement pages write to the child's access log (issue 14): the forms that show
the child's name, and the refused attempts at a placement reached by its own UUID."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.enums import PlacementEndReason
from placements.tests.factories import FosterCarerFactory, PlacementFactory
from welfare.enums import AccessPurpose, Role
from welfare.models import AccessLog
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def placement(nord, referent_nord):
    child = ChildFactory(territory=nord, referent=referent_nord)
    measure = MeasureFactory(child=child, start_date=TODAY - timedelta(days=30))
    return PlacementFactory(
        child=child,
        measure=measure,
        foster_carer=FosterCarerFactory(territory=nord),
        start_date=TODAY - timedelta(days=20),
    )


def logged():
    return list(AccessLog.objects.order_by("pk").values_list("user", "child", "purpose", "detail"))


def test_placing_a_child_notes_the_form(client, referent_nord, placement):
    client.force_login(referent_nord)
    client.get(reverse("placements:placement_create", args=[placement.child.public_id]))
    assert logged() == [(referent_nord.pk, placement.child.pk, AccessPurpose.RECORD_FORM, "")]


@pytest.mark.parametrize("name", ["placements:placement_end", "placements:placement_move"])
def test_ending_or_moving_a_placement_notes_the_form(client, referent_nord, placement, name):
    client.force_login(referent_nord)
    assert client.get(reverse(name, args=[placement.public_id])).status_code == 200
    assert logged() == [(referent_nord.pk, placement.child.pk, AccessPurpose.RECORD_FORM, "")]


@pytest.mark.parametrize("name", ["placements:placement_end", "placements:placement_move"])
def test_another_territory_s_attempt_at_a_placement_is_noted(client, referent_sud, placement, name):
    client.force_login(referent_sud)
    url = reverse(name, args=[placement.public_id])
    assert client.get(url).status_code == 404
    assert logged() == [(referent_sud.pk, placement.child.pk, AccessPurpose.REFUSED, url)]


@pytest.mark.parametrize("role", [Role.PREVENTION_OFFICER, Role.DIRECTORATE, Role.RECEPTION])
def test_a_placement_refused_by_role_is_noted(client, cast, placement, role):
    client.force_login(cast[role])
    url = reverse("placements:placement_end", args=[placement.public_id])
    assert client.get(url).status_code == 403
    assert logged() == [(cast[role].pk, placement.child.pk, AccessPurpose.REFUSED, url)]


def test_an_ended_placement_of_one_s_own_territory_is_no_refusal(client, referent_nord, placement):
    placement.end_date = TODAY
    placement.end_reason = PlacementEndReason.RETURN_HOME
    placement.save()
    client.force_login(referent_nord)
    assert (
        client.get(reverse("placements:placement_end", args=[placement.public_id])).status_code
        == 404
    )
    assert not AccessLog.objects.exists()


def test_an_unknown_placement_notes_nothing(client, referent_sud):
    client.force_login(referent_sud)
    client.get(reverse("placements:placement_end", args=["00000000-0000-0000-0000-000000000000"]))
    assert not AccessLog.objects.exists()
