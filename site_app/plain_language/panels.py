"""The readability panel beside the page editor (admin code; the analysis is
:mod:`site_app.readability`)."""

from wagtail.admin.panels import Panel

from site_app.readability import PLAIN, STANDARD, score_units, sources_for

from .models import ReadabilityScore


class ReadabilityPanel(Panel):
    """Shows the readability of one text variant of the page being edited.

    "Now" is measured on the version in the editor (the latest revision, including drafts and
    autosaves); "last stored" is the row the reports use. Both are compared with the targets,
    and the plain-language version gets a warning listing what misses them.
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

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            variant = self.panel.variant
            page = self.instance
            sources = sources_for(page) if page is not None else {}
            targets, units = sources.get(variant, (PLAIN if variant == "plain" else STANDARD, []))
            language = page.locale.language_code if getattr(page, "locale_id", None) else "nl"
            score = score_units(units, language)
            stored = None
            if page is not None and page.pk:
                stored = ReadabilityScore.objects.filter(page_id=page.pk, variant=variant).first()
            context.update(
                {
                    "variant": variant,
                    "targets": targets,
                    "score": score,
                    "stored": stored,
                    "problems": score.problems(targets),
                    "long_sentences": score.long_sentences(targets.max_longest)[:5],
                    "is_plain": variant == "plain",
                }
            )
            return context
