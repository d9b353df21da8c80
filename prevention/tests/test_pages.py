"""The prevention pages through the HTTP client, per role, including the forbidden cases."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from prevention import views as prevention_views
from prevention.enums import ActionKind, PreventionAccessPurpose
from prevention.models import Intervention, PreventionAction
from prevention.tests.factories import (
    ConcernFactory,
    InterventionFactory,
    PartnerFactory,
    PreventionActionFactory,
)
from welfare import timeline
from welfare.enums import Role
from welfare.models import AccessLog
from welfare.tests.factories import ChildFactory
from welfare.tests.pagination import page_links

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def identity(departement):
    return departement


@pytest.fixture
def child(nord, referent_nord):
    return ChildFactory(
        territory=nord, referent=referent_nord, first_name="Inès", last_name="Morel"
    )


@pytest.fixture
def tisf(nord):
    return PreventionActionFactory(title="TISF Nord", kind=ActionKind.TISF, territory=nord)


@pytest.fixture
def home_intervention(tisf, child):
    intervention = InterventionFactory(
        action=tisf, family_name="Famille Morel", started_on=date(2023, 3, 6), visits_count=12
    )
    intervention.children.add(child)
    return intervention


# --- Access per role --------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PREVENTION_OFFICER, Role.DIRECTORATE])
def test_prevention_officers_and_the_directorate_read_the_catalogue(client, cast, tisf, role):
    client.force_login(cast[role])
    assert client.get(reverse("prevention:action_list")).status_code == 200
    assert client.get(reverse("prevention:action_detail", args=[tisf.public_id])).status_code == 200
    assert client.get(reverse("prevention:figures")).status_code == 200


@pytest.mark.parametrize(
    "role", [Role.CASEWORKER, Role.TERRITORY_MANAGER, Role.RECEPTION, Role.ADMINISTRATOR]
)
def test_other_roles_cannot_open_the_catalogue(client, cast, tisf, role):
    client.force_login(cast[role])
    assert client.get(reverse("prevention:action_list")).status_code == 403
    assert client.get(reverse("prevention:action_detail", args=[tisf.public_id])).status_code == 403
    assert client.get(reverse("prevention:figures")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, tisf):
    response = client.get(reverse("prevention:action_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_directorate_reads_without_writing(client, directorate, tisf):
    client.force_login(directorate)
    assert client.get(reverse("prevention:action_create")).status_code == 403
    assert (
        client.get(reverse("prevention:intervention_create", args=[tisf.public_id])).status_code
        == 403
    )
    assert client.get(reverse("prevention:concern_create")).status_code == 403


def test_the_directorate_does_not_see_the_families_names(client, directorate, home_intervention):
    client.force_login(directorate)
    page = client.get(
        reverse("prevention:action_detail", args=[home_intervention.action.public_id])
    )
    content = page.content.decode()
    assert "Morel" not in content
    assert "Famille (nom masqué)" in content


def test_a_prevention_officer_sees_the_families_names(
    client, prevention_officer, home_intervention
):
    client.force_login(prevention_officer)
    page = client.get(
        reverse("prevention:action_detail", args=[home_intervention.action.public_id])
    )
    assert "Famille Morel" in page.content.decode()
    assert "MOREL Inès" in page.content.decode()


def test_a_caseworker_sees_the_intervention_in_his_childs_timeline(
    client, referent_nord, home_intervention, child
):
    client.force_login(referent_nord)
    response = client.get(reverse("children:detail", args=[child.public_id]))
    events = [event for event in response.context["timeline"] if event.kind == "Prévention"]
    assert [(event.date, event.title) for event in events] == [
        (date(2023, 3, 6), "Intervention de TISF à domicile – TISF Nord")
    ]
    assert "12 visite(s)" in events[0].detail


def test_another_territorys_caseworker_cannot_reach_the_intervention(
    client, referent_sud, home_intervention, child
):
    client.force_login(referent_sud)
    assert client.get(reverse("children:detail", args=[child.public_id])).status_code == 404
    assert (
        client.get(
            reverse("prevention:action_detail", args=[home_intervention.action.public_id])
        ).status_code
        == 403
    )


def test_the_timeline_shows_home_interventions_only(child, tisf):
    group = PreventionActionFactory(kind=ActionKind.PARENTING_SUPPORT, territory=child.territory)
    session = InterventionFactory(action=group, families_count=3)
    session.children.add(child)
    InterventionFactory(action=tisf).children.add(child)
    from prevention.selectors import child_interventions_timeline

    assert len(child_interventions_timeline(child)) == 1


def test_the_timeline_provider_runs_one_query(child, tisf, django_assert_num_queries):
    assert any(
        provider.__module__ == "prevention.selectors" for provider in timeline.timeline_providers()
    )
    from prevention.selectors import child_interventions_timeline

    for _ in range(3):
        InterventionFactory(action=tisf, visits_count=4).children.add(child)
        with django_assert_num_queries(1):
            child_interventions_timeline(child)


# --- The CRIP list ----------------------------------------------------------------------------


@pytest.fixture
def crip(nord, sud):
    today = timezone.localdate()
    return {
        "late": ConcernFactory(
            territory=nord,
            evaluation_due_on=today - timedelta(days=3),
            received_on=today - timedelta(days=95),
        ),
        "soon": ConcernFactory(
            territory=nord,
            evaluation_due_on=today + timedelta(days=10),
            received_on=today - timedelta(days=80),
        ),
        "grave": ConcernFactory(
            territory=sud, grave_danger=True, evaluation_due_on=today + timedelta(days=14)
        ),
        "closed": ConcernFactory(
            territory=nord,
            received_on=today - timedelta(days=30),
            evaluation_due_on=today - timedelta(days=5),
            first_analysis="not_concern",
            analysed_on=today - timedelta(days=29),
        ),
    }


def test_the_crip_list_puts_grave_danger_first_then_overdue(client, prevention_officer, crip):
    client.force_login(prevention_officer)
    response = client.get(reverse("prevention:concern_list"))
    assert list(response.context["page"].object_list) == [crip["grave"], crip["late"], crip["soon"]]
    counts = {
        row["territory__name"]: (row["open"], row["overdue"], row["grave"])
        for row in response.context["counts"]
    }
    assert counts == {"Territoire Nord": (2, 1, 0), "Territoire Sud": (1, 0, 1)}


def test_a_territory_manager_lists_his_territorys_concerns_only(client, responsable_nord, crip):
    client.force_login(responsable_nord)
    response = client.get(
        reverse("prevention:concern_list"), {"territory": crip["grave"].territory_id}
    )
    assert list(response.context["page"].object_list) == [crip["late"], crip["soon"]]
    assert (
        client.get(reverse("prevention:concern_detail", args=[crip["late"].public_id])).status_code
        == 200
    )
    assert (
        client.get(reverse("prevention:concern_detail", args=[crip["grave"].public_id])).status_code
        == 404
    )
    assert (
        client.get(reverse("prevention:concern_edit", args=[crip["late"].public_id])).status_code
        == 403
    )


def test_the_directorate_lists_concerns_without_opening_them(client, directorate, crip):
    client.force_login(directorate)
    response = client.get(reverse("prevention:concern_list"))
    assert len(response.context["page"].object_list) == 3
    assert (
        reverse("prevention:concern_detail", args=[crip["late"].public_id])
        not in response.content.decode()
    )
    assert (
        client.get(reverse("prevention:concern_detail", args=[crip["late"].public_id])).status_code
        == 403
    )


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.RECEPTION, Role.ADMINISTRATOR])
def test_other_roles_cannot_open_the_crip(client, cast, crip, role):
    client.force_login(cast[role])
    assert client.get(reverse("prevention:concern_list")).status_code == 403
    assert (
        client.get(reverse("prevention:concern_detail", args=[crip["late"].public_id])).status_code
        == 403
    )


def test_the_crip_list_query_count_does_not_grow(
    client, prevention_officer, nord, django_assert_num_queries
):
    client.force_login(prevention_officer)
    for _ in range(3):
        ConcernFactory(territory=nord).children.add(ChildFactory(territory=nord))
        # session, user, counts per territory, page count, page, territories of the filter,
        # Département, session update (3 with its savepoints)
        with django_assert_num_queries(10):
            client.get(reverse("prevention:concern_list"))


def test_the_concern_file_query_count_does_not_grow(
    client, prevention_officer, nord, django_assert_num_queries
):
    concern = ConcernFactory(territory=nord)
    client.force_login(prevention_officer)
    for _ in range(3):
        concern.children.add(ChildFactory(territory=nord))
        # session, user, concern, children, team, the access log insert of the children,
        # Département, session update (3)
        with django_assert_num_queries(10):
            client.get(reverse("prevention:concern_detail", args=[concern.public_id]))


# --- Catalogue pages --------------------------------------------------------------------------


def test_the_catalogue_query_count_does_not_grow(
    client, directorate, nord, django_assert_num_queries
):
    client.force_login(directorate)
    for _ in range(3):
        InterventionFactory(action=PreventionActionFactory(territory=nord))
        # session, user, totals, page count, page, territories of the filter, Département,
        # session update (3 with its savepoints)
        with django_assert_num_queries(10):
            client.get(reverse("prevention:action_list"))


def test_the_figures_page_query_count_does_not_grow(
    client, directorate, nord, django_assert_num_queries
):
    client.force_login(directorate)
    for _ in range(3):
        InterventionFactory(action=PreventionActionFactory(territory=nord))
        ConcernFactory(
            territory=nord, received_on=date(2023, 5, 2), evaluation_due_on=date(2023, 8, 2)
        )
        # session, user, years of actions, years of concerns, the three figures queries,
        # territories of the filter, Département, session update (3 with its savepoints)
        with django_assert_num_queries(12):
            response = client.get(reverse("prevention:figures"))
    assert response.context["figures"]["year"] == 2023


def test_the_catalogue_filters_by_year_territory_and_kind(client, prevention_officer, nord, sud):
    PreventionActionFactory(title="Nord 2023", territory=nord)
    PreventionActionFactory(title="Sud 2023", territory=sud)
    PreventionActionFactory(title="Médiation", kind=ActionKind.FAMILY_MEDIATION, territory=nord)
    PreventionActionFactory(
        title="Nord 2024", territory=nord, start_date=date(2024, 1, 1), end_date=date(2024, 6, 30)
    )
    client.force_login(prevention_officer)
    response = client.get(
        reverse("prevention:action_list"), {"year": 2023, "territory": nord.pk, "kind": "tisf"}
    )
    assert [action.title for action in response.context["page"].object_list] == ["Nord 2023"]


def test_page_two_of_the_filtered_catalogue_keeps_the_filters_in_its_links(
    client, prevention_officer, nord, monkeypatch
):
    monkeypatch.setattr(prevention_views, "PAGE_SIZE", 1)
    PreventionActionFactory.create_batch(2, territory=nord, kind=ActionKind.TISF)
    client.force_login(prevention_officer)
    filters = {"year": "2023", "territory": str(nord.pk), "kind": "tisf"}
    response = client.get(reverse("prevention:action_list"), {**filters, "page": 2})
    assert len(response.context["page"].object_list) == 1
    filters = {name: [value] for name, value in filters.items()}
    assert page_links(response.content.decode()) == [filters | {"page": ["1"]}]


@pytest.mark.parametrize(
    "query", [{"year": "abc"}, {"territory": "x"}, {"kind": "nope"}, {"page": "-1"}]
)
def test_bad_filters_never_fail(client, prevention_officer, tisf, query):
    client.force_login(prevention_officer)
    assert client.get(reverse("prevention:action_list"), query).status_code == 200
    assert client.get(reverse("prevention:figures"), query).status_code == 200
    assert client.get(reverse("prevention:concern_list"), query).status_code == 200


def test_an_unknown_action_answers_404(client, prevention_officer):
    client.force_login(prevention_officer)
    assert (
        client.get("/prevention/actions/00000000-0000-0000-0000-000000000000/").status_code == 404
    )
    assert client.get("/prevention/actions/pas-un-uuid/").status_code == 404


def test_a_prevention_officer_creates_an_action(client, prevention_officer, nord):
    partner = PartnerFactory(name="CAF du Jura")
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:action_create"),
        {
            "title": "Groupes de parole",
            "kind": ActionKind.PARENTING_SUPPORT,
            "partner": partner.pk,
            "territory": nord.pk,
            "start_date": "2025-01-01",
            "end_date": "2025-12-31",
            "budget": "25000",
        },
    )
    action = PreventionAction.objects.get()
    assert response.url == reverse("prevention:action_detail", args=[action.public_id])
    assert (action.partner, action.cost) == (partner, None)


def test_an_action_over_two_years_is_refused_next_to_its_end(client, prevention_officer):
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:action_create"),
        {
            "title": "Action",
            "kind": ActionKind.TISF,
            "partner": PartnerFactory().pk,
            "start_date": "2025-09-01",
            "end_date": "2026-06-30",
            "budget": "-5",
        },
    )
    errors = response.context["form"].errors
    assert "année budgétaire" in str(errors["end_date"])
    assert "budget" in errors
    assert not PreventionAction.objects.exists()


def test_an_action_with_interventions_keeps_its_nature(tisf, home_intervention):
    from django.core.exceptions import ValidationError

    from prevention import services

    with pytest.raises(ValidationError):
        services.action_update(action=tisf, kind=ActionKind.PARENTING_SUPPORT)


def test_a_group_session_counts_families_without_names(client, prevention_officer, nord):
    group = PreventionActionFactory(kind=ActionKind.PARENTING_SUPPORT, territory=nord)
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:intervention_create", args=[group.public_id]),
        {"started_on": "2023-04-12", "families_count": "5", "participants_count": "11"},
    )
    assert response.url == reverse("prevention:action_detail", args=[group.public_id])
    session = Intervention.objects.get()
    assert (session.families_count, session.family_name) == (5, "")
    url = reverse("prevention:intervention_children", args=[session.public_id])
    assert client.get(url).status_code == 404


def test_an_intervention_outside_the_actions_period_is_refused(client, prevention_officer, tisf):
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:intervention_create", args=[tisf.public_id]),
        {"family_name": "Famille Morel", "started_on": "2024-02-01"},
    )
    assert "started_on" in response.context["form"].errors
    assert not Intervention.objects.exists()


def test_a_home_intervention_is_linked_to_the_childs_file(client, prevention_officer, tisf, child):
    client.force_login(prevention_officer)
    response = client.post(
        reverse("prevention:intervention_create", args=[tisf.public_id]),
        {"family_name": "Famille Morel", "started_on": "2023-05-02", "visits_count": "8"},
    )
    intervention = Intervention.objects.get()
    assert response.url == reverse(
        "prevention:intervention_children", args=[intervention.public_id]
    )
    assert intervention.families_count == 1
    client.post(response.url, {"child": str(child.public_id)})
    assert list(intervention.children.all()) == [child]
    client.post(response.url, {"child": str(child.public_id), "remove": "1"})
    assert not intervention.children.exists()
    assert list(
        AccessLog.objects.filter(child=child).order_by("pk").values_list("user", "purpose")
    ) == [
        (prevention_officer.pk, PreventionAccessPurpose.LINKED_TO_PREVENTION),
        (prevention_officer.pk, PreventionAccessPurpose.UNLINKED_FROM_PREVENTION),
    ]


def test_deleting_an_intervention_asks_for_confirmation(
    client, prevention_officer, home_intervention
):
    client.force_login(prevention_officer)
    url = reverse("prevention:intervention_delete", args=[home_intervention.public_id])
    assert client.get(url).status_code == 200
    assert Intervention.objects.exists()
    client.post(url)
    assert not Intervention.objects.exists()


def test_the_action_page_query_count_does_not_grow(
    client, prevention_officer, tisf, nord, django_assert_num_queries
):
    client.force_login(prevention_officer)
    for _ in range(3):
        intervention = InterventionFactory(action=tisf)
        intervention.children.add(*ChildFactory.create_batch(2, territory=nord))
        # session, user, action, families and count, page count, page, children with their
        # territory, the access log insert of those children, Département, session update
        # (3 with its savepoints)
        with django_assert_num_queries(12):
            client.get(reverse("prevention:action_detail", args=[tisf.public_id]))
