"""A database that is lost, locked or slow answers the portal's 503 page, never a 500 or a 400;
and the contact form never tells a family its question was kept when it was not."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.exceptions import SessionInterrupted
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.test import Client, RequestFactory
from django.urls import reverse

from welfare.models import ContactRequest
from welfare.tests.contact_support import VALID_SUBMISSION
from welfare.views.errors import RETRY_AFTER_SECONDS, bad_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()


@pytest.fixture
def visitor():
    # Errors reach the error handlers as they would in production instead of the test.
    return Client(raise_request_exception=False)


def assert_503_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="fr">' in page
    return page


@pytest.fixture
def locked_table():
    """Another session holds an exclusive lock on the contact requests' table."""
    locker = connections.create_connection(DEFAULT_DB_ALIAS)
    locker.set_autocommit(False)
    with locker.cursor() as cursor:
        cursor.execute("LOCK TABLE welfare_contactrequest IN ACCESS EXCLUSIVE MODE")
    yield locker
    locker.rollback()
    locker.close()


def test_a_question_posted_while_its_table_is_locked_is_not_kept_and_the_visitor_is_told(
    visitor, departement, locked_table
):
    with connection.cursor() as cursor:
        # The production default is 5 s; the point is that the wait ends, with a clean answer.
        cursor.execute("SET lock_timeout = '200ms'")
    response = visitor.post(
        reverse("public_contact"),
        {**VALID_SUBMISSION, "message": "Mon fils ne dort plus, que faire ?"},
    )
    page = assert_503_page(response)
    assert "n'a pas pu être enregistrée" in page.replace("&#x27;", "'")
    # The message is given back to be copied, not lost.
    assert "Mon fils ne dort plus, que faire ?" in page
    locked_table.rollback()
    assert ContactRequest.objects.count() == 0


def test_a_question_kept_is_confirmed_with_its_reference_without_using_the_session(
    visitor, departement, settings
):
    response = visitor.post(reverse("public_contact"), VALID_SUBMISSION)
    assert response.status_code == 302
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    done = visitor.get(response.url)
    assert ContactRequest.objects.get().reference in done.content.decode()


def test_a_tampered_reference_cookie_leads_back_to_the_form(visitor, departement):
    visitor.cookies["demande_envoyee"] = "DEM-2026-000001"
    response = visitor.get(reverse("public_contact_done"))
    assert response.status_code == 302
    assert response.url == reverse("public_contact")


def test_a_staff_page_whose_database_connection_was_lost_answers_503(
    visitor, referent_nord, departement
):
    visitor.force_login(referent_nord)

    def lose_connection(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(lose_connection):
        response = visitor.get(reverse("home"))
    page = assert_503_page(response)
    assert "momentanément indisponible" in page


@pytest.mark.django_db(transaction=True)
def test_a_statement_beyond_the_timeout_answers_503(visitor, referent_nord, departement):
    # Autocommit, as in production: the test's own transaction would turn the cancelled
    # statement into an aborted transaction.
    visitor.force_login(referent_nord)

    def slow(execute, sql, params, many, context):
        # Every statement of the page takes longer than the bound, as on a saturated server.
        execute("SELECT pg_sleep(0.5)", None, False, context)
        return execute(sql, params, many, context)

    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '100ms'")
    try:
        with connection.execute_wrapper(slow):
            response = visitor.get(reverse("home"))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")
    assert_503_page(response)


def test_a_session_that_could_not_be_saved_answers_503_not_400():
    request = RequestFactory().post("/espace/")
    try:
        try:
            try:
                raise OperationalError("connection lost")
            except OperationalError as error:
                raise UpdateError from error
        except UpdateError:
            raise SessionInterrupted("The request's session was deleted.") from None
    except SessionInterrupted as interrupted:
        response = bad_request(request, interrupted)
    assert_503_page(response)


def test_a_genuinely_bad_request_still_answers_400(visitor, departement):
    response = visitor.get("/", HTTP_HOST="ailleurs.example")
    assert response.status_code == 400


def test_the_web_connection_bounds_statements_and_lock_waits(settings):
    options = settings.DATABASES["default"]["OPTIONS"]["options"]
    assert f"statement_timeout={settings.DB_STATEMENT_TIMEOUT_MS}" in options
    assert f"lock_timeout={settings.DB_LOCK_TIMEOUT_MS}" in options
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == f"{settings.DB_LOCK_TIMEOUT_MS}ms".replace("000ms", "s")
