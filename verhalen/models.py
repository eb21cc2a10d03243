"""Stories by the city's raconteurs: who tells them, the series they belong to, the stories.

Raconteurs, like themes and wijken, are linked in their source-language (Dutch) rows; a
translated story keeps those links, and pages show each raconteur's translation (raconteurs are
a vocabulary of :mod:`site_app.localization`: cached per language).
"""

from http import HTTPMethod

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app import feeds, localization, personal_data, structured_data, taxonomy
from site_app.blocks import BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, ConfirmableMixin, PersonalDataMixin, TaxonomyMixin
from site_app.models.pages import source_locale_only
from site_app.models.taxonomy import TranslatableSlugMixin
from site_app.pagination import paginate

from .blocks import StoryStreamBlock

READ_ONLY = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
CARD_RENDITIONS = ("fill-480x320|format-webp", "fill-480x320|format-jpeg")
RELATED_COUNT = 3
STORIES_PER_PAGE = 12


class Raconteur(TranslatableSlugMixin, index.Indexed, ClusterableModel):
    """A volunteer neighbourhood reporter, shown under the name they choose themselves."""

    name = models.CharField(
        _("publieke naam"),
        max_length=80,
        help_text=_(
            "De naam zoals de verteller die zelf kiest: voornaam, bijnaam of volledige naam."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Korte naam in het webadres van de filter, bijvoorbeeld fatma."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Alleen met toestemming van de verteller."),
    )
    wijken = ParentalManyToManyField(
        "site_app.Wijk",
        verbose_name=_("wijken waarover de verteller schrijft"),
        blank=True,
        related_name="raconteurs",
        limit_choices_to=source_locale_only,
    )
    bio = models.TextField(
        _("korte voorstelling"),
        max_length=500,
        blank=True,
        help_text=_("Twee of drie korte zinnen, in de ik-vorm of over de verteller."),
    )

    panels = ["name", "slug", "photo", FieldPanel("wijken"), "bio"]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("photo"),
        TranslatableField("bio"),
    ]

    class Meta(TranslatableSlugMixin.Meta):
        verbose_name = _("verteller")
        verbose_name_plural = _("vertellers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def wijk_names(self) -> str:
        return ", ".join(wijk.name for wijk in self.wijken.all())


localization.register_vocabulary(Raconteur, select_related=["photo", "locale"])


def story_listing(queryset):
    """Stories as listings load them: a fixed number of queries whatever the page size."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return (
        queryset.live()
        .public()
        .defer_streamfields()
        .prefetch_related(
            Prefetch("lead_image", queryset=images),
            "raconteurs",
            "themes",
            "wijken",
        )
        .order_by("-date", "-pk")
    )


class StoryIndexPage(RoutablePageMixin, BasePage):
    """All stories of one language, with filters, the series and the 'tell your story' form."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    proposal_intro = models.TextField(
        _("uitleg bij 'Vertel je verhaal'"),
        max_length=600,
        blank=True,
        help_text=_("Wat gebeurt er met een voorstel? Twee of drie korte zinnen."),
    )

    content_panels = [*BasePage.content_panels, "intro", "proposal_intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["verhalen.StoryPage", "verhalen.StorySeriesPage"]
    max_count_per_parent = 1
    allowed_http_methods = [*READ_ONLY, HTTPMethod.POST]  # POST only on 'vertel je verhaal'

    class Meta:
        verbose_name = _("overzicht van de verhalen")

    @path("")
    def index_route(self, request, *args, **kwargs):
        from .views import story_index

        return story_index(request, self)

    @path("feed/<str:fmt>/", name="feed")
    def feed_route(self, request, fmt):
        from .views import story_feed

        return story_feed(request, self, fmt)

    @path("vertel-je-verhaal/", name="propose")
    def propose_route(self, request):
        from .views import propose_story

        return propose_story(request, self)

    @path("vertel-je-verhaal/bedankt/", name="propose_thanks")
    def propose_thanks_route(self, request):
        return TemplateResponse(
            request,
            "verhalen/proposal_thanks.html",
            self.get_context(request) | {"title": _("Bedankt voor je verhaal")},
        )

    @path("vertel-je-verhaal/bevestig/", name="propose_confirm")
    def propose_confirm_route(self, request):
        from .views import confirm_proposal

        return confirm_proposal(request, self)

    def get_sitemap_urls(self, request=None):
        """The index, and the 'tell your story' form that lives under it."""
        urls = super().get_sitemap_urls(request)
        if urls:
            form = self.reverse_subpage("propose")
            urls.append(dict(urls[0], location=urls[0]["location"] + form))
        return urls

    def subpage_url(self, name, request=None, **kwargs) -> str:
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    @property
    def propose_url(self) -> str:
        return self.subpage_url("propose")

    @property
    def rss_url(self) -> str:
        return self.subpage_url("feed", fmt="rss")

    @property
    def atom_url(self) -> str:
        return self.subpage_url("feed", fmt="atom")

    def series_pages(self):
        return (
            StorySeriesPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("title")
        )


class StorySeriesPage(BasePage):
    """A story project, such as '100 portretten': its own introduction and its stories."""

    intro = models.TextField(_("inleiding"), max_length=600, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*BasePage.content_panels, "intro", "body"]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["verhalen.StoryIndexPage"]
    subpage_types = []
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("verhalenreeks")
        verbose_name_plural = _("verhalenreeksen")

    def story_queryset(self):
        return story_listing(
            StoryPage.objects.filter(
                locale_id=self.locale_id, series__translation_key=self.translation_key
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(StoryPage.listing_page(request, self.story_queryset()))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.status_code = response.context_data["status"]
        return response


class StoryFeedSource(feeds.PageSource):
    """Stories in the feeds; the story index's own feeds also filter by index, series and
    raconteur (the same filters as the listing)."""

    extra_scopes = frozenset({"index", "reeks", "verteller"})

    def filter_extra(self, queryset, name, value):
        if name == "index":
            return queryset.child_of(value)
        if name == "reeks":
            return queryset.filter(series__translation_key=value.translation_key)
        return queryset.filter(raconteurs__translation_key=value.translation_key)


@feeds.register_page(
    kind="verhaal",
    label=_("Verhaal"),
    date_field="date",
    prefetch=["raconteurs"],
    source_class=StoryFeedSource,
)
class StoryPage(TaxonomyMixin, BasePage):
    intro = models.TextField(
        _("inleiding"), max_length=400, help_text=_("Twee of drie korte zinnen: waarover gaat het?")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portret of hoofdbeeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alt-tekst"),
        max_length=250,
        blank=True,
        help_text=_(
            "Wat toont het beeld, voor wie het niet ziet? Bijvoorbeeld: Fatma lacht op haar "
            "stoep, met een gieter in de hand. Laat leeg om de beschrijving van het beeld te "
            "gebruiken."
        ),
    )
    lead_image_decorative = models.BooleanField(
        _("beeld is decoratief"),
        default=False,
        help_text=_("Alleen aanvinken als het beeld niets toevoegt aan de tekst."),
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("verhaal"), blank=True)
    raconteurs = ParentalManyToManyField(
        Raconteur,
        verbose_name=_("verteld door"),
        blank=True,
        related_name="stories",
        limit_choices_to=source_locale_only,
    )
    portrayed = models.CharField(
        _("over wie of wat"),
        max_length=200,
        blank=True,
        help_text=_("De persoon of de plek in het verhaal. Bijvoorbeeld: Fatma, 64 jaar."),
    )
    date = models.DateField(_("datum"), default=timezone.localdate)
    series = models.ForeignKey(
        StorySeriesPage,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )

    content_panels = [
        *BasePage.content_panels,
        "intro",
        MultiFieldPanel(
            ["lead_image", "lead_image_alt", "lead_image_decorative"],
            heading=_("Portret of hoofdbeeld"),
            help_text=_("Geef een alt-tekst, of vink aan dat het beeld decoratief is."),
        ),
        "body",
        MultiFieldPanel(
            [
                "portrayed",
                "date",
                FieldPanel("raconteurs", widget=forms.CheckboxSelectMultiple),
                "series",
            ],
            heading=_("Over dit verhaal"),
        ),
        *TaxonomyMixin.taxonomy_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("portrayed"),
        index.SearchField("body"),
        index.RelatedFields("raconteurs", [index.SearchField("name")]),
        index.FilterField("date"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    parent_page_types = ["verhalen.StoryIndexPage"]
    subpage_types = []
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_decorative:
            if not self.lead_image_alt.strip():
                self.lead_image_alt = (self.lead_image.description or "").strip()
            if not self.lead_image_alt:
                raise ValidationError(
                    {
                        "lead_image_alt": _(
                            "Geef een alt-tekst voor het beeld, of vink aan dat het decoratief is."
                        )
                    }
                )

    @property
    def lead_image_alt_text(self) -> str:
        return "" if self.lead_image_decorative else self.lead_image_alt

    def get_feed_summary(self):
        return self.summary or self.intro

    def get_feed_authors(self) -> list[str]:
        """The raconteurs' public names (the same in every language)."""
        return [raconteur.name for raconteur in self.raconteurs.all()]

    @cached_property
    def localized_series(self):
        return localization.localize(self.series) if self.series_id else None

    @staticmethod
    def attach_raconteurs(stories) -> list:
        """Give each story a ``raconteur_list`` in the reader's language (no query per story:
        the raconteurs come prefetched, see :func:`story_listing`)."""
        stories = list(stories)
        for story in stories:
            story.raconteur_list = localization.localize_all(story.raconteurs.all())
        return stories

    @classmethod
    def listing_page(cls, request, queryset, per_page: int = STORIES_PER_PAGE) -> dict:
        """One page of a story listing as template context (see :func:`paginate`), with
        ``stories``: the stories of that page, raconteurs attached."""
        listing = paginate(request, queryset, per_page)
        page_obj = listing["page_obj"]
        listing["stories"] = cls.attach_raconteurs(page_obj.object_list) if page_obj else []
        return listing

    def related_stories(self) -> list:
        """Up to three other stories sharing a wijk or theme: a shared wijk counts before any
        number of shared themes (it is "from the neighbourhood"), then the most themes, then
        the newest."""
        shares_wijk = Q(wijken__in=self.wijken.all())
        shares_theme = Q(themes__in=self.themes.all())
        return list(
            story_listing(StoryPage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk))
            .filter(shares_wijk | shares_theme)
            .annotate(
                shared_wijken=Count("wijken", filter=shares_wijk, distinct=True),
                shared_themes=Count("themes", filter=shares_theme, distinct=True),
            )
            .order_by("-shared_wijken", "-shared_themes", "-date", "-pk")[:RELATED_COUNT]
        )

    @property
    def share_image(self):
        return super().share_image or self.lead_image

    def json_ld(self, request, raconteurs, themes) -> dict:
        """schema.org Article data for this story (rendered with safe escaping by ``json_ld``)."""
        url = self.get_full_url(request)
        data = structured_data.article(
            self, request, url=url, headline=self.title, description=self.intro, published=self.date
        )
        data["author"] = [{"@type": "Person", "name": raconteur.name} for raconteur in raconteurs]
        if self.portrayed:
            data["about"] = self.portrayed
        if themes:
            data["keywords"] = [theme.name for theme in themes]
        if self.lead_image_id:
            rendition = self.lead_image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = request.build_absolute_uri(rendition.url)
        if self.localized_series:
            data["isPartOf"] = {
                "@type": "CreativeWorkSeries",
                "name": self.localized_series.title,
                "url": self.localized_series.get_full_url(request),
            }
        return data

    def cached_json_ld(self, request, raconteurs, themes) -> dict:
        """:meth:`json_ld`, once per revision and host (not in a preview)."""
        if getattr(request, "is_preview", False):
            return self.json_ld(request, raconteurs, themes)
        locale = localization.active_locale()
        return localization.cached(
            (localization.PAGES, localization.VOCABULARY),
            f"story-json-ld:{request.get_host()}:{self.pk}:{locale.pk}",
            lambda: self.json_ld(request, raconteurs, themes),
        )

    def localized_terms(self, request) -> dict:
        """Raconteurs, themes and wijken in the reader's language; cached until a page or a
        term changes (not in a preview, which shows unsaved choices)."""

        def load() -> dict:
            return {
                "raconteurs": localization.localize_all(
                    self.raconteurs.select_related("photo", "locale")
                ),
                "themes": taxonomy.localize(self.themes.all()),
                "wijken": taxonomy.localize(self.wijken.all()),
                "series": self.localized_series,
            }

        if getattr(request, "is_preview", False):
            return load()
        locale = localization.active_locale()
        terms = localization.cached(
            (localization.PAGES, localization.VOCABULARY), f"story:{self.pk}:{locale.pk}", load
        )
        self.__dict__["localized_series"] = terms.pop("series")  # the cached_property's slot
        return terms

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.localized_terms(request))
        # Built only when the template's cached fragment for it is missing (story_page.html).
        context["related_stories"] = SimpleLazyObject(
            lambda: self.attach_raconteurs(self.related_stories())
        )
        parent = self.get_parent()
        context["story_index"] = parent.specific if parent else None
        context["json_ld"] = self.cached_json_ld(request, context["raconteurs"], context["themes"])
        return context


@personal_data.register
class StoryProposal(ConfirmableMixin, PersonalDataMixin, models.Model):
    """A resident's suggestion for a story or a person to portray. Never shown in public.

    Name and contact details are personal data: only those who may change proposals see them,
    they are never logged, and they are erased on request or by the retention purge (which
    also blanks the message). A proposal with an e-mail address counts once the resident has
    confirmed it through the link in the mail.
    """

    class Status(models.TextChoices):
        NEW = "nieuw", _("Nieuw")
        IN_PROGRESS = "in-behandeling", _("In behandeling")
        DONE = "verwerkt", _("Verwerkt tot verhaal")
        DECLINED = "niet-weerhouden", _("Niet weerhouden")

    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    name = models.CharField(_("naam of bijnaam"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    wijk = models.ForeignKey(
        "site_app.Wijk",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    message = models.TextField(_("voorstel"), max_length=2000)
    language = models.CharField(
        _("taal van het formulier"), max_length=10, choices=settings.LANGUAGES, default="nl"
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    editor_note = models.TextField(
        _("notitie van de redactie"),
        blank=True,
        help_text=_("Alleen voor de redactie. Zet hier geen persoonsgegevens."),
    )
    # A hash of the form's signed timestamp: the same form sent twice (a double click, a
    # retry) stores one proposal, also when both requests arrive at the same time.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    personal_data_fields = ("name", "email", "phone")
    free_text_fields = ("message",)
    retention_days = 365

    panels = [
        MultiFieldPanel(
            ["name", "email", "phone"],
            heading=_("Contact (persoonsgegevens)"),
            help_text=_(
                "Alleen voor de redactie. Gebruik ze enkel om over dit voorstel te praten."
            ),
        ),
        "wijk",
        "message",
        "status",
        "editor_note",
    ]

    class Meta:
        verbose_name = _("voorstel voor een verhaal")
        verbose_name_plural = _("voorstellen voor een verhaal")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Voorstel van %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d-%m-%Y %H:%M")
        }

    @property
    def title(self) -> str:
        """What the listing shows: the first words of the proposal (no personal data)."""
        words = self.message.split()
        return " ".join(words[:8]) + (" …" if len(words) > 8 else "") or str(self)

    title.fget.short_description = _("voorstel")

    def needs_confirmation(self) -> bool:
        return bool(self.email)

    @classmethod
    def no_confirmation_needed(cls):
        return Q(email="")


@feeds.register_feed_links
def story_feed_links(request):
    """The story index's own feeds, for the feeds page."""
    index = (
        StoryIndexPage.objects.live().public().filter(locale=localization.active_locale()).first()
    )
    if index is None:
        return []
    return [
        feeds.FeedLink(
            title=index.title,
            rss=index.rss_url,
            atom=index.atom_url,
            description=index.intro,
        )
    ]
