"""The idle timeout without a session write on every request (issue 18).

``SESSION_SAVE_EVERY_REQUEST`` pushed the session's expiry back on every request, so that a
session ends ``SESSION_COOKIE_AGE`` seconds after the last one (ASVS 7.3.1), at the price of
one UPDATE of the session row per page. Here the expiry is pushed back only when it was last
pushed more than ``SESSION_REFRESH_SECONDS`` ago, a minute by default (a thirtieth of
the timeout when it is shorter): a session still ends after the same idle time, give or
take that minute, and a page read within the minute writes nothing. A session that
changes is saved as always.
"""

import time

from django.conf import settings

REFRESHED_AT = "_expiry_refreshed_at"


def refresh_interval() -> int:
    """Seconds between two pushes of a session's expiry: ``SESSION_REFRESH_SECONDS``, at most
    a thirtieth of the timeout."""
    return min(settings.SESSION_REFRESH_SECONDS, settings.SESSION_COOKIE_AGE // 30)


def session_refresh(request) -> None:
    """Push the session's expiry back now (the session middleware saves it)."""
    request.session[REFRESHED_AT] = int(time.time())


class SessionRefreshMiddleware:
    """Pushes back the expiry of an existing session at most once per ``refresh_interval``;
    placed after ``SessionMiddleware``, so that its save sees the change."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only an existing session: an anonymous visitor gets no session row for nothing.
        if (
            session is not None
            and session.session_key is not None
            and time.time() - session.get(REFRESHED_AT, 0) >= refresh_interval()
        ):
            session_refresh(request)
        return response
