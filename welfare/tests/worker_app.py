"""Entry module of the worker processes that tests start (``celery -A welfare.tests.worker_app``):
the project's Celery app, polling the broker as the tests' worker threads do."""

from welfare.celery import app
from welfare.tests.workers import with_test_polling

app.conf.broker_transport_options = with_test_polling(app.conf.broker_transport_options)

__all__ = ["app"]
