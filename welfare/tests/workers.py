"""Real Celery workers for the tests: in a thread of this process, or in a process of their own
that a test may kill.

Both are consuming before the test sends anything, and every wait has a generous bound, so
that a busy machine slows these tests without failing them. On an idle machine a worker is
ready within a second or two.

The filesystem broker (the default) is polled, once a second unless told otherwise: each task
then waited up to a second to be picked up, and a worker thread up to four to stop (its blocked
read of 2 s ends only on a poll). Test workers poll ten times a second.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from celery.contrib.testing.worker import TestWorkController, start_worker
from django.conf import settings
from django.db import connection

from welfare.celery import app as project_app

READY_TIMEOUT = 120
DONE_TIMEOUT = 120
POLLING_INTERVAL = 0.1
# The entry module of worker processes: the project's app, polling as test workers do.
WORKER_APP = "welfare.tests.worker_app"


def wait_for(condition, *, timeout=DONE_TIMEOUT, what="the condition"):
    """Poll ``condition`` until it returns something true, and return that; fail after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Still waiting for {what} after {timeout} s")
        time.sleep(0.1)


def with_test_polling(options: dict) -> dict:
    """The broker's transport options with the tests' polling interval."""
    return {**options, "polling_interval": POLLING_INTERVAL}


class _BoundedStartWorkController(TestWorkController):
    """Celery's test worker waits for ever for its consumer; this one fails a test instead."""

    def ensure_started(self):
        if not self._on_started.wait(READY_TIMEOUT):
            raise AssertionError(f"The worker was not consuming after {READY_TIMEOUT} s")


@contextmanager
def worker_thread(app):
    """A solo worker in a thread of this process, consuming when the block begins, stopped at
    its end."""
    options = app.conf.broker_transport_options
    app.conf.broker_transport_options = with_test_polling(options)
    try:
        with start_worker(
            app,
            perform_ping_check=False,
            pool="solo",
            shutdown_timeout=READY_TIMEOUT,
            WorkController=_BoundedStartWorkController,
        ):
            yield
    finally:
        app.conf.broker_transport_options = options


@contextmanager
def worker_process(log_dir: Path, *, app_module=WORKER_APP, env=None):
    """``celery worker`` in a process group of its own, on this test's database and media
    folder; yields its ``Popen`` once it consumes. Killed with its children at the end.

    The test must use ``django_db(transaction=True)``: the worker reads what the test commits.
    """
    name = f"test-{uuid.uuid4().hex[:8]}@%h"
    log_path = log_dir / f"worker-{uuid.uuid4().hex[:8]}.log"
    environment = {
        **os.environ,
        "DATABASE_URL": this_test_database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **(env or {}),
    }
    command = [
        *(sys.executable, "-m", "celery", "-A", app_module, "worker"),
        *("--pool=prefork", "--concurrency=1", "--loglevel=INFO", f"--hostname={name}"),
        f"--queues={project_app.conf.task_default_queue}",
        # Nothing to synchronise with: no other worker of this test, and a shared broker's
        # strangers must not slow the start.
        *("--without-mingle", "--without-gossip", "--without-heartbeat"),
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for(
            lambda: " ready." in log_path.read_text() or process.poll() is not None,
            timeout=READY_TIMEOUT,
            what="the worker process to consume",
        )
        if process.poll() is not None:
            raise AssertionError(f"The worker process exited:\n{log_path.read_text()}")
        yield process
    finally:
        kill_process_group(process)


def kill_process_group(process: subprocess.Popen) -> None:
    """``kill -9`` the worker and its pool's children, as a crash or the OOM killer would."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=READY_TIMEOUT)


def this_test_database_url() -> str:
    """The URL of the database this test runs on (pytest-django's test database), for a
    process of its own."""
    database = connection.settings_dict
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or ""
    port = f":{database['PORT']}" if database["PORT"] else ""
    name = quote(database["NAME"], safe="")
    if host.startswith("/"):
        # A socket folder (the embedded server): in the query, where the URL parser reads it.
        return f"postgres://{credentials}@{port}/{name}?host={quote(host, safe='/')}"
    return f"postgres://{credentials}@{quote(host, safe='')}{port}/{name}"
