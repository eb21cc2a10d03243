"""The abstract base page and the taxonomy mixin that every public content type shares."""

from typing import ClassVar

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from site_app import localization


def source_locale_only():
    """Taxonomy links always point at the source-language rows (see taxonomy.py)."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class SitePageQuerySet(PageQuerySet):
    """Wagtail's page queryset; ``public()`` reads the private sections from the cache
    (dropped when a view restriction or a page changes, see ``site_app.signals``) instead of
    querying them on every call — a listing calls it once per part of the page."""

    def private_q(self):
        sections = localization.cached(
            localization.PAGES,
            "private-sections",
            lambda: [
                (r.page.path, r.page.depth)
                for r in PageViewRestriction.objects.select_related("page")
            ],
        )
        q = Q()
        for path, depth in sections:
            q |= Q(path__startswith=path) & Q(depth__gte=depth)
        return q if q else Q(pk__in=[])


class BasePage(Page):
    """Fields every page of the site has: how it looks in listings and when shared."""

    objects = PageManager.from_queryset(SitePageQuerySet)()

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

    def get_context(self, request, *args, **kwargs):
        # The page's Locale from the cached list (URLs, JSON-LD and hreflang ask for it),
        # instead of one query per page view.
        if not Page.locale.is_cached(self):
            locale = localization.locale_by_pk(self.locale_id)
            if locale is not None:
                Page.locale.field.set_cached_value(self, locale)
        return super().get_context(request, *args, **kwargs)

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
    """Gives a content type its themes and wijken (always the source-language terms).

    Listings, filters, feeds and search treat every content type with this mixin the same.
    Being in the feeds is separate: see :func:`site_app.feeds.register_page`.
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
