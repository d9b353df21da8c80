"""Logs and error reports that an operator can follow without reading anyone's personal data.

Every line written during a request carries its request id, the user's id (never a name) and
the route's name (never the path: paths hold children's UUIDs and search terms); a worker's
lines carry the task's id and name instead. ``RequestContextMiddleware`` fills the context,
``ContextFilter`` copies it onto each record, the formatters write it as text or JSON lines.
Sentry (or GlitchTip) receives errors through ``sentry_init`` with the same rule.

This module is imported by the settings and by the Celery application before Django is set
up: it imports nothing from Django at module level.
"""

import contextvars
import logging
import re
import time
import uuid

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

# What a record may carry, in the order the text format shows it.
CONTEXT_FIELDS = ("request_id", "task_id", "task", "user_id", "route")

# A fresh dict per request or task, set below; None outside of one.
_context: contextvars.ContextVar[dict | None] = contextvars.ContextVar("log_context", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
# An id set by the reverse proxy is kept so that its lines and ours match; anything else (too
# long, or characters that could forge a log line) is replaced by one of ours.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

access_logger = logging.getLogger("welfare.access")


def current_context() -> dict:
    """The fields of the request or task being served, empty outside of one."""
    return _context.get() or {}


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else "-"


def _user_id(request):
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestContextMiddleware:
    """Gives each request an id (echoed in the ``X-Request-ID`` response header) and writes
    one access line when it ends: method, route, status, duration, user id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _context.set({"request_id": request_id})
        try:
            response = self.get_response(request)
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            # Logging in or out changes the user during the request: the line names the last.
            _context_update(request)
            access_logger.info(
                "%s %s %s ms",
                request.method,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
        finally:
            _context.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Called once the URL is resolved and every middleware has seen the request, so that
        # the view's own lines (and a 500's traceback) name the route and the user.
        _context_update(request)


def _context_update(request):
    current_context().update(user_id=_user_id(request), route=_route(request))


class ContextFilter(logging.Filter):
    """Copies the request's or task's fields onto every record that reaches a handler, whatever
    its logger (Django's, Celery's, a library's), and takes the path out of Django's own lines
    about a response."""

    def filter(self, record):
        for name, value in current_context().items():
            if value is not None:
                setattr(record, name, value)
        _replace_path_with_route(record)
        return True


def _replace_path_with_route(record):
    """``django.utils.log.log_response`` (404, 403, CSRF failures, 500…) ends its arguments with
    the request's path, escaped; the route's name says the same without the child's UUID."""
    request = getattr(record, "request", None)
    if not hasattr(record, "status_code") or not hasattr(request, "resolver_match"):
        return
    escaped_path = request.path.encode("unicode_escape").decode("ascii")
    if isinstance(record.args, tuple) and record.args and record.args[-1] == escaped_path:
        record.args = (*record.args[:-1], _route(request))


class TextFormatter(logging.Formatter):
    """Readable lines for a terminal, the context in brackets after the logger's name:
    ``2026-01-05 10:00:00,123 INFO welfare.access [request_id=… user_id=3 route=home] GET 200``.
    """

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s%(context)s %(message)s")

    def formatMessage(self, record):
        fields = " ".join(
            f"{name}={record.__dict__[name]}" for name in CONTEXT_FIELDS if name in record.__dict__
        )
        record.context = f" [{fields}]" if fields else ""
        return super().formatMessage(record)


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message, the context fields and any
    ``extra`` given to the call."""

    def __init__(self):
        super().__init__(
            "%(levelname)s %(name)s %(message)s",
            rename_fields={"levelname": "level", "name": "logger"},
            timestamp="time",
            # Django attaches the request object to its records; its repr holds the query
            # string. ``context`` is the text formatter's.
            reserved_attrs=[*RESERVED_ATTRS, "request", "context"],
        )


# --- Celery ---------------------------------------------------------------------------------


def task_context_set(task_id=None, task=None, **kwargs):
    _context.set({"task_id": task_id, "task": task.name})


def task_context_clear(**kwargs):
    _context.set(None)


def connect_celery_signals():
    """Worker lines carry the id and name of the task being run."""
    from celery.signals import task_postrun, task_prerun

    task_prerun.connect(task_context_set, weak=False)
    task_postrun.connect(task_context_clear, weak=False)


# --- Sentry ---------------------------------------------------------------------------------

# The request's fields an error report keeps: no cookies, query string, body, address, and of
# the headers only those that say nothing about the person (a Referer holds a search).
_REPORTED_HEADERS = {"User-Agent", "Content-Type", "Content-Length", "Host", REQUEST_ID_HEADER}


def sentry_before_send(event, hint):
    """Scrubs an event (or a trace, when traces are sampled) before it leaves: the request
    reduced to its method and a few headers (its URL holds a child's UUID), the user to his id;
    the request's id and route as tags, to find its log lines."""
    request = event.get("request")
    context = current_context()
    if request is not None:
        headers = request.get("headers") or {}
        event["request"] = {
            "method": request.get("method"),
            "headers": {
                name: value for name, value in headers.items() if name in _REPORTED_HEADERS
            },
        }
    # Log breadcrumbs carry the record's extra fields, among them Django's request object.
    for breadcrumb in (event.get("breadcrumbs") or {}).get("values", []):
        breadcrumb.pop("data", None)
    event.pop("user", None)
    if context.get("user_id") is not None:
        event["user"] = {"id": str(context["user_id"])}
    tags = event.setdefault("tags", {})
    for name in ("request_id", "task_id", "route", "task"):
        if context.get(name):
            tags[name] = context[name]
    return event


def sentry_init(*, dsn, environment=None, release=None, traces_sample_rate=0.0, transport=None):
    """Sends errors of the web processes and the workers to Sentry or GlitchTip (same
    protocol), without personal data: no user but his id, no cookies, query strings, bodies,
    SQL parameters or frame locals."""
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    options = {"transport": transport} if transport is not None else {}
    return sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # ``send_default_pii`` is left at its default (off): since sentry-sdk 2.7x passing it
        # is deprecated in favour of ``data_collection``, which says the same per category.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "allowlist", "terms": list(_REPORTED_HEADERS)}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "graphql": {"document": False, "variables": False},
            "gen_ai": {"inputs": False, "outputs": False},
            "database_query_data": False,
            "queues": False,
            "stack_frame_variables": False,
        },
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=traces_sample_rate,
        before_send=sentry_before_send,
        before_send_transaction=sentry_before_send,
        **options,
    )
