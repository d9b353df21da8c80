"""A grave and immediate danger: the signalement to the procureur is due the day of receipt
and its sending closes the concern (art. L226-4 I 2° and D226-2-4 I 2° CASF)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from prevention import services
from prevention.enums import ConcernOutcome, FirstAnalysis
from prevention.models import Concern
from prevention.tests.factories import ConcernFactory
from welfare.enums import Role
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def grave(nord):
    """A grave danger received two days ago about one child, not analysed yet."""
    received = TODAY - timedelta(days=2)
    concern = ConcernFactory(
        territory=nord, received_on=received, evaluation_due_on=received, grave_danger=True
    )
    concern.children.add(ChildFactory(territory=nord, birth_date=date(2015, 4, 1)))
    return concern


def signal_url(concern):
    return reverse("prevention:concern_signal", args=[concern.public_id])


def test_recording_the_signalement_closes_the_concern(grave, prevention_officer):
    """Art. L226-4 I 2° CASF: the signalement is the outcome; not analysed yet, the concern
    is qualified an IP the day of the signalement."""
    services.concern_signal(
        concern=grave, author=prevention_officer, prosecutor_referral_on=grave.received_on
    )
    grave.refresh_from_db()
    assert not grave.is_open
    assert (grave.outcome, grave.prosecutor_referral_on, grave.evaluation_ended_on) == (
        ConcernOutcome.PROSECUTOR,
        grave.received_on,
        grave.received_on,
    )
    assert (grave.first_analysis, grave.analysed_on) == (FirstAnalysis.CONCERN, grave.received_on)
    assert not grave.was_late()


def test_a_signalement_sent_the_next_day_is_late(grave, prevention_officer):
    """D226-2-4 I 2°: due the day of receipt; the day after is late (boundary)."""
    services.concern_signal(
        concern=grave,
        author=prevention_officer,
        prosecutor_referral_on=grave.received_on + timedelta(days=1),
    )
    grave.refresh_from_db()
    assert grave.was_late()


def test_a_grave_danger_not_yet_signalled_is_overdue_the_next_day(grave):
    """D226-2-4 I 2°: on the day of receipt it is due, from the next day overdue."""
    assert not Concern.objects.overdue_on(grave.received_on).filter(pk=grave.pk).exists()
    day_after = grave.received_on + timedelta(days=1)
    assert Concern.objects.overdue_on(day_after).filter(pk=grave.pk).exists()


def test_only_a_grave_danger_is_signalled_this_way(nord, prevention_officer):
    ordinary = ConcernFactory(territory=nord)
    ordinary.children.add(ChildFactory(territory=nord))
    with pytest.raises(ValidationError, match="Seul un danger grave et immédiat"):
        services.concern_signal(
            concern=ordinary, author=prevention_officer, prosecutor_referral_on=TODAY
        )


def test_a_signalement_cannot_precede_the_receipt(grave, prevention_officer):
    with pytest.raises(ValidationError) as refusal:
        services.concern_signal(
            concern=grave,
            author=prevention_officer,
            prosecutor_referral_on=grave.received_on - timedelta(days=1),
        )
    assert "prosecutor_referral_on" in refusal.value.message_dict


def test_a_signalement_needs_the_child(nord, prevention_officer):
    concern = ConcernFactory(territory=nord, grave_danger=True, evaluation_due_on=TODAY)
    with pytest.raises(ValidationError, match="Indiquez d'abord l'enfant concerné"):
        services.concern_signal(
            concern=concern, author=prevention_officer, prosecutor_referral_on=TODAY
        )


def test_the_crip_records_the_signalement_through_its_page(client, grave, prevention_officer):
    client.force_login(prevention_officer)
    detail = client.get(reverse("prevention:concern_detail", args=[grave.public_id]))
    html = detail.content.decode()
    assert "Signalement au procureur attendu le" in html
    assert "Signalement en retard" in html
    assert signal_url(grave) in html

    response = client.post(signal_url(grave), {"prosecutor_referral_on": f"{TODAY:%d/%m/%Y}"})

    assert response.status_code == 302
    grave.refresh_from_db()
    assert grave.prosecutor_referral_on == TODAY and not grave.is_open
    assert client.get(signal_url(grave)).status_code == 404


def test_the_signalement_page_refuses_a_day_to_come(client, grave, prevention_officer):
    client.force_login(prevention_officer)
    tomorrow = TODAY + timedelta(days=1)
    response = client.post(signal_url(grave), {"prosecutor_referral_on": f"{tomorrow:%d/%m/%Y}"})
    assert response.status_code == 200
    assert response.context["form"].errors["prosecutor_referral_on"]
    grave.refresh_from_db()
    assert grave.is_open


def test_the_crip_list_shows_the_grave_danger_first(client, grave, nord, prevention_officer):
    older = ConcernFactory(
        territory=nord,
        received_on=TODAY - timedelta(days=80),
        evaluation_due_on=TODAY - timedelta(days=10),
    )
    client.force_login(prevention_officer)
    page = client.get(reverse("prevention:concern_list")).context["page"]
    assert list(page.object_list)[:2] == [grave, older]


def test_a_territory_manager_cannot_record_the_signalement(client, grave, cast):
    client.force_login(cast[Role.TERRITORY_MANAGER])
    assert client.get(signal_url(grave)).status_code == 403
