"""The idle timeout holds with a session written at most once a minute (welfare/sessions.py)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from welfare.sessions import REFRESHED_AT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def refresh_once_a_minute(settings):
    settings.SESSION_REFRESH_SECONDS = 60


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def _make_the_last_refresh_older(client, seconds):
    session = client.session
    session[REFRESHED_AT] -= seconds
    session.save()


def test_a_page_read_within_the_minute_writes_no_session(client, referent_nord, departement):
    client.force_login(referent_nord)
    client.get(reverse("home"))
    before = _expiry(client)
    client.get(reverse("home"))
    assert _expiry(client) == before


def test_a_page_read_within_the_minute_runs_no_session_query(
    client, referent_nord, departement, django_assert_max_num_queries
):
    client.force_login(referent_nord)
    client.get(reverse("home"))
    # session, user, Département, the user's territory for the header: no UPDATE.
    with django_assert_max_num_queries(4):
        client.get(reverse("home"))


def test_a_page_read_after_a_minute_pushes_the_expiry_back(client, referent_nord, departement):
    client.force_login(referent_nord)
    client.get(reverse("home"))
    _make_the_last_refresh_older(client, 61)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get(reverse("home"))
    assert _expiry(client) > timezone.now() + timedelta(minutes=29)


def test_staying_connected_always_pushes_the_expiry_back(client, referent_nord, departement):
    client.force_login(referent_nord)
    client.get(reverse("home"))
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get(reverse("session_keepalive")).status_code == 204
    assert _expiry(client) > timezone.now() + timedelta(minutes=29)


def test_an_idle_session_still_ends(client, referent_nord, departement):
    client.force_login(referent_nord)
    client.get(reverse("home"))
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_an_anonymous_visitor_gets_no_session_row(client, departement):
    client.get(reverse("public_home"))
    assert not Session.objects.exists()
