"""Django settings. Deployment-specific values come from `twinning.config` (environment)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from twinning import config as twinning_config

CONFIG = twinning_config.load()
BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = CONFIG.data_dir

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
ALLOWED_HOSTS = CONFIG.allowed_hosts

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves Swagger UI from its own static files, so /api/docs works offline
    "axes",
    "twinning.common",
    "twinning.accounts",
    "twinning.directory",
    "twinning.programmes",
    "twinning.pairing",
    "twinning.library",
    "twinning.ingest",
    "twinning.calls",
    "twinning.privacy",
    "twinning.exchanges",
    "twinning.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "twinning.audit.middleware.AuditChannelMiddleware",
]

ROOT_URLCONF = "twinning.urls"
WSGI_APPLICATION = "twinning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str) -> dj_database_url.DBConfig:
    # Connections are kept per thread between requests: opening SQLite (its pragmas, parsing the
    # schema) cost more than serving a cached page (ADR 0023).
    database = dj_database_url.parse(url, conn_max_age=60 if not url.startswith("sqlite") else 600)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        database["OPTIONS"] = {
            # WAL lets readers go on while a background worker writes; IMMEDIATE avoids
            # "database is locked" upgrades when two writers race.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
            "transaction_mode": "IMMEDIATE",
        }
    return database


DATABASES = {"default": _database(CONFIG.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "twinning.accounts.throttling.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in lockout (ADR 0005): 5 failures per account and client address, 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "twinning.accounts.throttling.locked_out"
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["twinning.formats"]  # English dates as 1 December 2026, 14:00

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request without it
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
TWINNING_MAX_UPLOAD_BYTES = CONFIG.max_upload_bytes
TWINNING_RETENTION_DAYS = CONFIG.retention_days

EMAIL_BACKEND = CONFIG.email_backend
DEFAULT_FROM_EMAIL = "Twinning <noreply@twinning.invalid>"

# Per process; what may be served from it is decided by a counter in the database (common.cache).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}
TWINNING_PAGE_CACHE_SECONDS = CONFIG.page_cache_seconds
# Mail rate limits must be counted across web processes: a cache on disk they all share.
CACHES["ratelimit"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": str(DATA_DIR / "cache" / "ratelimit"),
}
RATELIMIT_USE_CACHE = "ratelimit"

TASKS = {"default": {"BACKEND": CONFIG.task_backend, "QUEUES": ["default"]}}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts and styles only from our own static files (no inline script, no eval, no style
# attribute or <style> block: ADR 0018, 0023). Everything else from this site only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features no page uses are switched off for the site and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
# TWINNING_HTTPS=1: cookies only over HTTPS, and browsers told to keep to HTTPS for a year.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = CONFIG.https
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if CONFIG.https else 0
if CONFIG.https:
    # Behind a TLS proxy: trust its X-Forwarded-Proto, so the CSRF Origin check sees https.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    CSRF_TRUSTED_ORIGINS = CONFIG.csrf_trusted_origins or [
        f"https://{host}" for host in ALLOWED_HOSTS if host and not host.startswith(".")
    ]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # The worker logs every task at INFO; only warnings and failures reach the terminal,
        # so the server's address stays in view.
        "quiet_console": {"class": "logging.StreamHandler", "level": "WARNING"},
    },
    "loggers": {
        "twinning": {"handlers": ["console"], "level": "INFO"},
        "django_tasks": {"handlers": ["quiet_console"], "propagate": False},
        "django_tasks_db": {"handlers": ["quiet_console"], "propagate": False},
    },
}

# Sentence embeddings for matching: "use" (multilingual, offline) or "hashing" (cheap, for tests).
TWINNING_MATCHING_EMBEDDER = CONFIG.matching_embedder

# The address every link in an e-mail, a calendar feed or an export is built from.
TWINNING_SITE_URL = CONFIG.site_url

# The embedded search index (tantivy + faiss, ADR 0030), derived from the chunk table.
TWINNING_SEARCH_INDEX_DIR = DATA_DIR / "search-index"
TWINNING_SEARCH_INDEX_BUILD_FROM = CONFIG.search_index_build_from  # chunks (ADR 0030)
