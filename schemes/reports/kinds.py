"""The registry of report kinds.

A kind says what a report is about and who may have it: the parameters a request carries
(validated by a form, for the user who asks), the template that renders it, and the page the
request comes from. Each app registers its kinds in its ``AppConfig.ready()``
(``register_report_kind(PLAN)``), so that an app above this one (the observatory's dashboard)
adds its own without this app importing it.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.http import Http404


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


_kinds: dict[str, ReportKind] = {}


def register_report_kind(kind: ReportKind) -> ReportKind:
    """Offer ``kind`` to the reports pipeline; two kinds may not share a name."""
    registered = _kinds.setdefault(kind.name, kind)
    if registered is not kind:
        raise ValueError(f"Report kind {kind.name!r} is already registered.")
    return kind


def all_kinds() -> list[ReportKind]:
    """The registered kinds, in the order the apps registered them."""
    return list(_kinds.values())


def get_kind(name: str) -> ReportKind:
    """The kind called ``name``; 404 for a name no app registers (a tampered request)."""
    try:
        return _kinds[name]
    except KeyError:
        raise Http404(name) from None


def input_hash(*, kind: str, parameters: dict) -> str:
    """A fingerprint of a request's inputs: equal requests have equal hashes."""
    canonical = json.dumps({"kind": kind, "parameters": parameters}, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()
