"""The Jura's published figures, read back from the demo by the command and the page."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_jura_s_807_children_on_the_command_and_the_page(
    settings, client, directorate, capsys
):
    settings.DEBUG = True
    call_command("load_demo")
    capsys.readouterr()

    call_command("indicators", "--date", "2022-12-31")

    figures = json.loads(capsys.readouterr().out)["children_in_care"]
    assert (figures["total"], figures["administrative"], figures["judicial"]) == (807, 42, 765)
    by_place = figures["by_place"]
    assert by_place["foster_carer"]["judicial"] == 344
    assert by_place["establishments"]["judicial"] == 258
    assert by_place["pead"]["judicial"] == 163  # counted apart: 344 + 258 + 163 = 765
    # Beside the published 807: 602 judicial placements (375-3 3°) and OPP and 42 contractual
    # accueils confiés to the ASE, the 163 PEAD on their own line.
    legal = figures["legal_categories"]
    assert (legal["confided_to_ase"], legal["pead"]) == (644, 163)
    assert sum(legal["other_375_3"].values()) == 0

    directorate.refresh_from_db()  # load_demo set the demo password
    client.force_login(directorate)
    response = client.get(reverse("dashboard:index"), {"day": "2022-12-31"})
    assert response.status_code == 200, response
    page = {section.key: section.figures for section in response.context["sections"]}
    assert page["children_in_care"] == figures
    rows = {row.label: row.values for row in response.context["sections"][0].blocks[0].rows}
    assert rows["Assistant familial"][1] == 344
    assert rows["Établissements"][1] == 258
    assert rows["PEAD (à domicile, compté à part)"][1] == 163
    assert rows["Enfants confiés"] == (42, 765, 807)
    legal_rows = {row.label: row.values for row in response.context["sections"][0].blocks[1].rows}
    assert legal_rows["AEMO renforcée avec hébergement (PEAD)"] == (163,)
    assert legal_rows["Enfants accueillis ou confiés (chiffre publié, PEAD compris)"] == (807,)
