"""Admin for plain language: the glossary snippets, the readability report and dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm
from .views import ReadabilityDashboardPanel, ReadabilityReportView, measure_readability


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


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path("rapporten/leesbaarheid/", ReadabilityReportView.as_view(), name="readability_report"),
        path(
            "rapporten/leesbaarheid/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="readability_report_results",
        ),
        path("leesbaarheid/meten/<int:page_id>/", measure_readability, name="readability_measure"),
    ]


@hooks.register("register_reports_menu_item")
def register_readability_report_menu_item():
    return MenuItem(
        _("Leesbaarheid"), reverse("readability_report"), icon_name="glasses", order=750
    )


@hooks.register("construct_homepage_panels")
def add_readability_dashboard_panel(request, panels):
    panels.append(ReadabilityDashboardPanel(request.user))
