"""Pictograms: a translatable label (which is the alt text), keywords, and a picture.

The picture is either one of the SVG files we ship in ``static/pictograms/`` (chosen by name,
so no SVG is ever uploaded) or a raster image from the image library.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app.localization import register_vocabulary


def shipped_pictogram_choices():
    from site_app.pictogram_catalogue import PICTOGRAMS

    return [(item["name"], item["labels"]["nl"]) for item in PICTOGRAMS]


class Pictogram(TranslatableMixin, index.Indexed, models.Model):
    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_("Wat het pictogram toont, in een paar woorden. Dit is ook de alt-tekst."),
    )
    keywords = models.CharField(
        _("trefwoorden"),
        max_length=255,
        blank=True,
        help_text=_("Woorden waarop redacteurs het pictogram vinden, gescheiden door komma's."),
    )
    shipped_name = models.CharField(
        _("meegeleverd pictogram"),
        max_length=50,
        blank=True,
        choices=shipped_pictogram_choices,
        help_text=_("Kies een pictogram uit de vaste set van de site, of laad een beeld op."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("eigen beeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een PNG, JPEG of WebP; vierkant, minstens 96 × 96 pixels."),
    )

    panels = ["label", "keywords", "shipped_name", "image"]
    search_fields = [
        index.SearchField("label"),
        index.SearchField("keywords"),
        index.AutocompleteField("label"),
        index.AutocompleteField("keywords"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        TranslatableField("label"),
        TranslatableField("keywords"),
        SynchronizedField("shipped_name"),
        SynchronizedField("image"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pictogram")
        verbose_name_plural = _("pictogrammen")
        ordering = ["label"]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if bool(self.shipped_name) == bool(self.image_id):
            raise ValidationError(
                _("Kies een meegeleverd pictogram óf een eigen beeld, niet allebei en niet geen.")
            )

    @property
    def url(self) -> str:
        if self.shipped_name:
            return static(f"pictograms/{self.shipped_name}.svg")
        return self.image.get_rendition("fill-96x96|format-png").url


register_vocabulary(Pictogram, select_related=["image"])
