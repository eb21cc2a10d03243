"""The wijk index (by zone, find by postcode) and one public page per wijk."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel
from wagtail.search import index

from site_app import feeds, localization
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, Wijk, Zone
from site_app.models.pages import source_locale_only


class WijkIndexPage(BasePage):
    intro = models.TextField(_("inleiding"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.WijkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van de wijken")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("finder").error:
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        from wijken.finder import find

        context = super().get_context(request, *args, **kwargs)
        pages = (
            WijkPage.objects.child_of(self)
            .live()
            .select_related("wijk")
            .defer_streamfields()
            .order_by("title")
        )
        finder = find(request.GET, pages)
        context["finder"] = finder
        context["postcode"] = finder.postcode
        context["postcode_error"] = finder.error
        pages = list(finder.pages)
        wijken = localization.localize_all(page.wijk for page in pages)
        for page, wijk in zip(pages, wijken, strict=True):
            page.localized_wijk = wijk
        by_pk = {page.pk: page for page in pages}
        finder.streets = [(street, by_pk[page.pk]) for street, page in finder.streets]
        context["zones"] = [
            (label, [page for page in pages if page.wijk.zone == value])
            for value, label in Zone.choices
        ]
        context["result_count"] = len(pages)
        return context


class WijkPage(BasePage):
    """The public page of one wijk: its news, and (from the wijken app) its contact people,
    places, figures and wijkbudget projects."""

    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    parts = models.CharField(
        _("buurten"),
        max_length=200,
        blank=True,
        help_text=_("De buurten of deelgemeenten van de wijk, gescheiden door komma's."),
    )
    newsletter_url = models.URLField(_("nieuwsbrief van de wijk"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        "wijk",
        "intro",
        "parts",
        InlinePanel("contacts", label=_("contactpersonen")),
        InlinePanel("places", label=_("plekken")),
        "newsletter_url",
        "body",
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("wijk", [index.SearchField("name"), index.SearchField("postcodes")]),
    ]
    parent_page_types = ["home.WijkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("wijkpagina")
        verbose_name_plural = _("wijkpagina's")

    def clean(self):
        super().clean()
        if not self.wijk_id:
            return
        duplicate = (
            WijkPage.objects.filter(wijk_id=self.wijk_id, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if duplicate:
            raise ValidationError({"wijk": _("Deze wijk heeft al een pagina.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from wijken.page import wijk_page_context

        context["localized_wijk"] = localization.localize(self.wijk)
        context.update(wijk_page_context(self, request))
        return context

    @property
    def part_names(self) -> list[str]:
        return [part.strip() for part in self.parts.split(",") if part.strip()]


def _wijk_page_url(wijk, request) -> str | None:
    """The wijk's own page in the reader's language: the HTML page its feed follows."""
    page = (
        WijkPage.objects.live()
        .public()
        .filter(wijk__translation_key=wijk.translation_key, locale=localization.active_locale())
        .only("url_path")
        .first()
    )
    return page.get_full_url(request) if page else None


feeds.register_term_page(Wijk, _wijk_page_url)
