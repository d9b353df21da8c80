"""Pages of the dashboard and of the observatory. Thin: role check, filters, the figures of
``observatory``, a template or a file."""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from observatory import olinpe
from observatory.base import DASHBOARD_ROLES, OBSERVATORY_ROLES
from observatory.blocks import block, dashboard
from observatory.export import block_csv
from observatory.forms import DashboardForm, ObservatoryForm, QualityForm
from observatory.headline import headline
from welfare.data_quality import anomalies_for
from welfare.enums import AccessPurpose, Role
from welfare.observatory_enums import EventType
from welfare.permissions import staff_view
from welfare.services.access_log import access_log_reads


def _form(request):
    user = request.user
    if user.role == Role.TERRITORY_MANAGER and not user.territory_id:
        # A manager without a territory would otherwise read the whole Département.
        raise PermissionDenied
    return DashboardForm(request.GET, user=user)


@staff_view(roles=DASHBOARD_ROLES, nominative=False)
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
    sections = dashboard(params, role=request.user.role) if params else []
    return render(
        request,
        "observatory/index.html",
        {
            "form": form,
            "params": params,
            "params_query": urlencode(params.query()) if params else "",
            "sections": sections,
            "headline": headline(sections),
            "report": form.parameters() if params else None,
        },
    )


# --- Observatory ------------------------------------------------------------------------------

QUALITY_PAGE_SIZE = 50
# The import anomalies are a second list of the data-quality page, paged on their own.
ANOMALY_PAGE_PARAM = "anomalies_page"


@staff_view(roles=OBSERVATORY_ROLES, nominative=False)
def observatory(request):
    form = ObservatoryForm(request.GET)
    year = form.year_or_default() if form.is_valid() else None
    rows = olinpe.olinpe_rows(year=year) if year else []
    events = Counter(row["TYPEV"] for row in rows)
    return render(
        request,
        "observatory/observatory.html",
        {
            "form": form,
            "year": year,
            "events": [(label, events[value]) for value, label in EventType.choices],
            "lines": len(rows),
            "children": len({row["NUMANONYM"] for row in rows}),
            "codes": olinpe.codes_to_check(),
        },
    )


# One line per child and event, pseudonymised but still personal data (month of birth, place):
# each child in the file gets a row of its access log, so that the family asking what was read
# of the file learns that it went to the national observatory.
@staff_view(roles=OBSERVATORY_ROLES, nominative=True)
def olinpe_export(request):
    form = ObservatoryForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Année invalide."))
    year = form.year_or_default()
    filename = olinpe.olinpe_filename(year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    written = olinpe.olinpe_write(response, year=year)
    access_log_reads(
        user=request.user,
        children=written.children,
        purpose=AccessPurpose.DOWNLOAD,
        detail=filename,
    )
    return response


@staff_view(roles=DASHBOARD_ROLES, nominative=True)
def quality(request):
    if request.user.role == Role.TERRITORY_MANAGER and not request.user.territory_id:
        raise PermissionDenied
    form = QualityForm(request.GET, user=request.user)
    valid = form.is_valid()
    year = form.year_or_default() if valid else None
    territory = form.chosen_territory() if valid else None
    report = olinpe.data_quality(year=year, territory=territory) if valid else []
    page = Paginator(report, QUALITY_PAGE_SIZE).get_page(request.GET.get("page"))
    # The rows the apps imported although they break a legal rule (records_import's source).
    anomalies = anomalies_for(user=request.user, territory=territory) if valid else []
    anomaly_page = Paginator(anomalies, QUALITY_PAGE_SIZE).get_page(
        request.GET.get(ANOMALY_PAGE_PARAM)
    )
    # The directorate sees an identifier and the référent, not the name: still the child's file.
    shown = [entry.child for entry in page.object_list]
    shown += [row.child for row in anomaly_page.object_list if row.child is not None]
    access_log_reads(
        user=request.user,
        children=list(dict.fromkeys(shown)),
        purpose=AccessPurpose.DATA_QUALITY,
        detail=str(year or ""),
    )
    return render(
        request,
        "observatory/quality.html",
        {
            "form": form,
            "year": year,
            "page": page,
            "anomaly_page": anomaly_page,
            "anomaly_page_param": ANOMALY_PAGE_PARAM,
            # Names and files are the territory's business, not the directorate's.
            "shows_names": request.user.role == Role.TERRITORY_MANAGER,
        },
    )
