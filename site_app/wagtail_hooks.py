"""Admin menus for the shared snippets: themes, wijken and pictograms."""

import django_filters
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import taxonomy
from .models import GlossaryTerm, Pictogram, Theme, Wijk, Zone
from .pictogram_chooser import pictogram_chooser_viewset
from .readability_admin import ReadabilityDashboardPanel, ReadabilityReportView


class WijkFilterSet(WagtailFilterSet):
    zone = django_filters.ChoiceFilter(choices=Zone.choices, label=_("Zone"))

    class Meta:
        model = Wijk
        fields = ["zone", "locale"]


# The snippet lists below are short; they search with the ORM (search_backend_name = None),
# which behaves the same on every database and needs no search index.


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    list_display = ["name", "slug", "pictogram", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["name"]


class WijkViewSet(SnippetViewSet):
    model = Wijk
    icon = "site"
    menu_label = _("Wijken")
    list_display = ["name", "zone", "postcodes", "locale"]
    filterset_class = WijkFilterSet
    search_fields = ["name", "postcodes"]
    search_backend_name = None
    ordering = ["name"]


class PictogramViewSet(SnippetViewSet):
    model = Pictogram
    icon = "image"
    menu_label = _("Pictogrammen")
    list_display = ["label", "keywords", "shipped_name", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "keywords"]
    search_backend_name = None
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


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Woordenlijst")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["term", "variants", "definition", "locale"]
    list_filter = ["locale"]
    search_fields = ["term", "variants", "definition"]
    search_backend_name = None
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_viewset")
def register_pictogram_chooser():
    return pictogram_chooser_viewset


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path("rapporten/leesbaarheid/", ReadabilityReportView.as_view(), name="readability_report"),
        path(
            "rapporten/leesbaarheid/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="readability_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readability_report_menu_item():
    return MenuItem(
        _("Leesbaarheid"), reverse("readability_report"), icon_name="glasses", order=750
    )


@hooks.register("construct_homepage_panels")
def add_readability_dashboard_panel(request, panels):
    panels.append(ReadabilityDashboardPanel(request.user))
