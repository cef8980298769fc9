"""Settings for Newsroom, read from the environment.

Unset, they give a local development site on SQLite. See README.md, "Configuration".
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_float(name, default):
    value = os.environ.get(name, "")
    try:
        return float(value) if value.strip() else float(default)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", default=True)

_DEVELOPMENT_SECRET_KEY = "django-insecure-newsroom-local-development-only"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or _DEVELOPMENT_SECRET_KEY
if not DEBUG and SECRET_KEY == _DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off."
    )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# HTTPS and browser protections: on by default in production (see README.md, "Deploying").
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
if "DJANGO_SECURE_SSL_REDIRECT" in os.environ and not SECURE_SSL_REDIRECT:
    # Turned off on purpose: a proxy redirects to HTTPS, or the site is tried over HTTP.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
#: The header a TLS-terminating proxy sets on HTTPS requests, e.g.
#: "HTTP_X_FORWARDED_PROTO,https"; only behind a proxy that always sets or strips it.
SECURE_PROXY_SSL_HEADER = tuple(env_list("DJANGO_SECURE_PROXY_SSL_HEADER")) or None
if SECURE_PROXY_SSL_HEADER and (
    len(SECURE_PROXY_SSL_HEADER) != 2 or not SECURE_PROXY_SSL_HEADER[0].startswith("HTTP_")
):
    raise ImproperlyConfigured(
        "DJANGO_SECURE_PROXY_SSL_HEADER must be a request header as Django names it and "
        "its value on HTTPS requests, e.g. 'HTTP_X_FORWARDED_PROTO,https'."
    )
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
#: Scripts, styles and images from this site only; Django's admin marks its own tags
#: with the request's nonce. Public pages never use one, so cached copies stay valid.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_countries",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "core",
    "people",
    "editorial",
    "articles",
    "meetings",
    "search",
    "ingest",
    "api",
    "sitebackups",
    "exports",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.caching.PublicPageCacheMiddleware",
    # Inside the page cache: pages are cached compressed, one copy per Accept-Encoding.
    "core.compression.GZipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

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
                "django.template.context_processors.csp",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets readers go on while one request writes; IMMEDIATE
    # transactions take the write lock up front instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }


def cache_from_url(url):
    """CACHES["default"] from a URL: redis://, rediss:// or unix:// (Redis), locmem://,
    dummy://."""
    scheme = url.split(":", 1)[0]
    if scheme in {"redis", "rediss", "unix"}:
        return {
            # Django's Redis cache, made to degrade (newsroom/cache.py): with Redis away
            # the site answers as without a cache, after at most one short timeout per
            # worker every NEWSROOM_CACHE_RETRY_SECONDS.
            "BACKEND": "newsroom.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {
                "socket_connect_timeout": env_float("NEWSROOM_CACHE_CONNECT_TIMEOUT", 0.25),
                "socket_timeout": env_float("NEWSROOM_CACHE_TIMEOUT", 0.25),
                "failure_threshold": int(os.environ.get("NEWSROOM_CACHE_FAILURES", "3")),
                "retry_seconds": env_float("NEWSROOM_CACHE_RETRY_SECONDS", 10),
            },
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with redis://, rediss://, unix://, locmem:// or dummy://, "
        f"not {scheme}://."
    )


#: The shared cache: local memory by default (one process), Redis in production.
CACHES = {
    "default": cache_from_url(
        os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or "locmem://"
    )
}
#: Anonymous pages are kept this long at most; a content change replaces them at once.
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "600"))
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"
CACHE_MIDDLEWARE_ALIAS = "default"
#: Rendered fragments of public pages (core/fragments.py) are kept this long at most;
#: a change sets aside those that show what changed. 0 turns them off.
NEWSROOM_FRAGMENT_SECONDS = int(os.environ.get("NEWSROOM_FRAGMENT_CACHE_SECONDS", "86400"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
#: Interface languages; a reader's browser picks one (content has its own languages).
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
#: While developing, WhiteNoise serves files straight from the apps' static folders.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
#: In production, static files carry a hash of their content in their names and are
#: served compressed by WhiteNoise (`make serve` collects them first).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

#: Small uploads are read in memory, larger ones into a temporary file; an upload the
#: disk has no room for is refused with a message, not a 500 (ingest/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "ingest.uploads.TemporaryFileUploadHandler",
]

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

LOGIN_URL = "admin:login"

#: Where the admin lives: a path such as "admin/" or "desk-7f3a/".
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/")
if not re.fullmatch(r"(\w[\w.~-]*/)+", ADMIN_URL):
    raise ImproperlyConfigured(
        "DJANGO_ADMIN_URL must be a path such as 'admin/' or 'desk-7f3a/', ending with '/' "
        f"and not starting with '/'; it is {ADMIN_URL!r}."
    )

# Logins: after repeated failures, a username is locked out from that IP address for a
# while (django-axes); `manage.py axes_reset` lifts every lock, `axes_reset_username`
# one account's. The attempts stay out of the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_ENABLE_ADMIN = False
#: Proxies in front of the app servers (a load balancer: 1), each adding the address it
#: was asked from to X-Forwarded-For.
PROXY_COUNT = int(os.environ.get("NEWSROOM_PROXY_COUNT", "0"))


def client_address(request):
    """The reader's address: behind PROXY_COUNT proxies, the one the outermost proxy
    saw (what a client wrote into X-Forwarded-For itself comes before it, unused).
    Otherwise every login would seem to come from the proxy, and one reader could lock
    an editor out from everywhere."""
    forwarded = [
        address.strip() for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    if PROXY_COUNT and len(forwarded) >= PROXY_COUNT and forwarded[-PROXY_COUNT]:
        return forwarded[-PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = client_address

#: Errors (a 500's traceback), warnings (a 404) and what Django logs at
#: DJANGO_LOG_LEVEL go to stderr: the console in development, gunicorn's log in
#: production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "[%(levelname)s] %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {
            "handlers": ["stderr"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

SITE_NAME = "Newsroom"
#: The site's address, for the absolute links of the open-data archive, which is built
#: outside any request (`manage.py build_archive`).
SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
#: Where the open-data archive's versions are written and served from, and how many of
#: them are kept (the exports app).
OPEN_DATA_DIR = Path(os.environ.get("NEWSROOM_OPEN_DATA_DIR") or BASE_DIR / "opendata")
OPEN_DATA_KEEP = int(os.environ.get("NEWSROOM_OPEN_DATA_KEEP", "7"))

# The read-only JSON API under /api/v1/ (the api app): public, JSON only, documented by
# drf-spectacular with Swagger UI served from drf-spectacular-sidecar's static files.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": (
        "Published reports on states' meetings with UN human-rights bodies, their "
        "translations, the desk's meeting summaries, and the people, organizations and "
        "outlets they name. Read-only; no authentication."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # A slug in an address is documented with its pattern: any other segment answers 404.
    "PATH_CONVERTER_OVERRIDES": {"slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}},
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "core.languages.LANGUAGES",
        "MeetingKindEnum": "meetings.models.Meeting.Kind",
        "OrganizationKindEnum": "people.models.Organization.Kind",
    },
}
