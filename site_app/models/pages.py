"""The abstract base page and the taxonomy mixin that every public content type shares."""

from datetime import date, datetime, time
from typing import ClassVar

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


def source_locale_only():
    """Taxonomy links always point at the source-language rows (see taxonomy.py)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class BasePage(Page):
    """Fields every page of the site has: how it looks in listings and when shared."""

    listing_title = models.CharField(
        _("titel in overzichten"),
        max_length=120,
        blank=True,
        help_text=_("Laat leeg om de paginatitel te gebruiken."),
    )
    listing_summary = models.TextField(
        _("samenvatting in overzichten"),
        max_length=300,
        blank=True,
        help_text=_("Eén of twee korte zinnen. Ook gebruikt in feeds en bij delen."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("beeld in overzichten"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("beeld bij delen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Voor sociale media; laat leeg om het overzichtsbeeld te gebruiken."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Webadres en zoekmachines")),
        MultiFieldPanel(
            ["listing_title", "listing_summary", "listing_image", "social_image"],
            heading=_("Overzichten en delen"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @property
    def display_title(self) -> str:
        return self.listing_title or self.title

    @property
    def summary(self) -> str:
        return self.listing_summary or self.search_description

    @property
    def share_image(self):
        return self.social_image or self.listing_image


class TaxonomyMixin(models.Model):
    """Gives a content type its themes and wijken, and says how it becomes a feed entry.

    Concrete subclasses set ``feed_kind`` (the ``?soort=`` value) and ``feed_kind_label`` and
    register with :func:`site_app.feeds.register`. ``feed_date_field`` names the date an entry
    is dated by in feeds and listings.
    """

    themes = ParentalManyToManyField(
        "site_app.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    wijken = ParentalManyToManyField(
        "site_app.Wijk",
        verbose_name=_("wijken"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )

    feed_kind: ClassVar[str] = ""
    feed_kind_label: ClassVar[str] = ""
    feed_date_field: ClassVar[str] = "first_published_at"

    taxonomy_panels: ClassVar[list] = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("wijken", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Thema's en wijken"),
            help_text=_("Bepaalt in welke feeds, filters en wijkpagina's dit verschijnt."),
        )
    ]
    taxonomy_search_fields: ClassVar[list] = [
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("wijken", [index.SearchField("name"), index.FilterField("slug")]),
    ]

    class Meta:
        abstract = True

    @cached_property
    def feed_datetime(self) -> datetime:
        """The entry's date as an aware datetime (dates count from noon, local time)."""
        value = getattr(self, self.feed_date_field) or self.first_published_at or timezone.now()
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return timezone.make_aware(datetime.combine(value, time(12)))
        return timezone.now()
