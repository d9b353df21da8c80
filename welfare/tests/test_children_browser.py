"""The journey of issue 3: a référent creates a child, adds an OPP, sees its deadlines on
"Mon activité" and finds the child by typing the name without accents."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_referent_creates_a_child_adds_an_opp_and_finds_its_deadlines(
    page, live_server, referent_nord
):
    log_in(page, live_server, referent_nord)
    page.goto("/enfants/nouveau/")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^\s*Nom")).fill("Lefèvre")
    page.get_by_label("Prénom").fill("Zoé")
    page.get_by_label("Date de naissance").fill("21/04/2013")
    page.get_by_label("Féminin").check()
    page.get_by_label("Référent ASE").select_option(str(referent_nord.pk))
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/enfants/*-*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Zoé LEFÈVRE"
    assert_accessible(page)

    page.get_by_role("link", name="Ajouter une mesure").click()
    assert_accessible(page)
    started = timezone.localdate() - timedelta(days=100)
    page.get_by_label("Type de mesure").select_option(label="OPP du juge des enfants")
    page.get_by_label("Décidée par").select_option(label="Juge des enfants")
    page.get_by_label("Date de la décision").fill(started.strftime("%d/%m/%Y"))
    page.get_by_label(re.compile(r"^\s*Début")).fill(started.strftime("%d/%m/%Y"))
    page.get_by_label("Juridiction").fill("Tribunal judiciaire de Dole")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/enfants/*-*/")
    measures = page.get_by_role("table", name=re.compile("Mesures de l'enfant"))
    assert measures.get_by_role("row", name="OPP du juge des enfants").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Mon activité").click()
    row = page.get_by_role("row", name="Zoé")
    assert "En retard" in row.inner_text()
    assert "Projet pour l'enfant (PPE)" in row.inner_text()
    assert_accessible(page)

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Enfants"
    ).click()
    page.get_by_label("Nom ou prénom").fill("zoe lefevre")
    page.get_by_role("button", name="Rechercher").click()
    page.get_by_role("link", name="LEFÈVRE Zoé").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Zoé LEFÈVRE"
    assert_accessible(page)
