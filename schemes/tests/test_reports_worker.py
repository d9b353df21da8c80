"""A report asked for through the pages and produced by a real Celery worker (in a thread,
on this process's broker), as in production but for the pool."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.reports import services
from schemes.tests.report_support import make_plan, one_line, pdf_text
from welfare.celery import app
from welfare.tests.workers import wait_for, worker_thread

pytestmark = pytest.mark.django_db(transaction=True)


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
