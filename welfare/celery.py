"""The Celery application; its settings are the ``CELERY_*`` names of ``welfare/settings.py``."""

import os

from celery import Celery
from celery.signals import worker_ready
from kombu import transport

from welfare.observability import connect_celery_signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
# The embedded broker writes its messages atomically (welfare/broker.py).
transport.TRANSPORT_ALIASES["filesystem"] = "welfare.broker:Transport"

app = Celery("welfare")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
connect_celery_signals()


@worker_ready.connect
def _heartbeat_on_start(sender, **kwargs):
    """A worker that has just started shows on /sante/ without waiting for beat's minute."""
    sender.app.send_task("welfare.tasks.worker_heartbeat")
