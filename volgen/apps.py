from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolgenConfig(AppConfig):
    name = "volgen"
    verbose_name = _("Volgen")

    def ready(self):
        from . import signals  # noqa: F401 - alerts on publish
