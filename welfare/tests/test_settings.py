"""Start-up rules of welfare/settings.py, checked in a fresh interpreter as an operator runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "PSEUDONYMISATION_KEY",
            "MFA_REQUIRED_ROLES",
            "CONN_MAX_AGE",
            "DB_STATEMENT_TIMEOUT_MS",
            "DB_LOCK_TIMEOUT_MS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_stops_with_one_line():
    result = manage("check", DEBUG="0", ALLOWED_HOSTS="portail.example.org")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration incorrecte : SECRET_KEY doit être défini quand DEBUG est désactivé."
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 30 + "-production-secret-" + "z" * 30,
    "ALLOWED_HOSTS": "portail.example.org",
    "PSEUDONYMISATION_KEY": "p" * 50,
}


def setting(name, **env):
    """The value of a setting in a fresh interpreter started with ``env``."""
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(repr(settings.{name}))",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_without_allowed_hosts_stops_with_one_line():
    result = manage("check", DEBUG="0", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Configuration incorrecte : ALLOWED_HOSTS")
    assert len(result.stderr.strip().splitlines()) == 1


def test_deploy_checks_are_clean_in_production():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_without_a_pseudonymisation_key_stops_with_one_line():
    # Falling back to SECRET_KEY would change every national identifier when it is rotated.
    result = manage("check", **{**PRODUCTION, "PSEUDONYMISATION_KEY": ""})
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Configuration incorrecte : PSEUDONYMISATION_KEY")
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_asks_a_second_factor_of_administrators_and_the_directorate():
    assert setting("MFA_REQUIRED_ROLES", **PRODUCTION) == "['administrator', 'directorate']"
    assert setting("MFA_REQUIRED_ROLES", DEBUG="1") == "[]"


def test_production_keeps_database_connections_and_checks_them_before_reuse():
    assert setting('DATABASES["default"]["CONN_MAX_AGE"]', **PRODUCTION) == "60"
    assert setting('DATABASES["default"]["CONN_HEALTH_CHECKS"]', **PRODUCTION) == "True"


def test_maintenance_commands_lift_the_web_requests_database_timeouts():
    # manage.py sets both to 0 for its commands; the web processes keep the bounds.
    assert setting("DB_STATEMENT_TIMEOUT_MS", DEBUG="1") == "0"
    assert setting("DB_LOCK_TIMEOUT_MS", DEBUG="1") == "0"


def test_debug_keeps_a_generated_key_under_var():
    command = (
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
    )
    first = manage(*command, DEBUG="1")
    second = manage(*command, DEBUG="1")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == second.stdout.strip()
    assert first.stdout.strip() == (BASE_DIR / "var" / "secret_key").read_text().strip()


def test_settings_are_french_and_paris_time(settings):
    assert settings.LANGUAGE_CODE == "fr"
    assert ("en", "Anglais") in [(code, str(name)) for code, name in settings.LANGUAGES]
    assert settings.TIME_ZONE == "Europe/Paris"


def test_backups_follow_the_environment(tmp_path):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from dbbackup import settings as s; print(s.STORAGE_OPTIONS['location'], "
        "s.GPG_RECIPIENT, s.CONNECTORS['default']['DUMP_CMD'])",
        DEBUG="1",
        BACKUP_DIR=str(tmp_path),
        BACKUP_GPG_RECIPIENT="0123456789ABCDEF0123456789ABCDEF01234567",
        PG_BIN_DIR="/usr/lib/postgresql/15/bin",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        str(tmp_path),
        "0123456789ABCDEF0123456789ABCDEF01234567",
        "/usr/lib/postgresql/15/bin/pg_dump",
    ]


def test_log_format_json_writes_one_json_object_per_line():
    command = ("shell", "--no-imports", "-c", "import logging; logging.getLogger('x').warning('é')")
    result = manage(*command, DEBUG="1", LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    assert json.loads(line) | {"time": None} == {
        "level": "WARNING",
        "logger": "x",
        "message": "é",
        "time": None,
    }


def test_an_unknown_log_format_stops_with_one_line():
    result = manage("check", DEBUG="1", LOG_FORMAT="xml")
    assert result.returncode != 0
    assert (
        result.stderr.strip() == "Configuration incorrecte : LOG_FORMAT doit valoir text ou json."
    )
