"""The home page, general content pages and one public page per wijk."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from site_app import feeds, readability, taxonomy
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, GlossaryTerm, TaxonomyMixin, Theme, Wijk, Zone
from site_app.models.pages import source_locale_only
from site_app.readability import ReadabilityPanel, units_from_stream

from .blocks import EasyReadStreamBlock, FeedbackBlock, PolicyNoteBodyBlock

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


# --- Policy notes and their plain-language version, the glossary page ----------------------


@feeds.register
class PolicyNotePage(RoutablePageMixin, TaxonomyMixin, BasePage):
    """A policy note (beleidsnota): the full text in numbered sections with actions, and on the
    same page object its plain-language version, served at ``<page url>klare-taal/``."""

    intro = models.TextField(
        _("inleiding"), max_length=600, blank=True, help_text=_("Waar gaat de nota over?")
    )
    alderman = models.CharField(_("verantwoordelijke schepen"), max_length=200, blank=True)
    department = models.CharField(_("dienst"), max_length=200, blank=True)
    commission = models.CharField(
        _("commissie"),
        max_length=200,
        blank=True,
        help_text=_("Bijv. Commissie Onderwijs, Welzijn en Participatie."),
    )
    date_draft = models.DateField(_("ontwerp klaar op"), null=True, blank=True)
    date_commission = models.DateField(_("besproken in de commissie op"), null=True, blank=True)
    date_council = models.DateField(_("goedgekeurd door de gemeenteraad op"), null=True, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("volledige nota (pdf)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        PolicyNoteBodyBlock(),
        verbose_name=_("hoofdstukken"),
        blank=True,
        help_text=_("De volledige tekst in genummerde hoofdstukken, elk met zijn acties."),
    )
    feedback = StreamField(
        [("feedback", FeedbackBlock())],
        verbose_name=_("wat je ons vertelde en wat we ermee deden"),
        blank=True,
    )
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

    feed_kind = "beleidsnota"
    feed_kind_label = _("Beleidsnota")

    content_panels = [
        *BasePage.content_panels,
        "intro",
        MultiFieldPanel(
            [
                "alderman",
                "department",
                "commission",
                "date_draft",
                "date_commission",
                "date_council",
                "document",
            ],
            heading=_("Over deze nota"),
        ),
        "body",
        "feedback",
        *TaxonomyMixin.taxonomy_panels,
        ReadabilityPanel("full", heading=_("Leesbaarheid van de volledige tekst")),
    ]
    plain_panels = [
        ReadabilityPanel("plain", heading=_("Leesbaarheid van de klare-taalversie")),
        "plain_title",
        "plain_intro",
        "plain_body",
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Volledige tekst")),
            ObjectList(plain_panels, heading=_("Klare taal")),
            ObjectList(BasePage.promote_panels, heading=_("Promotie")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("plain_body"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("beleidsnota")
        verbose_name_plural = _("beleidsnota's")

    @property
    def display_plain_title(self) -> str:
        return self.plain_title or self.title

    @property
    def has_plain_version(self) -> bool:
        return bool(self.plain_body)

    def get_feed_summary(self):
        return self.summary or self.intro

    def readability_sources(self):
        full = [
            self.title,
            self.intro,
            *units_from_stream(self.body),
            *units_from_stream(self.feedback),
        ]
        sources = {"full": (readability.STANDARD, [unit for unit in full if unit])}
        if self.has_plain_version:
            plain = [
                self.display_plain_title,
                self.plain_intro,
                *units_from_stream(self.plain_body),
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

    @path("klare-taal/", name="plain")
    def plain_version(self, request):
        if not self.has_plain_version:
            raise Http404
        return self.render(
            request,
            template="home/policy_note_plain.html",
            context_overrides={"is_plain_version": True},
        )

    @property
    def preview_modes(self):
        return [("", _("Volledige tekst")), ("klare-taal", _("Klare taal"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "klare-taal":
            return self.render(
                request,
                template="home/policy_note_plain.html",
                context_overrides={"is_plain_version": True},
            )
        return super().serve_preview(request, mode_name)


class GlossaryPage(BasePage):
    """All glossary terms of the page's language, A to Z."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "site_app/glossary_page.html"

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
