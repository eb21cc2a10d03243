"""Site-wide options that editors change without a deploy.

``SiteSettings`` is per site, not per language, so it keeps only what reads the same in every
language (organisation name, phone, e-mail, social links). The texts a reader reads in their own
language (address lines, opening hours, footer links) live in ``ContactDetails``, a translatable
snippet that wagtail-localize translates like any other; the settings point at its Dutch source
and the footer shows its translation in the reader's language (the source where not translated,
marked with its own ``lang``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin

from site_app.blocks import LinkBlock
from site_app.fields import StreamField
from site_app.localization import register_vocabulary


class ContactDetails(TranslatableMixin, models.Model):
    title = models.CharField(
        _("naam"), max_length=120, help_text=_("Alleen voor de redactie, om het blok te kiezen.")
    )
    address = models.TextField(_("adres"), blank=True)
    hours = models.CharField(_("openingsuren"), max_length=200, blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("links onderaan"), blank=True
    )

    panels = ["title", "address", "hours", "footer_links"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contactblok")
        verbose_name_plural = _("contactblokken")

    def __str__(self):
        return self.title


register_vocabulary(ContactDetails, select_related=["locale"])


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("naam van de organisatie"), max_length=120, default="Stad Gent"
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    contact = models.ForeignKey(
        ContactDetails,
        verbose_name=_("contactblok"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Adres, openingsuren en links onderaan. Vertaal het blok bij Instellingen, "
            "Contactblok: de bezoeker ziet het in zijn eigen taal."
        ),
    )
    social_links = StreamField([("link", LinkBlock())], verbose_name=_("sociale media"), blank=True)

    panels = [
        "organisation_name",
        "contact_email",
        "contact_phone",
        "contact",
        "social_links",
    ]

    class Meta:
        verbose_name = _("instellingen van de site")
