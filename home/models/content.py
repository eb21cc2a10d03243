"""General content pages (about, accessibility statement, explanations)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from site_app import feeds
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, TaxonomyMixin


@feeds.register_page(kind="pagina", label=_("Pagina"))
class ContentPage(TaxonomyMixin, BasePage):
    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*BasePage.content_panels, "intro", "body", *TaxonomyMixin.taxonomy_panels]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")

    def get_feed_summary(self):
        return self.summary or self.intro
