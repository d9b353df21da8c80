"""The registry of report kinds.

A kind says what a report is about and who may have it: the parameters a request carries
(validated by a form, for the user who asks), the template that renders it, and the page the
request comes from. Kinds are named by dotted path in ``settings.REPORT_KINDS`` so that an app
built on top of this one (welfare's dashboard) adds its own without this app importing it.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django import forms
from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.module_loading import import_string


class ReportParametersForm(forms.Form):
    """Validates the parameters of a request for ``user``; an object outside the user's scope
    is an invalid choice. Subclasses return the JSON-able parameters and the report's title."""

    def __init__(self, data=None, *, user):
        super().__init__(data)
        self.user = user

    def parameters(self) -> dict:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError


def everything(user) -> Q:
    """The scope of a kind whose reports every role allowed may read whole."""
    return Q()


@dataclass(frozen=True)
class ReportKind:
    """A kind of PDF report.

    ``name`` is stored in ``Report.kind``; ``requested_from`` names the page with its panel
    ("la page d'un budget"), for the list of reports. ``context(**parameters)`` returns the
    template's context, including ``title``; ``page_url(**parameters)`` is the page that shows the
    report's panel. ``roles`` may request, follow and download reports of this kind;
    ``scope(user)`` narrows which of them ``user`` may read, as a filter on ``Report`` (e.g. a
    territory manager reads the reports of his territory only).
    """

    name: str
    label: str
    requested_from: str
    template_name: str
    roles: tuple
    form_class: type[ReportParametersForm]
    context: Callable[..., dict]
    page_url: Callable[..., str]
    scope: Callable[..., Q] = everything


@cache
def _registry() -> dict[str, ReportKind]:
    kinds = [import_string(path) for path in settings.REPORT_KINDS]
    return {kind.name: kind for kind in kinds}


def all_kinds() -> list[ReportKind]:
    return list(_registry().values())


def get_kind(name: str) -> ReportKind:
    """The kind called ``name``; 404 for a name no app registers (a tampered request)."""
    try:
        return _registry()[name]
    except KeyError:
        raise Http404(name) from None


def input_hash(*, kind: str, parameters: dict) -> str:
    """A fingerprint of a request's inputs: equal requests have equal hashes."""
    canonical = json.dumps({"kind": kind, "parameters": parameters}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()
