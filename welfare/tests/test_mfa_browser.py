"""The journey of the second factor: a référent enrols an authentication application from the
key shown on the page, signs out, signs in again with password and code."""

import time
from base64 import b32decode

import pytest
from django_otp.oath import totp

from welfare.tests.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def application_code(key: str, *, later=False) -> str:
    """What a phone application shows for the key typed from the page."""
    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return f"{totp(b32decode(secret), drift=1 if later else 0):06d}"


def sign_in(page):
    page.goto("/connexion/")
    page.get_by_label("Identifiant").fill("referent.nord")
    page.get_by_label("Mot de passe").fill("enfance-demo-2026")
    page.get_by_role("button", name="Se connecter").click()


def test_a_referent_enrols_then_signs_in_with_a_code(page, referent_nord):
    sign_in(page)
    page.wait_for_url("**/espace/")
    page.get_by_role("link", name="Double authentification").click()
    assert page.get_by_role("img", name="QR code à scanner avec l'application d'authentification")
    assert_accessible(page)
    key = page.locator("code").inner_text()

    page.get_by_label("Code à 6 chiffres").fill("000000")
    page.get_by_role("button", name="Activer").click()
    assert page.get_by_text("Ce code n'est pas le bon, ou il a expiré.").is_visible()
    assert_accessible(page)
    time.sleep(1.1)  # the wrong code throttles the next try for a second
    page.get_by_label("Code à 6 chiffres").fill(application_code(key))
    page.get_by_role("button", name="Activer").click()
    page.wait_for_url("**/espace/")
    assert page.get_by_text("La double authentification est activée").is_visible()

    page.get_by_role("button", name="Se déconnecter").first.click()
    sign_in(page)
    page.wait_for_url("**/connexion/code/**")
    assert_accessible(page)
    # The code just used cannot serve twice: the application's next one is accepted.
    page.get_by_label("Code à 6 chiffres").fill(application_code(key, later=True))
    page.get_by_role("button", name="Valider").click()
    page.wait_for_url("**/espace/")
    assert "Référent ASE" in page.content()
