"""The journey of issue 17, on a desktop's screen and a small phone's: a référent receives a
parquet OPP, records the judge's referral (art. 375-5 al. 2 C. civ.), the hearing and the
placement order, then sends the rapport d'échéance shared with the family (L223-5 al. 4 CASF);
axe-core finds no WCAG 2.1 AA fault on any page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def day(delta):
    return (timezone.localdate() + timedelta(days=delta)).strftime("%d/%m/%Y")


def deadline_row(page, label):
    deadlines = page.get_by_role("table", name=re.compile("Échéances légales"))
    return deadlines.get_by_role("row", name=re.compile(re.escape(label)))


def save(page):
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/enfants/*-*/")
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_a_referent_follows_an_opp_to_the_placement_order_and_sends_the_report(
    page, live_server, referent_nord, nord, width
):
    page.set_viewport_size({"width": width, "height": 900})
    child = ChildFactory(
        territory=nord,
        referent=referent_nord,
        first_name="Zoé",
        last_name="Lefèvre",
        birth_date=timezone.localdate() - timedelta(days=365 * 9),
    )
    log_in(page, live_server, referent_nord)
    page.goto(f"/enfants/{child.public_id}/")
    assert_accessible(page)

    # The parquet's OPP of 5 days ago: the judge is to be seized within 8 days.
    page.get_by_role("link", name="Ajouter une mesure").click()
    assert_accessible(page)
    page.get_by_label("Type de mesure").select_option(label="OPP du parquet")
    page.get_by_label("Décidée par").select_option(label="Parquet")
    page.get_by_label("Date de la décision").fill(day(-5))
    page.get_by_label(re.compile(r"^\s*Début")).fill(day(-5))
    page.get_by_label("Juridiction").fill("Tribunal judiciaire de Lille")
    save(page)
    referral = "OPP du parquet : saisine du juge des enfants (8 jours)"
    assert "À faire" in deadline_row(page, referral).inner_text()

    # The judge seized 3 days ago, recorded on the OPP.
    page.get_by_role("link", name=re.compile(r"Corriger OPP du parquet")).click()
    assert_accessible(page)
    page.get_by_label("Juge des enfants saisi le").fill(day(-3))
    save(page)
    assert "Fait" in deadline_row(page, referral).inner_text()

    # The first hearing, yesterday.
    page.get_by_role("link", name="Enregistrer une audience").click()
    assert_accessible(page)
    page.get_by_label("Date de l'audience").fill(day(-1))
    page.get_by_label("Objet de l'audience").select_option(label="Première audience")
    page.get_by_label("Mesure concernée").select_option(index=1)
    page.get_by_label("Juridiction").fill("Tribunal judiciaire de Lille")
    page.get_by_label("Juge", exact=True).fill("Mme Martin")
    page.get_by_label("Personnes convoquées").fill("La mère, Zoé")
    save(page)
    assert page.get_by_role("row", name=re.compile("Première audience")).count() == 1

    # The placement order given at the hearing, to the ASE (375-3 3°), ending in 3 weeks.
    page.get_by_role("link", name="Enregistrer une décision du juge").click()
    assert_accessible(page)
    page.get_by_label("Ouvre une mesure").check()
    page.get_by_label("Type de mesure").select_option(label="Placement (art. 375-3 du Code civil)")
    page.get_by_label("Décidée par").select_option(label="Juge des enfants")
    page.get_by_label("Date de la décision").fill(day(-1))
    page.get_by_label("Prend effet le").fill(day(-1))
    page.get_by_label("Fin", exact=True).fill(day(20))
    page.get_by_label("Juridiction").fill("Tribunal judiciaire de Lille")
    page.get_by_label(re.compile("Confié à")).select_option(
        label="3° le service de l'aide sociale à l'enfance"
    )
    page.get_by_label("Audience qui l'a rendue").select_option(index=1)
    save(page)
    report = "Rapport d'échéance au juge"
    assert "En retard" in deadline_row(page, report).inner_text()

    # The rapport d'échéance written, shared with the family, then sent to the judge.
    page.get_by_role("link", name=f"Enregistrer : {report}").click()
    assert_accessible(page)
    page.get_by_label("Réalisé le").fill(day(0))
    page.get_by_label("Mesure concernée").select_option(index=1)
    page.get_by_label("Synthèse").fill("Propose le renouvellement du placement.")
    save(page)
    page.get_by_role("link", name=re.compile("Enregistrer la transmission au juge")).click()
    assert_accessible(page)
    page.get_by_label("Transmis au juge le").fill(day(0))
    page.get_by_label("Contenu partagé avec les parents et l'enfant le").fill(day(0))
    save(page)
    assert "Fait" in deadline_row(page, report).inner_text()
