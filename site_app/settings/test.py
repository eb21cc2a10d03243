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
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not env.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}
    }
WAGTAILADMIN_BASE_URL = BASE_URL = "http://testserver"
MEDIA_ROOT = Path(env.get("TEST_MEDIA_ROOT", "/tmp/samenstadmaken-test-media"))  # noqa: F405, S108
STATIC_ROOT = Path(env.get("STATIC_ROOT", "/tmp/samenstadmaken-test-static"))  # noqa: F405, S108
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
