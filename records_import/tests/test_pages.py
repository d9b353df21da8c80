"""The administrator's import pages: a dry run first, its report, the confirmed real run as a
background job, its final report, and a failed job's reason and retry."""

import io
import shutil
import zipfile
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from records_import import services
from records_import.enums import JobStatus
from records_import.models import ImportJob
from records_import.tests.conftest import EXAMPLE
from records_import.tests.test_example import IMPORTED, counts
from welfare.tests.gate import assert_no_store, nominative_url_names

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Runs each job queued on commit at once, as a worker would."""
    with mock.patch(
        "records_import.tasks.import_job_run.delay",
        side_effect=lambda job_id: services.job_run(job_id=job_id),
    ) as delay:
        yield delay


def example_zip(tmp_path) -> SimpleUploadedFile:
    archive = shutil.make_archive(str(tmp_path / "extraction"), "zip", EXAMPLE)
    with open(archive, "rb") as handle:
        return SimpleUploadedFile("extraction.zip", handle.read(), "application/zip")


def send(client, files, django_capture_on_commit_callbacks, source="exemple"):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("records_import:job_create"), {"source": source, "files": files})


@pytest.fixture
def dry_run(
    client, administrator, departement, mapped, tmp_path, worker, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    send(client, example_zip(tmp_path), django_capture_on_commit_callbacks)
    return ImportJob.objects.get()


NOMINATIVE_PAGES = {
    "records_import:job_list": False,
    "records_import:job_create": False,
    "records_import:job_detail": True,
    "records_import:job_status": True,
    "records_import:job_report_csv": True,
    "records_import:job_confirm": True,
    "records_import:job_retry": True,
}


def test_every_nominative_page_of_the_import_is_checked():
    assert nominative_url_names("records_import") == set(NOMINATIVE_PAGES)


@pytest.mark.parametrize(
    "name",
    [
        "records_import:job_list",
        "records_import:job_detail",
        "records_import:job_status",
        "records_import:job_report_csv",
    ],
)
def test_each_import_page_is_no_store(client, dry_run, name):
    arguments = [dry_run.public_id] if NOMINATIVE_PAGES[name] else []
    assert_no_store(client.get(reverse(name, args=arguments)))


@pytest.mark.parametrize("role", ["referent_nord", "responsable_nord", "directorate"])
def test_only_the_administrator_imports(client, departement, request, role):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("records_import:job_list")).status_code == 403


def test_a_sent_extract_is_first_a_dry_run_that_writes_nothing(client, dry_run):
    assert dry_run.dry_run
    assert dry_run.status == JobStatus.DONE
    assert dry_run.report["totals"]["created"] == 41
    assert counts()["children"] == 0

    page = client.get(reverse("records_import:job_detail", args=[dry_run.public_id]))

    content = page.content.decode()
    assert "Compte rendu par fichier" in content
    assert "enfants.csv" in content and "31/02/2015" in content
    assert "Lancer l'import" in content


def test_the_files_themselves_can_be_sent_instead_of_a_zip(
    client, administrator, departement, mapped, worker, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    files = [
        SimpleUploadedFile(name, (EXAMPLE / name).read_bytes())
        for name in ("enfants.csv", "mesures.csv", "etablissements.xlsx")
    ]

    send(client, files, django_capture_on_commit_callbacks)

    report = ImportJob.objects.get().report
    assert [stats["file"] for stats in report["files"]] == [
        "etablissements.xlsx",
        "enfants.csv",
        "mesures.csv",
    ]


def test_a_wrong_file_is_refused_next_to_the_field(
    client, administrator, departement, worker, django_capture_on_commit_callbacks
):
    client.force_login(administrator)

    page = send(
        client, SimpleUploadedFile("enfants.pdf", b"%PDF"), django_capture_on_commit_callbacks
    )

    assert page.status_code == 200
    assert (
        "Format non accepté (.zip, .csv ou .xlsx seulement) : enfants.pdf." in page.content.decode()
    )
    assert not ImportJob.objects.exists()


def test_a_damaged_zip_is_refused(
    client, administrator, departement, worker, django_capture_on_commit_callbacks
):
    client.force_login(administrator)

    page = send(
        client,
        SimpleUploadedFile("extraction.zip", b"not a zip"),
        django_capture_on_commit_callbacks,
    )

    assert "L&#x27;archive .zip est illisible." in page.content.decode()
    assert not ImportJob.objects.exists()


def test_the_report_downloads_as_csv(client, dry_run):
    response = client.get(reverse("records_import:job_report_csv", args=[dry_run.public_id]))

    lines = response.content.decode("utf-8").splitlines()
    assert response["Content-Type"] == "text/csv"
    assert lines[0] == "\ufeffFichier;Ligne;Colonne;Identifiant;Type;Motif"
    reason = "La fin de la mesure ne peut précéder son début."
    assert f"mesures.csv;11;date_fin;M0010;Ligne rejetée;{reason}" in lines


def test_the_real_run_needs_the_confirmation_box(
    client, dry_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("records_import:job_confirm", args=[dry_run.public_id]), {})

    assert page.status_code == 400
    assert "Cochez la case pour confirmer l&#x27;import." in page.content.decode()
    assert ImportJob.objects.count() == 1


def test_the_confirmed_run_imports_and_keeps_its_final_report(
    client, dry_run, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("records_import:job_confirm", args=[dry_run.public_id]), {"confirmed": "on"}
        )

    real = ImportJob.objects.get(dry_run=False)
    assert response.url == reverse("records_import:job_detail", args=[real.public_id])
    assert (real.status, real.confirms, real.rows_done) == (JobStatus.DONE, dry_run, 49)
    assert real.report["totals"]["created"] == 41
    assert counts() == IMPORTED
    page = client.get(response.url).content.decode()
    assert "Ce que l'import a fait, fichier par fichier" in page
    status = client.get(reverse("records_import:job_status", args=[real.public_id]))
    assert status["HX-Refresh"] == "true"


def test_a_pending_job_shows_its_progress_and_polls(client, dry_run):
    ImportJob.objects.filter(pk=dry_run.pk).update(
        status=JobStatus.RUNNING, rows_total=200, rows_done=50
    )

    fragment = client.get(reverse("records_import:job_status", args=[dry_run.public_id]))

    content = fragment.content.decode()
    assert 'aria-valuenow="25"' in content
    assert "50 lignes traitées sur 200" in content
    assert 'hx-trigger="every 2s"' in content
    assert "HX-Refresh" not in fragment


def test_a_failed_job_shows_its_reason_and_can_be_retried(
    client, dry_run, django_capture_on_commit_callbacks, worker
):
    services.job_fail(job_id=dry_run.pk, error=RuntimeError("boom"))

    page = client.get(reverse("records_import:job_detail", args=[dry_run.public_id]))
    assert "Erreur inattendue (RuntimeError)" in page.content.decode()
    assert "Réessayer" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("records_import:job_retry", args=[dry_run.public_id]))

    dry_run.refresh_from_db()
    assert (dry_run.status, dry_run.error_message) == (JobStatus.DONE, "")


def test_the_task_marks_the_job_failed_with_a_french_reason(dry_run):
    from records_import.tasks import import_job_run

    ImportJob.objects.filter(pk=dry_run.pk).update(status=JobStatus.QUEUED)
    with mock.patch("records_import.services.tempfile.TemporaryDirectory", side_effect=OSError):
        import_job_run.apply(args=[dry_run.pk])

    dry_run.refresh_from_db()
    assert dry_run.status == JobStatus.FAILED
    assert dry_run.error_message.startswith("Erreur inattendue (OSError)")


def test_the_list_pins_its_queries(client, dry_run, django_assert_num_queries):
    for _ in range(3):
        ImportJob.objects.create(source="autre", dry_run=True, requested_by=dry_run.requested_by)

    # session, user, count of the jobs, the Département (layout), the page of jobs with their
    # requester and the dry run they confirm, then the session saved (savepoint, update, release)
    with django_assert_num_queries(8):
        client.get(reverse("records_import:job_list"))


def test_a_zip_holding_folders_is_read_by_file_name(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr("export_2026/enfants.csv", "id_enfant;nom\n")
    path = tmp_path / "x.zip"
    path.write_bytes(buffer.getvalue())

    from records_import.engine import Extract
    from records_import.specs import SPECS_BY_KIND

    assert Extract(path).find(SPECS_BY_KIND["child"]) == "enfants.csv"
