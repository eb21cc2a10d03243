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


# --- Plain language: glossary, pictogram chooser, readability report and dashboard ---------

import django_filters as _filters  # noqa: E402
from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.admin.ui.components import Component  # noqa: E402
from wagtail.admin.ui.tables import Column, TitleColumn  # noqa: E402
from wagtail.admin.views.reports import ReportView  # noqa: E402
from wagtail.permission_policies.pages import PagePermissionPolicy  # noqa: E402

from .models import GlossaryTerm, ReadabilityScore  # noqa: E402
from .pictogram_chooser import pictogram_chooser_viewset  # noqa: E402


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
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_viewset")
def register_pictogram_chooser():
    return pictogram_chooser_viewset


def _editable_scores(user):
    """Scores of the pages this user may edit or publish."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return ReadabilityScore.objects.filter(page__in=pages.values("pk"))


class ReadabilityFilterSet(WagtailFilterSet):
    meets_targets = _filters.ChoiceFilter(
        label=_("Doelen"),
        choices=[("0", _("Haalt de doelen niet")), ("1", _("Haalt de doelen"))],
        empty_label=_("Alle"),
        method="filter_meets",
    )
    variant = _filters.ChoiceFilter(
        label=_("Versie"), choices=ReadabilityScore.Variant.choices, empty_label=_("Alle")
    )

    class Meta:
        model = ReadabilityScore
        fields = ["meets_targets", "variant", "language"]

    def filter_meets(self, queryset, name, value):
        return queryset.filter(meets_targets=value == "1")


class ReadabilityReportView(ReportView):
    """Page texts and their last readability score; those that miss the targets first."""

    page_title = _("Leesbaarheid")
    header_icon = "glasses"
    index_url_name = "readability_report"
    index_results_url_name = "readability_report_results"
    filterset_class = ReadabilityFilterSet
    any_permission_required = ["change", "publish"]
    permission_policy = PagePermissionPolicy()
    list_export = [
        "page.title",
        "variant",
        "language",
        "average_sentence_length",
        "longest_sentence",
        "flesch",
        "meets_targets",
    ]
    export_headings = {
        "page.title": _("Pagina"),
        "variant": _("Versie"),
        "language": _("Taal"),
        "average_sentence_length": _("Gemiddelde zinslengte"),
        "longest_sentence": _("Langste zin"),
        "flesch": _("Flesch-score"),
        "meets_targets": _("Haalt de doelen"),
    }
    columns = [
        TitleColumn(
            "page",
            label=_("Pagina"),
            accessor=lambda score: score.page.get_admin_display_title(),
            get_url=lambda score: reverse("wagtailadmin_pages:edit", args=[score.page_id]),
        ),
        Column("variant", label=_("Versie"), accessor="get_variant_display"),
        Column("language", label=_("Taal")),
        Column(
            "average_sentence_length",
            label=_("Gem. zinslengte"),
            accessor=lambda score: f"{score.average_sentence_length:.1f}",
        ),
        Column("longest_sentence", label=_("Langste zin")),
        Column(
            "flesch",
            label=_("Flesch"),
            accessor=lambda score: "–" if score.flesch is None else f"{score.flesch:.0f}",
        ),
        Column(
            "problems",
            label=_("Wat beter kan"),
            accessor=lambda score: " ".join(str(p) for p in score.problems) or _("Haalt de doelen"),
        ),
    ]

    def get_queryset(self):
        return (
            _editable_scores(self.request.user)
            .select_related("page")
            .order_by("meets_targets", "flesch", "-longest_sentence")
        )


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


class ReadabilityDashboardPanel(Component):
    """Dashboard: the page texts that miss the readability targets, worst first."""

    name = "readability"
    order = 150
    template_name = "site_app/readability_dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        failing = _editable_scores(self.user).filter(meets_targets=False)
        context["scores"] = failing.select_related("page").order_by("flesch")[:6]
        context["count"] = failing.count()
        context["report_url"] = reverse("readability_report") + "?meets_targets=0"
        return context


@hooks.register("construct_homepage_panels")
def add_readability_dashboard_panel(request, panels):
    panels.append(ReadabilityDashboardPanel(request.user))
