"""Error pages are French pages of the portal, not Django's English fallbacks (lang="en")."""

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from welfare.enums import Role

pytestmark = pytest.mark.django_db


def test_an_unknown_address_answers_a_french_page_in_the_layout(client, departement):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "<h1>Page introuvable</h1>" in page
    assert "Mentions légales" in page


def test_a_forbidden_page_names_the_role_and_leads_back_to_the_staff_home(
    client, cast, departement
):
    client.force_login(cast[Role.DIRECTORATE])
    response = client.get("/enfants/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<h1>Accès refusé</h1>" in page
    assert "Votre rôle (Direction Enfance Famille) ne donne pas accès à cette page." in page
    assert 'href="/espace/"' in page


def test_a_bad_host_answers_a_french_page(client, departement):
    response = client.get("/", HTTP_HOST="ailleurs.example")
    assert response.status_code == 400
    assert "<h1>Requête incorrecte</h1>" in response.content.decode()


def test_a_form_without_its_csrf_token_answers_a_french_page(departement):
    response = Client(enforce_csrf_checks=True).post("/nous-contacter/", {})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Le formulaire n'a pas pu être envoyé" in page.replace("&#x27;", "'")


def test_a_server_error_answers_a_french_page_that_needs_no_database():
    # No ``db`` fixture: the page must render when the database is what failed.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Le portail a rencontré une erreur" in page
    assert "119" in page
