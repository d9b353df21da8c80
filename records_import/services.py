"""Writes of the import: the code mappings from a file, and the jobs (a dry run, then its
confirmation as the real run), run by a Celery worker or by the command."""

import csv
import logging
import tempfile
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from records_import.enums import JobStatus
from records_import.models import CodeMapping, ImportJob
from records_import.reading import FileError

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def mappings_load(*, path) -> int:
    """Create or update the code mappings of a ``liste;code_source;valeur_portail;remarque``
    file (docs/import/correspondances_exemple.csv); each row is validated like the admin's
    form. Returns the rows written; nothing is written if one is invalid."""
    written = 0
    with open(path, encoding="utf-8-sig", newline="") as handle, transaction.atomic():
        for line, row in enumerate(csv.DictReader(handle, delimiter=";"), start=2):
            mapping = CodeMapping.objects.filter(
                code_list=row["liste"], source_code=row["code_source"]
            ).first() or CodeMapping(code_list=row["liste"], source_code=row["code_source"])
            mapping.target = row["valeur_portail"]
            mapping.note = row.get("remarque") or ""
            try:
                mapping.full_clean()
            except ValidationError as error:
                raise ValidationError(
                    _("Ligne %(line)d : %(errors)s")
                    % {"line": line, "errors": "; ".join(error.messages)}
                ) from error
            mapping.save()
            written += 1
    return written


# --- Jobs -----------------------------------------------------------------------------------


def job_create(*, source: str, files, requested_by) -> ImportJob:
    """A dry run of the uploaded files: one ``.zip``, or the files themselves, which are put
    into one archive so the confirmed run reads exactly what the dry run read. Queued on
    commit."""
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "extraction.zip"
        if len(files) == 1 and files[0].name.lower().endswith(".zip"):
            with open(archive, "wb") as target:
                for chunk in files[0].chunks():
                    target.write(chunk)
            if not zipfile.is_zipfile(archive):
                raise ValidationError(_("L'archive .zip est illisible."))
        else:
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
                for upload in files:
                    with bundle.open(Path(upload.name).name, "w") as target:
                        for chunk in upload.chunks():
                            target.write(chunk)
        job = ImportJob(source=source, dry_run=True, requested_by=requested_by)
        with open(archive, "rb") as handle:
            job.archive.save("extraction.zip", File(handle), save=False)
    job.save()
    return job


def job_confirm(*, job: ImportJob, requested_by) -> ImportJob:
    """The real run of a finished dry run, on the same archive."""
    if not job.dry_run or job.status != JobStatus.DONE:
        raise ValidationError(_("Seul un essai à blanc terminé peut être confirmé."))
    real = ImportJob.objects.create(
        source=job.source,
        dry_run=False,
        archive=job.archive.name,
        confirms=job,
        requested_by=requested_by,
    )
    return real


def job_retry(*, job: ImportJob) -> ImportJob:
    """Queue a failed job again (nothing of it was written: a run is all or nothing)."""
    if job.status != JobStatus.FAILED:
        raise ValidationError(_("Seul un import échoué peut être relancé."))
    job.status = JobStatus.QUEUED
    job.error_message = ""
    job.attempts = 0
    job.rows_done = 0
    job.save(update_fields=["status", "error_message", "attempts", "rows_done"])
    return job


class _Progress:
    """Writes the rows done on the job through a connection of its own, so the page sees them
    while the import's transaction, on the main connection, is still open."""

    def __init__(self, job):
        self.job = job
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS)

    def total(self, rows):
        self._write("rows_total", rows)

    def advance(self, rows):
        self._write("rows_done", rows)

    def _write(self, column, value):
        table = ImportJob._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = %s WHERE id = %s",
                [value, self.job.pk],
            )

    def close(self):
        self.connection.close()


def job_run(*, job_id: int, progress=True) -> ImportJob | None:
    """Run a queued job: claim it, import (all or nothing), keep the report. A job already
    running, done or stopped is left alone (a duplicate delivery)."""
    from records_import.engine import import_extract

    with transaction.atomic():
        job = ImportJob.objects.select_for_update(skip_locked=True).filter(pk=job_id).first()
        if job is None or job.status != JobStatus.QUEUED:
            return job
        job.status = JobStatus.RUNNING
        job.attempts += 1
        job.started_at = timezone.now()
        job.save(update_fields=["status", "attempts", "started_at"])
    writer = _Progress(job) if progress else None
    try:
        with job.archive.open("rb") as archive, tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "extraction.zip"
            path.write_bytes(archive.read())
            report = import_extract(
                path=path,
                source=job.source,
                dry_run=job.dry_run,
                job=job,
                progress=writer.advance if writer else None,
                on_total=writer.total if writer else None,
            )
    finally:
        if writer:
            writer.close()
    job.report = report.as_dict()
    job.status = JobStatus.STOPPED if report.stopped else JobStatus.DONE
    job.rows_total = job.rows_done = report.totals["read"]
    job.finished_at = timezone.now()
    job.save(update_fields=["report", "status", "rows_total", "rows_done", "finished_at"])
    return job


TRANSIENT_ERRORS = (OperationalError,)


def failure_message(error) -> str:
    """The reason the administrator reads: French, and never the values of a row."""
    if isinstance(error, FileError | ValidationError):
        return str(error.messages[0] if isinstance(error, ValidationError) else error)
    if isinstance(error, TRANSIENT_ERRORS):
        return _("La base de données n'a pas répondu ; rien n'a été enregistré. Relancez.")
    return _(
        "Erreur inattendue (%(kind)s) ; rien n'a été enregistré. Relancez, ou signalez-la "
        "avec l'heure de l'import."
    ) % {"kind": type(error).__name__}


def job_fail(*, job_id: int, error) -> None:
    """Mark a job failed with the reason shown to the administrator."""
    ImportJob.objects.filter(pk=job_id).update(
        status=JobStatus.FAILED, error_message=failure_message(error), finished_at=timezone.now()
    )
