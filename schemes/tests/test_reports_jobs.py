"""The job behind a report: rendering, retries, failures, idempotency and the stale-job sweep.

``report_render.apply`` runs the task in this process as a worker would, retries included
(Celery applies each retry at once instead of after its backoff).
"""

import threading
from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from schemes.enums import ReportStatus
from schemes.models import Report, Scheme
from schemes.reports.services import MAX_ATTEMPTS, RUNNING_GRACE, report_run
from schemes.tasks import report_render, reports_requeue_stale
from schemes.tests.factories import ReportFactory
from schemes.tests.report_support import make_plan, one_line, pdf_text
from welfare.celery import app

pytestmark = pytest.mark.django_db

RENDER = "schemes.reports.services.html_to_pdf"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def report(departement):
    scheme = make_plan()
    return ReportFactory(parameters={"scheme": scheme.pk}, title=str(scheme))


@pytest.fixture
def sent():
    with mock.patch("schemes.tasks.report_render.delay") as delay:
        yield delay


def test_the_task_renders_the_report_into_the_media_folder(report, media_root):
    report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert (report.attempts, report.error_message) == (1, "")
    assert report.started_at <= report.finished_at
    path = media_root / report.file.name
    assert one_line(report.title) in pdf_text(path.read_bytes())
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".part")]


def test_a_rendering_error_fails_the_job_at_once_with_its_message(report):
    with mock.patch(RENDER, side_effect=ValueError("Feuille de style illisible")) as render:
        report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error_message == "Feuille de style illisible"
    assert report.attempts == render.call_count == 1


def test_a_transient_error_is_retried_then_fails_with_its_message(report):
    with mock.patch(RENDER, side_effect=OperationalError("connexion perdue")) as render:
        report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert render.call_count == report.attempts == MAX_ATTEMPTS
    assert report.error_message == f"Échec après {MAX_ATTEMPTS} tentatives : connexion perdue"


def test_a_transient_error_then_a_success_ends_done(report):
    with mock.patch(RENDER, side_effect=[OperationalError("connexion perdue"), b"%PDF-1.7"]):
        report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert (report.status, report.attempts) == (ReportStatus.DONE, 2)


def test_the_soft_time_limit_fails_the_job_with_a_reason(report, settings):
    with mock.patch(RENDER, side_effect=SoftTimeLimitExceeded()):
        report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert str(settings.CELERY_TASK_SOFT_TIME_LIMIT) in report.error_message


def test_a_plan_deleted_since_the_request_fails_with_a_reason(report):
    Scheme.objects.all().delete()
    report_render.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "supprimées depuis la demande" in report.error_message


def test_a_job_already_done_is_not_rendered_again(report):
    report_render.apply(args=[report.pk])
    with mock.patch(RENDER) as render:
        assert report_run(report_id=report.pk) is None
    render.assert_not_called()


def test_a_redelivered_job_whose_attempts_are_spent_fails(report):
    report.status, report.attempts = ReportStatus.RUNNING, MAX_ATTEMPTS
    report.save()
    with mock.patch(RENDER) as render:
        report_render.apply(args=[report.pk])
    render.assert_not_called()
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "interrompu" in report.error_message


def stale(**fields):
    long_ago = timezone.now() - timedelta(hours=1)
    return ReportFactory(started_at=long_ago, queued_at=long_ago, **fields)


def test_the_sweep_sends_again_a_job_whose_worker_died(sent, django_capture_on_commit_callbacks):
    report = stale(status=ReportStatus.RUNNING, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_requeue_stale() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.QUEUED
    assert "interrompu" in report.error_message
    sent.assert_called_once_with(report.pk)


def test_the_sweep_fails_a_job_whose_attempts_are_spent(sent, django_capture_on_commit_callbacks):
    report = stale(status=ReportStatus.RUNNING, attempts=MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks(execute=True):
        reports_requeue_stale()
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    sent.assert_not_called()


def test_the_sweep_sends_again_a_job_whose_message_was_lost(
    sent, django_capture_on_commit_callbacks
):
    report = stale(status=ReportStatus.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        reports_requeue_stale()
    report.refresh_from_db()
    assert report.status == ReportStatus.QUEUED
    assert report.queued_at > timezone.now() - timedelta(minutes=1)
    sent.assert_called_once_with(report.pk)


def test_the_sweep_sends_again_a_dead_job_soon_after_its_claim(
    sent, django_capture_on_commit_callbacks
):
    claimed = timezone.now() - RUNNING_GRACE - timedelta(seconds=1)
    report = ReportFactory(status=ReportStatus.RUNNING, started_at=claimed, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_requeue_stale() == 1
    sent.assert_called_once_with(report.pk)


def test_the_sweep_leaves_a_job_just_claimed_before_its_worker_locks_it(
    sent, django_capture_on_commit_callbacks
):
    report = ReportFactory(status=ReportStatus.RUNNING, started_at=timezone.now(), attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reports_requeue_stale() == 0
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING
    sent.assert_not_called()


@pytest.mark.django_db(transaction=True)
def test_the_sweep_leaves_a_long_job_whose_worker_holds_its_lock(sent):
    report = stale(status=ReportStatus.RUNNING, attempts=1)
    locked, done = threading.Event(), threading.Event()

    def live_worker():
        # A worker renders inside a transaction that holds the row, on its own connection.
        try:
            with transaction.atomic():
                Report.objects.select_for_update().get(pk=report.pk)
                locked.set()
                done.wait(timeout=60)
        finally:
            connection.close()

    worker = threading.Thread(target=live_worker)
    worker.start()
    try:
        assert locked.wait(timeout=60)
        assert reports_requeue_stale() == 0
    finally:
        done.set()
        worker.join()
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING
    sent.assert_not_called()


def test_the_job_is_acknowledged_late_retried_with_backoff_and_swept_periodically(settings):
    assert report_render.acks_late is True
    assert report_render.reject_on_worker_lost is True
    assert report_render.retry_backoff is True
    assert report_render.max_retries == MAX_ATTEMPTS - 1
    assert OperationalError in report_render.autoretry_for
    schedule = settings.CELERY_BEAT_SCHEDULE["reports-requeue-stale"]
    assert schedule["task"] in app.tasks
    assert schedule["schedule"] <= timedelta(minutes=1)
