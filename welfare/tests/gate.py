"""The URL walk shared by the apps' gate tests: each app checks its own nominative pages with
its own factories, and welfare checks that every URL declared its gate."""

from django.urls import URLPattern, URLResolver, get_resolver

from welfare.permissions import GATE_ATTRIBUTE


def portal_urls():
    """``(name, callback)`` of every URL the portal serves (``portal_routes``)."""
    for name, _route, callback in portal_routes():
        yield name, callback


def portal_routes(resolver=None, namespace="", prefix=""):
    """``(name, route, callback)`` of every URL the portal serves, the admin's left out: the
    admin has its own closing (``welfare/admin.py``) and lists no nominative record."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from portal_routes(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback


def gate_of(callback):
    return getattr(callback, GATE_ATTRIBUTE, None)


def nominative_url_names(package: str) -> set[str]:
    """The names of the URLs whose view, written in ``package``, shows nominative data."""
    return {
        name
        for name, callback in portal_urls()
        if (gate := gate_of(callback))
        and gate.nominative
        and callback.__module__.split(".")[0] == package
    }


def assert_no_store(response):
    """The page was served (or redirected), and no browser or proxy may keep it."""
    assert response.status_code in (200, 302), response.status_code
    assert "no-store" in response.get("Cache-Control", ""), response.get("Cache-Control")
