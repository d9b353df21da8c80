"""The portal's error handlers: a database that is lost, refuses or times out answers 503.

Django sends every uncaught exception to ``handler500`` and every ``BadRequest`` to
``handler400``. A connection lost, a ``statement_timeout`` or a ``lock_timeout`` arrive as
``OperationalError`` (or ``InterfaceError`` once the connection is closed): the portal is then
unavailable for a moment, not broken, so the answer is 503 with ``Retry-After``. The session
middleware turns a failed session save into a 400 (``SessionInterrupted``); its cause is kept on
the exception chain, where these handlers look for it.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 60

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(error: BaseException | None) -> bool:
    """Whether ``error``, or an error it was raised from, says the database is unavailable."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def service_unavailable(request, template_name: str = "503.html", context=None) -> HttpResponse:
    """The 503 page, rendered without context processors: they read the database."""
    response = HttpResponse(render_to_string(template_name, context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request)


def bad_request(request, exception):
    if database_unavailable(exception):
        return service_unavailable(request)
    return defaults.bad_request(request, exception)
