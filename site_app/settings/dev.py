"""Local development: DEBUG on, a fixed local secret key, e-mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
