"""The home page, general content pages and one public page per wijk."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from site_app import feeds, taxonomy
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, TaxonomyMixin, Theme, Wijk, Zone
from site_app.models.pages import source_locale_only

WHATS_NEW_COUNT = 6


class HomePage(BasePage):
    intro = models.TextField(
        _("inleiding"), max_length=400, blank=True, help_text=_("Twee of drie korte zinnen.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*BasePage.content_panels, "intro", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["whats_new"] = feeds.collect_entries(
            request, lambda queryset: queryset, limit=WHATS_NEW_COUNT
        )
        context["themes"] = taxonomy.all_terms(Theme)
        context["wijk_index"] = (
            WijkIndexPage.objects.child_of(self).live().only("url_path", "title").first()
        )
        return context


@feeds.register
class ContentPage(TaxonomyMixin, BasePage):
    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    feed_kind = "pagina"
    feed_kind_label = _("Pagina")

    content_panels = [*BasePage.content_panels, "intro", "body", *TaxonomyMixin.taxonomy_panels]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    parent_page_types = ["home.HomePage", "home.ContentPage"]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")

    def get_feed_summary(self):
        return self.summary or self.intro


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
        if response.context_data.get("postcode_error"):
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = (
            WijkPage.objects.child_of(self)
            .live()
            .select_related("wijk")
            .defer_streamfields()
            .order_by("title")
        )
        postcode = request.GET.get("postcode", "").strip()
        context["postcode"] = postcode
        if postcode:
            if postcode.isdigit() and len(postcode) == 4:
                pages = pages.filter(wijk__postcodes__contains=postcode)
            else:
                context["postcode_error"] = _("Een postcode heeft vier cijfers, zoals 9000.")
        localized = taxonomy.terms_by_key(Wijk)
        pages = list(pages)
        for page in pages:
            page.localized_wijk = localized.get(page.wijk.translation_key, page.wijk)
        context["zones"] = [
            (label, [page for page in pages if page.wijk.zone == value])
            for value, label in Zone.choices
        ]
        context["result_count"] = len(pages)
        return context


class WijkPage(BasePage):
    """The public page of one wijk. The full page (contacts, wijk-DNA, ...) grows from here."""

    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*BasePage.content_panels, "wijk", "intro", "body"]
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
        context["localized_wijk"] = taxonomy.terms_by_key(Wijk).get(
            self.wijk.translation_key, self.wijk
        )
        context["entries"] = feeds.collect_entries(request, feeds.by_wijk(self.wijk), limit=10)
        return context
