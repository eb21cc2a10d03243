"""Citizens' proposals for the council's agenda ("Voorstel van burgers"), and their support.

An inhabitant writes a proposal on the :class:`ProposalFormPage`, confirms it through the link
in the e-mail and follows it on a private status page (the link in every mail). Moderators move
it along the shared agenda-item flow (:data:`site_app.timeline.AGENDA_ITEM`): every step is a
:class:`ProposalStep` row, public once the proposal collects support. Inhabitants add their
support online (a :class:`ProposalSupport`, counted once confirmed by e-mail) and staff add the
counts of paper lists (:class:`PaperSupportList`).

Personal data (the initiator's and every supporter's) is never public: only the Moderatoren see
it in the admin; erasure, download and the retention purge use the shared lifecycle of
:mod:`site_app.personal_data`.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from datetime import timedelta
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from site_app import personal_data, timeline
from site_app.models import BasePage, ConfirmableMixin, PersonalDataMixin, StatusStep
from site_app.models.pages import source_locale_only
from site_app.timeline import Status, Timeline

#: Postcodes of the city of Ghent (its deelgemeenten included).
GHENT_POSTCODES = (
    "9000",
    "9030",
    "9031",
    "9032",
    "9040",
    "9041",
    "9042",
    "9050",
    "9051",
    "9052",
)
MINIMUM_AGE = 16
DEFAULT_THRESHOLD = 1000
DEFAULT_SUPPORT_DAYS = 90
DEFAULT_RETENTION_DAYS = 365
#: Statuses after which nothing happens any more: the retention period starts.
CLOSED = frozenset({Status.NOT_ADMISSIBLE, Status.DECIDED, Status.WITHDRAWN})
#: Statuses before support collection: the proposal is not public yet.
NOT_PUBLIC_YET = frozenset({Status.SUBMITTED, Status.CHAIR_ADVICE})


def new_private_token() -> str:
    return secrets.token_urlsafe(32)


@register_setting(icon="group")
class ProposalSettings(BaseSiteSetting):
    """The rules for citizens' proposals that the city may change without a deploy."""

    support_threshold = models.PositiveIntegerField(
        _("steun nodig"),
        default=DEFAULT_THRESHOLD,
        help_text=_("Hoeveel inwoners van 16 jaar of ouder een voorstel moeten steunen."),
    )
    support_days = models.PositiveSmallIntegerField(
        _("dagen om steun te verzamelen"),
        default=DEFAULT_SUPPORT_DAYS,
        help_text=_("Hoe lang een voorstel steun kan verzamelen, vanaf de start."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("bewaartermijn persoonsgegevens (dagen)"),
        default=DEFAULT_RETENTION_DAYS,
        help_text=_(
            "Zo lang na de laatste stap (beslist, niet ontvankelijk, ingetrokken) wist de "
            "site de persoonsgegevens van de indiener en van alle steunbetuigers."
        ),
    )

    class Meta:
        verbose_name = _("voorstellen van burgers")


def proposal_settings() -> ProposalSettings:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ProposalSettings(
            support_threshold=DEFAULT_THRESHOLD,
            support_days=DEFAULT_SUPPORT_DAYS,
            retention_days=DEFAULT_RETENTION_DAYS,
        )
    return ProposalSettings.for_site(site)


class ProposalFormPage(RoutablePageMixin, BasePage):
    """'Een punt op de agenda van de gemeenteraad': the form, the private status pages and the
    public overview 'Voorstellen van burgers' (a sub-page, ``voorstellen/``)."""

    intro = models.TextField(_("inleiding"), max_length=600, blank=True)
    how_it_works = models.TextField(
        _("hoe het werkt"),
        max_length=2000,
        blank=True,
        help_text=_("De stappen in klare taal: één stap per regel."),
    )
    controller = models.CharField(
        _("verwerkingsverantwoordelijke"),
        max_length=200,
        default="Stad Gent, Botermarkt 1, 9000 Gent",
    )
    privacy_contact = models.EmailField(
        _("contact voor privacy"), default="privacy@samenstadmaken.example"
    )

    content_panels = [*BasePage.content_panels, "intro", "how_it_works"]
    settings_panels = [
        *BasePage.settings_panels,
        MultiFieldPanel(["controller", "privacy_contact"], heading=_("Privacyverklaring")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    allowed_http_methods = [
        HTTPMethod.GET,
        HTTPMethod.HEAD,
        HTTPMethod.OPTIONS,
        HTTPMethod.POST,
    ]

    class Meta:
        verbose_name = _("formulier voor een voorstel van burgers")

    @path("")
    def form_route(self, request):
        from ..proposals import views

        return views.propose(request, self)

    @path("bedankt/", name="thanks")
    def thanks_route(self, request):
        from ..proposals import views

        return views.thanks(request, self)

    @path("bevestig/", name="confirm")
    def confirm_route(self, request):
        from ..proposals import views

        return views.confirm_proposal(request, self)

    @path("mijn-voorstel/<str:token>/", name="private")
    def private_route(self, request, token):
        from ..proposals import views

        return views.private_status(request, self, token)

    @path("mijn-voorstel/<str:token>/gegevens/", name="private_export")
    def private_export_route(self, request, token):
        from ..proposals import views

        return views.private_export(request, self, token)

    @path("voorstellen/", name="overview")
    def overview_route(self, request):
        from ..proposals import views

        return views.overview(request, self)

    @path("voorstellen/<int:pk>/", name="proposal")
    def proposal_route(self, request, pk):
        from ..proposals import views

        return views.public_proposal(request, self, pk)

    @path("voorstellen/<int:pk>/steun/bedankt/", name="support_thanks")
    def support_thanks_route(self, request, pk):
        from ..proposals import views

        return views.support_thanks(request, self, pk)

    @path("voorstellen/<int:pk>/steun/bevestig/", name="support_confirm")
    def support_confirm_route(self, request, pk):
        from ..proposals import views

        return views.confirm_support(request, self, pk)

    def subpage_url(self, name, request=None, **kwargs) -> str:
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    @property
    def overview_url(self) -> str:
        return self.subpage_url("overview")

    def proposal_url(self, proposal, request=None) -> str:
        return self.subpage_url("proposal", request, pk=proposal.pk)

    def get_sitemap_urls(self, request=None):
        """The form and the public overview (never the private pages)."""
        urls = super().get_sitemap_urls(request)
        if urls:
            overview = self.reverse_subpage("overview")
            urls.append(dict(urls[0], location=urls[0]["location"] + overview))
        return urls

    @property
    def steps(self) -> list[str]:
        return [line.strip() for line in self.how_it_works.splitlines() if line.strip()]


class PublicProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals the public may see: confirmed, and past the steps before support."""
        return self.filter(confirmed_at__isnull=False, published_at__isnull=False)

    def with_support_counts(self):
        return self.annotate(
            online_supports=Count(
                "supports",
                filter=Q(supports__confirmed_at__isnull=False),
                distinct=True,
            ),
        )


@personal_data.register
class CitizenProposal(ConfirmableMixin, PersonalDataMixin, ClusterableModel):
    """An inhabitant's question or proposal for the council's agenda.

    The texts of a proposal are public once it collects support (they are what inhabitants
    support); the initiator's name and contact details never are.
    """

    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    submitted_at = models.DateTimeField(
        _("ingediend op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Leeg: een ontwerp dat de indiener nog afwerkt."),
    )
    published_at = models.DateTimeField(_("openbaar sinds"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True, editable=False)
    erasure_requested_at = models.DateTimeField(
        _("vraagt om wissen sinds"), null=True, blank=True, editable=False
    )
    # The initiator (personal data)
    name = models.CharField(_("naam"), max_length=120, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    is_16_or_older = models.BooleanField(_("is 16 jaar of ouder"), default=False)
    # The proposal (public once support is collected)
    title = models.CharField(_("titel"), max_length=140)
    question = models.TextField(_("vraag of voorstel"), max_length=4000)
    reasons = models.TextField(_("waarom"), max_length=4000, blank=True)
    decision_asked = models.TextField(_("wat de raad moet beslissen"), max_length=2000, blank=True)
    themes = models.ManyToManyField(
        "site_app.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    wijken = models.ManyToManyField(
        "site_app.Wijk",
        verbose_name=_("wijken"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    wants_chair_advice = models.BooleanField(_("vraagt eerst advies aan de voorzitter"))
    language = models.CharField(
        _("taal van de indiener"), max_length=10, choices=settings.LANGUAGES, default="nl"
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    # The current status: the latest step of the timeline (kept here for filters and lists).
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=timeline.AGENDA_ITEM.choices(),
        blank=True,
        db_index=True,
    )
    support_deadline = models.DateField(_("steun verzamelen tot"), null=True, blank=True)
    moderator_note = models.TextField(
        _("interne notities"),
        blank=True,
        help_text=_("Alleen voor de moderatoren. Nooit openbaar, nooit naar de indiener."),
    )
    private_token = models.CharField(
        max_length=64, unique=True, default=new_private_token, editable=False
    )
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    personal_data_fields = ("name", "email", "phone", "postcode")
    # The internal notes may name the initiator; the proposal's own texts are public.
    free_text_fields = ("moderator_note",)

    objects = PublicProposalQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            ["title", "question", "reasons", "decision_asked", "themes", "wijken"],
            heading=_("Het voorstel (openbaar zodra het steun verzamelt)"),
        ),
        FieldPanel("moderator_note"),
        InlinePanel(
            "paper_lists",
            heading=_("Papieren steunlijsten"),
            label=_("steunlijst"),
        ),
    ]
    personal_panels = [
        MultiFieldPanel(
            ["name", "email", "phone", "postcode"],
            heading=_("Indiener (persoonsgegevens)"),
            help_text=_("Alleen voor de moderatoren. Gebruik ze enkel voor dit voorstel."),
        ),
    ]

    class Meta:
        verbose_name = _("voorstel van burgers")
        verbose_name_plural = _("voorstellen van burgers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    # --- lifecycle ------------------------------------------------------------------------

    @property
    def is_draft(self) -> bool:
        return self.submitted_at is None

    @property
    def is_public(self) -> bool:
        return self.is_confirmed and self.published_at is not None

    @property
    def is_open(self) -> bool:
        return bool(self.status) and Status(self.status) not in CLOSED

    @property
    def collects_support(self) -> bool:
        return self.status == Status.COLLECTING_SUPPORT and (
            self.support_deadline is None or timeline.today() <= self.support_deadline
        )

    def next_statuses(self) -> list[tuple[str, str]]:
        """The statuses a moderator may choose next."""
        flow = ProposalStep.flow
        previous = self.status or None
        return [
            (value, label)
            for value, label in flow.choices()
            if flow.allows(previous, value) and (value != Status.WITHDRAWN)
        ]

    @cached_property
    def timeline(self) -> Timeline:
        return Timeline(self.steps.all(), ProposalStep.flow)

    def public_timeline(self) -> Timeline:
        return self.timeline

    # --- support ----------------------------------------------------------------------------

    def support_total(self) -> int:
        online = getattr(self, "online_supports", None)
        if online is None:
            online = ProposalSupport.counting(self.supports.all()).count()
        paper = getattr(self, "paper_supports", None)
        if paper is None:
            paper = self.paper_lists.aggregate(total=Sum("count"))["total"] or 0
        return online + paper

    # --- personal data --------------------------------------------------------------------

    def needs_confirmation(self) -> bool:
        return True

    @classmethod
    def retention_queryset(cls, now=None):
        """Closed proposals whose retention (a site setting) has passed, still holding data."""
        cutoff = (now or timezone.now()) - timedelta(days=proposal_settings().retention_days)
        holds_data = Q()
        for name in (*cls.personal_data_fields, *cls.free_text_fields):
            holds_data |= ~Q(**{name: ""})
        return cls._default_manager.filter(closed_at__lt=cutoff).filter(holds_data)

    def personal_data_export(self) -> dict:
        data = super().personal_data_export()
        for name in ("title", "question", "reasons", "decision_asked"):
            data[str(self._meta.get_field(name).verbose_name)] = getattr(self, name)
        data.pop(str(self._meta.get_field("moderator_note").verbose_name), None)
        return data


class ProposalStep(StatusStep):
    """One step of a proposal's timeline; a scheduling step names the agenda item."""

    flow = timeline.AGENDA_ITEM
    proposal = models.ForeignKey(
        CitizenProposal,
        verbose_name=_("voorstel"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    agenda_item = models.ForeignKey(
        "gemeenteraad.AgendaItem",
        verbose_name=_("agendapunt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(StatusStep.Meta):
        verbose_name = _("stap van een voorstel van burgers")
        verbose_name_plural = _("stappen van voorstellen van burgers")


class PaperSupportList(models.Model):
    """Signatures collected on paper: staff enter the checked count and the scan."""

    proposal = ParentalKey(CitizenProposal, on_delete=models.CASCADE, related_name="paper_lists")
    received_on = models.DateField(_("ontvangen op"), default=timezone.localdate)
    count = models.PositiveIntegerField(
        _("aantal geldige handtekeningen"),
        help_text=_("Na nazicht: inwoners van Gent, 16 jaar of ouder, één keer geteld."),
    )
    scan = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("scan van de lijsten"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Zet de scan in de collectie 'Steunlijsten' (niet openbaar)."),
    )
    checked = models.BooleanField(_("nagekeken"), default=False)

    panels = ["received_on", "count", "scan", "checked"]

    class Meta:
        verbose_name = _("papieren steunlijst")
        verbose_name_plural = _("papieren steunlijsten")
        ordering = ["received_on", "pk"]

    def __str__(self):
        return f"{self.received_on:%d-%m-%Y}: {self.count}"


_SEPARATORS = re.compile(r"[\s\-‐-―'’`´.,]+")


def normalise(value: str) -> str:
    """A name as a comparison key: no accents, case, spaces, hyphens or apostrophes
    ('Van den Broeck-Dubois' and 'vandenbroeck dubois' are one name)."""
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub("", stripped).casefold()


def person_key(family_name: str, given_names: str, birth_date, postcode: str) -> str:
    """A keyed hash (HMAC-SHA256) of who a supporter is: the database's unique key.

    One column makes the uniqueness a single index, also after the data itself is erased;
    the key (derived from SECRET_KEY) keeps a copy of the table from being matched against a
    list of names and birth dates.
    """
    message = "|".join(
        (normalise(family_name), normalise(given_names), birth_date.isoformat(), postcode)
    )
    secret = hashlib.sha256(f"{settings.SECRET_KEY}:proposal-support".encode()).digest()
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


@personal_data.register
class ProposalSupport(ConfirmableMixin, PersonalDataMixin, models.Model):
    """One inhabitant's support for one proposal; it counts once confirmed by e-mail.

    The same person (same normalised name, birth date and postcode) can support a proposal
    once: a unique constraint on the keyed hash, so two requests at the same moment still
    store one row.
    """

    proposal = models.ForeignKey(
        CitizenProposal,
        verbose_name=_("voorstel"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    family_name = models.CharField(_("naam"), max_length=120, blank=True)
    given_names = models.CharField(_("voornamen"), max_length=120, blank=True)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    person_key = models.CharField(max_length=64, null=True, blank=True, editable=False)
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES, default="nl")

    personal_data_fields = (
        "family_name",
        "given_names",
        "birth_date",
        "postcode",
        "email",
        "person_key",
    )
    free_text_fields = ()
    unconfirmed_retention_days = 7

    class Meta:
        verbose_name = _("steunbetuiging")
        verbose_name_plural = _("steunbetuigingen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "person_key"], name="one_support_per_person_per_proposal"
            )
        ]

    def __str__(self):
        return _("Steun van %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d-%m-%Y %H:%M")
        }

    @classmethod
    def retention_queryset(cls, now=None):
        """Every support of a closed proposal past its retention, still holding data."""
        closed = CitizenProposal.objects.filter(
            closed_at__lt=(now or timezone.now())
            - timedelta(days=proposal_settings().retention_days)
        )
        return cls._default_manager.filter(proposal__in=closed).exclude(
            family_name="", given_names="", email="", birth_date__isnull=True
        )
