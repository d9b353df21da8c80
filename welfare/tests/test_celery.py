import pytest
from celery.contrib.testing.worker import start_worker

from welfare.celery import app
from welfare.tasks import ping


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_a_task_and_returns_its_result():
    with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=30):
        assert ping.delay().get(timeout=30) == "pong"


def test_worker_settings_protect_long_jobs():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.worker_max_memory_per_child == 400_000
