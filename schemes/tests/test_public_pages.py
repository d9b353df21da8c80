"""Published plans have a public page without staff names; unpublished ones stay hidden."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from schemes import services
from schemes.enums import ActionStatus, SchemeStatus
from schemes.models import Action
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
    return services.scheme_publish(scheme=action.objective.scheme)


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
    services.scheme_unpublish(scheme=published)
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


def test_edits_to_a_published_plan_wait_for_the_next_publication(client, directorate, published):
    action = Action.objects.get(objective__scheme=published)
    client.force_login(directorate)
    client.post(
        reverse("schemes:action_update", args=[action.pk]),
        {
            "objective": action.objective.pk,
            "number": action.number,
            "title": "Parrainage de proximité renforcé",
            "status": ActionStatus.DONE,
            "progress": "100",
        },
    )
    public = reverse("public_scheme_detail", args=[published.pk])
    content = client.get(public).content.decode()
    assert "Développement du parrainage" in content
    assert "Parrainage de proximité renforcé" not in content
    listing = client.get(reverse("public_schemes")).content.decode()
    assert "avancement moyen : 50\u202f%" in listing

    staff = client.get(reverse("schemes:scheme_detail", args=[published.pk]))
    assert staff.context["unpublished_changes"]
    assert "Modifications non publiées" in staff.content.decode()

    response = client.post(reverse("schemes:scheme_publication", args=[published.pk]))
    assert response.status_code == 302
    content = client.get(public).content.decode()
    assert "Parrainage de proximité renforcé" in content
    assert 'value="100"' in content
    staff = client.get(reverse("schemes:scheme_detail", args=[published.pk]))
    assert not staff.context["unpublished_changes"]


def test_the_public_list_shows_the_published_figures(client, directorate, published):
    ActionFactory(objective=published.objectives.get(), number=9)
    content = client.get(reverse("public_schemes")).content.decode()
    assert "1 action" in content and "2 actions" not in content


def test_a_draft_cannot_be_published(client, directorate, unpublished):
    client.force_login(directorate)
    response = client.post(
        reverse("schemes:scheme_publication", args=[unpublished.pk]), follow=True
    )
    assert "Adoptez le schéma avant de le publier" in response.content.decode()
    unpublished.refresh_from_db()
    assert not unpublished.published


def test_the_plan_is_taken_off_the_public_site_in_one_step(client, directorate, published):
    client.force_login(directorate)
    client.post(reverse("schemes:scheme_publication", args=[published.pk]), {"retirer": "1"})
    assert client.get(reverse("public_scheme_detail", args=[published.pk])).status_code == 404


def test_territory_managers_cannot_publish(client, responsable_nord, unpublished):
    client.force_login(responsable_nord)
    url = reverse("schemes:scheme_publication", args=[unpublished.pk])
    assert client.post(url).status_code == 403
