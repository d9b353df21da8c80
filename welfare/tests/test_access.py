import pytest
from django.urls import reverse

from welfare.enums import Role

pytestmark = pytest.mark.django_db


def test_login_page_is_in_french(client, departement):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Connexion à l'espace des agents" in response.content.decode()
    assert '<html lang="fr">' in response.content.decode()


def test_pages_stay_french_when_the_browser_prefers_english(client, departement):
    response = client.post(
        reverse("login"), {"username": "", "password": ""}, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"
    )
    assert "Ce champ est obligatoire." in response.content.decode()


def test_staff_home_sends_anonymous_users_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_its_home_and_sees_its_name(client, cast, departement, role):
    user = cast[role]
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert user.get_role_display() in response.content.decode()


def test_only_administrators_see_the_admin_link(client, cast, departement):
    client.force_login(cast[Role.ADMINISTRATOR])
    assert reverse("admin:index") in client.get(reverse("home")).content.decode()
    client.force_login(cast[Role.CASEWORKER])
    assert reverse("admin:index") not in client.get(reverse("home")).content.decode()


def test_admin_is_closed_to_other_roles(client, cast):
    client.force_login(cast[Role.DIRECTORATE])
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    client.force_login(cast[Role.ADMINISTRATOR])
    assert client.get(reverse("admin:index")).status_code == 200


def test_login_with_the_right_password_opens_the_staff_home(client, referent_nord, departement):
    response = client.post(
        reverse("login"), {"username": "referent.nord", "password": "enfance-demo-2026"}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_wrong_password_shows_a_french_error(client, referent_nord, departement):
    response = client.post(reverse("login"), {"username": "referent.nord", "password": "non"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_five_failures_lock_the_account(client, referent_nord, departement):
    for _ in range(5):
        client.post(reverse("login"), {"username": "referent.nord", "password": "mauvais"})
    response = client.post(
        reverse("login"), {"username": "referent.nord", "password": "enfance-demo-2026"}
    )
    assert response.status_code == 429
    assert "Compte temporairement bloqué" in response.content.decode()


def test_logout_needs_a_post_and_ends_the_session(client, referent_nord, departement):
    client.force_login(referent_nord)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_french_e_mail(client, referent_nord, mailoutbox, departement):
    response = client.post(reverse("password_reset"), {"email": referent_nord.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "Réinitialisation de votre mot de passe" in mailoutbox[0].subject
    assert "/mot-de-passe/nouveau/" in mailoutbox[0].body


def test_the_session_expires_after_idle_minutes(settings):
    # The expiry is pushed back by welfare.sessions (test_sessions.py), not on every request.
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSION_REFRESH_SECONDS == 0  # conftest.py; 60 outside the tests
    assert "welfare.sessions.SessionRefreshMiddleware" in settings.MIDDLEWARE
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_idle_session_is_refused(client, referent_nord, departement):
    client.force_login(referent_nord)
    session = client.session
    session.set_expiry(-1)
    session.save()
    assert client.get(reverse("home")).status_code == 302


def test_the_first_account_made_by_createsuperuser_is_an_administrator(client, departement):
    from django.core.management import call_command

    from welfare.models import User

    call_command(
        "createsuperuser",
        "--noinput",
        username="premier.admin",
        email="admin@example.org",
        verbosity=0,
    )
    first = User.objects.get(username="premier.admin")
    assert first.role == Role.ADMINISTRATOR
    client.force_login(first)
    assert client.get(reverse("home")).status_code == 200
