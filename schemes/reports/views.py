"""Pages of the PDF reports: ask for one, follow its status, try again, download it, and the
list of one's own reports. Who may do what follows the report's kind (its ``roles``)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from schemes import tasks
from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.reports import services
from schemes.reports.kinds import all_kinds, get_kind
from welfare.jobs import enqueue_on_commit
from welfare.permissions import STAFF_ROLES, staff_view

PAGE_SIZE = 20

# Every role passes the door; the reports a user may touch are those of the kinds their role
# may have (``Report.objects.for_user``), others answer 404.
# Plans, budgets and the dashboard's figures: no report names a child.
report_page = staff_view(roles=STAFF_ROLES, nominative=False)
report_action = staff_view(roles=STAFF_ROLES, methods=("POST",), nominative=False)


def _report(request, public_id):
    reports = Report.objects.for_user(request.user).select_related("requested_by")
    return get_object_or_404(reports, public_id=public_id)


def _back_to_page(report):
    return redirect(get_kind(report.kind).page_url(**report.parameters) + "#rapport-pdf")


@report_action
def report_request(request):
    kind = get_kind(request.POST.get("kind", ""))
    if request.user.role not in kind.roles:
        raise Http404
    form = kind.form_class(request.POST, user=request.user)
    if not form.is_valid():
        # Hidden fields of a page: an invalid value names nothing this user may see.
        raise Http404
    report, created = services.report_request(
        kind=kind, parameters=form.parameters(), title=form.title(), requested_by=request.user
    )
    if created:
        enqueue_on_commit(tasks.report_render, report.pk, catch_up=tasks.SWEEP)
        messages.success(request, _("Le rapport PDF est demandé : il sera prêt dans un instant."))
    else:
        messages.info(request, _("Ce rapport est déjà en cours de production : suivez-le ici."))
    return _back_to_page(report)


@report_page
def report_status(request, public_id):
    """The status fragment, polled by htmx every 2 s while the job is queued or running."""
    return render(request, "schemes/reports/_status.html", {"report": _report(request, public_id)})


@report_action
def report_retry(request, public_id):
    report, queued = services.report_retry(report=_report(request, public_id))
    if queued:
        enqueue_on_commit(tasks.report_render, report.pk, catch_up=tasks.SWEEP)
    messages.success(request, _("Le rapport PDF est demandé à nouveau."))
    return _back_to_page(report)


@report_page
def report_download(request, public_id):
    report = _report(request, public_id)
    if report.status != ReportStatus.DONE:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=report.filename, content_type="application/pdf"
    )


@report_page
def report_list(request):
    reports = Report.objects.for_user(request.user).filter(requested_by=request.user)
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    kinds = {kind.name: kind for kind in all_kinds()}
    rows = [
        (report, kinds[report.kind].label, kinds[report.kind].page_url(**report.parameters))
        for report in page
    ]
    # Where this user may ask for one: the pages of the kinds his role may request.
    sources = [
        str(kind.requested_from) for kind in kinds.values() if request.user.role in kind.roles
    ]
    return render(
        request,
        "schemes/reports/report_list.html",
        {"page": page, "rows": rows, "requested_from": get_text_list(sources, _("ou"))},
    )
