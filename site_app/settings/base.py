"""Settings shared by every environment.

Everything that differs between machines comes from the environment (12-factor). An unset
variable means the embedded default: SQLite, local-memory cache, Wagtail's database search
backend, the console e-mail backend and the immediate task backend.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site_app"

env = os.environ


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


if "SECRET_KEY" in env:
    SECRET_KEY = env["SECRET_KEY"]

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "site_app",
    "site_app.plain_language",
    "home",
    "verhalen",
    "gemeenteraad",
    "adviezen",
    "wijken",
    "volgen",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "site_app.middleware.RequestMemoMiddleware",
    "site_app.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "site_app.middleware.CompressionMiddleware",
    "site_app.middleware.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "site_app.middleware.RequestSizeLimitMiddleware",
    "site_app.fallback.DefaultLanguageFallbackMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "site_app.middleware.AdminCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "site_app.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "site_app.context_processors.cache_versions",
            ],
        },
    },
]

WSGI_APPLICATION = "site_app.wsgi.application"

# Database: SQLite next to the code unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set. The cache also holds the rate-limit and login
# throttling counters, so production with several workers needs Redis (a deploy check says so).
# An unreachable or hung Redis costs one short timeout, then a circuit breaker skips it for
# REDIS_CIRCUIT_SECONDS and each worker uses its own memory (site_app.cache).
if env.get("REDIS_URL"):
    REDIS_TIMEOUT = float(env.get("REDIS_TIMEOUT", "0.25"))
    CACHES = {
        "default": {
            "BACKEND": "site_app.cache.ResilientRedisCache",
            "LOCATION": env["REDIS_URL"],
            "KEY_PREFIX": "ssm",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "CIRCUIT_BREAKER_SECONDS": float(env.get("REDIS_CIRCUIT_SECONDS", "30")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "samen-stad-maken",
        }
    }

# Search: Wagtail's database backend (on PostgreSQL with each language's text search config),
# or Elasticsearch 8 with one index per language when ELASTICSEARCH_URL is set (search/backends).
if env.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": env.get("ELASTICSEARCH_INDEX_PREFIX", "samenstadmaken_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Background work (e-mail, search index updates): django-tasks, run immediately by default.
# Production: TASKS_BACKEND=django_tasks_db.DatabaseBackend and `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# E-mail: EMAIL_URL (e.g. smtp+tls://user:password@mail.example.org:587) or the console.
EMAIL_CONFIG = dj_email_url.parse(env.get("EMAIL_URL", "console://"))
vars().update(EMAIL_CONFIG)
# One-click unsubscribe of the e-mail alerts may also offer a mailto (RFC 8058, optional).
VOLGEN_UNSUBSCRIBE_MAILTO = env.get("VOLGEN_UNSUBSCRIBE_MAILTO", "")
DEFAULT_FROM_EMAIL = env.get(
    "DEFAULT_FROM_EMAIL", "Samen stad maken <noreply@samenstadmaken.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Login throttling (site_app.throttle): after LOGIN_THROTTLE_LIMIT wrong passwords a client is
# refused for LOGIN_THROTTLE_SECONDS, in the admin and for page and document passwords.
AUTHENTICATION_BACKENDS = ["site_app.throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "site_app.throttle.LoginForm"
LOGIN_THROTTLE_LIMIT = int(env.get("LOGIN_THROTTLE_LIMIT", "5"))
LOGIN_THROTTLE_SECONDS = int(env.get("LOGIN_THROTTLE_SECONDS", "900"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Dutch is the source language; the others are translations.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("fr", "Français"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_ROOT_FROM_ENV = "MEDIA_ROOT" in env

# Wagtail
WAGTAIL_SITE_NAME = "Samen stad maken"
WAGTAILADMIN_BASE_URL = env.get("BASE_URL", "http://127.0.0.1:8000")
BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate this page" makes a draft: a translation goes live only when an editor publishes
# it (wagtail-localize would otherwise copy the source's live status, publishing Dutch text
# on the Arabic site at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No Gravatar: it would send a hash of each editor's e-mail address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_HITS_MAX_AGE = 14
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies: a public form takes at most 1 MiB (it has no file fields; the 413 page is
# sent before the body is read); the admin takes the largest upload plus its form.
# DATA_UPLOAD_MAX_MEMORY_SIZE bounds the non-file part everywhere; uploads above
# FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file instead of memory.
MAX_REQUEST_BODY_PUBLIC = int(env.get("MAX_REQUEST_BODY_PUBLIC", 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Images: raster only (no SVG: it can carry scripts); bounded in bytes and in pixels.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents go through Wagtail's serve view (permission checks, no direct media links).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "odt",
    "ods",
    "docx",
    "xlsx",
    "csv",
    "txt",
    "mp3",
    "ogg",
    "m4a",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
MAX_REQUEST_BODY_ADMIN = WAGTAILDOCS_MAX_UPLOAD_SIZE + DATA_UPLOAD_MAX_MEMORY_SIZE
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No version check against wagtail.org from every editor's browser (the admin's CSP would
# block it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Security headers that hold everywhere; production.py adds HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy for the public site. Nothing is loaded from another origin and no
# inline script runs. The Wagtail admin keeps its own needs and is excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": ["/csp-report/"],
    },
}
# The admin's own policy (site_app.middleware.AdminCSPMiddleware): scripts only from this
# origin, no plugins, no framing by others. Wagtail 8's admin still sets inline styles (and
# its rich-text editor needs them), so style-src allows those; blob: is for image previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "report-uri": ["/csp-report/"],
}

# Browser features nobody needs on this site are off for it and for every embed; only
# fullscreen stays, for the embedded video players.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "browsing-topics=()",
        "camera=()",
        "display-capture=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")',
    ]
)

# Branded error pages (site_app.errors); the CSRF failure keeps the person's text.
CSRF_FAILURE_VIEW = "site_app.errors.csrf_failure"

# The shared cache in front of the site (deploy/nginx.conf.template). Pages are kept until
# Wagtail purges them on publish (site_app.frontend_cache); URLs with a query string, which
# are not purged one by one, for a short time. Browsers keep a page for a minute.
CACHE_PAGE_SECONDS = int(env.get("CACHE_PAGE_SECONDS", "600"))
CACHE_QUERY_SECONDS = int(env.get("CACHE_QUERY_SECONDS", "60"))
CACHE_BROWSER_SECONDS = int(env.get("CACHE_BROWSER_SECONDS", "60"))
if env.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "site_app.frontend_cache.NginxPurgeBackend",
            "LOCATION": env["FRONTEND_CACHE_URL"],
        }
    }

# /.well-known/security.txt (RFC 9116).
SECURITY_CONTACTS = env_list("SECURITY_CONTACT", "mailto:security@samenstadmaken.example")
SECURITY_POLICY_URL = env.get("SECURITY_POLICY_URL", "")
SECURITY_TXT_DAYS = 180

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
}

# Public forms rate-limit per client address. Behind a proxy or CDN, name the request header
# that carries the visitor's address (HTTP_X_REAL_IP, or HTTP_X_FORWARDED_FOR) and how many
# trusted proxies append to it; unset means REMOTE_ADDR (see site_app.public_forms).
CLIENT_IP_HEADER = env.get("CLIENT_IP_HEADER", "")
TRUSTED_PROXY_COUNT = int(env.get("TRUSTED_PROXY_COUNT", "1"))
