from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeenteraadConfig(AppConfig):
    name = "gemeenteraad"
    verbose_name = _("Gemeenteraad")
