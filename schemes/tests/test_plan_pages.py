"""The directorate edits plans through forms; territory managers read them; nobody else."""

from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse
from django.utils.html import escape

from schemes import views as schemes_views
from schemes.enums import ActionStatus, Funder, SchemeStatus
from schemes.models import Action, Funding, Measurement, Objective, Scheme
from schemes.tests.factories import (
    ActionFactory,
    FundingFactory,
    IndicatorFactory,
    MeasurementFactory,
    MilestoneFactory,
    ObjectiveFactory,
    SchemeFactory,
)
from welfare.tests.pagination import page_links

pytestmark = pytest.mark.django_db

# The cast's fixture names of the roles that have no access to plans and budgets.
FORBIDDEN = ["referent_nord", "prevention_officer", "reception", "administrator"]


@pytest.fixture
def action(departement):
    action = ActionFactory(title="Parrainage de proximité")
    FundingFactory(action=action)
    MilestoneFactory(action=action)
    MeasurementFactory(indicator=IndicatorFactory(action=action))
    return action


def read_urls(action):
    scheme = action.objective.scheme
    return [
        reverse("schemes:scheme_list"),
        reverse("schemes:scheme_detail", args=[scheme.pk]),
        reverse("schemes:action_detail", args=[action.pk]),
    ]


def edit_urls(action):
    scheme, objective = action.objective.scheme, action.objective
    funding, milestone = action.fundings.get(), action.milestones.get()
    indicator = action.indicators.get()
    measurement = indicator.measurements.get()
    return [
        reverse("schemes:scheme_create"),
        reverse("schemes:scheme_update", args=[scheme.pk]),
        reverse("schemes:scheme_delete", args=[scheme.pk]),
        reverse("schemes:objective_create", args=[scheme.pk]),
        reverse("schemes:objective_update", args=[objective.pk]),
        reverse("schemes:objective_delete", args=[objective.pk]),
        reverse("schemes:action_create", args=[objective.pk]),
        reverse("schemes:action_update", args=[action.pk]),
        reverse("schemes:action_delete", args=[action.pk]),
        reverse("schemes:milestone_create", args=[action.pk]),
        reverse("schemes:milestone_update", args=[milestone.pk]),
        reverse("schemes:milestone_delete", args=[milestone.pk]),
        reverse("schemes:funding_create", args=[action.pk]),
        reverse("schemes:funding_update", args=[funding.pk]),
        reverse("schemes:funding_delete", args=[funding.pk]),
        reverse("schemes:indicator_create", args=[action.pk]),
        reverse("schemes:indicator_update", args=[indicator.pk]),
        reverse("schemes:indicator_delete", args=[indicator.pk]),
        reverse("schemes:measurement_create", args=[indicator.pk]),
        reverse("schemes:measurement_update", args=[measurement.pk]),
        reverse("schemes:measurement_delete", args=[measurement.pk]),
    ]


def test_the_directorate_opens_every_plan_page(client, directorate, action):
    client.force_login(directorate)
    for url in read_urls(action) + edit_urls(action):
        assert client.get(url).status_code == 200, url


def test_territory_managers_read_plans_without_edit_links(client, responsable_nord, action):
    client.force_login(responsable_nord)
    for url in read_urls(action):
        response = client.get(url)
        assert response.status_code == 200, url
        assert reverse("schemes:action_update", args=[action.pk]) not in response.content.decode()


def test_territory_managers_cannot_edit_plans(client, responsable_nord, action):
    client.force_login(responsable_nord)
    for url in edit_urls(action):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("schemes:funding_create", args=[action.pk]),
        {"funder": Funder.ETAT, "amount": "5000"},
    )
    assert response.status_code == 403
    assert action.fundings.count() == 1


@pytest.mark.parametrize("member", FORBIDDEN)
def test_other_roles_are_refused_plans(client, request, action, member):
    client.force_login(request.getfixturevalue(member))
    for url in read_urls(action) + edit_urls(action)[:3]:
        assert client.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_the_login(client, action):
    response = client.get(reverse("schemes:scheme_detail", args=[action.objective.scheme.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_navigation_shows_plans_and_budgets_to_the_directorate(
    client, directorate, departement
):
    client.force_login(directorate)
    content = client.get(reverse("home")).content.decode()
    assert reverse("schemes:scheme_list") in content
    assert reverse("schemes:budget_list") in content


def test_unknown_or_huge_ids_answer_404(client, directorate, departement):
    client.force_login(directorate)
    for name in ("scheme_detail", "action_detail", "funding_update", "objective_update"):
        for pk in (999999, 10**30):
            assert client.get(reverse(f"schemes:{name}", args=[pk])).status_code == 404


def test_the_directorate_creates_a_plan(client, directorate, departement):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:scheme_create"),
        {
            "title": "Schéma enfance famille",
            "kind": "child_family",
            "start_year": "2026",
            "end_year": "2030",
            "status": SchemeStatus.DRAFT,
            "summary": "",
        },
    )
    scheme = Scheme.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("schemes:scheme_detail", args=[scheme.pk])
    assert scheme.period == "2026–2030"


def test_the_form_refuses_a_plan_longer_than_five_years_next_to_the_last_year(
    client, directorate, departement
):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:scheme_create"),
        {
            "title": "Schéma trop long",
            "kind": "child_family",
            "start_year": "2021",
            "end_year": "2026",
            "status": SchemeStatus.DRAFT,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "end_year": ["Un schéma couvre au plus 5 ans (article L312-4 du CASF)."]
    }
    assert "Un schéma couvre au plus 5 ans" in response.content.decode()
    assert not Scheme.objects.exists()


def test_a_published_plan_cannot_go_back_to_draft(client, directorate, departement):
    client.force_login(directorate)
    scheme = SchemeFactory(status=SchemeStatus.ADOPTED, published=True)
    response = client.post(
        reverse("schemes:scheme_update", args=[scheme.pk]),
        {
            "title": scheme.title,
            "kind": scheme.kind,
            "start_year": "2021",
            "end_year": "2025",
            "status": SchemeStatus.DRAFT,
        },
    )
    assert "retirez-le du site public" in response.context["form"].errors["status"][0]
    scheme.refresh_from_db()
    assert scheme.status == SchemeStatus.ADOPTED


def test_bad_input_gives_form_errors_not_a_crash(client, directorate, departement):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:scheme_create"),
        {"title": "", "kind": "nope", "start_year": "deux mille", "end_year": "1e9"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "title",
        "kind",
        "start_year",
        "end_year",
        "status",
    }


def test_the_plans_page_links_keep_the_rest_of_the_address(
    client, directorate, departement, monkeypatch
):
    # The plans and budgets lists have no filters yet; whatever the address carries besides
    # the page number is kept, as on the filtered lists of the other apps.
    monkeypatch.setattr(schemes_views, "PAGE_SIZE", 1)
    SchemeFactory.create_batch(3)
    client.force_login(directorate)
    response = client.get(reverse("schemes:scheme_list"), {"page": 2, "status": "adopted"})
    assert page_links(response.content.decode()) == [
        {"page": ["1"], "status": ["adopted"]},
        {"page": ["3"], "status": ["adopted"]},
    ]


def test_a_new_objective_takes_the_next_number(client, directorate, departement):
    scheme = ObjectiveFactory(number=3).scheme
    client.force_login(directorate)
    url = reverse("schemes:objective_create", args=[scheme.pk])
    assert client.get(url).context["form"].initial["number"] == 4
    client.post(url, {"number": "4", "title": "Soutenir la parentalité"})
    assert list(scheme.objectives.values_list("number", flat=True)) == [3, 4]


def test_an_objective_number_already_taken_is_refused_next_to_the_field(
    client, directorate, departement
):
    scheme = ObjectiveFactory(number=1).scheme
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:objective_create", args=[scheme.pk]),
        {"number": "1", "title": "Doublon"},
    )
    assert response.context["form"].errors == {
        "number": ["Un autre objectif de ce schéma porte déjà ce numéro."]
    }


def test_a_number_taken_between_the_form_and_the_save_is_refused_above_the_form(
    client, directorate, departement
):
    scheme = ObjectiveFactory(number=1).scheme
    client.force_login(directorate)
    # Another request took the number after this form had checked it was free.
    with mock.patch(
        "schemes.forms.ensure_free", lambda form, field, *args: form.cleaned_data[field]
    ):
        response = client.post(
            reverse("schemes:objective_create", args=[scheme.pk]),
            {"number": "1", "title": "Doublon"},
        )
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert "existe déjà" in error
    assert escape(error) in response.content.decode()
    assert scheme.objectives.count() == 1


def test_the_directorate_adds_an_action_to_an_objective(client, directorate, departement):
    objective = ObjectiveFactory()
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:action_create", args=[objective.pk]),
        {
            "objective": objective.pk,
            "number": "1",
            "title": "Accueil de jour",
            "status": ActionStatus.PLANNED,
            "progress": "0",
            "start_date": "2024-01-01",
            "end_date": "2024-12-31",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("schemes:scheme_detail", args=[objective.scheme.pk])
    assert objective.actions.get().title == "Accueil de jour"


def test_an_action_cannot_move_to_another_plans_objective(client, directorate, departement):
    action = ActionFactory()
    elsewhere = ObjectiveFactory()
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:action_update", args=[action.pk]),
        {
            "objective": elsewhere.pk,
            "number": "1",
            "title": action.title,
            "status": action.status,
            "progress": "50",
        },
    )
    assert "objective" in response.context["form"].errors
    action.refresh_from_db()
    assert action.objective != elsewhere


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"progress": "120"}, "progress"),
        ({"status": ActionStatus.DONE, "progress": "80"}, "progress"),
        ({"start_date": "2024-05-01", "end_date": "2024-01-01"}, "end_date"),
        ({"start_date": "2024-02-31"}, "start_date"),
        ({"number": "2"}, "number"),
        # The plan covers 2021–2025.
        ({"start_date": "2027-01-01", "end_date": "2028-12-31"}, ["start_date", "end_date"]),
        ({"start_date": "2024-01-01", "end_date": "2026-06-30"}, "end_date"),
        ({"start_date": "2020-09-01", "end_date": "2021-06-30"}, "start_date"),
    ],
)
def test_the_action_form_says_what_is_wrong_next_to_the_field(
    client, directorate, departement, changes, field
):
    action = ActionFactory(number=1)
    ActionFactory(objective=action.objective, number=2)
    client.force_login(directorate)
    data = {
        "objective": action.objective.pk,
        "number": "1",
        "title": action.title,
        "status": ActionStatus.IN_PROGRESS,
        "progress": "50",
    }
    response = client.post(reverse("schemes:action_update", args=[action.pk]), data | changes)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ([field] if isinstance(field, str) else field)


def test_a_funding_line_is_added_to_an_action(client, directorate, departement):
    action = ActionFactory()
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:funding_create", args=[action.pk]),
        {"funder": Funder.ARS, "amount": "12500.50", "note": "FIR"},
    )
    assert response.url == reverse("schemes:action_detail", args=[action.pk])
    assert Funding.objects.get().amount == Decimal("12500.50")


def test_a_negative_funding_is_refused_next_to_the_amount(client, directorate, departement):
    action = ActionFactory()
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:funding_create", args=[action.pk]),
        {"funder": Funder.ARS, "amount": "-3"},
    )
    assert list(response.context["form"].errors) == ["amount"]


def test_a_second_measurement_on_the_same_date_is_refused(client, directorate, departement):
    measurement = MeasurementFactory()
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:measurement_create", args=[measurement.indicator.pk]),
        {"measured_on": measurement.measured_on.isoformat(), "value": "12"},
    )
    assert list(response.context["form"].errors) == ["measured_on"]
    assert Measurement.objects.count() == 1


def test_deleting_asks_for_confirmation_before_deleting(client, directorate, departement):
    objective = ActionFactory().objective
    client.force_login(directorate)
    url = reverse("schemes:objective_delete", args=[objective.pk])
    response = client.get(url)
    assert "Supprimer définitivement" in response.content.decode()
    assert Objective.objects.exists()
    response = client.post(url)
    assert response.url == reverse("schemes:scheme_detail", args=[objective.scheme.pk])
    assert not Objective.objects.exists()
    assert not Action.objects.exists()


def test_the_plan_page_shows_objectives_actions_funding_and_indicators(client, directorate, action):
    client.force_login(directorate)
    content = client.get(
        reverse("schemes:scheme_detail", args=[action.objective.scheme.pk])
    ).content.decode()
    # Faker's French titles may hold an apostrophe, which the page escapes.
    assert escape(action.title) in content
    assert escape(action.objective.title) in content
    assert "10\u202f000\u202f€" in content
    assert escape(action.indicators.get().name) in content


def fill(scheme, objectives):
    for _ in range(objectives):
        objective = ObjectiveFactory(scheme=scheme)
        for _ in range(3):
            action = ActionFactory(objective=objective)
            FundingFactory.create_batch(2, action=action)
            MilestoneFactory(action=action)
            MeasurementFactory(indicator=IndicatorFactory(action=action))


def test_the_plan_page_makes_the_same_queries_whatever_the_plans_size(
    client, directorate, departement, django_assert_num_queries
):
    small, large = SchemeFactory(), SchemeFactory()
    fill(small, 1)
    fill(large, 5)
    client.force_login(directorate)
    for scheme in (small, large):
        # session, user, the 7 of the plan (scheme, objectives, actions, fundings, milestones,
        # indicators, measurements), the latest PDF report of the plan, the Département's
        # identity, then the session's renewal (savepoint, update, release)
        with django_assert_num_queries(14):
            client.get(reverse("schemes:scheme_detail", args=[scheme.pk]))


def test_the_plan_list_makes_the_same_queries_whatever_the_number_of_plans(
    client, directorate, departement, django_assert_num_queries
):
    fill(SchemeFactory(), 1)
    client.force_login(directorate)
    # session, user, count for the pagination, the plans with their figures, the identity,
    # then the session's renewal (savepoint, update, release)
    with django_assert_num_queries(8):
        client.get(reverse("schemes:scheme_list"))
    for _ in range(4):
        fill(SchemeFactory(), 1)
    with django_assert_num_queries(8):
        response = client.get(reverse("schemes:scheme_list"))
    assert len(response.context["page"].object_list) == 5


def test_the_plan_list_is_paginated(client, directorate, departement):
    SchemeFactory.create_batch(21)
    client.force_login(directorate)
    assert len(client.get(reverse("schemes:scheme_list")).context["page"].object_list) == 20
    response = client.get(reverse("schemes:scheme_list"), {"page": "2"})
    assert len(response.context["page"].object_list) == 1
    assert client.get(reverse("schemes:scheme_list"), {"page": "abc"}).status_code == 200


def test_the_action_page_makes_the_same_queries_whatever_its_size(
    client, directorate, departement, django_assert_num_queries
):
    action = ActionFactory()
    client.force_login(directorate)
    for _ in range(2):
        FundingFactory(action=action)
        MilestoneFactory(action=action)
        MeasurementFactory(indicator=IndicatorFactory(action=action))
        # session, user, the action with its objective and plan, fundings, milestones,
        # indicators, measurements, the identity, then the session's renewal (savepoint,
        # update, release)
        with django_assert_num_queries(11):
            client.get(reverse("schemes:action_detail", args=[action.pk]))


def test_an_action_outside_the_plans_years_says_which_years(client, directorate, departement):
    action = ActionFactory()
    client.force_login(directorate)
    data = {
        "objective": action.objective.pk,
        "number": action.number,
        "title": action.title,
        "status": ActionStatus.PLANNED,
        "progress": "0",
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
    }
    response = client.post(reverse("schemes:action_update", args=[action.pk]), data)
    assert response.context["form"].errors["start_date"] == [
        "Hors de la période du plan (2021–2025) : une action s'y inscrit."
    ]
    action.refresh_from_db()
    assert action.start_date.year == 2022
