"""The two taxonomies every public content type carries: themes and wijken.

Both are translatable snippets. Content always points at the source-language (Dutch) rows;
wagtail-localize copies those links into translations unchanged, so filtering by a term's
``translation_key`` works in every language, and display looks up the term's translation
through :mod:`site_app.localization` (both are vocabularies there: cached per language).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app.localization import register_vocabulary

postcodes_validator = RegexValidator(
    r"^\d{4}(\s*,\s*\d{4})*$", _("Geef postcodes van vier cijfers, gescheiden door komma's.")
)


class Zone(models.TextChoices):
    BINNENSTAD = "binnenstad", _("Binnenstad")
    GORDEL_19 = "gordel-19", _("19e-eeuwse gordel")
    GORDEL_20 = "gordel-20", _("20ste-eeuwse gordel")


class TranslatableSlugMixin(TranslatableMixin):
    """A translatable model whose ``slug`` is unique within each language.

    Translations keep the source's slug (a SynchronizedField), so one slug names the same
    thing in every language: in feed URLs, filters and glossary anchors.
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="%(app_label)s_%(class)s_unique_slug_per_locale",
                violation_error_message=_("Deze slug is al in gebruik."),
            )
        ]


class TaxonomyTerm(TranslatableSlugMixin, index.Indexed, models.Model):
    """Shared shape of Theme and Wijk: a translatable name with a language-neutral slug."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Korte naam in het webadres, bijvoorbeeld in /feeds/thema/<slug>/."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableSlugMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    pictogram = models.ForeignKey(
        "site_app.Pictogram",
        verbose_name=_("pictogram"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(
        _("korte beschrijving"), max_length=300, blank=True, help_text=_("Eén of twee zinnen.")
    )

    panels = ["name", "slug", "pictogram", "description"]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("pictogram"),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        unique_together = [("translation_key", "locale")]


class Wijk(TaxonomyTerm):
    zone = models.CharField(_("zone"), max_length=20, choices=Zone.choices)
    postcodes = models.CharField(
        _("postcodes"), max_length=100, blank=True, validators=[postcodes_validator]
    )

    panels = ["name", "slug", "zone", FieldPanel("postcodes", help_text=_("Bijv. 9000, 9030"))]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("zone"),
        SynchronizedField("postcodes"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        unique_together = [("translation_key", "locale")]
        ordering = ["name"]


register_vocabulary(Theme, select_related=["pictogram"])
register_vocabulary(Wijk)
