"""Applications for agrément and their decision clock (art. L421-6 al. 1–2 CASF): 4 months
from the complete file, extendable once by 2 by a reasoned decision, silence past the delay
being an agrément granted ("accordé tacitement")."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from placements import services
from placements.enums import ApplicationDecision, ApplicationKind, ApplicationStatus
from placements.models import AgrementApplication
from placements.rules import agrement_parameters, application_clock
from placements.tests.factories import AgrementApplicationFactory, FosterCarerFactory
from welfare.enums import LegalParameterKey, Role
from welfare.models import LegalParameter

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
RECEIVED = date(2025, 1, 6)
COMPLETE = date(2025, 1, 10)


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def applicant(nord):
    return FosterCarerFactory(territory=nord, first_name="Claire", last_name="Bourgeois")


@pytest.fixture
def complete(applicant):
    return AgrementApplicationFactory(
        applicant=applicant, received_on=RECEIVED, complete_on=COMPLETE
    )


def clock(application, day):
    return application_clock(application, day=day, parameters=agrement_parameters())


# --- The clock --------------------------------------------------------------------------------


def test_the_decision_is_due_four_months_after_the_complete_file(complete):
    """L421-6 al. 2 CASF: 4 months from the complete file; the last day is still pending."""
    on_due_day = clock(complete, date(2025, 5, 10))
    assert (on_due_day.due_on, on_due_day.status) == (date(2025, 5, 10), ApplicationStatus.PENDING)


def test_silence_past_the_delay_is_an_agrement_granted_tacitly(complete):
    """L421-6 al. 2 CASF: no decision notified within the delay, the agrément is granted,
    from the day after its last day (boundary)."""
    day_after = clock(complete, date(2025, 5, 11))
    assert (day_after.status, day_after.tacit_from) == (ApplicationStatus.TACIT, date(2025, 5, 11))
    assert ApplicationStatus(day_after.status).label == "Accordé tacitement"


def test_an_incomplete_file_has_no_clock(applicant):
    """The delay runs from the complete file: while pieces are missing, none."""
    application = AgrementApplicationFactory(applicant=applicant, received_on=RECEIVED)
    state = clock(application, date(2026, 1, 1))
    assert (state.status, state.due_on) == (ApplicationStatus.INCOMPLETE, None)


def test_the_extension_adds_two_months(complete):
    """L421-6 al. 2 CASF: extended by 2 months, the decision is due 6 months after."""
    services.application_extend(
        application=complete,
        extended_on=date(2025, 5, 10),
        reason="Enquête sociale complémentaire.",
        today=TODAY,
    )
    complete.refresh_from_db()
    assert clock(complete, date(2025, 7, 10)).status == ApplicationStatus.PENDING
    assert clock(complete, date(2025, 7, 11)).status == ApplicationStatus.TACIT


def test_a_new_delay_applies_to_files_complete_from_its_date(applicant):
    """A change of law is a new dated row, read on the day the file was complete."""
    LegalParameter.objects.create(
        key=LegalParameterKey.AGREMENT_DECISION_MONTHS,
        value=3,
        valid_from=date(2025, 1, 11),
        legal_reference="loi de test",
    )
    before = AgrementApplicationFactory(
        applicant=applicant, received_on=RECEIVED, complete_on=COMPLETE
    )
    after = AgrementApplicationFactory(
        applicant=applicant, received_on=RECEIVED, complete_on=date(2025, 1, 11)
    )
    assert clock(before, COMPLETE).due_on == date(2025, 5, 10)
    assert clock(after, COMPLETE).due_on == date(2025, 4, 11)


# --- The services -----------------------------------------------------------------------------


def test_the_extension_is_refused_after_the_four_months(complete):
    """L421-6 al. 2 CASF: past the 4 months, the agrément is already acquired."""
    with pytest.raises(ValidationError) as refusal:
        services.application_extend(
            application=complete, extended_on=date(2025, 5, 11), reason="Tard.", today=TODAY
        )
    assert "réputé acquis" in refusal.value.message_dict["extended_on"][0]


def test_the_extension_needs_a_reason_and_happens_once(complete):
    with pytest.raises(ValidationError, match="décision motivée"):
        services.application_extend(
            application=complete, extended_on=date(2025, 3, 1), reason=" ", today=TODAY
        )
    services.application_extend(
        application=complete, extended_on=date(2025, 3, 1), reason="Visite à refaire.", today=TODAY
    )
    with pytest.raises(ValidationError, match="qu'une fois"):
        services.application_extend(
            application=complete, extended_on=date(2025, 3, 2), reason="Encore.", today=TODAY
        )


def test_a_grant_within_the_delay_records_the_agrement(complete):
    """L421-6 CASF: the agrément holds from the decision, for the places asked."""
    services.application_decide(
        application=complete,
        decision=ApplicationDecision.GRANTED,
        decided_on=date(2025, 5, 10),
        number="AF-39-9001",
        today=TODAY,
    )
    complete.refresh_from_db()
    agrement = complete.agrement
    assert (agrement.granted_on, agrement.places, agrement.number) == (
        date(2025, 5, 10),
        3,
        "AF-39-9001",
    )
    assert agrement.expires_on == date(2030, 5, 10)
    assert clock(complete, TODAY).status == ApplicationStatus.GRANTED


def test_a_refusal_is_reasoned_and_records_no_agrement(complete):
    with pytest.raises(ValidationError, match="motivé"):
        services.application_decide(
            application=complete,
            decision=ApplicationDecision.REFUSED,
            decided_on=date(2025, 3, 1),
            today=TODAY,
        )
    services.application_decide(
        application=complete,
        decision=ApplicationDecision.REFUSED,
        decided_on=date(2025, 3, 1),
        reason="Logement inadapté à l'accueil d'enfants.",
        today=TODAY,
    )
    complete.refresh_from_db()
    assert complete.agrement is None and complete.decision == ApplicationDecision.REFUSED


def test_an_explicit_decision_past_the_delay_is_refused(complete):
    """L421-6 al. 2 CASF: the day after the delay the agrément is already granted tacitly."""
    with pytest.raises(ValidationError) as refusal:
        services.application_decide(
            application=complete,
            decision=ApplicationDecision.REFUSED,
            decided_on=date(2025, 5, 11),
            reason="Trop tard.",
            today=TODAY,
        )
    assert "Enregistrez l'accord tacite" in refusal.value.message_dict["decided_on"][0]


def test_recording_the_tacit_grant_creates_the_agrement_from_the_day_after_the_delay(complete):
    """L421-6 al. 2 CASF: "l'agrément est réputé acquis"; it is dated the day after."""
    services.application_record_tacit(application=complete, today=date(2025, 5, 11))
    complete.refresh_from_db()
    assert complete.decision == ApplicationDecision.TACIT
    assert (complete.decided_on, complete.agrement.granted_on) == (date(2025, 5, 11),) * 2
    assert complete.applicant.agrements.get() == complete.agrement


def test_the_tacit_grant_is_refused_while_the_delay_runs(complete):
    with pytest.raises(ValidationError, match="jusqu'au 10/05/2025"):
        services.application_record_tacit(application=complete, today=date(2025, 5, 10))
    assert not AgrementApplication.objects.decided().exists()


def test_a_decision_before_the_complete_file_is_refused(applicant):
    application = AgrementApplicationFactory(applicant=applicant, received_on=RECEIVED)
    with pytest.raises(ValidationError, match="pas complet"):
        services.application_decide(
            application=application,
            decision=ApplicationDecision.GRANTED,
            decided_on=RECEIVED,
            today=TODAY,
        )


def test_a_decided_application_is_closed(complete):
    services.application_record_tacit(application=complete, today=date(2025, 6, 1))
    with pytest.raises(ValidationError, match="déjà enregistrée"):
        services.application_record_complete(
            application=complete, complete_on=COMPLETE, today=TODAY
        )


def test_a_complete_file_cannot_precede_its_receipt(applicant):
    with pytest.raises(ValidationError) as refusal:
        services.application_receive(
            applicant=applicant,
            kind=ApplicationKind.FIRST,
            places=3,
            received_on=RECEIVED,
            complete_on=RECEIVED - timedelta(days=1),
            today=TODAY,
        )
    assert "complete_on" in refusal.value.message_dict


# --- The pages --------------------------------------------------------------------------------


LIST = reverse("placements:application_list")


def test_the_list_shows_pending_applications_with_their_deadline(
    client, responsable_nord, complete
):
    client.force_login(responsable_nord)
    html = client.get(LIST).content.decode()
    assert "BOURGEOIS Claire" in html
    assert "10/05/2025" in html
    assert "Accordé tacitement" in html


def test_the_list_is_empty_without_applications(client, responsable_nord):
    client.force_login(responsable_nord)
    assert "Aucune demande d'agrément en attente" in client.get(LIST).content.decode()


def test_the_list_runs_the_same_queries_whatever_the_number_of_applications(
    client, responsable_nord, complete, nord, django_assert_num_queries
):
    client.force_login(responsable_nord)
    client.get(LIST)
    # session, user, count, page of applications (with applicant, territory, agrément),
    # the dated legal figures, Département identity, then the session saved (3)
    with django_assert_num_queries(10):
        client.get(LIST)
    for _ in range(3):
        AgrementApplicationFactory(applicant__territory=nord, complete_on=TODAY)
    with django_assert_num_queries(10):
        client.get(LIST)


def test_another_territorys_application_answers_404(client, responsable_nord, sud):
    other = AgrementApplicationFactory(applicant__territory=sud)
    client.force_login(responsable_nord)
    assert client.get(other.get_absolute_url()).status_code == 404
    assert "Aucune demande d'agrément en attente" in client.get(LIST).content.decode()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.PREVENTION_OFFICER, Role.RECEPTION])
def test_other_roles_cannot_read_the_applications(client, cast, role, complete):
    client.force_login(cast[role])
    assert client.get(LIST).status_code == 403
    assert client.get(complete.get_absolute_url()).status_code == 403


def test_recording_an_application_through_the_carers_page(client, responsable_nord, applicant):
    client.force_login(responsable_nord)
    url = reverse("placements:application_create", args=[applicant.public_id])
    response = client.post(
        url,
        {
            "kind": ApplicationKind.FIRST,
            "places": "2",
            "received_on": f"{TODAY:%d/%m/%Y}",
            "complete_on": "",
        },
    )
    application = applicant.applications.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert (application.places, application.complete_on) == (2, None)


def test_a_date_to_come_is_refused_next_to_the_field(client, responsable_nord, applicant):
    client.force_login(responsable_nord)
    url = reverse("placements:application_create", args=[applicant.public_id])
    tomorrow = TODAY + timedelta(days=1)
    response = client.post(
        url, {"kind": ApplicationKind.FIRST, "places": "3", "received_on": f"{tomorrow:%d/%m/%Y}"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["received_on"] == [
        "Cette date ne peut être dans le futur."
    ]


def test_the_tacit_grant_is_offered_on_the_application_page(client, responsable_nord, complete):
    client.force_login(responsable_nord)
    html = client.get(complete.get_absolute_url()).content.decode()
    assert "l'agrément est accordé tacitement depuis le 11/05/2025" in html
    response = client.post(reverse("placements:application_tacit", args=[complete.public_id]))
    assert response.status_code == 302
    complete.refresh_from_db()
    assert complete.decision == ApplicationDecision.TACIT
