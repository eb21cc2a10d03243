import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings.dev")

application = get_wsgi_application()


def _refuse_to_start_half_configured() -> None:
    """gunicorn runs no system checks: in production, run them and stop on an error."""
    from django.conf import settings
    from django.core.checks import ERROR, run_checks
    from django.core.exceptions import ImproperlyConfigured

    if not getattr(settings, "PRODUCTION", False):
        return
    errors = [
        error
        for error in run_checks(include_deployment_checks=True)
        if error.level >= ERROR and not error.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("\n".join(str(error) for error in errors))


_refuse_to_start_half_configured()
