"""A référent sends the renewal notice of an assistant familial, then the cover letter of a
rapport d'échéance to the juge des enfants; every page is checked by axe-core on a desktop
and on a phone."""

import pytest
from django.utils import timezone

from letters.enums import Channel
from letters.models import Letter
from letters.tests.support import carer_to_renew, child_in_care, pdf_text, stored_pdf
from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible_on_desktop_and_phone(page):
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (page.url, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_referent_sends_a_carer_s_renewal_notice(page, live_server, nord, referent_nord):
    carer, agrement = carer_to_renew(territory=nord, first_name="Odile", last_name="Prost")
    today = timezone.localdate()
    log_in(page, live_server, referent_nord)

    page.goto("/courriers/")
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_role("link", name="Courriers PROST Odile").click()
    page.get_by_label("Modèle de courrier").select_option(
        label="Avis de renouvellement de l'agrément d'un assistant familial"
    )
    page.get_by_role("button", name="Préparer le brouillon").click()
    assert_accessible_on_desktop_and_phone(page)
    assert "D421-19" in page.get_by_label("Texte du courrier").input_value()

    page.get_by_role("button", name="Émettre le courrier").click()
    letter = Letter.objects.get(foster_carer=carer)
    page.get_by_text(f"Le courrier n° {letter.number} est émis").wait_for()
    assert_accessible_on_desktop_and_phone(page)

    # A registered letter without its number is refused next to the field.
    page.get_by_label("Envoyé le").fill(today.strftime("%d/%m/%Y"))
    page.get_by_role("radio", name="Lettre recommandée avec accusé de réception").check()
    page.get_by_role("button", name="Noter l'envoi").click()
    page.locator(".invalid-feedback", has_text="Indiquez le numéro du recommandé.").wait_for()
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_label("Numéro du recommandé").fill("1A 234 567 8901 2")
    page.get_by_role("button", name="Noter l'envoi").click()
    page.get_by_text("L'envoi du courrier est noté.").wait_for()

    agrement.refresh_from_db()
    assert agrement.reminder_sent_on == today
    letter.refresh_from_db()
    assert (letter.channel, letter.tracking_number) == (Channel.REGISTERED, "1A 234 567 8901 2")
    page.goto("/courriers/")
    assert page.get_by_text("Aucun avis à envoyer dans les quatre prochains mois.").is_visible()


def test_a_referent_issues_the_cover_letter_of_a_rapport_d_echeance(
    page, live_server, nord, referent_nord
):
    child = child_in_care(
        territory=nord, referent=referent_nord, first_name="Noé", last_name="Bourgeois"
    )
    log_in(page, live_server, referent_nord)

    page.goto(f"/enfants/{child.public_id}/")
    page.get_by_role("link", name="Rédiger un courrier").click()
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_label("Modèle de courrier").select_option(
        label="Transmission du rapport d'échéance au juge des enfants"
    )
    page.get_by_role("button", name="Préparer le brouillon").click()
    body = page.get_by_label("Texte du courrier")
    assert "Noé BOURGEOIS" in body.input_value()
    body.fill(body.input_value() + "\n\nLa famille a été reçue le 2 décembre.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.get_by_text("Le brouillon est enregistré.").wait_for()
    assert_accessible_on_desktop_and_phone(page)
    page.get_by_role("button", name="Émettre le courrier").click()
    page.get_by_text("est émis et classé au dossier").wait_for()

    letter = Letter.objects.get(child=child)
    assert "La famille a été reçue le 2 décembre." in pdf_text(stored_pdf(letter))
    page.goto(f"/enfants/{child.public_id}/")
    timeline = page.get_by_role("link", name=f"Courrier n° {letter.number} émis")
    assert timeline.is_visible()
    assert_accessible_on_desktop_and_phone(page)
