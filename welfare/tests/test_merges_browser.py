"""The journey of issue 19: a territory manager finds two files of the same child among his
territory's possible duplicates, merges them, follows the old address, and undoes the merge;
axe-clean on a desktop's screen and a phone's, nothing wider than the window."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from welfare.models import Child
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_fits(page):
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_a_manager_merges_two_files_of_the_same_child_and_undoes_it(
    page, live_server, responsable_nord, nord, width
):
    page.set_viewport_size({"width": width, "height": 900})
    first = ChildFactory(
        first_name="Léa", last_name="Dupont-Martin", birth_date=date(2015, 3, 14), territory=nord
    )
    second = ChildFactory(
        first_name="Lea", last_name="Dupont Martin", birth_date=date(2015, 3, 16), territory=nord
    )
    MeasureFactory(child=second)
    log_in(page, live_server, responsable_nord)

    page.goto("/doublons/")
    assert_fits(page)
    row = page.get_by_role("row", name="DUPONT-MARTIN Léa")
    expect(row).to_contain_text("même nom, naissance à 2 jour(s) d'écart")
    row.get_by_role("link", name="Examiner").click()
    page.wait_for_url("**/fusionner/")
    assert_fits(page)

    page.get_by_role("radio", name="DUPONT-MARTIN Léa, né(e) le").check()
    page.get_by_role("button", name="Fusionner les dossiers").click()
    expect(page.get_by_text("Cochez la case pour confirmer la fusion.")).to_be_visible()
    assert_fits(page)
    page.get_by_label("Je confirme qu'il s'agit du même enfant").check()
    page.get_by_role("button", name="Fusionner les dossiers").click()
    page.wait_for_url(f"**/enfants/{first.public_id}/")
    expect(page.get_by_text("est fusionné dans celui-ci")).to_be_visible()
    measures = page.get_by_role("table", name="Mesures de l'enfant, la plus récente d'abord")
    expect(measures.get_by_role("row", name="Placement (art. 375-3 du Code civil)")).to_have_count(
        1
    )
    assert_fits(page)
    assert Child.objects.count() == 1

    page.goto(f"/enfants/{second.public_id}/")
    page.wait_for_url(f"**/enfants/{first.public_id}/")

    page.goto("/fusions/")
    assert_fits(page)
    page.get_by_role("link", name="Annuler la fusion").click()
    assert_fits(page)
    page.get_by_label("Je confirme l'annulation de cette fusion").check()
    page.get_by_role("button", name="Annuler la fusion").click()
    page.wait_for_url(f"**/enfants/{second.public_id}/")
    expect(page.get_by_text("La fusion est annulée")).to_be_visible()
    assert_fits(page)
    assert Child.objects.count() == 2


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_a_referent_is_warned_of_a_file_already_open_before_saving(
    page, live_server, referent_nord, nord, width
):
    page.set_viewport_size({"width": width, "height": 900})
    ChildFactory(
        first_name="Zoé", last_name="Lefèvre", birth_date=date(2013, 4, 21), territory=nord
    )
    log_in(page, live_server, referent_nord)
    page.goto("/enfants/nouveau/")
    page.get_by_label(re.compile(r"^\s*Nom")).fill("LEFEVRE")
    page.get_by_label("Prénom").fill("Zoe")
    page.get_by_label("Date de naissance").fill("21/04/2013")
    page.get_by_label("Féminin").check()
    page.get_by_role("button", name="Enregistrer").click()
    warning = page.get_by_role("region", name="Un dossier existe peut-être déjà pour cet enfant")
    expect(warning).to_contain_text("même nom et même date de naissance")
    assert_fits(page)
    page.get_by_label("Je confirme qu'il s'agit d'un autre enfant").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url("**/enfants/*-*/")
    assert Child.objects.count() == 2
