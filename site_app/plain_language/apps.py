from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlainLanguageConfig(AppConfig):
    name = "site_app.plain_language"
    label = "plain_language"
    verbose_name = _("Klare taal")

    def ready(self):
        from . import signals  # noqa: F401
