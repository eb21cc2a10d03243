"""Admin: contact people, figures (with the CSV upload), streets and wijkbudget projects."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import ContactPerson, Street, WijkFigure, WijkProject


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "email", "phone"]
    list_filter = ["locale"]
    search_fields = ["name", "role"]


class WijkFigureViewSet(SnippetViewSet):
    model = WijkFigure
    icon = "table"
    menu_label = _("Wijkcijfers")
    list_display = ["wijk", "kind", "value", "city_average", "reference_date"]
    list_filter = ["kind", "wijk"]


class StreetViewSet(SnippetViewSet):
    model = Street
    icon = "site"
    list_display = ["name", "postcode", "wijk"]
    list_filter = ["postcode"]
    search_fields = ["name"]
    search_backend_name = None


class WijkProjectViewSet(SnippetViewSet):
    model = WijkProject
    icon = "pick"
    list_display = ["title", "wijk", "status", "budget", "year"]
    list_filter = ["status", "wijk"]
    search_fields = ["title"]
    search_backend_name = None


class WijkenViewSetGroup(SnippetViewSetGroup):
    items = (ContactPersonViewSet, WijkFigureViewSet, StreetViewSet, WijkProjectViewSet)
    menu_icon = "home"
    menu_label = _("Wijken")
    menu_name = "wijken"


register_snippet(WijkenViewSetGroup)


@hooks.register("register_admin_urls")
def register_figure_upload():
    return [
        path(
            "wijken/cijfers/importeren/",
            admin_views.import_figures_view,
            name="wijken_import_figures",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_figure_upload_menu_item():
    return MenuItem(
        _("Wijkcijfers importeren"),
        reverse("wijken_import_figures"),
        icon_name="upload",
        order=900,
    )
