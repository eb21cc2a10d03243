"""Test settings: fast hashing, plain static storage, isolated cache, no real mail."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if not env.get("EMAIL_URL"):  # the browser tests' server sends to the tests' SMTP server
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not env.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}
    }
WAGTAILADMIN_BASE_URL = BASE_URL = "http://testserver"
MEDIA_ROOT = Path(env.get("TEST_MEDIA_ROOT", "/tmp/samenstadmaken-test-media"))  # noqa: F405, S108
STATIC_ROOT = Path(env.get("STATIC_ROOT", "/tmp/samenstadmaken-test-static"))  # noqa: F405, S108
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# A test-only content type that is not a page (tests of non-page feed sources).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.feed_source_app"]  # noqa: F405
