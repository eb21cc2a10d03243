"""Admin menus for the shared snippets: themes, wijken and pictograms."""

import django_filters
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import taxonomy
from .models import Pictogram, Theme, Wijk, Zone


class WijkFilterSet(WagtailFilterSet):
    zone = django_filters.ChoiceFilter(choices=Zone.choices, label=_("Zone"))

    class Meta:
        model = Wijk
        fields = ["zone", "locale"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug", "pictogram", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


class WijkViewSet(SnippetViewSet):
    model = Wijk
    icon = "site"
    menu_label = _("Wijken")
    list_display = ["name", "zone", "postcodes", "locale"]
    filterset_class = WijkFilterSet
    search_fields = ["name", "postcodes"]
    ordering = ["name"]


class PictogramViewSet(SnippetViewSet):
    model = Pictogram
    icon = "image"
    menu_label = _("Pictogrammen")
    list_display = ["label", "keywords", "shipped_name", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "keywords"]
    ordering = ["label"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, WijkViewSet, PictogramViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Thema's en wijken")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_serve_page")
def serve_in_the_pages_own_language(page, request, serve_args, serve_kwargs):
    """A page asked for under another language's prefix is sent to its own address.

    Wagtail falls back to the default-language tree when a language has no home page; without
    this, Dutch text would be served inside ``<html lang="tr">``.
    """
    if page.locale_id != taxonomy.active_locale().pk:
        url = page.get_url(request)
        if url:
            return redirect(url)
    return None
