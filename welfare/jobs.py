"""Sending work to the Celery workers once the transaction that asked for it has committed.

A task module is thin: it imports its service and calls it with ids. So the service does not
send the job that calls it back (that would close an import circle, ``service -> tasks ->
service``): it writes, and returns what was written; the code that called it — a view, or the
beat task of a catch-up — sends the job with ``enqueue_on_commit``. The database stays the
queue of record: a job whose message was lost (broker down) is found and sent again by its
catch-up task, named in the warning.
"""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError as BrokerUnreachable

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args, catch_up: str) -> None:
    """Send ``task(*args)`` after the current transaction commits (at once outside one). With
    the broker unreachable the request is not failed: the warning names ``catch_up``, the
    periodic task that sends what is still waiting."""

    def enqueue():
        try:
            task.delay(*args)
        except BrokerUnreachable:
            logger.warning("Broker unreachable: %s%r left to %s.", task.name, tuple(args), catch_up)

    transaction.on_commit(enqueue)
