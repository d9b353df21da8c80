"""The dashboard as a PDF report, through the reports pipeline (``schemes.reports``): a kind
named in ``settings.REPORT_KINDS``, whose rendering reads the same ``blocks.dashboard`` as the
page.

Only the directorate asks for it: ``Report.objects.for_user`` lets every role of a kind read
every report of that kind, so a territory manager could otherwise open another territory's
figures.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from schemes.reports.kinds import ReportKind
from welfare.dashboard.base import OBSERVATORY_ROLES
from welfare.dashboard.blocks import dashboard
from welfare.dashboard.forms import DashboardForm


def _form(parameters) -> DashboardForm:
    form = DashboardForm(parameters)
    if not form.is_valid():
        raise ValueError(form.errors.as_text())
    return form


def dashboard_context(**parameters) -> dict:
    """Every section of the dashboard for the stored reading (the page's queries)."""
    form = _form(parameters)
    params = form.params()
    return {"title": form.title(), "params": params, "sections": dashboard(params)}


def dashboard_url(**parameters) -> str:
    return f"{reverse('dashboard:index')}?{urlencode(parameters)}"


DASHBOARD = ReportKind(
    name="dashboard",
    label=gettext_lazy("Tableau de bord"),
    template_name="pdf/dashboard.html",
    roles=OBSERVATORY_ROLES,
    form_class=DashboardForm,
    context=dashboard_context,
    page_url=dashboard_url,
)
