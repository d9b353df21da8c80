"""Retention of the children's files (CNIL 2022-008, § 46): the rule on dated fixtures, the
command, what the archived files are kept out of and what still counts them, the archivist's
read-only access, the hold, and the write services' refusals.

The boundary is inclusive like every limit of the portal: the last contact of the files below
is 15/03/2023, so on 15/03/2025 (two years exactly) the file is still active, and on
16/03/2025 (more than two years) it leaves the active base.
"""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from welfare.enums import AccessPurpose, DocumentKind, MeasureEndReason, MeasureType, Role
from welfare.enums import LegalParameterKey as Key
from welfare.models import AccessLog, Child, LegalParameter
from welfare.retention import files_past_active_period
from welfare.services import children as services
from welfare.tests.factories import (
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)

pytestmark = pytest.mark.django_db

LAST_CONTACT = date(2023, 3, 15)
TWO_YEARS_LATER = date(2025, 3, 15)
DAY_AFTER = date(2025, 3, 16)


def ended_file(territory, referent=None, *, last_name="Lemaire", end=LAST_CONTACT):
    """A child whose only measure, a placement, ended on ``end`` by a return home."""
    child = ChildFactory(
        first_name="Inès",
        last_name=last_name,
        birth_date=date(2012, 5, 1),
        territory=territory,
        referent=referent,
    )
    MeasureFactory(
        child=child,
        start_date=end - timedelta(days=364),
        end_date=end,
        end_reason=MeasureEndReason.RETURN_HOME,
    )
    return child


def past(day):
    return set(files_past_active_period(day=day))


def archived(child):
    services.retention_apply(day=DAY_AFTER)
    child.refresh_from_db()
    return child


# --- The rule ---------------------------------------------------------------------------------


def test_a_file_two_years_to_the_day_after_its_last_contact_is_still_active(nord):
    child = ended_file(nord)
    assert child not in past(TWO_YEARS_LATER)


def test_a_file_leaves_the_active_base_the_day_after(nord):
    child = ended_file(nord)
    assert past(DAY_AFTER) == {child}
    assert files_past_active_period(day=DAY_AFTER).get().last_contact == LAST_CONTACT


def test_a_running_measure_keeps_a_file_active(nord):
    child = ChildFactory(territory=nord, birth_date=date(2010, 1, 1))
    MeasureFactory(child=child, type=MeasureType.GUARDIANSHIP, start_date=date(2015, 1, 1))
    assert child not in past(DAY_AFTER)


def test_a_measure_past_its_end_with_no_decision_keeps_a_file_active(nord):
    # Its deadline is still open in "Mon activité": archiving would hide it.
    child = ended_file(nord)
    child.measures.update(end_reason="")
    assert child not in past(DAY_AFTER)


def test_a_later_statutory_document_is_the_last_contact(nord):
    child = ended_file(nord)
    StatutoryDocumentFactory(
        child=child, kind=DocumentKind.SITUATION_REPORT, completed_on=date(2023, 6, 1)
    )
    assert child not in past(DAY_AFTER)
    assert child in past(date(2025, 6, 2))


def test_a_legal_hold_keeps_a_file_active(nord, responsable_nord):
    child = ended_file(nord)
    services.child_legal_hold_set(
        child=child, by=responsable_nord, hold=True, reason="Contentieux en cours."
    )
    assert child not in past(DAY_AFTER)


def test_the_period_in_force_on_the_day_applies(nord):
    # A change of the framework is a new dated row, never a code change.
    LegalParameter.objects.create(
        key=Key.ACTIVE_BASE_MONTHS,
        value=36,
        valid_from=date(2025, 1, 1),
        legal_reference="Essai : durée allongée",
    )
    child = ended_file(nord)
    assert child not in past(DAY_AFTER)
    assert child in past(date(2026, 3, 16))


def test_archiving_moves_the_files_past_the_period_once(nord, referent_nord):
    due, recent = ended_file(nord), ended_file(nord, end=date(2024, 1, 1))
    assert services.retention_apply(day=DAY_AFTER, by=referent_nord) == 1
    assert services.retention_apply(day=DAY_AFTER) == 0
    due.refresh_from_db()
    assert due.archived_at is not None and due.archived_by == referent_nord
    assert set(Child.objects.archived()) == {due}
    assert set(Child.objects.active_base()) == {recent}


# --- The command ------------------------------------------------------------------------------


def test_retention_list_prints_a_french_table(nord, capsys):
    child = ended_file(nord)
    call_command("retention", "--list", "--date", "2025-03-16")
    out = capsys.readouterr().out
    assert "Dossiers sans contact depuis plus de 24 mois au 16/03/2025" in out
    assert "délibération n° 2022-008, § 46" in out
    assert "Identifiant  " in out and "Dernier contact" in out and "Mois écoulés" in out
    assert f"{child.public_id}  Territoire Nord  15/03/2023       24" in out
    assert Child.objects.archived().count() == 0  # --list writes nothing


def test_retention_apply_prints_the_count_and_is_idempotent(nord, capsys):
    ended_file(nord)
    call_command("retention", "--apply", "--date", "2025-03-16")
    call_command("retention", "--apply", "--date", "2025-03-16")
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1 dossier(s) placé(s) en archivage intermédiaire au 16/03/2025")
    assert out[1].startswith("0 dossier(s)")


# --- Out of current work, still in the figures ------------------------------------------------


def test_archived_files_are_out_of_the_list_search_and_caseload(client, nord, referent_nord):
    child = archived(ended_file(nord, referent_nord, last_name="Archivé"))
    MeasureFactory(child=ChildFactory(territory=nord, referent=referent_nord, last_name="Actif"))
    client.force_login(referent_nord)
    for url in (
        reverse("children:list"),
        reverse("children:list") + "?q=Archive",
        reverse("children:caseload"),
    ):
        content = client.get(url).content.decode()
        assert child.last_name.upper() not in content
    assert "ACTIF" in client.get(reverse("children:list")).content.decode()


def test_the_indicators_of_a_past_date_do_not_change_when_files_are_archived(nord, capsys):
    ended_file(nord)
    call_command("indicators", "--date", "2022-12-31")
    before = json.loads(capsys.readouterr().out)
    services.retention_apply(day=DAY_AFTER)
    call_command("indicators", "--date", "2022-12-31")
    assert json.loads(capsys.readouterr().out) == before


# --- Who reaches an archived file -------------------------------------------------------------


def test_the_archivist_reads_an_archived_file_read_only_and_the_read_is_logged(
    client, nord, archivist
):
    child = archived(ended_file(nord))
    GuardianFactory(child=child, first_name="Martine")
    client.force_login(archivist)
    response = client.get(reverse("children:detail", args=[child.public_id]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Dossier en archivage intermédiaire depuis le" in content
    assert "Martine" in content
    for write in ("children:edit", "children:measure_create", "children:guardian_create"):
        assert reverse(write, args=[child.public_id]) not in content
    assert reverse("children:document_create", args=[child.public_id]) not in content
    assert AccessLog.objects.get(child=child).user == archivist


def test_the_archivist_lists_and_searches_the_archived_files(client, nord, archivist):
    first = archived(ended_file(nord, last_name="Moreau"))
    ended_file(nord, last_name="Bernard", end=date(2024, 6, 1))  # still active
    client.force_login(archivist)
    content = client.get(reverse("children:archive_list")).content.decode()
    assert "MOREAU" in content and "BERNARD" not in content
    content = client.get(reverse("children:archive_list") + "?q=moreau").content.decode()
    assert reverse("children:detail", args=[first.public_id]) in content
    assert "MOREAU" not in client.get(reverse("children:archive_list") + "?q=zz").content.decode()


def test_the_archive_list_runs_a_fixed_number_of_queries(
    client, nord, archivist, django_assert_num_queries
):
    client.force_login(archivist)
    for count in (1, 4):
        for rank in range(count):
            ended_file(nord, last_name=f"Famille{count}{rank}")
        services.retention_apply(day=DAY_AFTER)
        # session, user, count, the page with the territories, Département, session
        # update (3 with its savepoints)
        with django_assert_num_queries(8):
            client.get(reverse("children:archive_list"))


def test_the_archivist_gets_404_on_an_active_file(client, nord, archivist):
    child = ended_file(nord, end=date(2030, 1, 1))
    client.force_login(archivist)
    assert client.get(reverse("children:detail", args=[child.public_id])).status_code == 404


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.TERRITORY_MANAGER])
def test_case_roles_get_404_on_an_archived_file_and_the_attempt_is_noted(client, cast, nord, role):
    child = archived(ended_file(nord, cast[Role.CASEWORKER]))
    client.force_login(cast[role])
    assert client.get(reverse("children:detail", args=[child.public_id])).status_code == 404
    assert AccessLog.objects.get(child=child).purpose == AccessPurpose.REFUSED


@pytest.mark.parametrize(
    "role", [Role.PREVENTION_OFFICER, Role.RECEPTION, Role.DIRECTORATE, Role.CASEWORKER]
)
def test_only_the_archivist_lists_the_archived_files(client, cast, role):
    client.force_login(cast[role])
    assert client.get(reverse("children:archive_list")).status_code == 403


def test_the_archivist_gets_no_edit_page(client, nord, archivist):
    child = archived(ended_file(nord))
    client.force_login(archivist)
    assert client.get(reverse("children:edit", args=[child.public_id])).status_code == 403


# --- Write services refuse --------------------------------------------------------------------


WRITES = {
    "child_update": lambda child: services.child_update(child=child, first_name="Autre"),
    "guardian_create": lambda child: services.guardian_create(
        child=child,
        relationship="mother",
        first_name="Anne",
        last_name="Lemaire",
        holds_parental_authority=True,
    ),
    "guardian_update": lambda child: services.guardian_update(
        guardian=GuardianFactory(child=child), first_name="Anne"
    ),
    "measure_create": lambda child: services.measure_create(
        child=child,
        author=None,
        type=MeasureType.AED,
        decided_by="departement_president",
        decision_date=date(2026, 1, 5),
        start_date=date(2026, 1, 5),
        end_date=date(2026, 6, 30),
    ),
    "measure_update": lambda child: services.measure_update(
        measure=child.measures.get(), court="TJ de Lons-le-Saunier"
    ),
    "measure_end": lambda child: services.measure_end(
        measure=child.measures.get(), end_date=LAST_CONTACT, end_reason="other"
    ),
    "document_create": lambda child: services.document_create(
        child=child, author=None, kind=DocumentKind.PPE, completed_on=date(2026, 1, 5)
    ),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_service_refuses_an_archived_file(nord, write):
    child = archived(ended_file(nord))
    with pytest.raises(ValidationError, match="archivage intermédiaire.*2022-008, § 46"):
        WRITES[write](child)


# --- The hold ---------------------------------------------------------------------------------


def test_the_territory_manager_holds_a_file_with_a_reason(client, nord, responsable_nord):
    child = ended_file(nord)
    client.force_login(responsable_nord)
    url = reverse("children:legal_hold", args=[child.public_id])
    response = client.post(url, {"hold": "on", "reason": ""})
    assert "Indiquez le motif du maintien en base active." in response.content.decode()
    client.post(url, {"hold": "on", "reason": "Contentieux indemnitaire en cours."})
    child.refresh_from_db()
    assert child.legal_hold and child.legal_hold_by == responsable_nord
    assert services.retention_apply(day=DAY_AFTER) == 0
    content = client.get(reverse("children:detail", args=[child.public_id])).content.decode()
    assert "Contentieux indemnitaire en cours." in content


def test_the_archivist_brings_a_file_back_to_the_active_base_by_holding_it(
    client, nord, archivist, referent_nord
):
    child = archived(ended_file(nord, referent_nord))
    client.force_login(archivist)
    response = client.post(
        reverse("children:legal_hold", args=[child.public_id]),
        {"hold": "on", "reason": "Le jeune demande la communication de son dossier."},
    )
    assert response.url == reverse("children:archive_list")
    child.refresh_from_db()
    assert child.archived_at is None and child.legal_hold
    client.force_login(referent_nord)
    assert client.get(reverse("children:detail", args=[child.public_id])).status_code == 200


def test_a_caseworker_cannot_set_the_hold(client, nord, referent_nord):
    child = ended_file(nord, referent_nord)
    client.force_login(referent_nord)
    assert client.get(reverse("children:legal_hold", args=[child.public_id])).status_code == 403


def test_the_database_refuses_an_archived_file_on_hold(nord):
    child = ended_file(nord)
    child.legal_hold, child.legal_hold_reason = True, "Contentieux."
    child.save()
    with pytest.raises(Exception, match="child_legal_hold_keeps_active"):
        Child.objects.filter(pk=child.pk).update(archived_at=child.created_at)
