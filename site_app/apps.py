from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteAppConfig(AppConfig):
    name = "site_app"
    verbose_name = _("Gedeelde kern")

    def ready(self):
        from . import checks, frontend_cache, signals, throttle  # noqa: F401
