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
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
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
        DEBUG="0",
        SECRET_KEY="k" * 30 + "-production-secret-" + "z" * 30,
        ALLOWED_HOSTS="portail.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
