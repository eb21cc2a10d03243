"""The glossary page: every glossary term of its language, A to Z."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from site_app.models import BasePage
from site_app.plain_language.glossary import register_glossary_page
from site_app.plain_language.models import GlossaryTerm


@register_glossary_page
class GlossaryPage(BasePage):
    """All glossary terms of the page's language, A to Z."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "plain_language/glossary_page.html"

    class Meta:
        verbose_name = _("woordenlijst")
        verbose_name_plural = _("woordenlijsten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = sorted(GlossaryTerm.objects.filter(locale=self.locale), key=lambda t: t.sort_key)
        groups: dict[str, list] = {}
        for term in terms:
            groups.setdefault(term.initial, []).append(term)
        context["letters"] = sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))
        context["term_count"] = len(terms)
        return context
