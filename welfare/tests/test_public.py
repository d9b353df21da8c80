import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["public_home", "legal_notice", "accessibility", "personal_data"])
def test_public_pages_open_without_login(client, departement, name):
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_every_page_shows_the_departements_identity(client, departement):
    content = client.get(reverse("public_home")).content.decode()
    assert "Département du Jura" in content
    assert "03 84 87 40 02" in content
    assert "Lons-le-Saunier" in content


def test_the_emergency_numbers_are_on_the_home_page(client, departement):
    content = client.get(reverse("public_home")).content.decode()
    for number in ("119", "17", "112"):
        assert f"<strong>{number}" in content


def test_pages_render_before_any_identity_is_recorded(client):
    assert client.get(reverse("public_home")).status_code == 200


def test_logo_is_404_when_none_is_uploaded(client, departement):
    assert client.get(reverse("departement_logo")).status_code == 404


def test_security_headers_are_sent(client, departement):
    response = client.get(reverse("public_home"))
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
