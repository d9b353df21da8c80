"""A territory manager's dashboard PDF, asked for on the page and produced by a real Celery
worker: it covers his territory, and another territory's manager cannot download it."""

import pytest
from django.urls import reverse

from observatory.tests import world
from schemes.enums import ReportStatus
from schemes.models import Report
from schemes.tests.report_support import pdf_text
from schemes.tests.test_reports_worker import finished
from welfare.celery import app
from welfare.enums import Role
from welfare.tests.factories import UserFactory
from welfare.tests.workers import worker_thread

pytestmark = pytest.mark.django_db(transaction=True)

READING = {"day": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30", "territory": "sud"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_a_territory_manager_s_pdf_covers_his_territory_only(
    client, departement, responsable_nord, nord, sud
):
    world.build(nord, sud)
    client.force_login(responsable_nord)

    with worker_thread(app):
        # A territory typed into the request is ignored: his own is forced.
        client.post(reverse("reports:request"), {"kind": "dashboard", **READING})
        report = finished(Report.objects.get())

    assert report.status == ReportStatus.DONE
    download = reverse("reports:download", args=[report.public_id])
    response = client.get(download)
    text = pdf_text(b"".join(response.streaming_content))
    response.close()
    assert "Tableau de bord au 30/06/2024 – Territoire Nord" in text
    assert "Enfants confiés 0 3 3" in text  # administrative, judicial, total: Nord's three

    client.force_login(UserFactory(role=Role.TERRITORY_MANAGER, territory=sud))
    assert client.get(download).status_code == 404
