"""What the health endpoint checks, and the heartbeat the workers leave for it.

Each check answers ``(ok, detail)``; the detail is a short French sentence for the operator and
never holds anything personal. The whole report costs three queries: ``SELECT 1``, the applied
migrations, the last heartbeat.
"""

import tempfile
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.models import WorkerHeartbeat

# Seconds the broker check may take before the broker is called unreachable.
BROKER_TIMEOUT_SECONDS = 2


def heartbeat_record(*, hostname: str) -> None:
    """Note that the worker on ``hostname`` ran the heartbeat task now."""
    WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, defaults={"seen_at": timezone.now()}
    )


@cache
def _expected_migrations() -> frozenset:
    """The latest migration of every app, read once per process from the migration files."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes())


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, _("La base de données répond.")


def check_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        applied = set(cursor.fetchall())
    missing = _expected_migrations() - applied
    if missing:
        return False, _("%(count)s migration(s) à appliquer (manage.py migrate).") % {
            "count": len(missing)
        }
    return True, _("Toutes les migrations sont appliquées.")


def check_broker():
    from welfare.celery import app

    with app.connection_for_write() as broker:
        broker.ensure_connection(
            max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT_SECONDS
        )
    return True, _("Le gestionnaire de files de tâches répond.")


def check_worker():
    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    if last is None:
        return False, _("Aucun worker n'a encore donné signe de vie.")
    age = timezone.now() - last
    if age > timedelta(seconds=settings.HEALTH_WORKER_MAX_AGE_SECONDS):
        return False, _("Dernier signe de vie d'un worker il y a %(seconds)s secondes.") % {
            "seconds": int(age.total_seconds())
        }
    return True, _("Un worker a donné signe de vie il y a %(seconds)s secondes.") % {
        "seconds": int(age.total_seconds())
    }


def check_media():
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=root, prefix=".sante-") as probe:
        probe.write(b"ok")
        probe.flush()
    return True, _("Le stockage des fichiers accepte l'écriture.")


# The checks that need the database are skipped, and failed, when it does not answer.
CHECKS = {
    "database": check_database,
    "migrations": check_migrations,
    "broker": check_broker,
    "worker": check_worker,
    "media": check_media,
}
NEEDS_DATABASE = {"migrations", "worker"}


def health_report() -> dict:
    """Run every check; ``{"status": "ok" | "error", "checks": {name: {"ok", "detail"}}}``."""
    checks = {}
    for name, check in CHECKS.items():
        if name in NEEDS_DATABASE and not checks["database"]["ok"]:
            checks[name] = {"ok": False, "detail": _("Non vérifié : la base ne répond pas.")}
            continue
        try:
            ok, detail = check()
        except DatabaseError:
            ok, detail = False, _("La base de données ne répond pas.")
        except Exception as error:  # a probe reports every failure by its name, never raises
            ok, detail = False, _("Échec : %(error)s") % {"error": type(error).__name__}
        checks[name] = {"ok": ok, "detail": detail}
    status = "ok" if all(check["ok"] for check in checks.values()) else "error"
    return {"status": status, "checks": checks}
