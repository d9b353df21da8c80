"""Possible duplicates found before a child's file is opened, and the same person twice on
one file refused."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from welfare.enums import AccessPurpose, Role
from welfare.models import AccessLog, Child, Guardian
from welfare.services.duplicates import duplicate_candidates
from welfare.tests.factories import ChildFactory, GuardianFactory, UserFactory

pytestmark = pytest.mark.django_db

BORN = date(2015, 3, 14)


def candidates(first_name, last_name, birth_date=BORN, guardians=(), visible=None):
    found = duplicate_candidates(
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        visible=Child.objects.all() if visible is None else visible,
        guardians=guardians,
    )
    return found


def names(found):
    return [str(candidate.child) for candidate in found.candidates]


@pytest.fixture
def lea(nord):
    return ChildFactory(
        first_name="Léa", last_name="Dupont-Martin", birth_date=BORN, territory=nord
    )


def test_it_finds_the_same_name_without_accents(lea):
    found = candidates("Lea", "dupont-martin")
    assert names(found) == ["DUPONT-MARTIN Léa"]
    assert found.candidates[0].reasons == ("même nom et même date de naissance",)


def test_it_finds_the_names_inverted(lea):
    assert names(candidates("Dupont-Martin", "Léa")) == ["DUPONT-MARTIN Léa"]


def test_it_finds_hyphens_typed_as_spaces(lea):
    assert names(candidates("Léa", "Dupont Martin")) == ["DUPONT-MARTIN Léa"]


def test_it_finds_a_similar_name_with_the_same_birth_date(lea):
    found = candidates("Léa", "Dupond-Martin")
    assert found.candidates[0].reasons == ("nom proche et même date de naissance",)


def test_a_similar_name_born_another_day_is_not_a_candidate(lea):
    assert not candidates("Léa", "Dupond-Martin", date(2015, 3, 16))


def test_it_finds_the_same_name_born_a_few_days_apart(lea):
    found = candidates("Léa", "Dupont-Martin", date(2015, 3, 17))
    assert found.candidates[0].reasons == ("même nom, naissance à 3 jour(s) d'écart",)


def test_it_finds_the_same_name_born_one_year_apart(lea):
    found = candidates("Léa", "Dupont-Martin", date(2016, 3, 14))
    assert found.candidates[0].reasons == ("même nom, naissance le même jour à un an d'écart",)


def test_the_same_name_born_weeks_apart_is_another_child(lea):
    assert not candidates("Léa", "Dupont-Martin", date(2015, 4, 14))


def test_another_name_with_the_same_birth_date_is_another_child(lea):
    assert not candidates("Hugo", "Bernard")


def test_it_finds_a_file_with_a_guardian_in_common(lea):
    GuardianFactory(child=lea, first_name="Sophie", last_name="Martin")
    found = candidates("Léa", "Dupont", date(2014, 1, 2), guardians=[("sophie", "MARTIN")])
    assert found.candidates[0].reasons == ("un responsable en commun",)


def test_a_guardian_in_common_with_another_name_is_a_sibling(lea):
    GuardianFactory(child=lea, first_name="Sophie", last_name="Martin")
    assert not candidates("Hugo", "Dupont", date(2012, 1, 2), guardians=[("Sophie", "Martin")])


def test_outside_the_visible_files_only_the_territory_and_its_manager_are_given(lea, sud):
    UserFactory(
        role=Role.TERRITORY_MANAGER, territory=lea.territory, first_name="Anne", last_name="Roy"
    )
    found = candidates("Lea", "Dupont-Martin", visible=Child.objects.filter(territory=sud))
    assert found.candidates == []
    assert [(other.territory, other.managers) for other in found.elsewhere] == [
        ("Territoire Nord", ("Anne Roy",))
    ]


def test_archived_files_are_not_candidates(lea):
    Child.objects.filter(pk=lea.pk).update(archived_at="2026-01-01T00:00Z")
    assert not candidates("Léa", "Dupont-Martin")


def test_detection_is_one_query_whatever_the_number_of_files(nord, django_assert_num_queries):
    for day in range(1, 6):
        ChildFactory(
            first_name="Léa", last_name="Dupont", birth_date=date(2015, 3, day), territory=nord
        )
    # One query: the candidates, with their territory, référent, visibility and managers.
    with django_assert_num_queries(1):
        assert len(candidates("Léa", "Dupont", date(2015, 3, 3)).candidates) == 5


# --- The child form ----------------------------------------------------------------------------


def child_data(**overrides):
    return {
        "last_name": "Dupont-Martin",
        "first_name": "Lea",
        "birth_date": "14/03/2015",
        "sex": "F",
        **overrides,
    }


def test_the_child_form_shows_the_candidates_and_asks_to_confirm(client, referent_nord, lea):
    client.force_login(referent_nord)
    response = client.post(reverse("children:create"), child_data())
    assert response.status_code == 200
    assert Child.objects.count() == 1
    content = response.content.decode()
    assert "Un dossier existe peut-être déjà pour cet enfant" in content
    assert reverse("children:detail", args=[lea.public_id]) in content
    assert "Je confirme qu&#x27;il s&#x27;agit d&#x27;un autre enfant" in content
    assert AccessLog.objects.filter(child=lea, purpose=AccessPurpose.DUPLICATE_CHECK).count() == 1


def test_the_child_is_created_once_confirmed(client, referent_nord, lea):
    client.force_login(referent_nord)
    response = client.post(reverse("children:create"), child_data(confirm_distinct="on"))
    assert response.status_code == 302
    assert Child.objects.count() == 2


def test_a_child_without_candidates_needs_no_confirmation(client, referent_nord, lea):
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:create"), child_data(first_name="Hugo", last_name="Bernard")
    )
    assert response.status_code == 302
    assert Child.objects.count() == 2


def test_the_blank_form_has_no_box_to_tick(client, referent_nord):
    client.force_login(referent_nord)
    content = client.get(reverse("children:create")).content.decode()
    assert 'type="hidden" name="confirm_distinct"' in content
    assert "Je confirme qu&#x27;il s&#x27;agit" not in content


def test_another_territorys_file_is_announced_without_its_data(client, referent_sud, lea, nord):
    UserFactory(role=Role.TERRITORY_MANAGER, territory=nord, first_name="Anne", last_name="Roy")
    client.force_login(referent_sud)
    response = client.post(reverse("children:create"), child_data())
    content = response.content.decode()
    assert "existe sur le territoire Territoire Nord" in content
    assert "Anne Roy" in content
    assert str(lea.public_id) not in content
    assert "DUPONT-MARTIN" not in content
    assert not AccessLog.objects.filter(child=lea).exists()


def test_the_form_page_queries_do_not_grow_with_candidates(
    client, referent_nord, nord, django_assert_num_queries
):
    client.force_login(referent_nord)

    def post():
        return client.post(reverse("children:create"), child_data())

    ChildFactory(first_name="Lea", last_name="Dupont-Martin", birth_date=BORN, territory=nord)
    post()
    with CaptureQueriesContext(connection) as one:
        post()
    for day in (12, 13, 15):
        ChildFactory(
            first_name="Lea",
            last_name="Dupont-Martin",
            birth_date=date(2015, 3, day),
            territory=nord,
        )
    with django_assert_num_queries(len(one)):
        response = post()
    assert len(response.context["form"].duplicates.candidates) == 4


# --- Guardians ----------------------------------------------------------------------------------


def guardian_data(**overrides):
    return {
        "relationship": "mother",
        "last_name": "Martin",
        "first_name": "Sophie",
        "holds_parental_authority": "on",
        **overrides,
    }


def test_the_same_guardian_twice_is_refused_with_a_link(client, referent_nord, lea):
    mother = GuardianFactory(child=lea, first_name="Sophie", last_name="Martin")
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:guardian_create", args=[lea.public_id]),
        guardian_data(first_name="sophie", last_name="MARTÌN"),
    )
    assert response.status_code == 200
    assert Guardian.objects.filter(child=lea).count() == 1
    content = response.content.decode()
    assert "Cette personne figure déjà dans le dossier" in content
    assert reverse("children:guardian_edit", args=[lea.public_id, mother.public_id]) in content


def test_the_same_name_on_another_file_is_accepted(client, referent_nord, lea, nord):
    GuardianFactory(child=ChildFactory(territory=nord), first_name="Sophie", last_name="Martin")
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:guardian_create", args=[lea.public_id]), guardian_data()
    )
    assert response.status_code == 302


def test_a_guardian_edited_keeps_his_own_name(client, referent_nord, lea):
    mother = GuardianFactory(child=lea, first_name="Sophie", last_name="Martin")
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:guardian_edit", args=[lea.public_id, mother.public_id]),
        guardian_data(phone="03 84 00 00 00"),
    )
    assert response.status_code == 302


def test_the_service_refuses_the_same_person_inverted(lea):
    from django.core.exceptions import ValidationError

    from welfare.services.children import guardian_create

    GuardianFactory(child=lea, first_name="Sophie", last_name="Martin")
    with pytest.raises(ValidationError, match="figure déjà"):
        guardian_create(
            child=lea,
            relationship="mother",
            first_name="Martin",
            last_name="Sophie",
            holds_parental_authority=True,
        )
