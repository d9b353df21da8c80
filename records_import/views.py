"""The administrator's import pages: send an extract, read the dry run's report, confirm the
real run, follow its progress, read or download its final report, retry a failed job."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from records_import import services
from records_import.forms import ConfirmForm, ExtractForm
from records_import.report import REJECTED, Report
from records_import.selectors import recent_jobs
from records_import.tasks import import_job_run
from welfare.enums import Role
from welfare.forms.errors import save_or_show_errors
from welfare.jobs import enqueue_on_commit
from welfare.permissions import staff_view

PAGE_SIZE = 20
ENTRIES_SHOWN = 200

# The reports name rows by the source's identifiers and the extract holds the children's
# files: nominative, for the administrator only.
import_page = staff_view(roles=(Role.ADMINISTRATOR,), nominative=True)
import_form = staff_view(roles=(Role.ADMINISTRATOR,), methods=("GET", "POST"), nominative=True)
import_action = staff_view(roles=(Role.ADMINISTRATOR,), methods=("POST",), nominative=True)


def _job(public_id):
    return get_object_or_404(recent_jobs(), public_id=public_id)


def _list(request, form):
    page = Paginator(recent_jobs(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "records_import/job_list.html", {"page": page, "form": form})


@import_page
def job_list(request):
    return _list(request, ExtractForm())


@import_form
def job_create(request):
    if request.method == "GET":
        return redirect("records_import:job_list")
    form = ExtractForm(request.POST, request.FILES)
    job = form.is_valid() and save_or_show_errors(
        form,
        lambda: services.job_create(
            source=form.cleaned_data["source"],
            files=form.cleaned_data["files"],
            requested_by=request.user,
        ),
    )
    if not job:
        return _list(request, form)
    _send(job)
    messages.success(request, _("L'essai à blanc est lancé : rien ne sera enregistré."))
    return redirect("records_import:job_detail", public_id=job.public_id)


def _detail_context(job, confirm_form=None):
    report = Report.from_dict(job.report) if job.report else None
    return {
        "job": job,
        "report": report,
        "entries": report.entries[:ENTRIES_SHOWN] if report else [],
        "rejected": REJECTED,
        "confirm_form": confirm_form or ConfirmForm(),
        "confirmation": job.confirmations.order_by("-requested_at").first(),
    }


@import_page
def job_detail(request, public_id):
    job = _job(public_id)
    return render(request, "records_import/job_detail.html", _detail_context(job))


@import_page
def job_status(request, public_id):
    """The progress fragment, polled by htmx every 2 s while the job is queued or running;
    once it ends, the whole page is reloaded to show the report."""
    job = _job(public_id)
    response = render(request, "records_import/_status.html", {"job": job})
    if not job.is_pending:
        response["HX-Refresh"] = "true"
    return response


@import_page
def job_report_csv(request, public_id):
    job = _job(public_id)
    if not job.report:
        return redirect("records_import:job_detail", public_id=job.public_id)
    response = HttpResponse(Report.from_dict(job.report).as_csv(), content_type="text/csv")
    kind = "essai" if job.dry_run else "import"
    day = timezone.localtime(job.requested_at)
    response["Content-Disposition"] = (
        f'attachment; filename="compte-rendu-{kind}-{job.source}-{day:%Y-%m-%d-%H%M}.csv"'
    )
    return response


@import_action
def job_confirm(request, public_id):
    job = _job(public_id)
    form = ConfirmForm(request.POST)
    real = form.is_valid() and save_or_show_errors(
        form, lambda: services.job_confirm(job=job, requested_by=request.user)
    )
    if not real:
        return render(
            request, "records_import/job_detail.html", _detail_context(job, form), status=400
        )
    _send(real)
    messages.success(request, _("L'import est lancé : suivez sa progression ici."))
    return redirect("records_import:job_detail", public_id=real.public_id)


@import_action
def job_retry(request, public_id):
    job = _job(public_id)
    try:
        services.job_retry(job=job)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        _send(job)
        messages.success(request, _("L'import est relancé."))
    return redirect("records_import:job_detail", public_id=job.public_id)


def _send(job):
    """The job goes to the worker once its row is committed (docs/decisions.md: the view
    enqueues, the service never does, so the task that calls the service back imports it one
    way). With the broker away the job stays queued, and its page says so."""
    enqueue_on_commit(import_job_run, job.pk, catch_up="records_import.views.job_retry")
