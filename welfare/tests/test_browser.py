import pytest

from welfare.tests.browser import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_home_is_accessible(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "L'enfance et la famille"
    assert_accessible(page)


def test_login_page_is_accessible_and_logs_in(page, referent_nord):
    page.goto("/connexion/")
    assert_accessible(page)
    page.get_by_label("Identifiant").fill("referent.nord")
    page.get_by_label("Mot de passe").fill("enfance-demo-2026")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/espace/")
    assert "Référent ASE" in page.content()
    assert_accessible(page)


def test_a_wrong_password_is_announced_next_to_the_form(page, referent_nord):
    page.goto("/connexion/")
    page.get_by_label("Identifiant").fill("referent.nord")
    page.get_by_label("Mot de passe").fill("pas-le-bon")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)


def test_skip_link_is_first_on_the_keyboard(page, directorate, live_server):
    log_in(page, live_server, directorate)
    page.goto("/espace/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Aller au contenu"
    assert_accessible(page)


@pytest.mark.parametrize(
    "path", ["/mentions-legales/", "/accessibilite/", "/donnees-personnelles/"]
)
def test_legal_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)
