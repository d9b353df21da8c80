"""The public site: pages open without login, the navigation, nothing nominative."""

import pytest
from django.urls import reverse

from welfare.navigation import PUBLIC_ITEMS
from welfare.templatetags.fr_format import fr_phone_link
from welfare.tests.contact_factories import ContactRequestFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "public_home",
    "public_prevention",
    "public_child_protection",
    "public_foster_carer",
    "public_adoption",
    "public_pmi",
    "public_contact",
]


@pytest.mark.parametrize("name", PAGES)
def test_each_public_page_opens_without_login(client, departement, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_get_the_public_navigation(client, departement, name):
    content = client.get(reverse(name)).content.decode()
    for item in PUBLIC_ITEMS:
        assert f'href="{item.url}"' in content


def test_staff_keep_their_own_navigation(client, reception, departement):
    client.force_login(reception)
    content = client.get(reverse("public_home")).content.decode()
    assert 'href="/espace/demandes/"' in content
    assert f'href="{reverse("public_pmi")}"' not in content.split("<main")[0]


def test_the_child_protection_page_puts_the_emergency_numbers_first(client, departement):
    content = client.get(reverse("public_child_protection")).content.decode()
    for number in ("119", "17", "112"):
        assert f"<strong>{number}" in content
    assert content.index("<strong>119") < content.index("Vous vous inquiétez pour un enfant")


def test_the_public_pages_refuse_posts(client, departement):
    assert client.post(reverse("public_adoption")).status_code == 405


def test_topic_pages_link_to_the_form_with_their_topic(client, departement):
    content = client.get(reverse("public_foster_carer")).content.decode()
    assert f'href="{reverse("public_contact")}?sujet=foster_carer"' in content


@pytest.mark.parametrize("name", PAGES)
def test_no_public_page_shows_a_request(client, departement, name):
    ContactRequestFactory(email="famille.secrete@example.org", last_name="Zyxwabc")
    content = client.get(reverse(name)).content.decode()
    assert "famille.secrete@example.org" not in content
    assert "Zyxwabc" not in content


def test_the_home_pages_phone_number_is_a_link_that_dials_it(client, departement):
    content = client.get(reverse("public_home")).content.decode()
    text = content.split("Une question, une demande ?", 1)[1].split("</p>", 1)[0]
    assert f'<a href="tel:{departement.phone.replace(" ", "")}">{departement.phone}</a>' in text


def test_a_phone_link_dials_digits_only():
    assert fr_phone_link("+33 (0)3 84.87-40 02") == (
        '<a href="tel:+33384874002">+33 (0)3 84.87-40 02</a>'
    )
