"""The dashboard as a PDF report, through the reports pipeline (``schemes.reports``): a kind
registered by the observatory's ``ready()``, whose rendering reads the same figures as the page.

The directorate asks for any territory or the whole Département; a territory manager for his
own territory only (the form fixes it), and reads only the reports of that territory (the
kind's ``scope``), whoever asked for them.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from observatory.base import DASHBOARD_ROLES
from observatory.blocks import dashboard
from observatory.forms import DashboardForm
from schemes.reports.kinds import ReportKind
from welfare.enums import Role


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


def dashboard_scope(user) -> Q:
    """The directorate reads every dashboard report; a territory manager those of his
    territory (none without one)."""
    if user.role != Role.TERRITORY_MANAGER:
        return Q()
    if not user.territory_id:
        return Q(pk__in=[])
    return Q(parameters__territory=user.territory.code)


DASHBOARD = ReportKind(
    name="dashboard",
    label=gettext_lazy("Tableau de bord"),
    requested_from=gettext_lazy("le tableau de bord"),
    template_name="pdf/dashboard.html",
    roles=DASHBOARD_ROLES,
    form_class=DashboardForm,
    context=dashboard_context,
    page_url=dashboard_url,
    scope=dashboard_scope,
)
