"""Merging two files of the same child, its history, its undoing, the old address, and the
territory manager's pages."""

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from welfare.enums import AccessPurpose, Role
from welfare.models import AccessLog, Child, ChildMerge, Guardian, Measure, StatutoryDocument
from welfare.selectors.children import child_clocks
from welfare.services.duplicates import territory_duplicate_pairs
from welfare.services.merges import child_merge, child_merge_undo
from welfare.tests.factories import (
    AccessLogFactory,
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BORN = date(2015, 3, 14)


@pytest.fixture
def twins(nord, referent_nord):
    """The same child entered twice: each file holds part of the record."""
    kept = ChildFactory(first_name="Léa", last_name="Dupont", birth_date=BORN, territory=nord)
    merged = ChildFactory(first_name="Lea", last_name="Dupont", birth_date=BORN, territory=nord)
    return kept, merged


@pytest.fixture
def filled(twins, nord, referent_nord):
    kept, merged = twins
    sibling = ChildFactory(first_name="Hugo", last_name="Dupont", territory=nord)
    merged.siblings.add(sibling, kept)
    mother = GuardianFactory(child=merged, first_name="Sophie", last_name="Dupont")
    MeasureFactory(child=merged)
    StatutoryDocumentFactory(child=merged)
    AccessLogFactory(child=merged, user=referent_nord)
    return kept, merged, sibling, mother


def test_a_merge_moves_every_part_of_the_file(filled, responsable_nord):
    kept, merged, sibling, mother = filled
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    assert not Child.objects.filter(pk=merged.pk).exists()
    assert list(Guardian.objects.filter(child=kept)) == [mother]
    assert Measure.objects.filter(child=kept).count() == 1
    assert StatutoryDocument.objects.filter(child=kept).count() == 1
    assert list(kept.siblings.all()) == [sibling]
    assert list(sibling.siblings.all()) == [kept]
    assert AccessLog.objects.filter(child=kept, purpose=AccessPurpose.FILE_OPENED).count() == 1


def test_the_merged_files_history_moves_and_the_merge_is_traced(filled, responsable_nord):
    kept, merged, _sibling, _mother = filled
    child_events = apps.get_model("welfare", "ChildEvent").objects
    merged_history = child_events.filter(pgh_obj_id=merged.pk).count()
    merge = child_merge(kept=kept, merged=merged, by=responsable_nord)
    # The merged file's own events now read on the kept file; its deletion is the one left.
    assert list(child_events.filter(pgh_obj_id=merged.pk).values_list("pgh_label", flat=True)) == [
        "delete"
    ]
    assert child_events.filter(pgh_obj_id=kept.pk).count() >= merged_history + 1
    assert AccessLog.objects.get(child=kept, purpose=AccessPurpose.MERGED).user == responsable_nord
    assert apps.get_model("welfare", "ChildMergeEvent").objects.filter(pgh_obj=merge).exists()
    deletion = child_events.get(pgh_obj_id=merged.pk, pgh_label="delete")
    assert deletion.pgh_context.metadata["merge"] == str(merged.public_id)


def test_the_clocks_are_those_of_the_merged_file(twins, responsable_nord):
    kept, merged = twins
    MeasureFactory(child=merged)
    assert child_clocks(kept, today=date.today()) == []
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    kept = Child.objects.get(pk=kept.pk)
    assert [clock.measure for clock in child_clocks(kept, today=date.today()) if clock.measure]


def test_undoing_restores_both_files_as_they_were(filled, responsable_nord):
    kept, merged, sibling, mother = filled
    merge = child_merge(kept=kept, merged=merged, by=responsable_nord)
    later = MeasureFactory(child=kept, type="aed", start_date=date(2026, 1, 5))
    restored = child_merge_undo(merge=merge, by=responsable_nord)
    assert restored.pk == merged.pk and restored.public_id == merged.public_id
    restored = Child.objects.get(pk=merged.pk)
    assert (restored.first_name, restored.created_at) == (merged.first_name, merged.created_at)
    assert list(Guardian.objects.filter(child=restored)) == [mother]
    assert Measure.objects.filter(child=restored).count() == 1
    assert list(Measure.objects.filter(child=kept)) == [later]
    assert set(restored.siblings.all()) == {sibling, kept}
    assert list(kept.siblings.all()) == [restored]
    assert AccessLog.objects.filter(child=restored, purpose=AccessPurpose.FILE_OPENED).count() == 1
    assert AccessLog.objects.filter(purpose=AccessPurpose.MERGE_UNDONE).count() == 2
    merge.refresh_from_db()
    assert merge.undone_by == responsable_nord
    with pytest.raises(ValidationError, match="déjà annulée"):
        child_merge_undo(merge=merge, by=responsable_nord)


def test_files_of_two_territories_are_not_merged(nord, sud, responsable_nord):
    with pytest.raises(ValidationError, match="même territoire"):
        child_merge(
            kept=ChildFactory(territory=nord),
            merged=ChildFactory(territory=sud),
            by=responsable_nord,
        )


def test_a_file_that_received_a_merge_is_the_one_kept(twins, nord, responsable_nord):
    kept, merged = twins
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    third = ChildFactory(first_name="Léa", last_name="Dupont", birth_date=BORN, territory=nord)
    with pytest.raises(ValidationError, match="c'est lui qu'il faut conserver"):
        child_merge(kept=third, merged=kept, by=responsable_nord)
    child_merge(kept=kept, merged=third, by=responsable_nord)
    assert ChildMerge.objects.filter(kept=kept).count() == 2


# --- Pages ----------------------------------------------------------------------------------


def test_the_old_address_leads_to_the_kept_file(client, twins, referent_nord, responsable_nord):
    kept, merged = twins
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    client.force_login(referent_nord)
    response = client.get(reverse("children:detail", args=[merged.public_id]))
    assert response.status_code == 302
    assert response.url == reverse("children:detail", args=[kept.public_id])


def test_the_old_address_is_404_outside_the_territory(
    client, twins, referent_sud, responsable_nord
):
    kept, merged = twins
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    client.force_login(referent_sud)
    assert client.get(reverse("children:detail", args=[merged.public_id])).status_code == 404


def test_the_manager_lists_the_possible_duplicates(client, twins, responsable_nord):
    kept, merged = twins
    client.force_login(responsable_nord)
    response = client.get(reverse("children:duplicate_list"))
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert reverse("children:merge_confirm", args=[kept.public_id, merged.public_id]) in (
        response.content.decode()
    )
    assert AccessLog.objects.filter(purpose=AccessPurpose.DUPLICATE_CHECK).count() == 2


def test_siblings_recorded_as_such_are_not_listed(twins):
    kept, merged = twins
    assert len(territory_duplicate_pairs(kept.territory)) == 1
    kept.siblings.add(merged)
    assert territory_duplicate_pairs(kept.territory) == []


def test_a_guardian_in_common_makes_a_pair(nord):
    first = ChildFactory(
        first_name="Kévin", last_name="Roy", birth_date=date(2012, 1, 1), territory=nord
    )
    second = ChildFactory(
        first_name="Kevin", last_name="Roy-Morel", birth_date=date(2013, 6, 1), territory=nord
    )
    assert territory_duplicate_pairs(nord) == []
    GuardianFactory(child=first, first_name="Nadia", last_name="Morel")
    GuardianFactory(child=second, first_name="Nadia", last_name="Morel")
    ((_first, _second, reasons),) = territory_duplicate_pairs(nord)
    assert reasons == ("un responsable en commun",)


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.DIRECTORATE, Role.PREVENTION_OFFICER])
def test_only_the_territory_manager_merges(client, twins, cast, role):
    kept, merged = twins
    client.force_login(cast[role])
    for url in (
        reverse("children:duplicate_list"),
        reverse("children:merge_list"),
        reverse("children:merge_confirm", args=[kept.public_id, merged.public_id]),
    ):
        assert client.get(url).status_code == 403


def test_another_territorys_files_are_404(client, sud, responsable_nord):
    first, second = ChildFactory(territory=sud), ChildFactory(territory=sud)
    client.force_login(responsable_nord)
    url = reverse("children:merge_confirm", args=[first.public_id, second.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kept": str(first.public_id), "confirm": "on"}).status_code == 404
    assert Child.objects.count() == 2


def test_the_merge_asks_for_confirmation(client, twins, responsable_nord):
    kept, merged = twins
    client.force_login(responsable_nord)
    url = reverse("children:merge_confirm", args=[kept.public_id, merged.public_id])
    response = client.post(url, {"kept": str(kept.public_id)})
    assert "Cochez la case pour confirmer la fusion." in response.content.decode()
    assert Child.objects.count() == 2
    response = client.post(url, {"kept": str(merged.public_id), "confirm": "on"})
    assert response.url == reverse("children:detail", args=[merged.public_id])
    assert list(Child.objects.all()) == [merged]


def test_the_manager_undoes_a_merge_from_its_history(client, twins, responsable_nord):
    kept, merged = twins
    merge = child_merge(kept=kept, merged=merged, by=responsable_nord)
    client.force_login(responsable_nord)
    assert "Annuler la fusion" in client.get(reverse("children:merge_list")).content.decode()
    url = reverse("children:merge_undo", args=[merge.public_id])
    assert "Cochez la case" in client.post(url, {}).content.decode()
    response = client.post(url, {"confirm": "on"})
    assert response.url == reverse("children:detail", args=[merged.public_id])
    assert Child.objects.count() == 2
    assert client.get(url).status_code == 404


def test_another_territorys_merge_cannot_be_undone(client, sud, responsable_nord):
    manager_sud = UserFactory(role=Role.TERRITORY_MANAGER, territory=sud)
    merge = child_merge(
        kept=ChildFactory(territory=sud), merged=ChildFactory(territory=sud), by=manager_sud
    )
    client.force_login(responsable_nord)
    url = reverse("children:merge_undo", args=[merge.public_id])
    assert client.post(url, {"confirm": "on"}).status_code == 404
    assert Child.objects.count() == 1


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def _pair_merged(nord, name, by):
    first = ChildFactory(first_name="Hugo", last_name=name, birth_date=BORN, territory=nord)
    second = ChildFactory(first_name="Hugo", last_name=name, birth_date=BORN, territory=nord)
    child_merge(kept=first, merged=second, by=by)


def test_the_list_pages_queries_do_not_grow_with_rows(client, twins, nord, responsable_nord):
    client.force_login(responsable_nord)
    _pair_merged(nord, "Bernard", responsable_nord)
    pairs, merges = (
        _queries(client, reverse("children:duplicate_list")),
        _queries(client, reverse("children:merge_list")),
    )
    for name in ("Moreau", "Petit", "Garnier"):
        ChildFactory(first_name="Jade", last_name=name, birth_date=BORN, territory=nord)
        ChildFactory(first_name="Jade", last_name=name, birth_date=BORN, territory=nord)
        _pair_merged(nord, f"{name}-Roux", responsable_nord)
    assert len(territory_duplicate_pairs(nord)) == 4
    assert _queries(client, reverse("children:duplicate_list")) == pairs
    assert _queries(client, reverse("children:merge_list")) == merges
