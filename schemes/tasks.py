"""Thin Celery tasks over ``schemes.reports.services``: they take ids and call a service.

The pages send ``report_render`` for the reports they queue; the sweep below sends it for the
jobs it queues again (``welfare/jobs.py``).
"""

import logging

from celery import Task, shared_task
from django.db import DatabaseError

from schemes.reports import services
from welfare.jobs import enqueue_on_commit

logger = logging.getLogger(__name__)


class ReportTask(Task):
    """Writes on the report's row what Celery decides: a retry after a transient error, or the
    final failure once the retries are spent. With the database still away these writes fail
    too; the stale-job sweep settles the row later."""

    def on_retry(self, exc, task_id, args, kwargs, einfo):
        try:
            services.report_retry_scheduled(report_id=args[0], error=exc)
        except DatabaseError:
            logger.warning("Report %s: retry not recorded, the database is unreachable.", args[0])

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        try:
            message = services.failure_message(exc, attempts=self.request.retries + 1)
            services.report_fail(report_id=args[0], message=message)
        except DatabaseError:
            logger.warning("Report %s: failure not recorded, the database is unreachable.", args[0])


@shared_task(
    bind=True,
    base=ReportTask,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=services.MAX_ATTEMPTS - 1,
    acks_late=True,
    reject_on_worker_lost=True,
)
def report_render(self, report_id):
    report = services.report_run(report_id=report_id)
    return report.status if report else None


@shared_task
def reports_requeue_stale():
    """Queue again the jobs whose worker died or whose message was lost, send them, and
    return how many were sent."""
    queued = services.reports_requeue_stale()
    for report_id in queued:
        enqueue_on_commit(report_render, report_id, catch_up=SWEEP)
    return len(queued)


# With the broker unreachable, a report stays queued until this sweep (beat) sends it again.
SWEEP = reports_requeue_stale.name
