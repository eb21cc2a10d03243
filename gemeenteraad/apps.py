from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeenteraadConfig(AppConfig):
    name = "gemeenteraad"
    verbose_name = _("Gemeenteraad")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import feeds  # noqa: F401  (register the feed source)
