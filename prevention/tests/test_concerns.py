"""The life of an information préoccupante: qualification, evaluation and outcome, through
the services and the pages of the CRIP."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from prevention import services
from prevention.enums import (
    ConcernOutcome,
    FirstAnalysis,
    PreventionAccessPurpose,
    ProsecutorFeedback,
)
from prevention.models import Concern
from prevention.tests.factories import ConcernFactory
from welfare.enums import AccessPurpose, DecisionMaker, MeasureNature, MeasureType
from welfare.models import AccessLog, Child, Measure
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def evaluated(nord, today):
    """A concern about one child, qualified as an IP, whose evaluation began a month ago."""
    received = today - timedelta(days=40)
    concern = ConcernFactory(
        territory=nord,
        received_on=received,
        evaluation_due_on=received + timedelta(days=90),
        first_analysis=FirstAnalysis.CONCERN,
        analysed_on=received,
        evaluation_started_on=received + timedelta(days=5),
    )
    concern.children.add(
        ChildFactory(
            territory=nord, first_name="Inès", last_name="Morel", birth_date=date(2016, 5, 4)
        )
    )
    return concern


def outcome_url(concern):
    return reverse("prevention:concern_outcome", args=[concern.public_id])


def test_the_outcome_administrative_help_opens_a_measure_in_the_childs_file(
    client, prevention_officer, evaluated, today
):
    child = evaluated.children.get()
    client.force_login(prevention_officer)
    response = client.post(
        outcome_url(evaluated),
        {
            "evaluation_ended_on": today,
            "outcome": ConcernOutcome.ADMINISTRATIVE_HELP,
            "measure_child": child.pk,
            "measure_type": MeasureType.AED,
            "measure_decision_date": today,
            "measure_start_date": today,
            "measure_end_date": today + timedelta(days=180),
            "measure_parental_agreement": "on",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(child=child)
    assert (measure.type, measure.nature, measure.decided_by) == (
        MeasureType.AED,
        MeasureNature.ADMINISTRATIVE,
        DecisionMaker.DEPARTEMENT_PRESIDENT,
    )
    assert measure.created_by == prevention_officer
    evaluated.refresh_from_db()
    assert (evaluated.outcome, evaluated.measure, evaluated.evaluation_ended_on) == (
        ConcernOutcome.ADMINISTRATIVE_HELP,
        measure,
        today,
    )


def test_it_refuses_a_measure_beyond_the_legal_year_next_to_its_field(
    client, prevention_officer, evaluated, today
):
    client.force_login(prevention_officer)
    response = client.post(
        outcome_url(evaluated),
        {
            "evaluation_ended_on": today,
            "outcome": ConcernOutcome.ADMINISTRATIVE_HELP,
            "measure_child": evaluated.children.get().pk,
            "measure_type": MeasureType.AED,
            "measure_decision_date": today,
            "measure_start_date": today,
            "measure_end_date": today + timedelta(days=500),
        },
    )
    assert response.status_code == 200
    assert "art. L223-5" in str(response.context["form"].errors["measure_end_date"])
    assert not Measure.objects.exists()
    evaluated.refresh_from_db()
    assert evaluated.evaluation_ended_on is None


def test_an_administrative_help_needs_its_measure_fields(
    client, prevention_officer, evaluated, today
):
    client.force_login(prevention_officer)
    response = client.post(
        outcome_url(evaluated),
        {"evaluation_ended_on": today, "outcome": ConcernOutcome.ADMINISTRATIVE_HELP},
    )
    errors = response.context["form"].errors
    assert {"measure_child", "measure_type", "measure_start_date", "measure_end_date"} <= set(
        errors
    )


def test_a_referral_to_the_prosecutor_is_dated_and_gets_its_feedback(
    client, prevention_officer, evaluated, today
):
    client.force_login(prevention_officer)
    response = client.post(
        outcome_url(evaluated),
        {"evaluation_ended_on": today, "outcome": ConcernOutcome.PROSECUTOR},
    )
    assert "prosecutor_referral_on" in response.context["form"].errors
    client.post(
        outcome_url(evaluated),
        {
            "evaluation_ended_on": today,
            "outcome": ConcernOutcome.PROSECUTOR,
            "prosecutor_referral_on": today,
        },
    )
    client.post(
        reverse("prevention:concern_feedback", args=[evaluated.public_id]),
        {
            "prosecutor_feedback": ProsecutorFeedback.CHILDREN_JUDGE,
            "prosecutor_feedback_on": today,
        },
    )
    evaluated.refresh_from_db()
    assert (evaluated.prosecutor_referral_on, evaluated.prosecutor_feedback) == (
        today,
        ProsecutorFeedback.CHILDREN_JUDGE,
    )


def test_a_concern_set_aside_at_first_analysis_is_not_evaluated(
    client, prevention_officer, nord, today
):
    concern = ConcernFactory(territory=nord)
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:concern_analysis", args=[concern.public_id]),
        {
            "first_analysis": FirstAnalysis.NOT_CONCERN,
            "analysed_on": today,
            "evaluation_started_on": today,
        },
    )
    assert "evaluation_started_on" in response.context["form"].errors
    client.post(
        reverse("prevention:concern_analysis", args=[concern.public_id]),
        {"first_analysis": FirstAnalysis.NOT_CONCERN, "analysed_on": today},
    )
    assert not Concern.objects.open().exists()
    assert client.get(outcome_url(concern)).status_code == 404


def test_the_analysis_names_the_evaluation_team(
    client, prevention_officer, referent_nord, responsable_nord, referent_sud, nord, today
):
    concern = ConcernFactory(territory=nord)
    concern.children.add(ChildFactory(territory=nord))
    client.force_login(prevention_officer)
    url = reverse("prevention:concern_analysis", args=[concern.public_id])
    response = client.post(
        url,
        {
            "first_analysis": FirstAnalysis.CONCERN,
            "analysed_on": today,
            "evaluation_started_on": today,
            "evaluators": [referent_sud.pk],
        },
    )
    # Another territory's référent is not offered for this territory's evaluation.
    assert "evaluators" in response.context["form"].errors
    client.post(
        url,
        {
            "first_analysis": FirstAnalysis.CONCERN,
            "analysed_on": today,
            "evaluation_started_on": today,
            "evaluators": [referent_nord.pk, responsable_nord.pk],
        },
    )
    assert set(concern.evaluators.all()) == {referent_nord, responsable_nord}


def test_a_new_child_named_in_a_concern_gets_a_file_in_its_territory(
    client, prevention_officer, nord, today
):
    concern = ConcernFactory(territory=nord)
    client.force_login(prevention_officer)
    client.post(
        reverse("prevention:concern_children", args=[concern.public_id]),
        {
            "create": "1",
            "last_name": "Roux",
            "first_name": "Léa",
            "birth_date": today - timedelta(days=200),
            "sex": "F",
        },
    )
    child = Child.objects.get(last_name="Roux")
    assert child.territory == nord
    assert list(concern.children.all()) == [child]
    concern.refresh_from_db()
    assert concern.evaluation_due_on < concern.received_on + timedelta(days=40)
    log = AccessLog.objects.get(child=child)
    assert (log.user, log.purpose) == (
        prevention_officer,
        PreventionAccessPurpose.OPENED_FROM_CONCERN,
    )


def test_an_existing_file_is_found_and_linked(client, prevention_officer, nord, sud):
    concern = ConcernFactory(territory=nord)
    known = ChildFactory(territory=sud, first_name="Théo", last_name="Lefèvre")
    url = reverse("prevention:concern_children", args=[concern.public_id])
    client.force_login(prevention_officer)
    response = client.get(url, {"q": "lefevre"})
    assert response.context["found"] == [known]
    client.post(url, {"child": str(known.public_id), "q": "lefevre"})
    assert list(concern.children.all()) == [known]
    client.post(url, {"child": str(known.public_id), "remove": "1"})
    assert not concern.children.exists()
    # The search that showed the file, then each link and unlink, are in the child's access
    # log, with who did it.
    assert list(
        AccessLog.objects.filter(child=known).order_by("pk").values_list("user", "purpose")
    ) == [
        (prevention_officer.pk, AccessPurpose.SEARCH),
        (prevention_officer.pk, PreventionAccessPurpose.LINKED_TO_CONCERN),
        (prevention_officer.pk, PreventionAccessPurpose.UNLINKED_FROM_CONCERN),
    ]


def test_an_unknown_child_answers_404(client, prevention_officer, nord):
    concern = ConcernFactory(territory=nord)
    url = reverse("prevention:concern_children", args=[concern.public_id])
    client.force_login(prevention_officer)
    assert client.post(url, {"child": "pas-un-uuid"}).status_code == 404


def test_the_database_refuses_an_outcome_without_the_end_of_evaluation(nord):
    with pytest.raises(IntegrityError):
        ConcernFactory(
            territory=nord,
            first_analysis=FirstAnalysis.CONCERN,
            analysed_on=timezone.localdate(),
            outcome=ConcernOutcome.NO_FURTHER_ACTION,
        )


def test_the_database_refuses_an_administrative_help_without_its_measure(nord):
    today = timezone.localdate()
    with pytest.raises(IntegrityError):
        ConcernFactory(
            territory=nord,
            first_analysis=FirstAnalysis.CONCERN,
            analysed_on=today,
            evaluation_ended_on=today,
            outcome=ConcernOutcome.ADMINISTRATIVE_HELP,
        )


def test_the_intake_refuses_a_future_date_next_to_its_field(client, prevention_officer, nord):
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:concern_create"),
        {
            "received_on": timezone.localdate() + timedelta(days=2),
            "territory": nord.pk,
            "source": "school",
            "danger_kind": "neglect",
            "facts": "Absences.",
        },
    )
    assert response.status_code == 200
    assert "received_on" in response.context["form"].errors
    assert not Concern.objects.exists()


def test_the_intake_records_the_concern_and_asks_for_its_children(client, prevention_officer, nord):
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:concern_create"),
        {
            "received_on": timezone.localdate(),
            "territory": nord.pk,
            "source": "snated",
            "grave_danger": "on",
            "danger_kind": "physical_violence",
            "facts": "Appel au 119 d'une voisine.",
            "prosecutor_referral_on": timezone.localdate(),
        },
    )
    concern = Concern.objects.get()
    assert response.url == reverse("prevention:concern_children", args=[concern.public_id])
    assert concern.grave_danger and concern.created_by == prevention_officer


def test_closing_twice_is_refused(evaluated, prevention_officer, today):
    services.concern_close(
        concern=evaluated,
        author=prevention_officer,
        evaluation_ended_on=today,
        outcome=ConcernOutcome.NO_FURTHER_ACTION,
    )
    with pytest.raises(ValidationError):
        services.concern_close(
            concern=evaluated,
            author=prevention_officer,
            evaluation_ended_on=today,
            outcome=ConcernOutcome.NO_FURTHER_ACTION,
        )


def test_a_concern_without_a_child_cannot_be_qualified_as_an_ip(
    client, prevention_officer, nord, today
):
    concern = ConcernFactory(territory=nord)
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:concern_analysis", args=[concern.public_id]),
        {"first_analysis": FirstAnalysis.CONCERN, "analysed_on": today},
    )
    assert response.status_code == 200
    assert (
        "Indiquez d'abord l'enfant concerné" in response.context["form"].errors["first_analysis"][0]
    )
    concern.refresh_from_db()
    assert concern.first_analysis == ""


def test_a_concern_whose_child_was_removed_cannot_be_closed(
    client, prevention_officer, evaluated, today
):
    Concern.children.through.objects.filter(concern=evaluated).delete()
    client.force_login(prevention_officer)
    response = client.post(
        outcome_url(evaluated),
        {"evaluation_ended_on": today, "outcome": ConcernOutcome.NO_FURTHER_ACTION},
    )
    assert response.status_code == 200
    assert "Indiquez d'abord l'enfant concerné" in response.context["form"].non_field_errors()[0]
    evaluated.refresh_from_db()
    assert (evaluated.outcome, evaluated.evaluation_ended_on) == ("", None)


def test_the_last_child_of_a_qualified_concern_stays(client, prevention_officer, evaluated):
    child = evaluated.children.get()
    client.force_login(prevention_officer)
    url = reverse("prevention:concern_children", args=[evaluated.public_id])
    client.post(url, {"child": str(child.public_id), "remove": "1"})
    assert list(evaluated.children.all()) == [child]


def test_a_closed_concern_reads_cloturee(client, prevention_officer, evaluated, today):
    services.concern_close(
        concern=evaluated,
        author=prevention_officer,
        evaluation_ended_on=today,
        outcome=ConcernOutcome.NO_FURTHER_ACTION,
    )
    client.force_login(prevention_officer)
    page = client.get(reverse("prevention:concern_detail", args=[evaluated.public_id]))
    assert "Clôturée" in page.content.decode()
    assert "Fermer" not in page.content.decode()


def test_an_evaluation_cannot_begin_before_the_first_analysis(
    client, prevention_officer, evaluated, today
):
    analysed = today - timedelta(days=10)
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:concern_analysis", args=[evaluated.public_id]),
        {
            "first_analysis": FirstAnalysis.CONCERN,
            "analysed_on": analysed,
            "evaluation_started_on": analysed - timedelta(days=1),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["evaluation_started_on"] == [
        "L'évaluation commence au plus tôt le jour de la première analyse."
    ]
    evaluated.refresh_from_db()
    assert evaluated.analysed_on != analysed


def test_a_child_named_in_a_concern_is_checked_for_a_file_already_open(
    client, prevention_officer, nord, sud, today
):
    concern = ConcernFactory(territory=nord)
    known = ChildFactory(
        territory=sud, first_name="Léa", last_name="Roux", birth_date=today - timedelta(days=200)
    )
    url = reverse("prevention:concern_children", args=[concern.public_id])
    client.force_login(prevention_officer)
    identity = {
        "create": "1",
        "last_name": "ROUX",
        "first_name": "Lea",
        "birth_date": (today - timedelta(days=203)).strftime("%d/%m/%Y"),
        "sex": "F",
    }
    response = client.post(url, identity)
    assert [
        candidate.child for candidate in response.context["new_child"].duplicates.candidates
    ] == [known]
    assert "Rattacher ce dossier" in response.content.decode()
    assert Child.objects.count() == 1
    assert AccessLog.objects.filter(child=known, purpose=AccessPurpose.DUPLICATE_CHECK).exists()
    client.post(url, {**identity, "confirm_distinct": "on"})
    assert Child.objects.count() == 2


def test_a_merge_moves_the_concerns_and_interventions(nord, responsable_nord, prevention_officer):
    from prevention.enums import ActionKind
    from prevention.tests.factories import InterventionFactory, PreventionActionFactory
    from welfare.services.merges import child_merge, child_merge_undo

    kept, merged = ChildFactory(territory=nord), ChildFactory(territory=nord)
    both, only_merged = ConcernFactory(territory=nord), ConcernFactory(territory=nord)
    both.children.set([kept, merged])
    only_merged.children.set([merged])
    intervention = InterventionFactory(
        action=PreventionActionFactory(kind=ActionKind.TISF, territory=nord)
    )
    intervention.children.set([merged])
    merge = child_merge(kept=kept, merged=merged, by=responsable_nord)
    assert set(kept.concerns.all()) == {both, only_merged}
    assert list(intervention.children.all()) == [kept]
    child_merge_undo(merge=merge, by=responsable_nord)
    assert set(merged.concerns.all()) == {both, only_merged}
    assert list(kept.concerns.all()) == [both]
    assert list(intervention.children.all()) == [merged]
