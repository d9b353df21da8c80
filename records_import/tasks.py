"""Thin Celery task over ``records_import.services``: it takes the job's id."""

import logging

from celery import Task, shared_task
from django.db import DatabaseError

from records_import import services

logger = logging.getLogger(__name__)


class ImportTask(Task):
    """Writes the final failure on the job's row, with the reason the administrator reads."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        try:
            services.job_fail(job_id=args[0], error=exc)
        except DatabaseError:
            logger.warning("Import job %s: failure not recorded, the database is away.", args[0])


# An extract of a whole Département takes minutes: its own limits, above the reports' ones.
@shared_task(
    bind=True,
    base=ImportTask,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=1800,
    time_limit=1900,
)
def import_job_run(self, job_id):
    job = services.job_run(job_id=job_id)
    return job.status if job else None
