"""The Celery application; its settings are the ``CELERY_*`` names of ``welfare/settings.py``."""

import os

from celery import Celery

from welfare.observability import connect_celery_signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")

app = Celery("welfare")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
connect_celery_signals()
