"""Site-wide options that editors change without a deploy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from site_app.fields import StreamField


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("tekst"), max_length=60)
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("of webadres"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Kies een pagina óf geef een webadres, niet allebei."))
                }
            )
        return value


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
