"""Throughput of the public contact form under gunicorn, without and with persistent database
connections (``CONN_MAX_AGE=0`` against the production default, 60 s).

Run by hand against the machine's PostgreSQL and Redis (the database named below is emptied
and migrated; Redis database 7 is flushed at the end):

    .venv/bin/python bench/contact_throughput.py [--seconds 20] [--clients 4] [--workers 2]

Each run starts gunicorn with DEBUG off and the given workers, then ``--clients`` threads each
fetch the form once (its CSRF cookie and token) and post valid questions back to back over a
kept-alive HTTP connection for ``--seconds``. A post counts when it answers 302 to the thank-you
page: the question is stored and its confirmation e-mail queued. Printed per setting: posts per
second, latency p50/p95 in ms, and errors.
"""

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from production import free_port, production_environment, recreate_database  # noqa: E402

BIN = ROOT / ".venv" / "bin"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/welfare_bench"
)
REDIS_URL = "redis://127.0.0.1:6379/7"
# collectstatic's manifest, without which DEBUG off answers 500 (the smoke step checks that).
STATIC_ROOT = Path(tempfile.gettempdir()) / "welfare-bench-static"


def environment(conn_max_age: int) -> dict:
    return production_environment(
        DATABASE_URL=DATABASE_URL,
        CONN_MAX_AGE=str(conn_max_age),
        CELERY_BROKER_URL=REDIS_URL,
        CACHE_URL=REDIS_URL,
        STATIC_ROOT=str(STATIC_ROOT),
        # The bench posts far more than a family would: the anti-spam limit is lifted.
        CONTACT_RATE_LIMIT="100000000",
        LOG_LEVEL="WARNING",
    )


def prepare_database():
    recreate_database(DATABASE_URL)
    for command in (("migrate", "--noinput"), ("collectstatic", "--noinput")):
        subprocess.run(
            [str(BIN / "python"), "manage.py", *command, "-v", "0"],
            cwd=ROOT,
            env=environment(0),
            check=True,
        )


def client(port, deadline, latencies, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/nous-contacter/")
    response = connection.getresponse()
    page = response.read().decode()
    if response.status != 200:
        raise SystemExit(f"/nous-contacter/ a répondu {response.status} :\n{page[:1500]}")
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "message": "Bonjour, comment devenir assistant familial ?",
            "email": "bench@example.org",
            "consent": "on",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    while time.monotonic() < deadline:
        started = time.perf_counter()
        connection.request("POST", "/nous-contacter/", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        if response.status == 302:
            latencies.append((time.perf_counter() - started) * 1000)
        else:
            errors.append(response.status)


def measure(conn_max_age: int, *, seconds: int, clients: int, workers: int) -> dict:
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "welfare.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=environment(conn_max_age),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(120):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        # Warm-up: every worker imports and connects once before the clock starts.
        client(port, time.monotonic() + 2, [], [])
        latencies, errors = [], []
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=client, args=(port, deadline, latencies, errors))
            for _ in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    latencies.sort()
    return {
        "per_second": len(latencies) / seconds,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95)],
        "errors": len(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args()
    prepare_database()
    print("| CONN_MAX_AGE | posts/s | p50 ms | p95 ms | errors |")
    print("|---|---|---|---|---|")
    try:
        for conn_max_age in (0, 60):
            result = measure(
                conn_max_age,
                seconds=arguments.seconds,
                clients=arguments.clients,
                workers=arguments.workers,
            )
            print(
                f"| {conn_max_age} | {result['per_second']:.0f} | {result['p50']:.1f} "
                f"| {result['p95']:.1f} | {result['errors']} |"
            )
    finally:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()


if __name__ == "__main__":
    main()
