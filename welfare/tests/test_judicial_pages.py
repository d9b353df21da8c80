"""Pages of the judicial cycle in a child's file: hearings, decisions received, reports sent to
the judge (issue 17), through the HTTP client, per role and territory."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from welfare import timeline
from welfare.enums import (
    AccessPurpose,
    DecisionEffect,
    DecisionMaker,
    DocumentKind,
    HearingKind,
    MeasureEndReason,
    MeasureType,
    PlacementBasis,
    Role,
)
from welfare.models import AccessLog, Hearing, Measure
from welfare.services.judicial import record_report_sent
from welfare.tests.factories import (
    ChildFactory,
    HearingFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_welfare_providers(monkeypatch, departement):
    monkeypatch.setattr(timeline, "_timeline_providers", [])
    monkeypatch.setattr(timeline, "_section_providers", [])


@pytest.fixture
def child(nord, referent_nord):
    return ChildFactory(territory=nord, referent=referent_nord, birth_date=date(2015, 3, 1))


def url(name, child, *args):
    return reverse(f"children:{name}", args=[child.public_id, *args])


def test_a_referent_records_a_hearing_shown_in_the_file_and_timeline(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(
        url("hearing_create", child),
        {
            "date": "2026-01-15",
            "kind": HearingKind.FIRST,
            "court": "Tribunal judiciaire de Lille",
            "judge": "Mme Martin",
            "summoned": "La mère, le père",
        },
    )
    assert response.status_code == 302
    hearing = Hearing.objects.get()
    assert (hearing.child, hearing.created_by) == (child, referent_nord)
    page = client.get(url("detail", child)).content.decode()
    assert "Tribunal judiciaire de Lille" in page
    assert "Audience : Première audience" in page


def test_a_hearing_form_is_traced_in_the_access_log(client, referent_nord, child):
    client.force_login(referent_nord)
    client.get(url("hearing_create", child))
    assert AccessLog.objects.filter(child=child, purpose=AccessPurpose.RECORD_FORM).exists()


def test_a_hearing_without_court_is_refused_next_to_the_field(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(url("hearing_create", child), {"date": "2026-01-15", "kind": "first"})
    assert response.status_code == 200
    assert "court" in response.context["form"].errors
    assert not Hearing.objects.exists()


def test_another_territory_s_child_answers_404(client, referent_sud, child):
    client.force_login(referent_sud)
    assert client.get(url("hearing_create", child)).status_code == 404
    assert client.get(url("decision_record", child)).status_code == 404


@pytest.mark.parametrize("role", [Role.DIRECTORATE, Role.RECEPTION, Role.PREVENTION_OFFICER])
def test_other_roles_cannot_record_a_decision(client, cast, child, role):
    client.force_login(cast[role])
    assert client.get(url("decision_record", child)).status_code == 403


def decision_data(**fields):
    today = timezone.localdate()
    data = {
        "effect": DecisionEffect.OPENS,
        "type": MeasureType.PLACEMENT,
        "decided_by": DecisionMaker.CHILDREN_JUDGE,
        "decision_date": today.isoformat(),
        "start_date": today.isoformat(),
        "end_date": (today + timedelta(days=364)).isoformat(),
        "court": "Tribunal judiciaire de Lille",
        "decision_reference": "JE 26/001",
        "placement_basis": PlacementBasis.ASE,
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def test_a_decision_received_opens_the_placement_and_points_the_hearing_to_it(
    client, referent_nord, child
):
    hearing = HearingFactory(child=child, date=timezone.localdate())
    client.force_login(referent_nord)
    response = client.post(url("decision_record", child), decision_data(hearing=hearing.pk))
    assert response.status_code == 302
    placement = Measure.objects.get()
    assert placement.placement_basis == PlacementBasis.ASE
    hearing.refresh_from_db()
    assert hearing.decision == placement


def test_a_decision_that_renews_closes_the_measure_it_renews(client, referent_nord, child):
    today = timezone.localdate()
    old = MeasureFactory(
        child=child, start_date=today - timedelta(days=365), end_date=today - timedelta(days=1)
    )
    client.force_login(referent_nord)
    response = client.post(
        url("decision_record", child),
        decision_data(effect=DecisionEffect.RENEWS, target=old.pk),
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.end_reason == MeasureEndReason.RENEWED
    assert Measure.objects.get(renews=old)


def test_a_decision_that_modifies_replaces_the_measure_the_day_before(client, referent_nord, child):
    today = timezone.localdate()
    aemo = MeasureFactory(
        child=child,
        type=MeasureType.AEMO,
        start_date=today - timedelta(days=100),
        end_date=today + timedelta(days=200),
    )
    client.force_login(referent_nord)
    response = client.post(
        url("decision_record", child),
        decision_data(effect=DecisionEffect.MODIFIES, target=aemo.pk),
    )
    assert response.status_code == 302
    aemo.refresh_from_db()
    assert (aemo.end_date, aemo.end_reason) == (
        today - timedelta(days=1),
        MeasureEndReason.CHANGED,
    )


def test_a_mainlevee_ends_the_measure(client, referent_nord, child):
    today = timezone.localdate()
    placement = MeasureFactory(child=child, start_date=today - timedelta(days=100))
    client.force_login(referent_nord)
    response = client.post(
        url("decision_record", child),
        {
            "effect": DecisionEffect.ENDS,
            "target": placement.pk,
            "decision_date": today.isoformat(),
            "start_date": today.isoformat(),
        },
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.end_date, placement.end_reason) == (today, MeasureEndReason.RETURN_HOME)


def test_a_decision_past_majority_is_refused_and_proposes_the_jeune_majeur_art_375(
    client, referent_nord, nord
):
    today = timezone.localdate()
    teenager = ChildFactory(territory=nord, birth_date=today - timedelta(days=365 * 17 + 100))
    client.force_login(referent_nord)
    response = client.post(
        url("decision_record", teenager),
        decision_data(end_date=(today + timedelta(days=700)).isoformat()),
    )
    assert response.status_code == 200
    error = response.context["form"].errors["end_date"][0]
    assert "art. 375 du Code civil" in error
    assert "accompagnement jeune majeur" in error
    assert not Measure.objects.exists()


def test_a_renewal_needs_the_measure_it_renews(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(url("decision_record", child), decision_data(effect="renews"))
    assert response.status_code == 200
    assert "target" in response.context["form"].errors


def report(child, **fields):
    return StatutoryDocumentFactory(
        child=child,
        kind=DocumentKind.DEADLINE_REPORT,
        measure=MeasureFactory(child=child),
        completed_on=timezone.localdate() - timedelta(days=3),
        **fields,
    )


def test_the_report_sent_records_its_sharing_with_the_family_l223_5(client, referent_nord, child):
    document = report(child)
    today = timezone.localdate()
    client.force_login(referent_nord)
    response = client.post(
        url("report_sent", child, document.public_id),
        {
            "sent_to_judge_on": today.isoformat(),
            "shared_with_family_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.sent_to_judge_on == today
    assert document.shared_with_family_on == today - timedelta(days=1)


def test_a_report_sent_without_sharing_nor_reason_is_refused_l223_5(client, referent_nord, child):
    document = report(child)
    client.force_login(referent_nord)
    response = client.post(
        url("report_sent", child, document.public_id),
        {"sent_to_judge_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert (
        "art. L223-5 al. 4 du CASF" in response.context["form"].errors["shared_with_family_on"][0]
    )
    document.refresh_from_db()
    assert document.sent_to_judge_on is None


def test_record_report_sent_accepts_the_reason_why_it_was_not_shared(child):
    document = report(child)
    record_report_sent(
        document=document,
        sent_on=timezone.localdate(),
        not_shared_reason="Enfant de 2 ans ; parents injoignables.",
    )
    document.refresh_from_db()
    assert document.not_shared_reason == "Enfant de 2 ans ; parents injoignables."


def test_a_ppe_has_no_transmission_page(client, referent_nord, child):
    ppe = StatutoryDocumentFactory(child=child, kind=DocumentKind.PPE)
    client.force_login(referent_nord)
    assert client.get(url("report_sent", child, ppe.public_id)).status_code == 404


def test_the_file_shows_the_opp_clocks(client, referent_nord, child):
    MeasureFactory(
        child=child,
        type=MeasureType.OPP_PROSECUTOR,
        decided_by=DecisionMaker.PROSECUTOR,
        start_date=timezone.localdate() - timedelta(days=10),
        end_date=None,
    )
    client.force_login(referent_nord)
    page = client.get(url("detail", child)).content.decode()
    assert "saisine du juge des enfants (8 jours)" in page
