"""The admin hands out no child's file: nominative records are not registered there, and no
deletion page lists them; reference data stays editable (docs/decisions.md, issue 14)."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

from welfare.admin import NOMINATIVE_MODELS, NominativeDeletionGuard
from welfare.models import LegalParameter, Territory
from welfare.tests.contact_factories import ContactReplyFactory
from welfare.tests.factories import (
    AccessLogFactory,
    ChildFactory,
    GuardianFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(nord, referent_nord):
    child = ChildFactory(first_name="Zéphyrine", last_name="Dupré", territory=nord)
    GuardianFactory(child=child)
    MeasureFactory(child=child)
    StatutoryDocumentFactory(child=child)
    AccessLogFactory(child=child, user=referent_nord)
    ContactReplyFactory()
    return child


def _admin_urls(model):
    """The changelist, a change page and the search of ``model``, as the admin would name
    them were it registered."""
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    record = model.objects.first()
    return [base, f"{base}?q=Dupré", f"{base}{record.pk if record else 1}/change/"]


def test_the_nominative_models_are_those_of_the_issue():
    assert {model._meta.label for model in NOMINATIVE_MODELS} == {
        "welfare.Child",
        "welfare.Guardian",
        "welfare.Measure",
        "welfare.StatutoryDocument",
        "welfare.Hearing",
        "welfare.AccessLog",
        "welfare.ContactRequest",
        "welfare.ContactReply",
        "placements.Placement",
        "prevention.Concern",
        "prevention.Intervention",
        # The import's source keys, jobs (their reports) and anomalies point at children.
        "records_import.ImportAnomaly",
        "records_import.ImportJob",
        "records_import.ImportedRecord",
        "letters.Letter",
    }


def test_no_nominative_model_is_registered_in_the_admin():
    assert NOMINATIVE_MODELS.isdisjoint(admin.site._registry)


@pytest.mark.parametrize("label", sorted(model._meta.label for model in NOMINATIVE_MODELS))
def test_the_administrator_reaches_no_nominative_page_of_the_admin(
    client, administrator, child, label
):
    model = next(model for model in NOMINATIVE_MODELS if model._meta.label == label)
    client.force_login(administrator)
    for url in _admin_urls(model):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Zéphyrine" not in response.content.decode()


def test_the_admin_index_lists_no_nominative_model(client, administrator, child):
    client.force_login(administrator)
    html = client.get(reverse("admin:index")).content.decode()
    assert "/admin/welfare/child/" not in html
    assert "/admin/placements/placement/" not in html


LISTED_ON_DELETION = (models.CASCADE, models.PROTECT, models.RESTRICT)


def _reaches_nominative(model, seen=None) -> bool:
    """Whether deleting a ``model`` row could take or be blocked by a nominative record: the
    rows that point to it and cascade, protect or restrict, and so on down."""
    seen = seen if seen is not None else set()
    if model in NOMINATIVE_MODELS:
        return True
    seen.add(model)
    return any(
        _reaches_nominative(relation.related_model, seen)
        for relation in model._meta.related_objects
        if not relation.many_to_many
        and relation.on_delete in LISTED_ON_DELETION
        and relation.related_model not in seen
    )


def test_every_admin_that_could_list_a_nominative_record_on_deletion_is_guarded():
    unguarded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if _reaches_nominative(model) and not isinstance(model_admin, NominativeDeletionGuard)
    ]
    assert unguarded == []


def test_deleting_a_territory_shows_its_children_as_a_count_and_is_refused(
    client, administrator, child, nord
):
    client.force_login(administrator)
    url = reverse("admin:welfare_territory_delete", args=[nord.pk])
    html = client.get(url).content.decode()
    assert "Zéphyrine" not in html
    assert "Enfants : 1 (données nominatives, non affichées)" in html
    client.post(url, {"post": "yes"})
    assert Territory.objects.filter(pk=nord.pk).exists()


def test_deleting_an_account_with_readings_names_no_child(
    client, administrator, child, referent_nord
):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:welfare_user_changelist"),
        {"action": "delete_selected", "_selected_action": [referent_nord.pk]},
    )
    html = response.content.decode()
    assert "Zéphyrine" not in html
    assert "données nominatives, non affichées" in html


def test_deleting_reference_data_still_works(client, administrator, sud):
    client.force_login(administrator)
    client.post(reverse("admin:welfare_territory_delete", args=[sud.pk]), {"post": "yes"})
    assert not Territory.objects.filter(pk=sud.pk).exists()


@pytest.mark.parametrize(
    "name",
    [
        "admin:welfare_territory_changelist",
        "admin:welfare_user_changelist",
        "admin:welfare_departement_changelist",
        "admin:welfare_legalparameter_changelist",
        "admin:welfare_nationalcode_changelist",
        "admin:welfare_populationestimate_add",
        "admin:placements_dailyrate_add",
        "admin:placements_establishment_add",
        "admin:prevention_concernparameter_changelist",
    ],
)
def test_reference_data_stays_in_the_admin(client, administrator, departement, name):
    client.force_login(administrator)
    assert client.get(reverse(name)).status_code == 200


def test_the_administrator_still_edits_a_legal_threshold(client, administrator):
    parameter = LegalParameter.objects.first()
    client.force_login(administrator)
    url = reverse("admin:welfare_legalparameter_change", args=[parameter.pk])
    client.post(
        url,
        {
            "key": parameter.key,
            "value": parameter.value,
            "valid_from": f"{parameter.valid_from:%d/%m/%Y}",
            "legal_reference": "Art. L223-5 CASF (modifié)",
        },
    )
    parameter.refresh_from_db()
    assert parameter.legal_reference == "Art. L223-5 CASF (modifié)"
