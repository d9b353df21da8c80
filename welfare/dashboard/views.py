"""Pages of the dashboard and of the observatory. Thin: role check, filters, the figures of
``welfare.dashboard``, a template or a file."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from welfare.dashboard.base import DASHBOARD_ROLES
from welfare.dashboard.blocks import block, dashboard
from welfare.dashboard.export import block_csv
from welfare.dashboard.forms import DashboardForm
from welfare.enums import Role
from welfare.permissions import role_required


def _form(request):
    user = request.user
    if user.role == Role.TERRITORY_MANAGER and not user.territory_id:
        # A manager without a territory would otherwise read the whole Département.
        raise PermissionDenied
    return DashboardForm(request.GET, user=user)


@role_required(*DASHBOARD_ROLES)
@require_GET
def index(request):
    form = _form(request)
    valid = form.is_valid()
    if request.GET.get("format") == "csv":
        if not valid:
            return HttpResponseBadRequest(_("Paramètres invalides : corrigez les filtres."))
        params = form.params()
        return block_csv(
            block(params, request.GET.get("block", ""), role=request.user.role), params
        )
    params = form.params() if valid else None
    return render(
        request,
        "welfare/dashboard/index.html",
        {
            "form": form,
            "params": params,
            "params_query": urlencode(params.query()) if params else "",
            "sections": dashboard(params, role=request.user.role) if params else [],
        },
    )
