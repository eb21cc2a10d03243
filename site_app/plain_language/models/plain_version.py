"""A plain-language version of a page, kept on the same page object.

It is served at ``<page url>klare-taal/``, has its own title, introduction and easy-read body,
its own readability targets (:data:`site_app.readability.PLAIN`), its own sitemap entry and a
preview mode. A page type mixes in :class:`PlainVersionMixin`, adds ``plain_panels`` (with a
:class:`site_app.plain_language.panels.ReadabilityPanel`) to its edit handler and, if its full
text is more than title, intro and body, says so in :meth:`full_readability_units`.
"""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField as WagtailStreamField

from site_app import readability
from site_app.fields import StreamField

from ..blocks import EasyReadStreamBlock

PREVIEW_MODE = "klare-taal"


class PlainVersionMixin(RoutablePageMixin, models.Model):
    plain_title = models.CharField(
        _("titel in klare taal"),
        max_length=120,
        blank=True,
        help_text=_("Laat leeg om de paginatitel te gebruiken."),
    )
    plain_intro = models.TextField(
        _("inleiding in klare taal"), max_length=300, blank=True, help_text=_("Eén of twee zinnen.")
    )
    plain_body = StreamField(
        EasyReadStreamBlock(),
        verbose_name=_("tekst in klare taal"),
        blank=True,
        help_text=_("Eén idee per regel. Korte zinnen. Een pictogram vooraan de regel."),
    )

    plain_panels = ["plain_title", "plain_intro", "plain_body"]
    plain_template = "plain_language/plain_version.html"

    class Meta:
        abstract = True

    def readability_streams(self):
        """Every StreamField of the page is part of the full version, except the plain body."""
        full = [
            getattr(self, field.name)
            for field in self._meta.get_fields()
            if isinstance(field, WagtailStreamField) and field.name != "plain_body"
        ]
        return {"full": full, "plain": [self.plain_body]}

    @property
    def display_plain_title(self) -> str:
        return self.plain_title or self.title

    @property
    def has_plain_version(self) -> bool:
        return bool(self.plain_body)

    def full_readability_units(self) -> list[str]:
        """The text units of the full version (title, intro and body unless overridden)."""
        body = getattr(self, "body", None)
        return [
            self.title,
            getattr(self, "intro", ""),
            *(readability.units_from_stream(body) if body else []),
        ]

    def readability_sources(self):
        full = [unit for unit in self.full_readability_units() if unit]
        sources = {"full": (readability.STANDARD, full)}
        if self.has_plain_version:
            plain = [
                self.display_plain_title,
                self.plain_intro,
                *readability.units_from_stream(self.plain_body),
            ]
            sources["plain"] = (readability.PLAIN, [unit for unit in plain if unit])
        return sources

    @property
    def readability_preview(self):
        """Live figures of the plain version, for the editor's preview only."""
        targets, units = self.readability_sources().get("plain", (None, None))
        if targets is None:
            return None
        score = readability.score_units(units, self.locale.language_code)
        return {"score": score, "problems": score.problems(targets)}

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls and self.has_plain_version:
            plain = dict(urls[0], location=urls[0]["location"] + self.reverse_subpage("plain"))
            urls.append(plain)
        return urls

    def plain_url(self, request=None) -> str:
        url = self.get_url(request)
        return url + self.reverse_subpage("plain") if url else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["full_url"] = self.get_url(request)
        context["plain_url"] = self.plain_url(request) if self.has_plain_version else ""
        context.setdefault("is_plain_version", False)
        return context

    def render_plain_version(self, request):
        return self.render(
            request, template=self.plain_template, context_overrides={"is_plain_version": True}
        )

    @path("klare-taal/", name="plain")
    def plain_version(self, request):
        if not self.has_plain_version:
            raise Http404
        return self.render_plain_version(request)

    @property
    def preview_modes(self):
        return [("", _("Volledige tekst")), (PREVIEW_MODE, _("Klare taal"))]

    def serve_preview(self, request, mode_name):
        if mode_name == PREVIEW_MODE:
            return self.render_plain_version(request)
        return super().serve_preview(request, mode_name)
