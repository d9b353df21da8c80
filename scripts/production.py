"""What the production smoke step and the benchmarks share: a production environment for the
portal's commands (DEBUG off, fresh secrets, plain HTTP on the loopback), an emptied database,
a free port."""

import os
import secrets
import socket
import urllib.parse


def production_environment(**settings) -> dict:
    """This process's environment without the development and test variables, with DEBUG off
    and generated secrets, then ``settings`` (DATABASE_URL, CELERY_BROKER_URL, …) on top."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "DB_")) and key != "TEST_DATABASE_NAME"
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        PSEUDONYMISATION_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on the loopback: no reverse proxy in front of gunicorn here.
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
    )
    env.update(settings)
    return env


def recreate_database(url: str) -> None:
    """Drop the database of ``url`` if it exists and create it empty."""
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
