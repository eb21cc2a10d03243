"""The policy note (beleidsnota): its full text and its plain-language version."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from site_app import feeds
from site_app.fields import StreamField
from site_app.models import BasePage, TaxonomyMixin
from site_app.models.pages import source_locale_only
from site_app.plain_language.models import PlainVersionMixin
from site_app.plain_language.panels import ReadabilityPanel
from site_app.readability import units_from_stream

from ..blocks import FeedbackBlock, PolicyNoteBodyBlock


@feeds.register_page(kind="beleidsnota", label=_("Beleidsnota"))
class PolicyNotePage(PlainVersionMixin, TaxonomyMixin, BasePage):
    """A policy note (beleidsnota): the full text in numbered sections with actions, and its
    plain-language version (:class:`PlainVersionMixin`, at ``<page url>klare-taal/``)."""

    intro = models.TextField(
        _("inleiding"), max_length=600, blank=True, help_text=_("Waar gaat de nota over?")
    )
    alderman = models.ForeignKey(
        "gemeenteraad.Mandate",
        verbose_name=_("verantwoordelijke schepen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_notes",
        limit_choices_to={"role__in": ["schepen", "burgemeester"]},
    )
    department = models.CharField(_("dienst"), max_length=200, blank=True)
    commission = models.ForeignKey(
        "gemeenteraad.CouncilBody",
        verbose_name=_("commissie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="policy_notes",
        limit_choices_to=source_locale_only,
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
        *PlainVersionMixin.plain_panels,
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
    # The alderman and commission are the council's own (source-language) rows in every
    # language; pages show the body's name in the reader's language.
    override_translatable_fields = [SynchronizedField("alderman"), SynchronizedField("commission")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("beleidsnota")
        verbose_name_plural = _("beleidsnota's")

    def get_feed_summary(self):
        return self.summary or self.intro

    def full_readability_units(self) -> list[str]:
        return [
            self.title,
            self.intro,
            *units_from_stream(self.body),
            *units_from_stream(self.feedback),
        ]
