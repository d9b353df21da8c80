"""``/sante/``: what monitoring reads, healthy or not, cheap and never cached."""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from welfare.celery import app
from welfare.models import WorkerHeartbeat
from welfare.tasks import worker_heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def worker_alive(db):
    WorkerHeartbeat.objects.create(hostname="celery@portail", seen_at=timezone.now())


def get_health(client):
    return client.get(reverse("health"))


def failing(response):
    return sorted(name for name, check in response.json()["checks"].items() if not check["ok"])


def test_a_healthy_portal_answers_200_in_three_queries_without_login(
    client, media, worker_alive, django_assert_num_queries
):
    # SELECT 1; the applied migrations; the latest heartbeat.
    with django_assert_num_queries(3):
        response = get_health(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "migrations", "broker", "worker", "media"}
    assert failing(response) == []


def test_the_probe_leaves_no_file_behind(client, media, worker_alive):
    get_health(client)
    assert list(media.iterdir()) == []


def test_a_database_that_does_not_answer_is_named_and_answers_503(client, media, worker_alive):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server failed: Connection refused")

    with connection.execute_wrapper(refuse):
        response = get_health(client)
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert failing(response) == ["database", "migrations", "worker"]
    assert "ne répond pas" in response.json()["checks"]["worker"]["detail"]


def test_a_migration_not_applied_is_reported(client, media, worker_alive):
    # welfare's latest migration, whichever it is: the probe compares the latest of each app.
    latest = next(
        name
        for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()
        if app == "welfare"
    )
    with connection.cursor() as cursor:
        # The latest migration applied: the leaf of its app.
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'welfare' AND name = %s", [latest]
        )
    response = get_health(client)
    assert response.status_code == 503
    assert failing(response) == ["migrations"]
    assert "1 migration(s)" in response.json()["checks"]["migrations"]["detail"]


def test_no_worker_ever_seen_answers_503(client, media):
    response = get_health(client)
    assert response.status_code == 503
    assert failing(response) == ["worker"]


def test_a_worker_silent_for_longer_than_the_limit_answers_503(client, media, settings):
    settings.HEALTH_WORKER_MAX_AGE_SECONDS = 180
    WorkerHeartbeat.objects.create(
        hostname="celery@portail", seen_at=timezone.now() - timedelta(seconds=200)
    )
    response = get_health(client)
    assert response.status_code == 503
    assert failing(response) == ["worker"]
    assert "il y a 200 secondes" in response.json()["checks"]["worker"]["detail"]


def test_an_unreachable_broker_answers_503(client, media, worker_alive, monkeypatch):
    # Nothing listens on port 1.
    # Celery reads CELERY_BROKER_URL from the environment before its settings (CI sets it).
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:1/0")
    monkeypatch.setitem(app.conf, "broker_transport_options", {})
    response = get_health(client)
    assert response.status_code == 503
    assert failing(response) == ["broker"]


def test_a_storage_that_refuses_writes_answers_503(client, settings, tmp_path, worker_alive):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    settings.MEDIA_ROOT = blocked
    response = get_health(client)
    assert response.status_code == 503
    assert failing(response) == ["media"]


def test_the_heartbeat_task_records_its_worker(db):
    worker_heartbeat.apply()
    heartbeat = WorkerHeartbeat.objects.get()
    assert heartbeat.hostname
    assert timezone.now() - heartbeat.seen_at < timedelta(seconds=30)
