"""Published plans have a public page without staff names; unpublished ones stay hidden."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from schemes.enums import SchemeStatus
from schemes.tests.factories import ActionFactory, FundingFactory, SchemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(departement):
    action = ActionFactory(
        objective__scheme=SchemeFactory(title="Plan Enfance 01", published=True),
        title="Développement du parrainage",
        lead_service="Mme Martin, cheffe du service ASE",
        partners="M. Durand",
    )
    FundingFactory(action=action)
    return action.objective.scheme


@pytest.fixture
def unpublished(departement):
    return SchemeFactory(title="Schéma en préparation", status=SchemeStatus.DRAFT)


def test_the_public_list_shows_published_plans_only(client, published, unpublished):
    content = client.get(reverse("public_schemes")).content.decode()
    assert "Plan Enfance 01" in content
    assert "Schéma en préparation" not in content


def test_an_unpublished_plan_has_no_public_page(client, unpublished):
    response = client.get(reverse("public_scheme_detail", args=[unpublished.pk]))
    assert response.status_code == 404


def test_unpublishing_a_plan_removes_its_public_page(client, published):
    url = reverse("public_scheme_detail", args=[published.pk])
    assert client.get(url).status_code == 200
    published.published = False
    published.save()
    assert client.get(url).status_code == 404


def test_the_public_page_shows_objectives_actions_and_progress(client, published):
    content = client.get(reverse("public_scheme_detail", args=[published.pk])).content.decode()
    objective = published.objectives.get()
    assert escape(objective.title) in content
    assert "Développement du parrainage" in content
    assert 'value="50"' in content


def test_the_public_page_names_no_staff(client, published):
    content = client.get(reverse("public_scheme_detail", args=[published.pk])).content.decode()
    assert "Martin" not in content
    assert "Durand" not in content


def test_the_public_pages_need_no_login_and_show_an_empty_state(client, departement):
    response = client.get(reverse("public_schemes"))
    assert response.status_code == 200
    assert "Aucun schéma n'est publié" in response.content.decode()


def test_the_public_list_makes_the_same_queries_whatever_the_number_of_plans(
    client, published, django_assert_num_queries
):
    # count for the pagination, the plans with their figures, the identity
    with django_assert_num_queries(3):
        client.get(reverse("public_schemes"))
    SchemeFactory.create_batch(3, published=True)
    with django_assert_num_queries(3):
        client.get(reverse("public_schemes"))
