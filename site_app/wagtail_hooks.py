"""Admin menus for the shared snippets: themes, wijken and pictograms."""

import django_filters
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import localization, personal_data, personal_data_admin
from .models import ContactDetails, Pictogram, Theme, Wijk, Zone
from .pictogram_chooser import PictogramChooserViewSet, PictogramColumn


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
    chooser_viewset_class = PictogramChooserViewSet
    chooser_per_page = 30
    list_display = [
        PictogramColumn("picture", label=_("Pictogram"), accessor="url", width="64px"),
        "label",
        "keywords",
        "shipped_name",
        "locale",
    ]
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


class ContactDetailsViewSet(SnippetViewSet):
    model = ContactDetails
    icon = "mail"
    menu_label = _("Contactblok")
    list_display = ["title", "hours", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]
    search_backend_name = None
    add_to_settings_menu = True


register_snippet(ContactDetailsViewSet)


@hooks.register("before_serve_page")
def serve_in_the_pages_own_language(page, request, serve_args, serve_kwargs):
    """A page asked for under another language's prefix is sent to its own address.

    Wagtail falls back to the default-language tree when a language has no home page; without
    this, Dutch text would be served inside ``<html lang="tr">``.
    """
    if page.locale_id != localization.active_locale().pk:
        url = page.get_url(request)
        if url:
            return redirect(url)
    return None


@hooks.register("register_admin_urls")
def register_personal_data_urls():
    return [path("persoonsgegevens/", include((personal_data_admin.urlpatterns, "personal_data")))]


@hooks.register("register_log_actions")
def register_personal_data_actions(actions):
    actions.register_action(
        personal_data.ERASE_ACTION, _("Persoonsgegevens gewist"), _("Persoonsgegevens gewist")
    )
    actions.register_action(
        personal_data.EXPORT_ACTION,
        _("Persoonsgegevens gedownload"),
        _("Persoonsgegevens gedownload"),
    )
