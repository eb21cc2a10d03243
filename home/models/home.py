"""The home page: what's new, the themes with their feeds, find your wijk."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from site_app import feeds, taxonomy
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, Theme

from .wijk import WijkIndexPage

WHATS_NEW_COUNT = 6


class HomePage(BasePage):
    intro = models.TextField(
        _("inleiding"), max_length=400, blank=True, help_text=_("Twee of drie korte zinnen.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*BasePage.content_panels, "intro", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["whats_new"] = feeds.collect_entries(request, limit=WHATS_NEW_COUNT)
        context["themes"] = taxonomy.all_terms(Theme)
        context["wijk_index"] = (
            WijkIndexPage.objects.child_of(self).live().only("url_path", "title").first()
        )
        return context
