import pytest
from django.urls import reverse

from welfare.tests.browser import assert_accessible, log_in


@pytest.mark.django_db
def test_keepalive_renews_a_session_without_content(client, referent_nord):
    client.force_login(referent_nord)
    response = client.get(reverse("session_keepalive"))
    assert response.status_code == 204
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_keepalive_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("session_keepalive"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_staff_pages_carry_the_timeout_and_public_pages_do_not(client, referent_nord, departement):
    assert 'id="session-warning"' not in client.get(reverse("public_home")).content.decode()
    client.force_login(referent_nord)
    content = client.get(reverse("home")).content.decode()
    assert 'data-timeout="1800"' in content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_are_warned_before_the_timeout_and_can_stay_connected(
    page, live_server, settings, directorate
):
    # A 6-second session: the warning shows after 3 seconds instead of 25 minutes.
    settings.SESSION_COOKIE_AGE = 6
    log_in(page, live_server, directorate)
    page.goto("/espace/")
    warning = page.get_by_role("alertdialog", name="Votre session va bientôt expirer")
    warning.wait_for(state="visible", timeout=5_000)
    assert page.evaluate("document.activeElement.textContent").strip() == "Rester connecté"
    assert_accessible(page)
    with page.expect_response("**/espace/session/") as keepalive:
        page.get_by_role("button", name="Rester connecté").click()
    assert keepalive.value.status == 204
    assert warning.is_hidden()
    page.goto("/espace/")
    assert page.url.endswith("/espace/")
