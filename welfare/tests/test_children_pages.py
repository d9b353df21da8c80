"""The children's pages through the HTTP client, per role, including the forbidden cases."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from welfare import timeline
from welfare.enums import (
    AccessPurpose,
    ClockStatus,
    DocumentKind,
    MeasureEndReason,
    MeasureType,
    Role,
)
from welfare.models import AccessLog, Child, Measure, StatutoryDocument
from welfare.tests.factories import (
    AccessLogFactory,
    ChildFactory,
    GuardianFactory,
    HearingFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
    UserFactory,
)
from welfare.tests.pagination import page_links
from welfare.views import children as children_views

pytestmark = pytest.mark.django_db

FORBIDDEN_ROLES = [Role.PREVENTION_OFFICER, Role.RECEPTION, Role.DIRECTORATE, Role.ADMINISTRATOR]


@pytest.fixture
def child(nord, referent_nord):
    return ChildFactory(
        first_name="Élodie", last_name="Dupré", territory=nord, referent=referent_nord
    )


@pytest.fixture(autouse=True)
def only_welfare_providers(monkeypatch, departement):
    """The file's query count is pinned for welfare alone; each app pins its providers."""
    monkeypatch.setattr(timeline, "_timeline_providers", [])
    monkeypatch.setattr(timeline, "_section_providers", [])


def detail_url(child):
    return reverse("children:detail", args=[child.public_id])


# --- Access ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.TERRITORY_MANAGER])
def test_case_roles_open_a_child_of_their_territory(client, cast, child, role):
    client.force_login(cast[role])
    response = client.get(detail_url(child))
    assert response.status_code == 200
    assert "Élodie DUPRÉ" in response.content.decode()


@pytest.mark.parametrize("role", FORBIDDEN_ROLES)
def test_other_roles_cannot_open_a_child_file(client, cast, child, role):
    # The directorate reads aggregates only: no nominative file (ARCHITECTURE.md §6).
    client.force_login(cast[role])
    assert client.get(detail_url(child)).status_code == 403
    assert client.get(reverse("children:list")).status_code == 403
    assert client.get(reverse("children:caseload")).status_code == 403
    assert not AccessLog.objects.filter(purpose=AccessPurpose.FILE_OPENED).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, child):
    response = client.get(detail_url(child))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_another_territorys_child_answers_404(client, referent_sud, child):
    client.force_login(referent_sud)
    assert client.get(detail_url(child)).status_code == 404
    assert client.get(reverse("children:edit", args=[child.public_id])).status_code == 404
    assert not AccessLog.objects.filter(purpose=AccessPurpose.FILE_OPENED).exists()


@pytest.mark.parametrize("role", FORBIDDEN_ROLES)
def test_a_refusal_by_role_is_noted_in_the_child_s_access_log(client, cast, child, role):
    client.force_login(cast[role])
    client.get(detail_url(child))
    log = AccessLog.objects.get()
    assert (log.user, log.child, log.purpose) == (cast[role], child, AccessPurpose.REFUSED)


def test_another_territory_s_attempt_is_noted_in_the_child_s_access_log(
    client, referent_sud, child
):
    client.force_login(referent_sud)
    client.get(reverse("children:edit", args=[child.public_id]))
    log = AccessLog.objects.get()
    assert (log.user, log.child, log.purpose) == (referent_sud, child, AccessPurpose.REFUSED)


def test_a_missing_page_inside_a_file_one_may_open_is_no_refusal(client, referent_nord, child):
    measure = MeasureFactory(child=child, end_reason=MeasureEndReason.TERM_REACHED)
    client.force_login(referent_nord)
    url = reverse("children:measure_end", args=[child.public_id, measure.public_id])
    assert client.get(url).status_code == 404
    assert not AccessLog.objects.exists()


def test_an_unknown_child_leaves_nothing_to_note(client, referent_nord):
    client.force_login(referent_nord)
    client.get("/enfants/00000000-0000-0000-0000-000000000000/")
    assert not AccessLog.objects.exists()


def test_the_territory_manager_sees_the_refused_attempts(
    client, responsable_nord, referent_sud, child
):
    client.force_login(referent_sud)
    client.get(detail_url(child))
    client.force_login(responsable_nord)
    html = client.get(reverse("children:access_log", args=[child.public_id])).content.decode()
    assert str(referent_sud) in html
    assert "Accès refusé" in html


def test_an_unknown_uuid_answers_404(client, referent_nord):
    client.force_login(referent_nord)
    assert client.get("/enfants/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/enfants/pas-un-uuid/").status_code == 404


@pytest.mark.parametrize("name", ["children:list", "children:caseload"])
def test_child_pages_are_never_cached(client, referent_nord, child, name):
    client.force_login(referent_nord)
    assert "no-store" in client.get(reverse(name))["Cache-Control"]
    assert "no-store" in client.get(detail_url(child))["Cache-Control"]


def test_opening_a_file_writes_the_access_log(client, referent_nord, child):
    client.force_login(referent_nord)
    client.get(detail_url(child))
    log = AccessLog.objects.get()
    assert (log.user, log.child) == (referent_nord, child)


def test_listing_children_notes_each_child_of_the_page(client, referent_nord, child):
    client.force_login(referent_nord)
    client.get(reverse("children:list"))
    log = AccessLog.objects.get()
    assert (log.user, log.child, log.purpose) == (referent_nord, child, AccessPurpose.CHILDREN_LIST)


def test_the_territory_manager_reads_a_childs_access_log(
    client, responsable_nord, referent_nord, child
):
    AccessLogFactory(child=child, user=referent_nord)
    client.force_login(responsable_nord)
    response = client.get(reverse("children:access_log", args=[child.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(referent_nord) in html
    assert "Consultation du dossier" in html


def test_a_caseworker_cannot_read_the_access_log(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.get(reverse("children:access_log", args=[child.public_id]))
    assert response.status_code == 403


def test_another_territorys_manager_gets_404_on_the_access_log(client, sud, child):
    manager = UserFactory(role=Role.TERRITORY_MANAGER, territory=sud)
    client.force_login(manager)
    response = client.get(reverse("children:access_log", args=[child.public_id]))
    assert response.status_code == 404


def test_case_roles_see_the_children_entries_in_the_navigation(client, cast, departement):
    client.force_login(cast[Role.CASEWORKER])
    page = client.get(reverse("home")).content.decode()
    assert reverse("children:caseload") in page and reverse("children:list") in page
    client.force_login(cast[Role.DIRECTORATE])
    assert reverse("children:list") not in client.get(reverse("home")).content.decode()


# --- Search and list ------------------------------------------------------------------------


def test_search_ignores_accents_and_case(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.get(reverse("children:list"), {"q": "elodie dupre"})
    assert list(response.context["page"].object_list) == [child]


def test_search_finds_nothing_outside_the_users_territory(client, referent_sud, child):
    client.force_login(referent_sud)
    response = client.get(reverse("children:list"), {"q": "Élodie"})
    assert list(response.context["page"].object_list) == []
    assert "Aucun enfant ne correspond" in response.content.decode()


def test_the_list_is_paginated(client, referent_nord, nord):
    ChildFactory.create_batch(26, territory=nord)
    client.force_login(referent_nord)
    response = client.get(reverse("children:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 1
    assert client.get(reverse("children:list"), {"page": "zzz"}).status_code == 200


def test_page_two_of_a_search_keeps_the_search_in_its_links(
    client, referent_nord, nord, monkeypatch
):
    monkeypatch.setattr(children_views, "LIST_PAGE_SIZE", 1)
    ChildFactory.create_batch(3, territory=nord, last_name="Perrin")
    client.force_login(referent_nord)
    response = client.get(reverse("children:list"), {"q": "perrin", "page": 2})
    assert page_links(response.content.decode()) == [
        {"q": ["perrin"], "page": ["1"]},
        {"q": ["perrin"], "page": ["3"]},
    ]


def test_the_list_runs_a_fixed_number_of_queries(
    client, referent_nord, nord, django_assert_num_queries
):
    client.force_login(referent_nord)
    for _ in range(3):
        MeasureFactory(child=ChildFactory(territory=nord, referent=referent_nord))
        # session, user, count, children page, their current measures, the access log
        # insert of the children shown, Département, the user's territory for the header,
        # session update (3 with its savepoints)
        with django_assert_num_queries(11):
            client.get(reverse("children:list"), {"q": ""})


# --- The child's file -----------------------------------------------------------------------


def test_the_file_shows_guardians_measures_documents_clocks_and_timeline(
    client, referent_nord, child
):
    GuardianFactory(child=child, first_name="Sandrine")
    MeasureFactory(child=child, type=MeasureType.OPP_JUDGE, end_date=None)
    StatutoryDocumentFactory(child=child, kind=DocumentKind.PPE)
    client.force_login(referent_nord)
    page = client.get(detail_url(child)).content.decode()
    assert "Sandrine" in page
    assert "OPP du juge des enfants" in page
    assert "Projet pour l&#x27;enfant (PPE)" in page
    assert "Rapport de situation" in page
    assert "Chronologie" in page


def test_siblings_are_linked_both_ways(client, referent_nord, child, nord):
    brother = ChildFactory(territory=nord, first_name="Hugo")
    child.siblings.add(brother)
    client.force_login(referent_nord)
    assert child.public_id.hex[:8] in client.get(detail_url(brother)).content.decode().replace(
        "-", ""
    )


def test_other_apps_add_timeline_events_and_sections(client, referent_nord, child):
    timeline.register_timeline_provider(
        lambda c: [timeline.TimelineEvent(date(2024, 2, 1), "Placement", "Chez Mme Martin")]
    )
    timeline.register_file_section(
        lambda c, user: timeline.FileSection(
            "Lieu d'accueil",
            "welfare/children/_section.html",
            {"rows": [("Établissement", "MECS Les Tilleuls")]},
        )
    )
    client.force_login(referent_nord)
    page = client.get(detail_url(child)).content.decode()
    assert "Chez Mme Martin" in page
    assert "MECS Les Tilleuls" in page


def test_the_file_runs_a_fixed_number_of_queries(
    client, referent_nord, child, nord, django_assert_num_queries
):
    client.force_login(referent_nord)
    for _ in range(3):
        GuardianFactory(child=child)
        MeasureFactory(child=child, start_date=timezone.localdate() - timedelta(days=10))
        StatutoryDocumentFactory(child=child, kind=DocumentKind.SITUATION_REPORT)
        child.siblings.add(ChildFactory(territory=nord))
        HearingFactory(child=child, measure=child.measures.first())
        # session, user, child, guardians, measures, documents, siblings, hearings, access
        # log insert (with pghistory's context), legal parameters, Département, header
        # territory, session update (3 with its savepoints)
        with django_assert_num_queries(15):
            client.get(detail_url(child))


# --- Caseload ("Mon activité") --------------------------------------------------------------


def test_the_caseload_lists_the_caseworkers_children_overdue_first(client, referent_nord, nord):
    today = timezone.localdate()
    ten = today - timedelta(days=365 * 10)
    on_time = ChildFactory(
        territory=nord, referent=referent_nord, last_name="Aaron", birth_date=ten
    )
    MeasureFactory(child=on_time, start_date=today - timedelta(days=10))
    late = ChildFactory(territory=nord, referent=referent_nord, last_name="Zola", birth_date=ten)
    MeasureFactory(child=late, start_date=today - timedelta(days=200))
    someone_elses = ChildFactory(territory=nord)
    MeasureFactory(child=someone_elses)
    client.force_login(referent_nord)
    response = client.get(reverse("children:caseload"))
    rows = response.context["caseload"].rows
    assert [row.child for row in rows] == [late, on_time]
    assert rows[0].next_clock.status == ClockStatus.OVERDUE
    assert response.context["caseload"].overdue == 1


def test_the_caseload_filters_by_status(client, referent_nord, nord):
    today = timezone.localdate()
    ten = today - timedelta(days=365 * 10)
    late = ChildFactory(territory=nord, referent=referent_nord, birth_date=ten)
    MeasureFactory(child=late, start_date=today - timedelta(days=200))
    MeasureFactory(
        child=ChildFactory(territory=nord, referent=referent_nord, birth_date=ten),
        start_date=today - timedelta(days=10),
    )
    client.force_login(referent_nord)
    response = client.get(reverse("children:caseload"), {"status": ClockStatus.OVERDUE})
    assert [row.child for row in response.context["caseload"].rows] == [late]


def test_bad_filters_do_not_break_the_caseload(client, referent_nord):
    client.force_login(referent_nord)
    response = client.get(reverse("children:caseload"), {"status": "x", "referent": "abc"})
    assert response.status_code == 200


def test_the_territory_manager_sees_the_territory_by_caseworker(
    client, responsable_nord, referent_nord, nord
):
    colleague = UserFactory(role=Role.CASEWORKER, territory=nord, last_name="Zidane")
    for referent in (referent_nord, colleague, colleague):
        MeasureFactory(child=ChildFactory(territory=nord, referent=referent))
    client.force_login(responsable_nord)
    response = client.get(reverse("children:caseload"))
    summaries = {s.caseworker: s.children for s in response.context["caseload"].by_caseworker}
    assert summaries == {referent_nord: 1, colleague: 2}
    only = client.get(reverse("children:caseload"), {"referent": colleague.pk})
    assert len(only.context["caseload"].rows) == 2


def test_the_caseload_runs_a_fixed_number_of_queries(
    client, responsable_nord, referent_nord, nord, django_assert_num_queries
):
    client.force_login(responsable_nord)
    for _ in range(3):
        child = ChildFactory(territory=nord, referent=referent_nord)
        MeasureFactory(child=child)
        StatutoryDocumentFactory(child=child)
        # session, user, the counts per référent with the page's children (one statement),
        # the référents, the page's children, their deadlines, caseworkers of the filter,
        # the access log insert of the children shown, Département, header territory,
        # session update (3 with its savepoints)
        with django_assert_num_queries(13):
            client.get(reverse("children:caseload"))


# --- Forms ----------------------------------------------------------------------------------


def child_data(**overrides):
    data = {
        "last_name": "Lefèvre",
        "first_name": "Noé",
        "birth_date": "2014-03-02",
        "sex": "M",
        "referent": "",
        "mdph_decision_date": "",
    }
    data.update(overrides)
    return data


def test_a_caseworker_creates_a_child_in_their_territory(client, referent_nord, nord):
    client.force_login(referent_nord)
    response = client.post(reverse("children:create"), child_data(referent=referent_nord.pk))
    created = Child.objects.get(last_name="Lefèvre")
    assert response.url == detail_url(created)
    assert created.territory == nord


def test_creating_a_child_is_recorded_by_pghistory(client, referent_nord):
    client.force_login(referent_nord)
    client.post(reverse("children:create"), child_data())
    event = apps.get_model("welfare", "ChildEvent").objects.get()
    assert event.pgh_label == "insert"
    assert event.pgh_context.metadata["user"] == referent_nord.pk


def test_a_future_birth_date_is_refused_next_to_the_field(client, referent_nord):
    client.force_login(referent_nord)
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(reverse("children:create"), child_data(birth_date=future))
    assert response.context["form"].errors["birth_date"] == [
        "La date de naissance ne peut être dans le futur."
    ]
    assert not Child.objects.exists()


def test_an_mdph_decision_needs_a_disability(client, referent_nord):
    client.force_login(referent_nord)
    response = client.post(reverse("children:create"), child_data(mdph_decision_date="2020-01-01"))
    assert "handicap reconnu" in response.context["form"].errors["mdph_decision_date"][0]


def test_a_referent_from_another_territory_is_refused(client, referent_nord, referent_sud):
    client.force_login(referent_nord)
    response = client.post(reverse("children:create"), child_data(referent=referent_sud.pk))
    assert "referent" in response.context["form"].errors


def test_editing_a_child_links_a_sibling(client, referent_nord, child, nord):
    sister = ChildFactory(territory=nord)
    client.force_login(referent_nord)
    data = child_data(
        last_name=child.last_name,
        first_name=child.first_name,
        birth_date=child.birth_date.isoformat(),
        sex=child.sex,
        siblings=[sister.pk],
    )
    client.post(reverse("children:edit", args=[child.public_id]), data)
    assert list(sister.siblings.all()) == [child]


def measure_data(**overrides):
    data = {
        "type": MeasureType.OPP_JUDGE,
        "decided_by": "children_judge",
        "decision_date": "2025-01-06",
        "start_date": "2025-01-06",
        "end_date": "",
        "court": "Tribunal judiciaire de Dole",
        "decision_reference": "RG 25/00012",
        "renews": "",
    }
    data.update(overrides)
    return data


def test_a_caseworker_adds_an_opp(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:measure_create", args=[child.public_id]), measure_data()
    )
    assert response.url == detail_url(child)
    measure = Measure.objects.get()
    assert (measure.type, measure.nature, measure.created_by) == (
        MeasureType.OPP_JUDGE,
        "judicial",
        referent_nord,
    )


def test_an_over_long_measure_is_refused_with_the_rule(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:measure_create", args=[child.public_id]),
        measure_data(type=MeasureType.PLACEMENT, end_date="2027-06-01"),
    )
    assert response.status_code == 200
    error = response.context["form"].errors["end_date"][0]
    assert "art. 375 du Code civil" in error
    assert error in response.content.decode().replace("&#x27;", "'")
    assert not Measure.objects.exists()


def test_a_measure_dated_past_the_calendar_is_refused_next_to_the_field(
    client, referent_nord, child
):
    # 31/12/9999 plus the legal limit left Python's calendar: the page answered 500.
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:measure_create", args=[child.public_id]),
        measure_data(start_date="9999-12-31", end_date="9999-12-31"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [
        "Saisissez une date comprise entre le 01/01/1900 et le 31/12/2099."
    ]
    assert not Measure.objects.exists()


def test_the_renewal_form_is_prefilled_from_the_measure(client, referent_nord, child):
    measure = MeasureFactory(child=child)
    client.force_login(referent_nord)
    url = reverse("children:measure_create", args=[child.public_id])
    form = client.get(url, {"renouvelle": str(measure.public_id)}).context["form"]
    assert form.initial["renews"] == measure
    assert form.initial["start_date"] == measure.end_date + timedelta(days=1)
    assert client.get(url, {"renouvelle": "abc"}).status_code == 200


def test_ending_a_measure_needs_confirmation(client, referent_nord, child):
    measure = MeasureFactory(child=child)
    client.force_login(referent_nord)
    url = reverse("children:measure_end", args=[child.public_id, measure.public_id])
    data = {"end_date": timezone.localdate().isoformat(), "end_reason": "return_home"}
    response = client.post(url, data)
    assert "confirm" in response.context["form"].errors
    client.post(url, {**data, "confirm": "on"})
    measure.refresh_from_db()
    assert measure.end_reason == MeasureEndReason.RETURN_HOME


def test_a_measure_of_another_child_answers_404(client, referent_nord, child, nord):
    other = MeasureFactory(child=ChildFactory(territory=nord))
    client.force_login(referent_nord)
    url = reverse("children:measure_edit", args=[child.public_id, other.public_id])
    assert client.get(url).status_code == 404


def test_recording_a_ppe_closes_its_clock(client, referent_nord, child):
    MeasureFactory(child=child)
    client.force_login(referent_nord)
    client.post(
        reverse("children:document_create", args=[child.public_id]),
        {
            "kind": DocumentKind.PPE,
            "completed_on": timezone.localdate().isoformat(),
            "referent": referent_nord.pk,
            "objectives": "Scolarité, santé, liens avec la mère.",
        },
    )
    assert StatutoryDocument.objects.get().author == referent_nord
    clocks = client.get(detail_url(child)).context["clocks"]
    assert next(c for c in clocks if c.kind == "ppe").status == ClockStatus.DONE


def test_a_ppe_without_objectives_is_refused(client, referent_nord, child):
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:document_create", args=[child.public_id]),
        {"kind": DocumentKind.PPE, "completed_on": timezone.localdate().isoformat()},
    )
    assert response.context["form"].errors["objectives"] == ["Un PPE énonce ses objectifs."]


def test_a_document_dated_before_the_childs_birth_is_refused(client, referent_nord, child):
    client.force_login(referent_nord)
    day_before = child.birth_date - timedelta(days=1)
    response = client.post(
        reverse("children:document_create", args=[child.public_id]),
        {"kind": DocumentKind.SITUATION_REPORT, "completed_on": day_before.isoformat()},
    )
    assert response.context["form"].errors["completed_on"] == [
        f"L'enfant est né le {child.birth_date:%d/%m/%Y} : le document ne peut être antérieur "
        "à sa naissance."
    ]
    assert not StatutoryDocument.objects.exists()


def test_a_guardian_is_added_to_the_file(client, referent_nord, child):
    client.force_login(referent_nord)
    client.post(
        reverse("children:guardian_create", args=[child.public_id]),
        {
            "relationship": "mother",
            "last_name": "Dupré",
            "first_name": "Sandrine",
            "holds_parental_authority": "on",
            "email": "pas-une-adresse",
        },
    )
    assert not child.guardians.exists()
    client.post(
        reverse("children:guardian_create", args=[child.public_id]),
        {
            "relationship": "mother",
            "last_name": "Dupré",
            "first_name": "Sandrine",
            "holds_parental_authority": "on",
        },
    )
    assert child.guardians.get().holds_parental_authority


def test_a_guardian_s_phone_number_is_checked_next_to_its_field(client, referent_nord, child):
    client.force_login(referent_nord)
    fields = {"relationship": "father", "last_name": "Dupré", "first_name": "Marc"}
    url = reverse("children:guardian_create", args=[child.public_id])

    response = client.post(url, fields | {"phone": "appeler le soir"})

    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [
        "Saisissez un numéro de téléphone valide, par exemple 03 84 87 40 02 ou +33 3 84 87 40 02."
    ]
    assert 'value="appeler le soir"' in response.content.decode()
    assert not child.guardians.exists()

    client.post(url, fields | {"phone": "+41 22 123 45 67"})
    assert child.guardians.get().phone == "+41 22 123 45 67"


def test_a_measure_made_invalid_by_an_older_correction_is_refused_at_its_end_not_with_a_500(
    client, referent_nord, child
):
    # A birth date corrected before the file re-checked its measures: the measure now begins
    # before the birth, which ``MeasureEndForm`` has no field for.
    measure = MeasureFactory(child=child)
    Child.objects.filter(pk=child.pk).update(birth_date=measure.start_date + timedelta(days=1))
    client.force_login(referent_nord)
    url = reverse("children:measure_end", args=[child.public_id, measure.public_id])
    response = client.post(
        url,
        {
            "end_date": timezone.localdate().isoformat(),
            "end_reason": "return_home",
            "confirm": "on",
        },
    )
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert "ne peut commencer avant sa naissance" in error
    assert error in response.content.decode().replace("&#x27;", "'")
    measure.refresh_from_db()
    assert measure.end_reason == ""


def test_a_birth_date_correction_that_a_measure_contradicts_is_refused_next_to_the_field(
    client, referent_nord, child
):
    measure = MeasureFactory(child=child)
    StatutoryDocumentFactory(child=child, completed_on=measure.start_date)
    later = measure.start_date + timedelta(days=1)
    client.force_login(referent_nord)
    data = child_data(
        last_name=child.last_name,
        first_name=child.first_name,
        birth_date=later.isoformat(),
        sex=child.sex,
    )
    response = client.post(reverse("children:edit", args=[child.public_id]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["birth_date"]
    assert "corrigez-les d'abord" in errors[0]
    assert any(str(measure) in error and "avant sa naissance" in error for error in errors)
    assert any("antérieur à la naissance" in error for error in errors)
    child.refresh_from_db()
    assert child.birth_date != later


def test_a_birth_date_correction_that_the_file_allows_is_saved(client, referent_nord, child):
    measure = MeasureFactory(child=child)
    earlier = child.birth_date - timedelta(days=3)
    client.force_login(referent_nord)
    data = child_data(
        last_name=child.last_name,
        first_name=child.first_name,
        birth_date=earlier.isoformat(),
        sex=child.sex,
    )
    response = client.post(reverse("children:edit", args=[child.public_id]), data)
    assert response.status_code == 302
    child.refresh_from_db()
    assert (child.birth_date, measure.child_id) == (earlier, child.pk)


def test_the_same_measure_entered_twice_is_refused_with_a_word(client, referent_nord, child):
    client.force_login(referent_nord)
    url = reverse("children:measure_create", args=[child.public_id])
    aed = measure_data(
        type=MeasureType.AED,
        decided_by="departement_president",
        court="",
        decision_date="2025-03-03",
        start_date="2025-03-03",
        end_date="2025-09-02",
        parental_agreement="on",
    )
    assert client.post(url, aed).status_code == 302
    response = client.post(url, aed)
    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [
        "Une mesure « Aide éducative à domicile (AED) » commençant le 03/03/2025 est déjà "
        "enregistrée pour cet enfant."
    ]
    assert Measure.objects.filter(child=child).count() == 1
