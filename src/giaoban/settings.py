"""Django settings for giaoban, read from the environment.

Defaults suit a single office machine: an embedded SQLite database under
var/, Vietnamese UI, Asia/Ho_Chi_Minh time.  Production sets DATABASE_URL
(PostgreSQL), SECRET_KEY and ALLOWED_HOSTS.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(os.environ.get("GIAOBAN_HOME", Path(__file__).resolve().parents[2]))
VAR_DIR = Path(os.environ.get("GIAOBAN_VAR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")
# pytest imports the settings before any test runs; tests never need a real secret.
TESTING = "pytest" in sys.modules
DEMO = env_bool("GIAOBAN_DEMO")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING or DEMO):
        raise ImproperlyConfigured(
            "Thiếu biến môi trường SECRET_KEY: hãy đặt SECRET_KEY (một chuỗi bí mật dài, ngẫu nhiên) "
            "khi chạy ở chế độ vận hành, hoặc DEBUG=true khi phát triển."
        )
    SECRET_KEY = "giaoban-insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
CSRF_FAILURE_VIEW = "giaoban.core.views.csrf_failure"  # Vietnamese, and says what to do next

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "giaoban.core",
    "giaoban.organisations",
    "giaoban.periods",
    "giaoban.accounts",
    "giaoban.meetings",
    "giaoban.directives",
    "giaoban.recording",
    "giaoban.notifications",
    "giaoban.reports",
    "giaoban.documents",
    "giaoban.search",
    "giaoban.dashboard",
    # --- REST API (issue 14) ---
    "ninja",  # its Swagger UI files are served from static/, never from a CDN
    "giaoban.interchange",
    "giaoban.webhooks",
    "giaoban.api",
    "giaoban.synth",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "giaoban.urls"
WSGI_APPLICATION = "giaoban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "giaoban.core.context_processors.site",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'giaoban.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write
        # lock at BEGIN so two writers queue instead of failing mid-transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# The cache is shared by every app server (the dashboard per set of bodies):
# a table in the database by default (created by `giaoban migrate`, core/migrations/0002), or
# Redis when REDIS_URL is set (then `pip install redis`; nothing else changes).
CACHE_TABLE = "giaoban_cache"
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "giaoban"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE,
                          "OPTIONS": {"MAX_ENTRIES": 20_000}}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "vi")
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
# Django's own Vietnamese short date is d-m-Y; offices write dd/mm/yyyy.
FORMAT_MODULE_PATH = ["giaoban.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads: attachments are office documents, not videos.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
GIAOBAN_MAX_UPLOAD_BYTES = int(os.environ.get("GIAOBAN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
GIAOBAN_UPLOAD_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "txt", "jpg", "jpeg", "png"]

# Absolute links in e-mails (reminders): e.g. https://giaoban.tinh.gov.vn
GIAOBAN_SITE_URL = os.environ.get("GIAOBAN_SITE_URL", "")

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or DEMO
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "giaoban@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG and not TESTING and not DEMO:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Everything is self-hosted (htmx included): no CDN, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Production setup: worker, static files, uploads, /healthz, request logs --------------------
# (docs/deployment.md; the files under deploy/ use these variables)
# The one production switch, shared with the security settings below: GIAOBAN_ENV=production.
GIAOBAN_ENV = os.environ.get("GIAOBAN_ENV", "development").strip().lower()
PRODUCTION = GIAOBAN_ENV == "production"

INSTALLED_APPS += ["django_tasks", "django_tasks_db", "giaoban.operations"]
# First, so the logged duration and status include every other middleware.
MIDDLEWARE.insert(0, "giaoban.operations.middleware.RequestLogMiddleware")
# Right after SecurityMiddleware, as WhiteNoise asks: static files need no proxy rule.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "whitenoise.middleware.WhiteNoiseMiddleware")

STORAGES = {
    "default": {"BACKEND": "giaoban.operations.storage.MediaStorage"},
    # Hashed, compressed names need `collectstatic`; development and tests use the app folders.
    # STATIC_MANIFEST=false serves a source checkout without collectstatic (the fault tests do).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
                    if env_bool("STATIC_MANIFEST", PRODUCTION)
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", PRODUCTION)

# GIAOBAN_WORKER=true: e-mails are queued in the database for `giaoban worker`.
GIAOBAN_WORKER = env_bool("GIAOBAN_WORKER")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend" if GIAOBAN_WORKER
                     else "django_tasks.backends.immediate.ImmediateBackend"}}
GIAOBAN_WORKER_BEAT_SECONDS = int(os.environ.get("GIAOBAN_WORKER_BEAT_SECONDS", "15"))
GIAOBAN_WORKER_STALE_SECONDS = int(os.environ.get("GIAOBAN_WORKER_STALE_SECONDS", "60"))

# LOG_FORMAT=json (the default outside development): one JSON object per line for journald.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "giaoban.operations.jsonlog.JsonFormatter"},
                   "text": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler",
                             "formatter": os.environ.get("LOG_FORMAT", "text" if DEBUG or DEMO else "json")}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"giaoban.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")}},
}

# ---------------------------------------------------------------------------
# Security: login throttling, passwords, sessions, HTTPS, audit (issue 17).
# Kept in one block on purpose so that deployment changes elsewhere in this
# file do not collide with it.  docs/security.md explains every variable.
# ---------------------------------------------------------------------------
from datetime import timedelta  # noqa: E402 — belongs to this block

# "production" (GIAOBAN_ENV, above) switches on every HTTPS setting that `check --deploy` asks for.
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("GIAOBAN_ENV=production không chạy được với DEBUG=true: hãy bỏ DEBUG.")

INSTALLED_APPS += ["axes"]
MIDDLEWARE += [
    "giaoban.core.security.SlidingSessionMiddleware",
    "giaoban.core.security.PrivateCacheMiddleware",
    # Last, as django-axes asks: it turns a lockout into the login page with its message.
    "axes.middleware.AxesMiddleware",
]
# AxesStandaloneBackend first: it refuses a locked-out username+address before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]

# Login throttling in the database, so every app server behind the proxy sees the same failures.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("GIAOBAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("GIAOBAN_LOGIN_COOLOFF_MINUTES", "15")))
# Username AND address: a stranger guessing one account cannot lock its owner out from the office.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "giaoban.accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "giaoban.accounts.throttling.client_ip"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # logins are kept in the audit log (accounts.AuditEvent)
# Behind Caddy/nginx the client's address is the last one the proxies appended to X-Forwarded-For.
GIAOBAN_PROXY_COUNT = int(os.environ.get("GIAOBAN_PROXY_COUNT", "1" if PRODUCTION else "0"))

# Django's four validators (Vietnamese messages in accounts/passwords.py), at least 10 characters.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "giaoban.accounts.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "giaoban.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "giaoban.accounts.passwords.CommonPasswordValidator"},
    {"NAME": "giaoban.accounts.passwords.NumericPasswordValidator"},
]

# A session ends when the browser closes or after GIAOBAN_SESSION_IDLE_MINUTES without a request:
# the stored expiry is pushed forward at most once a minute (core/security.py), not on every page.
GIAOBAN_SESSION_IDLE_MINUTES = int(os.environ.get("GIAOBAN_SESSION_IDLE_MINUTES", "60"))
SESSION_COOKIE_AGE = GIAOBAN_SESSION_IDLE_MINUTES * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

if PRODUCTION:
    # TLS ends at the proxy, which must set X-Forwarded-Proto (docs/security.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("GIAOBAN_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("GIAOBAN_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("GIAOBAN_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("GIAOBAN_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # /healthz answers the load balancer over plain HTTP inside the server.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]


# --- REST API (issue 14) ---
# Requests per minute per API token; counted on the token's row in the database (api/auth.py), so every
# app server counts against one allowance.
GIAOBAN_API_RATE_LIMIT = int(os.environ.get("GIAOBAN_API_RATE_LIMIT", "120"))
NINJA_PAGINATION_MAX_LIMIT = 200
