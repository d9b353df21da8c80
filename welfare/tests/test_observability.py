"""Logs and error reports: every line of a request names it, none names a person.

The log output is read from the console handler that ``settings.LOGGING`` configures, with its
own filter and formatter, as an operator would read it; pytest's ``caplog`` would bypass both.
"""

import io
import json
import logging
import re
import uuid

import pytest
import sentry_sdk
from celery.signals import task_success
from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.urls import reverse
from sentry_sdk.transport import Transport

from welfare.observability import JsonFormatter, sentry_init
from welfare.tasks import ping

# Distinctive enough that finding it anywhere in the output can only mean a leak.
CHILD_NAME = "Quintavalle-Zéphyrine"
FAILING_URLS = "welfare.tests.failing_urls"

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_output():
    """What the configured console handler writes during the test."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.fixture
def json_log_output(log_output):
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    previous = handler.formatter
    handler.setFormatter(JsonFormatter())
    yield log_output
    handler.setFormatter(previous)


def test_every_response_carries_a_new_request_id(client, departement):
    first = client.get(reverse("public_home"))["X-Request-ID"]
    second = client.get(reverse("public_home"))["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_the_request_id_set_by_the_proxy_is_kept(client, departement, log_output):
    response = client.get(reverse("public_home"), HTTP_X_REQUEST_ID="proxy-4f2a.17_b")
    assert response["X-Request-ID"] == "proxy-4f2a.17_b"
    assert "request_id=proxy-4f2a.17_b" in log_output.getvalue()


@pytest.mark.parametrize("incoming", ["forged\nINFO line", "a b", "x" * 65, ""])
def test_an_incoming_request_id_that_could_forge_a_line_is_replaced(
    client, departement, log_output, incoming
):
    response = client.get(reverse("public_home"), HTTP_X_REQUEST_ID=incoming)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert "forged" not in log_output.getvalue()


def test_a_childs_name_posted_in_a_form_does_not_reach_the_log(client, referent_nord, log_output):
    client.force_login(referent_nord)
    response = client.post(
        reverse("children:create"),
        {
            "last_name": CHILD_NAME,
            "first_name": "Noé",
            "birth_date": "2014-03-02",
            "sex": "M",
            "referent": "",
            "mdph_decision_date": "",
        },
    )
    search = client.get(reverse("children:list"), {"q": CHILD_NAME})

    output = log_output.getvalue()
    assert response.status_code == 302
    assert CHILD_NAME not in output
    assert "Quintavalle" not in output
    assert referent_nord.username not in output
    assert (
        f"[request_id={response['X-Request-ID']} user_id={referent_nord.pk} "
        "route=children:create] POST 302"
    ) in output
    assert f"[request_id={search['X-Request-ID']} user_id={referent_nord.pk} " in output
    assert "route=children:list] GET 200" in output


def test_a_missing_childs_file_is_logged_by_route_not_by_uuid(client, referent_nord, log_output):
    client.force_login(referent_nord)
    unknown = uuid.uuid4()
    response = client.get(reverse("children:detail", args=[unknown]))
    output = log_output.getvalue()
    assert response.status_code == 404
    assert str(unknown) not in output
    assert "WARNING django.request" in output
    assert "Not Found: children:detail" in output


@pytest.mark.urls(FAILING_URLS)
def test_a_server_error_logs_its_traceback_without_the_posted_form(log_output):
    response = Client(raise_request_exception=False).post(
        "/echec/?q=" + CHILD_NAME, {"last_name": CHILD_NAME}
    )
    output = log_output.getvalue()
    assert response.status_code == 500
    assert CHILD_NAME not in output
    assert f"ERROR django.request [request_id={response['X-Request-ID']} route=failing_page]" in (
        output
    )
    assert "Internal Server Error: failing_page" in output
    assert "RuntimeError: the page failed" in output


def test_json_lines_parse_and_carry_the_request_context(client, referent_nord, json_log_output):
    client.force_login(referent_nord)
    response = client.get(reverse("children:list"), {"q": CHILD_NAME})

    records = [json.loads(line) for line in json_log_output.getvalue().splitlines()]
    (access,) = [record for record in records if record["logger"] == "welfare.access"]
    assert access["request_id"] == response["X-Request-ID"]
    assert access["user_id"] == referent_nord.pk
    assert access["route"] == "children:list"
    assert access["method"] == "GET"
    assert access["status"] == 200
    assert access["level"] == "INFO"
    assert isinstance(access["duration_ms"], float)
    assert "time" in access
    assert CHILD_NAME not in json_log_output.getvalue()


def test_a_tasks_lines_carry_its_id_and_name(log_output):
    def log_success(sender, **kwargs):
        logging.getLogger("welfare.tasks").info("done")

    task_success.connect(log_success)
    try:
        result = ping.apply()
    finally:
        task_success.disconnect(log_success)
    assert f"[task_id={result.id} task=welfare.tasks.ping] done" in log_output.getvalue()


# --- Error reports --------------------------------------------------------------------------


class CapturingTransport(Transport):
    """Keeps the envelopes the SDK would send."""

    def __init__(self):
        super().__init__()
        self.sent = []

    def capture_envelope(self, envelope):
        self.sent.append(envelope)


@pytest.fixture
def error_reports():
    transport = CapturingTransport()
    sentry_init(dsn="https://public@errors.example.invalid/1", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    # The integrations stay installed for the process; without a client they do nothing.
    sentry_sdk.get_global_scope().set_client(None)


def reported(transport):
    """The one event sent, and everything that would leave the process (with the release
    health sessions the SDK sends beside it)."""
    sentry_sdk.flush()
    (event,) = [envelope.get_event() for envelope in transport.sent if envelope.get_event()]
    return event, "".join(envelope.serialize().decode() for envelope in transport.sent)


@pytest.mark.urls(FAILING_URLS)
def test_an_error_report_names_the_user_by_id_and_holds_no_form(error_reports, referent_nord):
    client = Client(raise_request_exception=False)
    client.force_login(referent_nord)
    response = client.post("/echec/", {"last_name": CHILD_NAME})

    event, sent = reported(error_reports)
    assert event["exception"]["values"][-1]["value"] == "the page failed"
    assert "Quintavalle" not in sent
    assert referent_nord.username not in sent
    assert client.cookies["sessionid"].value not in sent
    assert event["user"] == {"id": str(referent_nord.pk)}
    assert event["tags"] == {"request_id": response["X-Request-ID"], "route": "failing_page"}
    assert "vars" not in event["exception"]["values"][-1]["stacktrace"]["frames"][-1]


@pytest.mark.urls(FAILING_URLS)
def test_an_error_report_holds_no_query_string_cookie_or_referer(error_reports):
    # Through the WSGI application, as gunicorn calls it: Sentry reads the URL, the query
    # string and the headers there, which the test client goes around.
    request = RequestFactory().get(
        "/echec/",
        {"q": CHILD_NAME},
        HTTP_COOKIE="last_search=Quintavalle",
        HTTP_REFERER="https://portail.example.org/enfants/?q=Quintavalle",
        HTTP_USER_AGENT="Firefox",
    )
    statuses = []
    # As the test client does: at the end of a request the handler closes the connection, which
    # here holds the test's transaction.
    request_finished.disconnect(close_old_connections)
    try:
        get_wsgi_application()(request.environ, lambda status, headers: statuses.append(status))
    finally:
        request_finished.connect(close_old_connections)

    event, sent = reported(error_reports)
    assert statuses == ["500 Internal Server Error"]
    assert "Quintavalle" not in sent
    assert event["request"] == {"method": "GET", "headers": {"User-Agent": "Firefox"}}
    assert "user" not in event
