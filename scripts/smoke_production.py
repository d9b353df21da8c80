"""Production smoke test: the README's production section, followed as an operator would.

Run by .ci/run against the machine's PostgreSQL and Redis: DEBUG off, a generated SECRET_KEY,
collectstatic, migrate, the first administrator made with createsuperuser, gunicorn, a Celery
worker and beat. Then, over plain HTTP: the public home, the login page and a static file it
names answer 200; the administrator logs in, enrols the second factor that production requires
of him, and reaches a staff page and the admin; /sante/ answers 200 once the worker has shown
itself. Any failure stops with a one-line reason and the servers' logs.

    .venv/bin/python scripts/smoke_production.py
"""

import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from production import free_port, production_environment, recreate_database

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DATABASE = "welfare_smoke"
ADMIN = "premier.admin"
PASSWORD = secrets.token_urlsafe(16)


def fail(message: str):
    raise SystemExit(f"Échec du test de production : {message}")


def environment(work: Path) -> dict:
    return production_environment(
        DATABASE_URL=os.environ.get(
            "SMOKE_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
        ),
        CELERY_BROKER_URL=os.environ.get("SMOKE_BROKER_URL", "redis://127.0.0.1:6379/2"),
        CACHE_URL=os.environ.get("SMOKE_CACHE_URL", "redis://127.0.0.1:6379/3"),
        MEDIA_ROOT=str(work / "media"),
        STATIC_ROOT=str(work / "static"),
        EMAIL_URL="consolemail://",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        DJANGO_SUPERUSER_EMAIL="admin@example.org",
    )


def run(env, *command):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Browser:
    """Cookies and CSRF tokens over urllib, without following redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if data is not None:
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def expect(self, path, status, data=None):
        code, headers, body = self.request(path, data)
        if code != status:
            fail(f"{path} a répondu {code} au lieu de {status}\n{body[:2000]}")
        return headers, body

    def csrf(self, body) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not match:
            fail("jeton CSRF absent du formulaire")
        return match.group(1)


def totp(readable_key: str, at: float) -> str:
    """RFC 6238 (30 s, 6 digits, SHA-1), as the authentication applications compute it."""
    compact = readable_key.replace(" ", "")
    key = base64.b32decode(compact + "=" * (-len(compact) % 8))
    counter = struct.pack(">Q", int(at // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def wait_for(check, what: str, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    fail(f"{what} : pas de réponse après {seconds:.0f} s")


def journey(base: str):
    browser = Browser(base)
    browser.expect("/", 200)
    _, login_page = browser.expect("/connexion/", 200)
    stylesheet = re.search(
        r'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]+\.css)"', login_page
    )
    if not stylesheet:
        fail("la page de connexion ne nomme pas la feuille de style hachée de collectstatic")
    headers, _ = browser.expect(stylesheet.group(1), 200)
    if "immutable" not in headers.get("Cache-Control", ""):
        fail("le fichier statique haché n'est pas servi comme immuable par whitenoise")

    headers, _ = browser.expect(
        "/connexion/",
        302,
        {"csrfmiddlewaretoken": browser.csrf(login_page), "username": ADMIN, "password": PASSWORD},
    )
    # Production asks the administrator for a second factor: enrol it as he would.
    headers, _ = browser.expect("/espace/", 302)
    if not headers["Location"].startswith("/compte/double-authentification/"):
        fail(f"après connexion, /espace/ renvoie vers {headers['Location']}")
    _, setup = browser.expect("/compte/double-authentification/", 200)
    key = re.search(r'<code class="fs-6 user-select-all">([A-Z2-7 ]+)</code>', setup)
    if not key:
        fail("la clé d'enrôlement n'apparaît pas sur la page de double authentification")
    browser.expect(
        "/compte/double-authentification/",
        302,
        {
            "csrfmiddlewaretoken": browser.csrf(setup),
            "token": totp(key.group(1), time.time()),
            "next": "",
        },
    )
    headers, home = browser.expect("/espace/", 200)
    if ADMIN not in home:
        fail("la page d'accueil du personnel ne montre pas le compte connecté")
    if "no-store" not in headers.get("Cache-Control", ""):
        fail("la page d'accueil du personnel est envoyée sans Cache-Control: no-store")
    browser.expect("/admin/", 200)

    def healthy():
        code, _, body = browser.request("/sante/")
        return code == 200 and json.loads(body)["status"] == "ok"

    wait_for(healthy, "/sante/", 90)


def main():
    work = Path(tempfile.mkdtemp(prefix="smoke-production-"))
    env = environment(work)
    python = str(BIN / "python")
    processes = []
    logs = []
    try:
        recreate_database(env["DATABASE_URL"])
        # The README's production section, in its order.
        run(env, python, "manage.py", "migrate", "--noinput")
        run(env, python, "manage.py", "collectstatic", "--noinput")
        run(env, python, "manage.py", "createsuperuser", "--noinput", "--username", ADMIN)
        port = free_port()
        commands = {
            "gunicorn": [
                str(BIN / "gunicorn"),
                "welfare.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            "worker": [str(BIN / "celery"), "-A", "welfare", "worker", "--concurrency=2"],
            "beat": [
                str(BIN / "celery"),
                "-A",
                "welfare",
                "beat",
                "--schedule",
                str(work / "beat"),
            ],
        }
        for name, command in commands.items():
            log = open(work / f"{name}.log", "w")  # noqa: SIM115 — kept open for the process' life
            logs.append((name, log))
            processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        base = f"http://127.0.0.1:{port}"

        def serving():
            try:
                with urllib.request.urlopen(base + "/", timeout=5):
                    return True
            except (OSError, urllib.error.URLError):
                return False

        wait_for(serving, "gunicorn", 60)
        journey(base)
        print(
            "Test de production réussi : pages publiques, statiques, connexion, admin et /sante/."
        )
    except SystemExit:
        for name, log in logs:
            log.flush()
            print(f"--- {name} ---\n{(work / f'{name}.log').read_text()[-4000:]}", file=sys.stderr)
        raise
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for _, log in logs:
            log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
