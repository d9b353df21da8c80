"""What the prevention pages write to the children's access log (issue 14): a row per child
named on a concern, an intervention or a search, in one insert; refused concern pages noted on
the concern's children."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from prevention.enums import ActionKind, FirstAnalysis, PreventionAccessPurpose
from prevention.tests.factories import ConcernFactory, InterventionFactory, PreventionActionFactory
from welfare.enums import AccessPurpose, Role
from welfare.models import AccessLog
from welfare.tests.factories import ChildFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def child(nord):
    return ChildFactory(territory=nord, first_name="Inès", last_name="Morel")


@pytest.fixture
def concern(nord, child):
    concern = ConcernFactory(territory=nord)
    concern.children.add(child)
    return concern


@pytest.fixture
def home_intervention(nord, child):
    intervention = InterventionFactory(
        action=PreventionActionFactory(title="TISF Nord", kind=ActionKind.TISF, territory=nord),
        family_name="Famille Morel",
        started_on=date(2023, 3, 6),
        visits_count=12,
    )
    intervention.children.add(child)
    return intervention


def logged():
    return list(AccessLog.objects.order_by("pk").values_list("user", "child", "purpose", "detail"))


# --- Reads ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PREVENTION_OFFICER, Role.TERRITORY_MANAGER])
def test_a_concern_s_page_notes_its_children(client, cast, concern, child, role):
    client.force_login(cast[role])
    client.get(reverse("prevention:concern_detail", args=[concern.public_id]))
    assert logged() == [
        (cast[role].pk, child.pk, PreventionAccessPurpose.CONCERN, concern.reference)
    ]


def test_the_concern_s_picker_notes_its_children_and_those_found(
    client, prevention_officer, concern, child, sud
):
    found = ChildFactory(territory=sud, first_name="Jules", last_name="Morel")
    client.force_login(prevention_officer)
    client.get(reverse("prevention:concern_children", args=[concern.public_id]), {"q": "morel"})
    assert logged() == [
        (prevention_officer.pk, child.pk, PreventionAccessPurpose.CONCERN, concern.reference),
        (prevention_officer.pk, found.pk, AccessPurpose.SEARCH, "morel"),
    ]


def test_the_outcome_form_notes_the_children_it_offers(client, prevention_officer, concern, child):
    concern.first_analysis = FirstAnalysis.CONCERN
    concern.analysed_on = timezone.localdate()
    concern.save()
    client.force_login(prevention_officer)
    client.get(reverse("prevention:concern_outcome", args=[concern.public_id]))
    assert logged() == [
        (prevention_officer.pk, child.pk, PreventionAccessPurpose.CONCERN, concern.reference)
    ]


def test_the_intervention_s_picker_notes_its_children_and_those_found(
    client, prevention_officer, home_intervention, child, nord
):
    found = ChildFactory(territory=nord, first_name="Jules", last_name="Morel")
    client.force_login(prevention_officer)
    url = reverse("prevention:intervention_children", args=[home_intervention.public_id])
    client.get(url, {"q": "morel"})
    assert logged() == [
        (prevention_officer.pk, child.pk, PreventionAccessPurpose.PREVENTION, "TISF Nord"),
        (prevention_officer.pk, found.pk, AccessPurpose.SEARCH, "morel"),
    ]


def test_the_intervention_form_notes_the_children_of_the_family(
    client, prevention_officer, home_intervention, child
):
    client.force_login(prevention_officer)
    client.get(reverse("prevention:intervention_edit", args=[home_intervention.public_id]))
    assert logged() == [
        (prevention_officer.pk, child.pk, PreventionAccessPurpose.PREVENTION, "TISF Nord")
    ]


def test_the_action_page_notes_the_children_it_names(
    client, prevention_officer, home_intervention, child
):
    client.force_login(prevention_officer)
    client.get(reverse("prevention:action_detail", args=[home_intervention.action.public_id]))
    assert logged() == [
        (prevention_officer.pk, child.pk, PreventionAccessPurpose.PREVENTION, "TISF Nord")
    ]


def test_the_directorate_reads_the_action_page_without_names_and_without_a_row(
    client, directorate, home_intervention
):
    client.force_login(directorate)
    client.get(reverse("prevention:action_detail", args=[home_intervention.action.public_id]))
    assert not AccessLog.objects.exists()


def test_the_crip_list_names_no_child_and_notes_none(client, prevention_officer, concern):
    client.force_login(prevention_officer)
    client.get(reverse("prevention:concern_list"))
    assert not AccessLog.objects.exists()


# --- Refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.DIRECTORATE])
def test_a_concern_refused_by_role_is_noted_on_its_children(client, cast, concern, child, role):
    client.force_login(cast[role])
    url = reverse("prevention:concern_detail", args=[concern.public_id])
    assert client.get(url).status_code == 403
    assert logged() == [(cast[role].pk, child.pk, AccessPurpose.REFUSED, url)]


def test_another_territory_s_manager_is_noted_on_the_concern_s_children(
    client, sud, concern, child
):
    manager = UserFactory(role=Role.TERRITORY_MANAGER, territory=sud)
    client.force_login(manager)
    url = reverse("prevention:concern_detail", args=[concern.public_id])
    assert client.get(url).status_code == 404
    assert logged() == [(manager.pk, child.pk, AccessPurpose.REFUSED, url)]


def test_a_page_missing_on_a_concern_one_may_open_is_no_refusal(
    client, prevention_officer, concern
):
    client.force_login(prevention_officer)
    # Not referred to the prosecutor: there is no feedback to record.
    url = reverse("prevention:concern_feedback", args=[concern.public_id])
    assert client.get(url).status_code == 404
    assert not AccessLog.objects.exists()


def test_the_file_s_log_names_the_prevention_purposes(child, prevention_officer):
    log = AccessLog.objects.create(
        child=child, user=prevention_officer, purpose=PreventionAccessPurpose.OPENED_FROM_CONCERN
    )
    assert log.get_purpose_display() == "Dossier ouvert depuis une IP"
