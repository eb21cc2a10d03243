from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    """What a wijk page shows beside its news: contacts, places, figures, projects, streets."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "wijken"
    verbose_name = _("Wijken")
