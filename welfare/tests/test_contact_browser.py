"""Browser journeys of the public site and the contact inbox, checked by axe-core."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from welfare.models import ContactRequest
from welfare.tests.browser import assert_accessible, log_in
from welfare.tests.contact_factories import ContactRequestFactory
from welfare.tests.contact_support import run_email_tasks_in_process

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def clean_state(monkeypatch):
    cache.clear()
    run_email_tasks_in_process(monkeypatch)


def fill_question(page, *, email):
    page.locator("#id_message").fill("Bonjour, comment devenir assistant familial ?")
    page.locator("#id_email").fill(email)
    page.get_by_role("button", name="Envoyer ma question").click()


def test_a_new_visitor_asks_a_question_with_only_email_and_message(page, mailoutbox):
    page.goto("/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Nous contacter"
    ).click()
    assert_accessible(page)

    fill_question(page, email="camille.durand@example.org")

    page.wait_for_url("**/nous-contacter/merci/")
    assert page.locator("#reference").inner_text() == ContactRequest.objects.get().reference
    assert_accessible(page)
    assert [message.to for message in mailoutbox] == [["camille.durand@example.org"]]


def test_an_invalid_email_shows_the_french_error_next_to_the_field(page):
    page.goto("/nous-contacter/")
    fill_question(page, email="camille.durand@")

    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    error = page.locator("#id_email_error")
    assert "Cette adresse électronique n'est pas valide" in error.inner_text()
    assert "id_email_error" in email.get_attribute("aria-describedby")
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)
    assert not ContactRequest.objects.exists()


def test_the_public_pages_are_accessible(page):
    for path in (
        "/prevention-et-parentalite/",
        "/protection-de-l-enfance/",
        "/devenir-assistant-familial/",
        "/adoption/",
        "/pmi/",
    ):
        page.goto(path)
        assert_accessible(page)


def test_reception_handles_a_request_in_accessible_pages(page, live_server, reception):
    contact_request = ContactRequestFactory(message="<script>alert('x')</script> Bonjour")
    log_in(page, live_server, reception)
    page.goto("/espace/")
    page.get_by_role("link", name="Demandes des familles").first.click()
    assert_accessible(page)

    page.get_by_role("link", name=contact_request.reference).click()
    assert "<script>alert('x')</script> Bonjour" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Clôturer la demande…").click()
    assert_accessible(page)
    page.get_by_role("button", name="Clôturer la demande").click()
    assert page.get_by_role("status").filter(has_text="Demande clôturée.").is_visible()
    contact_request.refresh_from_db()
    assert contact_request.is_closed


def test_a_pasted_message_over_the_limit_is_counted_not_cut(page):
    page.goto("/nous-contacter/")
    count = page.locator("#id_message_count")
    assert count.inner_text() == "0 caractères sur 5\u202f000 au plus."
    page.locator("#id_message").fill("a" * 5200)
    assert page.locator("#id_message").input_value() == "a" * 5200
    expect(count).to_contain_text("de trop")
    assert count.inner_text() == (
        "5\u202f200 caractères sur 5\u202f000 au plus : 200 de trop. Raccourcissez votre "
        "question avant de l'envoyer."
    )
    assert count.get_attribute("aria-live") == "polite"
    assert "id_message_count" in page.locator("#id_message").get_attribute("aria-describedby")
    assert_accessible(page)

    page.locator("#id_email").fill("camille.durand@example.org")
    page.get_by_role("button", name="Envoyer ma question").click()
    error = page.locator("#id_message_error")
    assert "Votre question est trop longue : 5000 caractères au plus (elle en compte 5200)" in (
        error.inner_text()
    )
    assert not ContactRequest.objects.exists()
