import pytest

from welfare.celery import app
from welfare.tasks import ping
from welfare.tests.workers import DONE_TIMEOUT, worker_thread


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_consumes_a_task_and_returns_its_result():
    with worker_thread(app):
        assert ping.delay().get(timeout=DONE_TIMEOUT, interval=0.1) == "pong"


def test_tasks_of_the_test_session_go_to_its_own_queue(celery_queue_of_this_session):
    route = app.amqp.router.route({}, ping.name)
    assert route["queue"].name == celery_queue_of_this_session


def test_worker_settings_protect_long_jobs():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.worker_max_memory_per_child == 400_000


@pytest.mark.skipif(
    not app.conf.broker_url.startswith("redis"), reason="Redis's own redelivery of messages"
)
def test_redis_gives_back_a_dead_worker_s_message_but_never_a_live_job_s():
    countdown = 60  # the tasks' retry_backoff_max
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert app.conf.task_time_limit + countdown < visibility < 3600


def test_the_embedded_broker_shows_a_message_to_consumers_only_once_it_is_whole(
    tmp_path, monkeypatch
):
    # kombu's own transport created the .msg file, then filled it: a consumer polling in between
    # read it empty and the worker died ("Unrecoverable error: JSONDecodeError").
    import json
    import os
    from pathlib import Path

    from kombu import Connection

    from welfare import broker

    seen_before_rename = []
    replace = os.replace

    def watching_replace(source, target):
        seen_before_rename.append(
            (sorted(p.name for p in tmp_path.iterdir()), json.loads(Path(source).read_bytes()))
        )
        return replace(source, target)

    monkeypatch.setattr(broker.os, "replace", watching_replace)
    options = {"data_folder_in": str(tmp_path), "data_folder_out": str(tmp_path)}
    with Connection("filesystem://", transport_options=options) as connection:
        assert isinstance(connection.transport, broker.Transport)
        queue = connection.SimpleQueue("atomic-test")
        queue.put({"hello": "world"})
        ((names, payload),) = seen_before_rename
        assert not any(name.endswith(".msg") for name in names)
        assert payload["body"]
        message = queue.get(timeout=5)
        message.ack()
        assert message.payload == {"hello": "world"}
        queue.close()
