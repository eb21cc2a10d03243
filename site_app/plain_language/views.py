"""Readability in the admin: the report of pages that need work, the dashboard panel and the
figures measured while an editor types.

The panel beside the editor is in ``panels.py``; the text analysis is
:mod:`site_app.readability`."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ReadabilityScore
from .panels import readability_context

VARIANTS = ("full", "plain")


def _editable_scores(user):
    """Scores of the pages this user may edit or publish."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return ReadabilityScore.objects.filter(page__in=pages.values("pk"))


class ReadabilityFilterSet(WagtailFilterSet):
    meets_targets = django_filters.ChoiceFilter(
        label=_("Doelen"),
        choices=[("0", _("Haalt de doelen niet")), ("1", _("Haalt de doelen"))],
        empty_label=_("Alle"),
        method="filter_meets",
    )
    variant = django_filters.ChoiceFilter(
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


class ReadabilityDashboardPanel(Component):
    """Dashboard: the page texts that miss the readability targets, worst first."""

    name = "readability"
    order = 150
    template_name = "plain_language/readability_dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        failing = _editable_scores(self.user).filter(meets_targets=False)
        context["scores"] = failing.select_related("page").order_by("flesch")[:6]
        context["count"] = failing.count()
        context["report_url"] = reverse("readability_report") + "?meets_targets=0"
        return context


@require_POST
def measure_readability(request, page_id):
    """The readability panels of a page as the editor's form has it now, unsaved: the edit
    form is posted here while the editor types and nothing is stored (the saved figures stay
    the source of the reports). Answers ``{variant: panel html}``; a form that does not
    validate (yet) gets 422 and the panel keeps its last figures."""
    page = get_object_or_404(
        Page.objects.select_related("latest_revision"), pk=page_id
    ).get_latest_revision_as_object()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        request.POST, instance=page, parent_page=page.get_parent().specific, for_user=request.user
    )
    if not form.is_valid():
        message = gettext("De cijfers worden bijgewerkt zodra het formulier geldig is.")
        return JsonResponse({"error": message}, status=422)
    page = form.save(commit=False)
    stored = {row.variant: row for row in ReadabilityScore.objects.filter(page_id=page.pk)}
    wanted = [variant for variant in request.GET.getlist("variant") if variant in VARIANTS]
    panels = {
        variant: render_to_string(
            "plain_language/readability_panel.html",
            {
                **readability_context(page, variant, stored.get(variant)),
                "measure_url": reverse("readability_measure", args=(page.pk,)),
            },
            request=request,
        )
        for variant in wanted or VARIANTS
    }
    return JsonResponse({"panels": panels})
