"""A report asked for through the pages and produced by a real Celery worker, on this
process's broker: in a thread, as in production but for the pool, or in a process of its own
that the test kills mid-job."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError, transaction
from django.urls import reverse

from schemes import tasks
from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.reports import services
from schemes.tests.report_support import make_plan, one_line, pdf_text
from welfare.celery import app
from welfare.tests.workers import kill_process_group, wait_for, worker_process, worker_thread

pytestmark = pytest.mark.django_db(transaction=True)

SLOW_RENDER_WORKER = "schemes.tests.slow_render_worker"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def finished(report):
    """The report once its job is done or failed."""

    def settled():
        report.refresh_from_db()
        return not report.is_pending

    wait_for(settled, what=f"report {report.pk} to be done or failed")
    return report


def rendering(report):
    """True while a worker renders the report: running, and its row locked."""
    report.refresh_from_db()
    with transaction.atomic():
        unlocked = Report.objects.select_for_update(skip_locked=True).filter(pk=report.pk)
        return report.status == ReportStatus.RUNNING and unlocked.first() is None


def ask_for_the_plan(client, user, scheme):
    client.force_login(user)
    client.post(reverse("reports:request"), {"kind": "plan", "scheme": scheme.pk})
    return Report.objects.get()


def test_a_report_asked_for_on_the_page_ends_done_and_downloadable(
    client, directorate, departement
):
    scheme = make_plan()
    with worker_thread(app):
        report = finished(ask_for_the_plan(client, directorate, scheme))
    assert report.status == ReportStatus.DONE
    response = client.get(reverse("reports:download", args=[report.public_id]))
    content = b"".join(response.streaming_content)
    response.close()
    assert one_line(scheme.title) in pdf_text(content)


def test_a_persistent_transient_error_ends_failed_with_its_message_after_the_retries(
    client, directorate, departement
):
    scheme = make_plan()
    error = OperationalError("le serveur de base de données ne répond pas")
    with (
        mock.patch("schemes.reports.services.html_to_pdf", side_effect=error) as render,
        worker_thread(app),
    ):
        report = finished(ask_for_the_plan(client, directorate, scheme))
    assert report.status == ReportStatus.FAILED
    assert render.call_count == report.attempts == services.MAX_ATTEMPTS
    assert "le serveur de base de données ne répond pas" in report.error_message
    status = client.get(reverse("reports:status", args=[report.public_id])).content.decode()
    assert "Réessayer" in status


@pytest.mark.worker_process
def test_a_job_whose_worker_is_killed_is_rendered_again_after_the_next_sweep(
    client, directorate, departement, tmp_path, monkeypatch
):
    scheme = make_plan()
    slow = {"SLOW_RENDER_SECONDS": "600"}
    with worker_process(tmp_path, app_module=SLOW_RENDER_WORKER, env=slow) as worker:
        report = ask_for_the_plan(client, directorate, scheme)
        wait_for(lambda: rendering(report), what="the worker to render the report")
        # However long ago it started, a job whose worker holds its row is left alone.
        monkeypatch.setattr(services, "RUNNING_GRACE", timedelta(0))
        assert tasks.reports_requeue_stale() == 0
        kill_process_group(worker)

    # PostgreSQL drops the dead worker's connection, and its lock with it, within moments.
    wait_for(tasks.reports_requeue_stale, what="the sweep to send the dead job again")
    with worker_process(tmp_path):
        report = finished(report)
    assert (report.status, report.attempts) == (ReportStatus.DONE, 2)
