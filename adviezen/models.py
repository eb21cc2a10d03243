"""The advice register: the advisory councils, their advice and what the city did with it.

``AdviceIndexPage`` (the register) → ``AdvisoryCouncilPage`` (one per council) → ``AdvicePage``.

An advice's history is a status timeline (:mod:`site_app.timeline`): one :class:`AdviceStep`
row per step. Editors fill in the dates and the city's response on the page; when the page is
published, the steps that are new or changed are added as rows (a changed step is a new row
that corrects the old one) and each is written to the audit log. Status, "overdue" and days
to a response are derived from the rows, never stored.

Translations share one history: the rows are recorded by the advice in the site's source
language (Dutch) and every translation reads them through its ``translation_key``.
"""

import logging
from http import HTTPMethod

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published

from site_app import feeds, readability, taxonomy, timeline
from site_app.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from site_app.fields import StreamField
from site_app.models import BasePage, StatusStep, TaxonomyMixin
from site_app.plain_language.panels import ReadabilityPanel
from site_app.readability import units_from_html, units_from_stream
from site_app.timeline import Timeline

from .forms import AdvicePageForm
from .history import (
    DEFAULT_RESPONSE_DAYS,
    RESPOND,
    RESPONSE_FIELDS,
    TIMELINE_FIELDS,
    AdviceKind,
    Phase,
    milestone,
    phase_of,
    timeline_changes,
)

logger = logging.getLogger(__name__)

READ_ONLY = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]


class AdviceIndexPage(RoutablePageMixin, BasePage):
    """The register: every advice of every council, with filters, figures and an export."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("uitleg"),
        blank=True,
        help_text=_("Hoe werkt een advies? Wat belooft de stad? Kort en in klare taal."),
    )
    response_days = models.PositiveSmallIntegerField(
        _("gewone termijn voor een antwoord (dagen)"),
        default=DEFAULT_RESPONSE_DAYS,
        help_text=_(
            "Binnen hoeveel dagen antwoordt de stad op een advies, als er geen andere "
            "termijn is afgesproken? Dit staat op de website."
        ),
    )

    content_panels = [*BasePage.content_panels, "intro", "response_days", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["adviezen.AdvisoryCouncilPage"]
    max_count_per_parent = 1
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("register van de adviezen")

    @path("")
    def register_route(self, request):
        from .views import register

        return register(request, self)

    @path("export/", name="export")
    def export_route(self, request):
        from .views import register_csv

        return register_csv(request, self)

    @property
    def export_url(self) -> str:
        return self.get_url() + self.reverse_subpage("export")


class CouncilKind(models.TextChoices):
    EXPERTISE = "vakgebied", _("Raad met kennis van een vakgebied")
    GROUP = "doelgroep", _("Raad die een groep Gentenaars vertegenwoordigt")


class AdvisoryCouncilPage(RoutablePageMixin, BasePage):
    """One recognised advisory council: who it is, how to reach it, and its advice."""

    abbreviation = models.CharField(
        _("korte naam"), max_length=40, help_text=_("Bijvoorbeeld STANZ, Gecoro of Ad REM.")
    )
    council_kind = models.CharField(
        _("soort raad"), max_length=20, choices=CouncilKind.choices, default=CouncilKind.EXPERTISE
    )
    remit = models.TextField(
        _("wat de raad doet, en voor wie"),
        max_length=600,
        help_text=_("Twee of drie korte zinnen."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("meer over de raad"), blank=True)
    secretariat = models.CharField(
        _("secretariaat"),
        max_length=200,
        blank=True,
        help_text=_("De dienst die de raad ondersteunt, bijvoorbeeld Dienst Cultuur."),
    )
    email = models.EmailField(_("e-mailadres van het secretariaat"), blank=True)
    phone = models.CharField(_("telefoon van het secretariaat"), max_length=30, blank=True)
    address = models.TextField(_("adres van het secretariaat"), max_length=300, blank=True)
    meeting_rhythm = models.CharField(
        _("wanneer de raad vergadert"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: elke tweede dinsdag van de maand, om 19 uur."),
    )
    members_group = models.ForeignKey(
        Group,
        verbose_name=_("groep van de leden"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "De leden van deze groep maken en bewerken de adviezen van deze raad, en alleen die."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        "abbreviation",
        "council_kind",
        "remit",
        MultiFieldPanel(
            ["secretariat", "email", "phone", "address", "meeting_rhythm"],
            heading=_("Contact en vergaderingen"),
        ),
        "body",
        FieldPanel("members_group", permission="auth.change_group"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("abbreviation"),
        index.AutocompleteField("abbreviation"),
        index.SearchField("remit"),
        index.SearchField("body"),
    ]
    parent_page_types = ["adviezen.AdviceIndexPage"]
    subpage_types = ["adviezen.AdvicePage"]
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("adviesraad")
        verbose_name_plural = _("adviesraden")

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.title

    def get_feed_summary(self):
        return self.summary or self.remit

    @path("")
    def council_route(self, request):
        from .views import council_page

        return council_page(request, self)

    @path("feed/<str:fmt>/", name="feed")
    def feed_route(self, request, fmt):
        from .views import council_feed

        return council_feed(request, self, fmt)

    def feed_url(self, fmt: str) -> str:
        return self.get_url() + self.reverse_subpage("feed", kwargs={"fmt": fmt})

    @property
    def rss_url(self) -> str:
        return self.feed_url("rss")

    @property
    def atom_url(self) -> str:
        return self.feed_url("atom")


class AdviceFeedSource(feeds.PageSource):
    """Advice pages in the feeds; a council's own feed narrows them to that council."""

    extra_scopes = frozenset({"council"})

    def filter_extra(self, queryset, name, value):
        return queryset.child_of(value)


@feeds.register_page(
    kind="advies",
    label=_("Advies"),
    date_field="first_published_at",
    source_class=AdviceFeedSource,
)
class AdvicePage(TaxonomyMixin, BasePage):
    kind = models.CharField(
        _("soort advies"), max_length=20, choices=AdviceKind.choices, default=AdviceKind.ASKED
    )
    requested_by = models.CharField(
        _("wie vroeg het advies?"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de schepen van Wonen. Leeg bij een advies op eigen initiatief."),
    )
    requested_on = models.DateField(_("vraag ontvangen op"), null=True, blank=True)
    advice_deadline = models.DateField(_("advies gevraagd tegen"), null=True, blank=True)
    subject = models.TextField(
        _("waarover gaat het?"),
        max_length=600,
        blank=True,
        help_text=_("De vraag, of het onderwerp van het advies, in één of twee zinnen."),
    )
    procedure = models.TextField(
        _("hoe het verloopt"),
        max_length=600,
        blank=True,
        help_text=_("De timing en de stappen, zoals de stad ze vooraf aankondigde."),
    )
    concerns_page = models.ForeignKey(
        Page,
        verbose_name=_("over deze pagina"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De beleidsnota, het agendapunt of het project waarover het advies gaat."),
    )
    concerns_url = models.URLField(
        _("of over deze webpagina"),
        blank=True,
        help_text=_("Alleen als het onderwerp niet op deze site staat."),
    )
    preparation_started_on = models.DateField(_("de raad begon eraan op"), null=True, blank=True)
    delivered_on = models.DateField(_("advies gegeven op"), null=True, blank=True)
    response_due = models.DateField(
        _("antwoord van de stad verwacht tegen"),
        null=True,
        blank=True,
        help_text=_("Laat leeg voor de gewone termijn van het register."),
    )
    advice_summary = models.TextField(
        _("het advies in het kort"),
        max_length=400,
        blank=True,
        help_text=_("In klare taal: korte zinnen, gewone woorden. Hoogstens 10 woorden per zin."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("het advies"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("het advies als document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response_on = models.DateField(_("antwoord gegeven op"), null=True, blank=True)
    response_by = models.CharField(
        _("antwoord van"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: het college van burgemeester en schepenen."),
    )
    outcome = models.CharField(
        _("wat doet de stad met het advies?"),
        max_length=30,
        choices=timeline.OUTCOMES,
        blank=True,
    )
    outcome_reason = models.TextField(
        _("waarom niet, of niet helemaal?"),
        max_length=1000,
        blank=True,
        help_text=_("Verplicht als de stad het advies niet overneemt."),
    )
    decision_due = models.DateField(
        _("beslissing verwacht tegen"),
        null=True,
        blank=True,
        help_text=_("Alleen bij 'nog in behandeling': wanneer beslist de stad?"),
    )
    response_summary = models.TextField(
        _("het antwoord in het kort"),
        max_length=400,
        blank=True,
        help_text=_("In klare taal: korte zinnen, gewone woorden. Hoogstens 10 woorden per zin."),
    )
    response = RichTextField(_("het volledige antwoord"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                "kind",
                "requested_by",
                "requested_on",
                "advice_deadline",
                "subject",
                "procedure",
                "concerns_page",
                "concerns_url",
            ],
            heading=_("De vraag"),
        ),
        MultiFieldPanel(
            ["preparation_started_on", "delivered_on", "response_due"],
            heading=_("Wanneer"),
            help_text=_(
                "Elke datum wordt een stap op de publieke tijdlijn zodra je publiceert. Een "
                "verbeterde datum wordt een nieuwe stap; de oude blijft zichtbaar."
            ),
        ),
        "advice_summary",
        "body",
        "document",
        *TaxonomyMixin.taxonomy_panels,
        ReadabilityPanel("plain", heading=_("Leesbaarheid van de samenvattingen")),
        ReadabilityPanel("full", heading=_("Leesbaarheid van het advies")),
    ]
    response_panels = [
        FieldPanel(name, permission=RESPOND)
        for name in ("response_on", "response_by", "outcome", "outcome_reason", "decision_due")
    ] + [
        FieldPanel("response_summary", permission=RESPOND),
        FieldPanel("response", permission=RESPOND),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Advies")),
            ObjectList(response_panels, heading=_("Antwoord van de stad"), permission=RESPOND),
            ObjectList(BasePage.promote_panels, heading=_("Promotie")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("advice_summary"),
        index.SearchField("subject"),
        index.SearchField("body"),
        index.SearchField("response_summary"),
        index.SearchField("response"),
        index.SearchField("requested_by"),
        index.FilterField("kind"),
        index.FilterField("outcome"),
        index.FilterField("delivered_on"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    parent_page_types = ["adviezen.AdvisoryCouncilPage"]
    subpage_types = []
    allowed_http_methods = READ_ONLY
    # A copy is a new advice: the city has not answered it.
    exclude_fields_in_copy = list(RESPONSE_FIELDS)
    base_form_class = AdvicePageForm

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        permissions = [
            ("respond_to_advice", _("Mag het antwoord van de stad op een advies schrijven"))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        council = AdvisoryCouncilPage.objects.ancestor_of(self).defer_streamfields().first()
        register = AdviceIndexPage.objects.ancestor_of(self).defer_streamfields().first()
        history = self.timeline
        source_language = None
        if history.rows and history.rows[0].advice_id != self.pk:
            source_language = (
                Page.objects.filter(pk=history.rows[0].advice_id)
                .values_list("locale__language_code", flat=True)
                .first()
            )
        context.update(
            {
                "council": council,
                "register": register,
                "timeline": history,
                "phase": phase_of(history),
                "overdue": history.is_overdue(),
                "days_overdue": history.days_overdue(),
                "note_lang": source_language
                if source_language != self.locale.language_code
                else "",
                "themes": taxonomy.localize(self.themes.all()),
                "wijken": taxonomy.localize(self.wijken.all()),
                "concerns": self.concerns_page.localized.specific
                if self.concerns_page_id and self.concerns_page.live
                else None,
            }
        )
        from .register import advice_json_ld

        context["json_ld"] = advice_json_ld(self, council, history, context["themes"], request)
        return context

    # --- text and readability -------------------------------------------------------------

    def get_feed_summary(self):
        return self.summary or self.advice_summary or self.subject

    def readability_sources(self):
        full = [
            self.title,
            self.subject,
            self.procedure,
            *units_from_stream(self.body),
            *units_from_html(self.response),
        ]
        plain = [self.advice_summary, self.response_summary]
        return {
            "full": (readability.STANDARD, [unit for unit in full if unit]),
            "plain": (readability.PLAIN, [unit for unit in plain if unit]),
        }

    # --- the timeline -----------------------------------------------------------------------

    def timeline_rows(self):
        return AdviceStep.objects.filter(advice__translation_key=self.translation_key)

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline(self.timeline_rows(), AdviceStep.flow)

    @property
    def phase(self) -> Phase | None:
        return phase_of(self.timeline)

    @property
    def records_timeline(self) -> bool:
        """Whether this page writes the shared history: the source-language page does (or
        the page itself, when the advice has no page in the source language)."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return True
        return not AdvicePage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).exists()

    def response_days(self) -> int:
        register = AdviceIndexPage.objects.ancestor_of(self).only("response_days").first()
        return register.response_days if register else DEFAULT_RESPONSE_DAYS

    def council_name(self) -> str:
        council = AdvisoryCouncilPage.objects.ancestor_of(self).only("title").first()
        return council.title if council else ""

    def sync_timeline(self, user=None) -> list["AdviceStep"]:
        """Add the steps that are new or changed since the last publication (and log them).

        Only a user who may write the city's response records its steps; for anyone else
        they are left as they are (the admin form already keeps them unchanged).
        """
        can_respond = user is None or user.has_perm(RESPOND)
        values = {name: getattr(self, name) for name in TIMELINE_FIELDS}
        rows = list(self.timeline_rows())
        changes = [
            (fields, corrects)
            for fields, corrects in timeline_changes(
                rows, values, self.council_name(), self.response_days()
            )
            if can_respond or milestone(fields["status"]) != "response"
        ]
        if not changes:
            return []
        with transaction.atomic():
            created = timeline.record(
                AdviceStep,
                history=rows,
                steps=[({**fields, "advice": self}, corrects) for fields, corrects in changes],
                user=user,
            )
            for step in created:
                log(
                    instance=self,
                    action="adviezen.status",
                    user=user,
                    data={
                        "status": step.status,
                        "date": step.date.isoformat(),
                        "corrects": step.corrects_id,
                    },
                )
        return created


class AdviceStep(StatusStep):
    """One public step of an advice (see site_app.timeline)."""

    flow = timeline.ADVICE
    advice = models.ForeignKey(
        AdvicePage,
        verbose_name=_("advies"),
        on_delete=models.CASCADE,
        related_name="status_steps",
    )

    class Meta(StatusStep.Meta):
        verbose_name = _("stap van een advies")
        verbose_name_plural = _("stappen van adviezen")
        indexes = [models.Index(fields=["status", "recorded_at"])]


@receiver(page_published, sender=AdvicePage)
def record_timeline(sender, instance, revision=None, **kwargs):
    """Publishing an advice adds its new or corrected steps to the public timeline."""
    if not instance.records_timeline:
        return
    user = revision.user if revision is not None else None
    try:
        instance.sync_timeline(user=user)
    except ValidationError as error:
        # The admin form checks the same rules before saving, so only code that bypasses it
        # gets here; the page is published, its timeline is left as it was.
        logger.warning("Timeline of advice %s not updated: %s", instance.pk, error.messages)


# --- The city's answers in the feeds --------------------------------------------------------


class AdviceAnswerSource(feeds.FeedSource):
    """ "The city answered": a step row in the feeds, beside the advice page itself.

    Same kind as the advice (``?soort=advies``), its own label. One entry per answer; a
    corrected answer keeps the entry id of the answer it corrects.
    """

    kind = "advies"
    label = _("Antwoord van de stad")
    theme_lookup = "advice__themes"
    wijk_lookup = "advice__wijken"
    extra_scopes = frozenset({"council"})

    def get_queryset(self, locale):
        live_here = AdvicePage.objects.live().public().filter(locale=locale)
        return (
            AdviceStep.objects.filter(
                status__in=timeline.ADVICE.answers,
                corrections__isnull=True,
                advice__translation_key__in=live_here.values("translation_key"),
            )
            .select_related("advice")
            .prefetch_related("advice__themes", "advice__wijken")
            .annotate(feed_date=F("recorded_at"))
        )

    def filter_extra(self, queryset, name, value):
        pages = AdvicePage.objects.child_of(value).values("translation_key")
        return queryset.filter(advice__translation_key__in=pages)

    def to_entries(self, steps, request):
        if not steps:
            return []
        locale = taxonomy.active_locale()
        keys = {step.advice.translation_key for step in steps}
        pages = {
            page.translation_key: page
            for page in AdvicePage.objects.live()
            .filter(locale=locale, translation_key__in=keys)
            .defer_streamfields()
            .only("title", "url_path", "translation_key", "locale_id", "response_summary")
        }
        roots = correction_roots(steps)
        entries = []
        for step in steps:
            page = pages.get(step.advice.translation_key)
            if page is None:
                continue
            published = step.recorded_at  # when the answer was published on the site
            summary = " ".join(filter(None, [f"{step.label}.", page.response_summary]))
            entries.append(
                feeds.FeedEntry(
                    guid=feeds.tag_uri("advies-antwoord", roots.get(step.pk, step.pk)),
                    title=_("Antwoord van de stad: %(title)s") % {"title": page.title},
                    link=request.build_absolute_uri(page.get_url(request) + "#antwoord"),
                    summary=summary,
                    published=published,
                    updated=published,
                    kind=self.kind,
                    kind_label=str(self.label),
                    categories=self.categories(step.advice),
                    authors=(step.actor,) if step.actor else (),
                )
            )
        return entries


def correction_roots(steps) -> dict:
    """The first row of each step's correction chain (one query for all of them)."""
    corrected = [step for step in steps if step.corrects_id]
    if not corrected:
        return {}
    advice_ids = {step.advice_id for step in corrected}
    parent = dict(
        AdviceStep.objects.filter(advice_id__in=advice_ids).values_list("pk", "corrects_id")
    )
    roots = {}
    for step in corrected:
        cursor = step.pk
        while parent.get(cursor):
            cursor = parent[cursor]
        roots[step.pk] = cursor
    return roots


feeds.register(AdviceAnswerSource())


@feeds.register_feed_links
def council_feed_links(request):
    """Each council's feed (advice and the city's answers), for the feeds page."""
    councils = (
        AdvisoryCouncilPage.objects.live()
        .public()
        .filter(locale=taxonomy.active_locale())
        .defer_streamfields()
        .order_by("title")
    )
    return [
        feeds.FeedLink(
            title=council.title,
            rss=council.rss_url,
            atom=council.atom_url,
            description=_("Adviezen van deze raad en de antwoorden van de stad."),
        )
        for council in councils
    ]
