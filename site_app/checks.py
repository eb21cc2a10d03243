"""Production refuses to run on the embedded defaults that only suit one developer.

Registered for every command when ``settings.PRODUCTION`` is true (``settings.production``), so
``manage.py check --deploy``, ``migrate`` and the WSGI start-up (``site_app.wsgi``) all fail
with an error that says what to set. Each default here works on a laptop and silently loses
something in production: mail printed to a log, a rate limit per worker, background work that
runs in the request (and is lost when it fails), uploads no web server serves.
"""

import os

from django.conf import settings
from django.core.checks import Error, register

LOCAL_MAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}
LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}
IN_PROCESS_TASKS = {
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
}


@register()
def production_dependencies(app_configs, **kwargs):
    if not getattr(settings, "PRODUCTION", False):
        return []
    errors = []
    if settings.EMAIL_BACKEND in LOCAL_MAIL:
        errors.append(
            Error(
                "Mail is not sent: the e-mail backend only prints or keeps it "
                f"({settings.EMAIL_BACKEND}).",
                hint="Set EMAIL_URL to the SMTP server, e.g. "
                "smtp+tls://user:password@mail.example.org:587.",
                id="site_app.E001",
            )
        )
    if settings.CACHES["default"]["BACKEND"] in LOCAL_CACHES:
        errors.append(
            Error(
                "The cache is local to each worker, so rate limits and login throttling do "
                "not hold across workers.",
                hint="Set REDIS_URL, e.g. redis://redis.internal:6379/0.",
                id="site_app.E002",
            )
        )
    if settings.TASKS["default"]["BACKEND"] in IN_PROCESS_TASKS:
        errors.append(
            Error(
                "Background work (mail, search index updates) runs inside the request or "
                "not at all, and is lost when it fails.",
                hint="Set TASKS_BACKEND=django_tasks_db.DatabaseBackend and run "
                "`manage.py db_worker` beside the web server.",
                id="site_app.E003",
            )
        )
    errors.extend(_media_errors())
    return errors


def _media_errors():
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend != "django.core.files.storage.FileSystemStorage":
        return []  # another storage (e.g. S3 through django-storages) brings its own settings
    hint = (
        "Set MEDIA_ROOT to the shared directory the web server serves at /media/ "
        "(see deploy/nginx.conf.template)."
    )
    if not getattr(settings, "MEDIA_ROOT_FROM_ENV", False):
        return [
            Error(
                "MEDIA_ROOT is not set, so uploads would land inside the code checkout.",
                hint=hint,
                id="site_app.E004",
            )
        ]
    root = str(settings.MEDIA_ROOT)
    if not (os.path.isdir(root) and os.access(root, os.W_OK)):
        return [
            Error(
                f"MEDIA_ROOT ({root}) is not a writable directory.",
                hint=hint,
                id="site_app.E005",
            )
        ]
    return []
