"""Writes of PDF reports: requests, retries, the worker's run, failures and the stale-job sweep.

A job's life: ``report_request`` creates the row (queued) and its caller sends the id to Celery
on commit (``welfare/jobs.py``: these services never send the task that calls them back); the
task calls ``report_run``, which claims the row (running), renders while holding its lock,
and stores the file (done) or the reason (failed). Transient database errors are raised again
for the task to retry with backoff; any other error fails the job at once with its message.
"""

import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.reports.kinds import ReportKind, get_kind, input_hash
from welfare.models import Departement
from welfare.pdf import html_to_pdf, logo_data_uri

logger = logging.getLogger(__name__)

# Errors worth trying again: the database went away or refused a connection for a while.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
# The first try and the task's retries. A job whose worker died is tried again up to this
# count, then failed: a document that always kills its worker must not loop for ever.
MAX_ATTEMPTS = 4
# A job queued this long ago and never started lost its message (broker down): sent again.
QUEUED_STALE_AFTER = timedelta(minutes=10)
# A worker holds the row's lock for the whole rendering, and PostgreSQL releases it as soon as
# the worker's connection drops: a job "running" whose row is not locked has lost its worker.
# The grace covers the instant between the claim and the lock, so the sweep never takes a job
# that is just starting.
RUNNING_GRACE = timedelta(seconds=30)
MESSAGE_LENGTH = 2000


def report_request(*, kind: ReportKind, parameters: dict, title: str, requested_by) -> tuple:
    """Queue a report of ``kind`` (``parameters`` validated by the kind's form); or, when an
    equal job is already queued or running, return that one.

    Returns ``(report, created)``; the caller sends a created report to the workers
    (``tasks.report_render``). The partial unique index on (kind, input_hash) decides between
    two simultaneous equal requests.
    """
    digest = input_hash(kind=kind.name, parameters=parameters)
    with transaction.atomic():
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    kind=kind.name,
                    title=title,
                    parameters=parameters,
                    input_hash=digest,
                    requested_by=requested_by,
                )
        except IntegrityError:
            running = Report.objects.pending().filter(kind=kind.name, input_hash=digest).first()
            if running is None:
                # The equal job finished between our insert and this read: ask again.
                return report_request(
                    kind=kind, parameters=parameters, title=title, requested_by=requested_by
                )
            return running, False
    return report, True


@transaction.atomic
def report_retry(*, report: Report) -> tuple:
    """Queue a failed report again (the "Réessayer" button), its attempts counted afresh.

    Returns ``(report, queued)``; the caller sends a queued report to the workers. A report
    that is not failed is returned as it is; when an equal job has been queued since, that job
    is returned instead (neither is queued again).
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.FAILED:
        return locked, False
    now = timezone.now()
    locked.status = ReportStatus.QUEUED
    locked.error_message = ""
    locked.attempts = 0
    locked.queued_at = now
    locked.started_at = locked.finished_at = None
    try:
        with transaction.atomic():
            locked.save(
                update_fields=[
                    "status",
                    "error_message",
                    "attempts",
                    "queued_at",
                    "started_at",
                    "finished_at",
                ]
            )
    except IntegrityError:
        return Report.objects.pending().get(kind=locked.kind, input_hash=locked.input_hash), False
    return locked, True


def report_run(*, report_id: int) -> Report | None:
    """Render a queued report and store its file; called by the Celery task.

    Idempotent: a report already done or failed, or locked by another worker rendering it,
    is left alone (returns None). The row stays locked while rendering, so the lock itself
    tells the stale-job sweep that a live worker holds the job.
    """
    if not _claim(report_id):
        return None
    try:
        with transaction.atomic():
            report = (
                Report.objects.select_for_update(skip_locked=True)
                .filter(pk=report_id, status=ReportStatus.RUNNING)
                .first()
            )
            if report is None:
                return None
            content = report_pdf(kind=get_kind(report.kind), parameters=report.parameters)
            report.file.name = _store(report, content)
            report.status = ReportStatus.DONE
            report.error_message = ""
            report.finished_at = timezone.now()
            report.save(update_fields=["file", "status", "error_message", "finished_at"])
            return report
    except TRANSIENT_ERRORS:
        raise
    except SoftTimeLimitExceeded:
        return report_fail(
            report_id=report_id,
            message=_("Le rendu a dépassé la limite de %(seconds)s secondes.")
            % {"seconds": settings.CELERY_TASK_SOFT_TIME_LIMIT},
        )
    except ObjectDoesNotExist:
        return report_fail(
            report_id=report_id,
            message=_("Les données de ce rapport ont été supprimées depuis la demande."),
        )
    except Exception as error:
        # Anything else is a rendering error that another try would repeat: the job fails now
        # and the person who asked reads why.
        logger.exception("Report %s failed", report_id)
        return report_fail(report_id=report_id, message=_describe(error))


def _claim(report_id: int) -> bool:
    """Mark a queued (or abandoned running) job as running, one more attempt; False when there
    is nothing to do or when the attempts are spent (the job then fails)."""
    with transaction.atomic():
        report = (
            Report.objects.select_for_update(skip_locked=True)
            .filter(pk=report_id, status__in=ReportStatus.pending())
            .first()
        )
        if report is None:
            return False
        if report.attempts >= MAX_ATTEMPTS:
            _fail(report, _interrupted_message(report))
            return False
        report.status = ReportStatus.RUNNING
        report.attempts += 1
        report.started_at = timezone.now()
        report.finished_at = None
        report.save(update_fields=["status", "attempts", "started_at", "finished_at"])
        return True


def report_pdf(*, kind: ReportKind, parameters: dict) -> bytes:
    """The PDF of a report of ``kind``: the same rendering for the worker, the command line and
    the bench."""
    return html_to_pdf(report_html(kind=kind, parameters=parameters))


def report_html(*, kind: ReportKind, parameters: dict) -> str:
    """The HTML of a report: the kind's template and context, with the Département's identity
    and the date of edition, in French whatever the process's language."""
    with translation.override(settings.LANGUAGE_CODE):
        departement = Departement.current()
        context = {
            **kind.context(**parameters),
            "departement": departement,
            "logo": logo_data_uri(departement),
            "edited_on": timezone.localdate(),
        }
        return render_to_string(kind.template_name, context)


def file_write_atomically(*, path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file of the same folder renamed at the
    end, so that nobody ever reads half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _store(report: Report, content: bytes) -> str:
    """Write the report's file under MEDIA_ROOT; its name relative to MEDIA_ROOT."""
    name = f"rapports/{report.requested_at:%Y/%m}/{report.public_id}.pdf"
    file_write_atomically(path=Path(settings.MEDIA_ROOT) / name, content=content)
    return name


def report_fail(*, report_id: int, message: str) -> Report | None:
    """Mark a job that has not succeeded as failed with ``message``, the reason its requester
    reads. A job already done is left as it is."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status == ReportStatus.DONE:
            return report
        _fail(report, message)
        return report


def report_retry_scheduled(*, report_id: int, error: BaseException) -> None:
    """Show that the task will try again after a transient error (called by the task)."""
    Report.objects.filter(pk=report_id, status__in=ReportStatus.pending()).update(
        status=ReportStatus.QUEUED,
        queued_at=timezone.now(),
        error_message=_("Erreur temporaire (%(error)s) : nouvelle tentative dans un instant.")
        % {"error": _describe(error)},
    )


@transaction.atomic
def reports_requeue_stale() -> list[int]:
    """Queue again the jobs whose worker died (running but no longer locked) or whose message
    was lost (queued too long); fail those whose attempts are spent.

    Rows locked by a worker rendering them are skipped, however long it takes: the hard time
    limit ends a rendering that runs away, and the lock goes with it. Returns the ids of the
    jobs queued again, for the sweep's task to send.
    """
    now = timezone.now()
    stale = Report.objects.stale(
        running_before=now - RUNNING_GRACE,
        queued_before=now - QUEUED_STALE_AFTER,
    ).select_for_update(skip_locked=True)
    queued = []
    for report in stale:
        if report.attempts >= MAX_ATTEMPTS:
            _fail(report, _interrupted_message(report))
            continue
        if report.status == ReportStatus.RUNNING:
            report.error_message = _(
                "Le rendu a été interrompu (processus de rendu arrêté) : nouvelle tentative."
            )
        report.status = ReportStatus.QUEUED
        report.queued_at = now
        report.save(update_fields=["status", "error_message", "queued_at"])
        queued.append(report.pk)
    return queued


def _fail(report: Report, message: str) -> None:
    report.status = ReportStatus.FAILED
    report.error_message = message[:MESSAGE_LENGTH]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error_message", "finished_at"])


def _interrupted_message(report: Report) -> str:
    return _(
        "Le rendu a été interrompu à chacune des %(attempts)s tentatives : le document est "
        "peut-être trop lourd. Prévenez l'administrateur."
    ) % {"attempts": report.attempts}


def failure_message(error: BaseException, *, attempts: int) -> str:
    """The reason shown when the task gives up after ``attempts`` tries."""
    return _("Échec après %(attempts)s tentatives : %(error)s") % {
        "attempts": attempts,
        "error": _describe(error),
    }


def _describe(error: BaseException) -> str:
    return str(error).strip() or type(error).__name__
