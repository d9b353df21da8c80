"""The access log (issue 14): every read of a child's identity leaves a row with its purpose,
in one insert per page; refused attempts are listed to the territory manager; the
``access_audit`` command prints what was read of one file, or by one account."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from welfare import timeline
from welfare.access_purposes import purpose_choices, register_access_purposes
from welfare.enums import AccessPurpose, Role
from welfare.models import AccessLog
from welfare.services.access_log import Read, access_log_reads
from welfare.tests.factories import (
    AccessLogFactory,
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_welfare_providers(monkeypatch, departement):
    monkeypatch.setattr(timeline, "_timeline_providers", [])
    monkeypatch.setattr(timeline, "_section_providers", [])


@pytest.fixture
def child(nord, referent_nord):
    return ChildFactory(
        first_name="Inès", last_name="Morel", territory=nord, referent=referent_nord
    )


def logged():
    """(user, child, purpose, detail) of every row, oldest first."""
    return list(AccessLog.objects.order_by("pk").values_list("user", "child", "purpose", "detail"))


# --- The helper -------------------------------------------------------------------------------


def test_it_writes_a_row_per_child_in_one_insert(referent_nord, nord, django_assert_num_queries):
    children = ChildFactory.create_batch(30, territory=nord)
    with django_assert_num_queries(1):
        access_log_reads(user=referent_nord, children=children, purpose=AccessPurpose.SEARCH)
    assert AccessLog.objects.filter(purpose=AccessPurpose.SEARCH).count() == 30


def test_it_writes_other_purposes_of_the_same_page_in_the_same_insert(
    referent_nord, nord, django_assert_num_queries
):
    linked, found = ChildFactory(territory=nord), ChildFactory(territory=nord)
    with django_assert_num_queries(1):
        access_log_reads(
            user=referent_nord,
            children=[linked],
            purpose=AccessPurpose.CHILDREN_LIST,
            also=[Read([found], AccessPurpose.SEARCH, "morel")],
        )
    assert logged() == [
        (referent_nord.pk, linked.pk, AccessPurpose.CHILDREN_LIST, ""),
        (referent_nord.pk, found.pk, AccessPurpose.SEARCH, "morel"),
    ]


def test_it_counts_a_child_shown_twice_once(referent_nord, child):
    access_log_reads(user=referent_nord, children=[child, child], purpose=AccessPurpose.WORKLIST)
    assert AccessLog.objects.count() == 1


def test_no_child_shown_costs_no_query(referent_nord, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert access_log_reads(user=referent_nord, children=[], purpose=AccessPurpose.SEARCH) == []


def test_a_long_detail_is_cut_to_the_column(referent_nord, child):
    access_log_reads(
        user=referent_nord, children=[child], purpose=AccessPurpose.SEARCH, detail="x" * 500
    )
    assert len(AccessLog.objects.get().detail) == 200


# --- Each kind of read ------------------------------------------------------------------------


def test_the_identity_form_is_noted(client, referent_nord, child):
    client.force_login(referent_nord)
    client.get(reverse("children:edit", args=[child.public_id]))
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.IDENTITY_FORM, "")]


@pytest.mark.parametrize("existing", [False, True])
def test_the_guardian_form_is_noted(client, referent_nord, child, existing):
    if existing:
        url = reverse(
            "children:guardian_edit",
            args=[child.public_id, GuardianFactory(child=child).public_id],
        )
    else:
        url = reverse("children:guardian_create", args=[child.public_id])
    client.force_login(referent_nord)
    client.get(url)
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.GUARDIAN_FORM, "")]


def test_a_form_sent_back_with_errors_is_noted_again(client, referent_nord, child):
    client.force_login(referent_nord)
    client.post(reverse("children:edit", args=[child.public_id]), {"last_name": ""})
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.IDENTITY_FORM, "")]


@pytest.mark.parametrize("name", ["children:measure_create", "children:document_create"])
def test_the_forms_of_the_file_are_noted(client, referent_nord, child, name):
    client.force_login(referent_nord)
    client.get(reverse(name, args=[child.public_id]))
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.RECORD_FORM, "")]


def test_the_end_of_a_measure_is_noted(client, referent_nord, child):
    measure = MeasureFactory(child=child)
    client.force_login(referent_nord)
    client.get(reverse("children:measure_end", args=[child.public_id, measure.public_id]))
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.RECORD_FORM, "")]


def test_a_search_notes_the_words_and_each_child_found(client, referent_nord, child, nord):
    namesake = ChildFactory(first_name="Jules", last_name="Morel", territory=nord)
    ChildFactory(first_name="Jules", last_name="Perrin", territory=nord)
    client.force_login(referent_nord)
    client.get(reverse("children:list"), {"q": " morel "})
    assert sorted(logged()) == sorted(
        [
            (referent_nord.pk, child.pk, AccessPurpose.SEARCH, "morel"),
            (referent_nord.pk, namesake.pk, AccessPurpose.SEARCH, "morel"),
        ]
    )


def test_a_search_that_finds_nothing_notes_nothing(client, referent_nord, child):
    client.force_login(referent_nord)
    client.get(reverse("children:list"), {"q": "zzz"})
    assert not AccessLog.objects.exists()


def test_only_the_children_of_the_page_shown_are_noted(client, referent_nord, nord):
    ChildFactory.create_batch(27, territory=nord)
    client.force_login(referent_nord)
    response = client.get(reverse("children:list"), {"page": 2})
    shown = {child.pk for child in response.context["page"].object_list}
    assert len(shown) == 2
    assert set(AccessLog.objects.values_list("child", flat=True)) == shown


def test_the_caseload_notes_each_child_listed(client, referent_nord, child):
    MeasureFactory(child=child)
    client.force_login(referent_nord)
    client.get(reverse("children:caseload"))
    assert logged() == [(referent_nord.pk, child.pk, AccessPurpose.WORKLIST, "")]


def test_reading_a_file_s_log_is_noted_after_the_page(client, responsable_nord, child):
    client.force_login(responsable_nord)
    response = client.get(reverse("children:access_log", args=[child.public_id]))
    # The page does not list its own reading; the next one does.
    assert list(response.context["page"].object_list) == []
    assert logged() == [(responsable_nord.pk, child.pk, AccessPurpose.ACCESS_REVIEW, "")]


# --- Refused attempts, for the territory manager ----------------------------------------------


def test_a_refusal_notes_the_page_asked_for(client, referent_sud, child):
    client.force_login(referent_sud)
    url = reverse("children:edit", args=[child.public_id])
    for _ in range(7):
        client.get(url)
    assert logged() == [(referent_sud.pk, child.pk, AccessPurpose.REFUSED, url)] * 7


def test_the_manager_lists_his_territory_s_refused_attempts(
    client, responsable_nord, referent_sud, child, sud
):
    elsewhere = ChildFactory(territory=sud, last_name="Ailleurs")
    AccessLogFactory(child=elsewhere, user=referent_sud, purpose=AccessPurpose.REFUSED)
    AccessLogFactory(child=child, user=referent_sud, purpose=AccessPurpose.FILE_OPENED)
    client.force_login(referent_sud)
    client.get(reverse("children:detail", args=[child.public_id]))
    client.force_login(responsable_nord)
    response = client.get(reverse("children:refused_accesses"))
    entries = list(response.context["page"].object_list)
    assert [(entry.user, entry.child) for entry in entries] == [(referent_sud, child)]
    html = response.content.decode()
    assert "referent.sud" in html and "Référent ASE" in html and "MOREL Inès" in html
    assert timezone.localtime(entries[0].accessed_at).strftime("%d/%m/%Y %H:%M") in html


def test_the_refused_attempts_come_newest_first_and_by_pages(
    client, responsable_nord, referent_sud, child
):
    for _ in range(51):
        AccessLogFactory(child=child, user=referent_sud, purpose=AccessPurpose.REFUSED)
    latest = AccessLog.objects.order_by("-pk").first()
    AccessLog.objects.filter(pk=latest.pk).update(accessed_at=timezone.now() + timedelta(minutes=1))
    client.force_login(responsable_nord)
    first = client.get(reverse("children:refused_accesses"))
    assert first.context["page"].object_list[0] == latest
    assert len(first.context["page"].object_list) == 50
    second = client.get(reverse("children:refused_accesses"), {"page": 2})
    assert len(second.context["page"].object_list) == 1


def test_reading_the_refused_attempts_is_noted_for_the_children_listed(
    client, responsable_nord, referent_sud, child
):
    AccessLogFactory(child=child, user=referent_sud, purpose=AccessPurpose.REFUSED)
    client.force_login(responsable_nord)
    client.get(reverse("children:refused_accesses"))
    assert AccessLog.objects.filter(
        user=responsable_nord, child=child, purpose=AccessPurpose.ACCESS_REVIEW
    ).exists()


def test_the_refused_attempts_page_runs_a_fixed_number_of_queries(
    client, responsable_nord, referent_sud, nord, django_assert_num_queries
):
    client.force_login(responsable_nord)
    for _ in range(3):
        AccessLogFactory(
            child=ChildFactory(territory=nord), user=referent_sud, purpose=AccessPurpose.REFUSED
        )
        # session, user, count, page (with users and children), the access log insert of
        # the children listed, Département, header territory, session update (3 with its
        # savepoints)
        with django_assert_num_queries(10):
            client.get(reverse("children:refused_accesses"))


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.DIRECTORATE, Role.PREVENTION_OFFICER])
def test_only_the_territory_manager_reads_the_refused_attempts(client, cast, role):
    client.force_login(cast[role])
    assert client.get(reverse("children:refused_accesses")).status_code == 403


def test_the_manager_finds_the_refused_attempts_from_his_activity(client, responsable_nord):
    client.force_login(responsable_nord)
    html = client.get(reverse("children:caseload")).content.decode()
    assert reverse("children:refused_accesses") in html


# --- access_audit -----------------------------------------------------------------------------


def audit(*args) -> str:
    out = StringIO()
    call_command("access_audit", *args, stdout=out)
    return out.getvalue()


def _dated(day, **fields):
    entry = AccessLogFactory(**fields)
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, 10, 30))
    AccessLog.objects.filter(pk=entry.pk).update(accessed_at=moment)
    return entry


def test_the_audit_prints_every_access_to_a_child_allowed_and_refused(
    referent_nord, referent_sud, child
):
    day = timezone.localdate() - timedelta(days=3)
    _dated(day, child=child, user=referent_nord, purpose=AccessPurpose.SEARCH, detail="morel")
    _dated(day, child=child, user=referent_sud, purpose=AccessPurpose.REFUSED)
    _dated(day, child=ChildFactory(), user=referent_nord)

    output = audit("--child", str(child.public_id))

    assert f"Accès au dossier de MOREL Inès ({child.public_id})" in output
    assert f"{day:%d/%m/%Y} 10:30:00" in output
    search, refusal = [line for line in output.splitlines() if "10:30:00" in line]
    assert "referent.nord" in search and "Recherche" in search and "morel" in search
    assert search.rstrip().endswith("autorisé")
    assert "referent.sud" in refusal and "Accès refusé" in refusal
    assert refusal.rstrip().endswith("refusé")
    assert "2 accès, dont 1 refusé(s)." in output


def test_the_audit_keeps_the_days_of_the_period(referent_nord, child):
    today = timezone.localdate()
    _dated(today - timedelta(days=10), child=child, user=referent_nord, detail="avant")
    _dated(today - timedelta(days=5), child=child, user=referent_nord, detail="pendant")
    _dated(today - timedelta(days=1), child=child, user=referent_nord, detail="après")

    output = audit(
        "--child",
        str(child.public_id),
        "--from",
        f"{today - timedelta(days=6):%d/%m/%Y}",
        "--to",
        (today - timedelta(days=5)).isoformat(),
    )

    assert "pendant" in output
    assert "avant" not in output and "après" not in output


def test_the_audit_prints_what_one_account_read(referent_nord, referent_sud, child):
    AccessLogFactory(child=child, user=referent_nord, purpose=AccessPurpose.WORKLIST)
    AccessLogFactory(child=child, user=referent_sud, purpose=AccessPurpose.REFUSED)

    output = audit("--user", "referent.nord")

    assert "Accès du compte referent.nord" in output
    assert "Liste de travail" in output and f"MOREL Inès ({child.public_id})" in output
    assert "referent.sud" not in output


def test_the_audit_says_when_nothing_was_read(child):
    assert "Aucun accès sur la période." in audit("--child", str(child.public_id))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Indiquez soit --child, soit --user"),
        (("--child", "x", "--user", "y"), "Indiquez soit --child, soit --user"),
        (("--child", "pas-un-uuid"), "Identifiant de dossier invalide"),
        (("--child", "00000000-0000-0000-0000-000000000000"), "Aucun dossier d'enfant"),
        (("--user", "personne"), "Aucun compte n'a l'identifiant « personne »"),
        (("--user", "referent.nord", "--from", "31/02/2025"), "Date invalide pour --from"),
        (("--user", "referent.nord", "--to", "demain"), "Date invalide pour --to"),
        (
            ("--user", "referent.nord", "--from", "2025-03-02", "--to", "01/03/2025"),
            "Période vide",
        ),
    ],
)
def test_the_audit_refuses_bad_arguments_in_french(referent_nord, args, message):
    with pytest.raises(CommandError, match=message):
        audit(*args)


def test_the_audit_names_an_account_without_a_role(child):
    account = UserFactory(username="sans.role", role="", territory=None)
    AccessLogFactory(child=child, user=account)
    assert "sans.role" in audit("--child", str(child.public_id))


def test_an_app_cannot_give_one_of_welfare_s_purposes_another_meaning():
    class Clash(models.TextChoices):
        SEARCH = "search", "Autre chose"

    with pytest.raises(ValueError, match="search"):
        register_access_purposes(Clash)
    assert dict(purpose_choices())["search"] == AccessPurpose.SEARCH.label
