"""The readability panel beside the page editor (admin code; the analysis is
:mod:`site_app.readability`)."""

from django import forms
from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.admin.staticfiles import versioned_static

from site_app.readability import PLAIN, STANDARD, long_lines, score_units, sources_for, streams_for

from .models import ReadabilityScore


def readability_context(page, variant: str, stored=None) -> dict:
    """What the panel shows for one variant of ``page``: the figures of the text as it is in
    ``page`` now, the targets and which it misses, and the blocks over their own word limit.
    ``stored`` is the saved row the reports use (None for a page not saved yet)."""
    sources = sources_for(page) if page is not None else {}
    targets, units = sources.get(variant, (PLAIN if variant == "plain" else STANDARD, []))
    language = page.locale.language_code if getattr(page, "locale_id", None) else "nl"
    score = score_units(units, language)
    streams = streams_for(page).get(variant, []) if page is not None else []
    return {
        "variant": variant,
        "targets": targets,
        "score": score,
        "stored": stored,
        "missed": score.missed(targets),
        "problems": score.problems(targets),
        "long_sentences": score.long_sentences(targets.max_longest)[:5],
        "long_lines": long_lines(streams),
        "is_plain": variant == "plain",
    }


class ReadabilityPanel(Panel):
    """Shows the readability of one text variant of the page being edited.

    "Now" is measured on the version in the editor (the latest revision, including drafts and
    autosaves) and, with JavaScript, again while the editor types
    (:func:`site_app.plain_language.views.measure_readability`); "last stored" is the row the
    reports use. Both are compared with the targets; what misses them is listed.
    """

    def __init__(self, variant: str = "full", **kwargs):
        super().__init__(**kwargs)
        self.variant = variant

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["variant"] = self.variant
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "plain_language/readability_panel.html"

        @property
        def media(self):
            return forms.Media(js=[versioned_static("js/admin/readability-panel.js")])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            stored = None
            if page is not None and page.pk:
                stored = ReadabilityScore.objects.filter(
                    page_id=page.pk, variant=self.panel.variant
                ).first()
                context["measure_url"] = reverse("readability_measure", args=(page.pk,))
            context.update(readability_context(page, self.panel.variant, stored))
            return context
