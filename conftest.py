"""Fixtures shared by every app's tests: the territories and a named cast of users, one per role.

The cast mirrors the demo accounts: ``referent_nord`` and ``referent_sud`` are caseworkers of
two territories, ``responsable_nord`` manages the Nord territory, and the others work
Département-wide.
"""

import io
import uuid
from contextlib import suppress

import pytest
from django.core.management import call_command
from kombu.exceptions import OperationalError as BrokerUnreachable

from welfare.enums import Role
from welfare.tests.factories import DepartementFactory, TerritoryFactory, UserFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2 at full strength costs about a second per user, seven for the cast; tests log in
    with ``force_login`` or check a password, neither of which needs the strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def session_saved_on_every_request(settings):
    """The pinned query counts of the pages were written when every request saved the
    session (three queries), and some of them (the dashboard's, moved by another issue)
    cannot be changed here: tests keep that behaviour unless they say otherwise, as
    welfare/tests/test_sessions.py does with the production default of a minute."""
    settings.SESSION_REFRESH_SECONDS = 0


@pytest.fixture
def departement_of_synthesis(db):
    """A small synthetic Département of ``manage.py generate_scale``: 300 files, 3 territories."""
    call_command("generate_scale", files=300, territories=3, seed=7, stdout=io.StringIO())


@pytest.fixture(scope="session", autouse=True)
def celery_queue_of_this_session():
    """Tasks sent by this session go to a queue of its own, which only its workers consume: a
    developer's worker, or another run sharing the broker, never takes them (their results
    would land in another database), and messages left by an earlier run (a killed worker's,
    given back by Redis minutes later) never reach this one's workers."""
    from welfare.celery import app

    name = f"tests-{uuid.uuid4().hex[:12]}"
    app.conf.task_default_queue = name
    yield name
    with suppress(BrokerUnreachable, OSError), app.connection_for_write() as connection:
        queue = app.amqp.queues[name].bind(connection.default_channel)
        # Declared on this channel so that the delete also removes its binding to the exchange.
        queue.declare()
        queue.purge()
        queue.delete()


@pytest.fixture
def departement(db):
    return DepartementFactory()


@pytest.fixture
def nord(db):
    return TerritoryFactory(code="nord", name="Territoire Nord")


@pytest.fixture
def sud(db):
    return TerritoryFactory(code="sud", name="Territoire Sud")


@pytest.fixture
def referent_nord(nord):
    return UserFactory(username="referent.nord", role=Role.CASEWORKER, territory=nord)


@pytest.fixture
def referent_sud(sud):
    return UserFactory(username="referent.sud", role=Role.CASEWORKER, territory=sud)


@pytest.fixture
def responsable_nord(nord):
    return UserFactory(username="responsable.nord", role=Role.TERRITORY_MANAGER, territory=nord)


@pytest.fixture
def prevention_officer(db):
    return UserFactory(username="prevention", role=Role.PREVENTION_OFFICER, territory=None)


@pytest.fixture
def reception(db):
    return UserFactory(username="accueil", role=Role.RECEPTION, territory=None)


@pytest.fixture
def directorate(db):
    return UserFactory(username="direction", role=Role.DIRECTORATE, territory=None)


@pytest.fixture
def administrator(db):
    return UserFactory(
        username="admin",
        role=Role.ADMINISTRATOR,
        territory=None,
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def archivist(db):
    return UserFactory(username="archiviste", role=Role.ARCHIVIST, territory=None)


@pytest.fixture
def cast(
    archivist,
    referent_nord,
    referent_sud,
    responsable_nord,
    prevention_officer,
    reception,
    directorate,
    administrator,
):
    """Every role at once, keyed by role."""
    return {
        Role.CASEWORKER: referent_nord,
        Role.TERRITORY_MANAGER: responsable_nord,
        Role.PREVENTION_OFFICER: prevention_officer,
        Role.RECEPTION: reception,
        Role.DIRECTORATE: directorate,
        Role.ADMINISTRATOR: administrator,
        Role.ARCHIVIST: archivist,
    }


# --- Browser journeys ------------------------------------------------------------------------
# Helpers for the tests themselves live in welfare/tests/browser.py.


@pytest.fixture(scope="session")
def browser():
    import os

    from playwright.sync_api import sync_playwright

    from welfare.tests.browser import CHROMIUM, CHROMIUM_ARGS

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test itself
    # makes around it stay synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, departement):
    context = browser.new_context(locale="fr-FR", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
