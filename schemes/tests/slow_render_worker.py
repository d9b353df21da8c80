"""Entry module of a worker process whose PDF rendering lasts ``SLOW_RENDER_SECONDS``, so that a
test can kill it mid-job (``celery -A schemes.tests.slow_render_worker``). Tests only: the
project's code has no such hook."""

import os
import time

from celery.signals import worker_process_init

from welfare.tests.worker_app import app

__all__ = ["app"]


@worker_process_init.connect
def slow_down_the_rendering(**kwargs):
    # In each pool child, once Django is set up (the services import the models).
    from schemes.reports import services

    render = services.html_to_pdf
    delay = float(os.environ["SLOW_RENDER_SECONDS"])

    def slow_render(*args, **kwargs):
        time.sleep(delay)
        return render(*args, **kwargs)

    services.html_to_pdf = slow_render
