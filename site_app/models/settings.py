"""Site-wide options that editors change without a deploy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from site_app.blocks import LinkBlock
from site_app.fields import StreamField


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("naam van de organisatie"), max_length=120, default="Stad Gent"
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    contact_address = models.TextField(_("adres"), blank=True)
    contact_hours = models.CharField(_("openingsuren"), max_length=200, blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("links onderaan"), blank=True
    )
    social_links = StreamField([("link", LinkBlock())], verbose_name=_("sociale media"), blank=True)

    panels = [
        "organisation_name",
        "contact_email",
        "contact_phone",
        "contact_address",
        "contact_hours",
        "footer_links",
        "social_links",
    ]

    class Meta:
        verbose_name = _("instellingen van de site")
