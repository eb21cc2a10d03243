"""Meetings of the council and its commissions, their agenda items, decisions and votes.

An agenda item is a row of its meeting (an orderable child object), so it is edited, imported
and translated together with the meeting: wagtail-localize extracts the title, summary and
decision of every item when the meeting is translated. Each item still has its own page, at
``<meeting url>punt/<key>/``; the ``key`` is made once and kept in every language and edit.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPMethod

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app.models import BasePage
from site_app.models.pages import source_locale_only

from .bodies import CouncilBody, Mandate, oparl_id_field

READ_ONLY = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]
KEY_ALPHABET = string.ascii_lowercase + string.digits
#: Page types an agenda item may link to, when their app is installed.
RELATED_PAGE_TYPES = ("home.PolicyNotePage", "adviezen.AdvicePage")
AGENDA_NOTICE_DAYS = 8


def new_item_key() -> str:
    """A short, stable key for an agenda item's web address."""
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(8))


def related_page_models() -> list:
    """The installed page types in :data:`RELATED_PAGE_TYPES` (advice may not exist yet)."""
    found = []
    for label in RELATED_PAGE_TYPES:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


class MeetingStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    AGENDA = "agenda", _("Agenda gepubliceerd")
    HELD = "gehouden", _("Gehouden")
    MINUTES = "notulen", _("Notulen gepubliceerd")
    CANCELLED = "geannuleerd", _("Geannuleerd")
    MOVED = "verplaatst", _("Verplaatst")


#: The agenda of a meeting in these states is public.
AGENDA_PUBLIC = {
    MeetingStatus.AGENDA,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES,
    MeetingStatus.CANCELLED,
    MeetingStatus.MOVED,
}
HELD = {MeetingStatus.HELD, MeetingStatus.MINUTES}
CALLED_OFF = {MeetingStatus.CANCELLED, MeetingStatus.MOVED}
#: A change to one of these is a new version of the calendar event (iCalendar SEQUENCE).
SCHEDULE_FIELDS = (
    "start",
    "end",
    "status",
    "location_name",
    "street_address",
    "postal_code",
    "locality",
    "room",
)


class MeetingIndexPage(RoutablePageMixin, BasePage):
    """All meetings of one language: upcoming first, the archive, the bodies and calendars."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    follow_intro = models.TextField(
        _("uitleg bij 'Volg de gemeenteraad'"),
        max_length=400,
        blank=True,
        help_text=_("Hoe volg je de raad: feeds, agenda in je kalender, livestream."),
    )

    content_panels = [*BasePage.content_panels, "intro", "follow_intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["gemeenteraad.MeetingPage"]
    max_count_per_parent = 1
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("overzicht van de vergaderingen")

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..views import meeting_index

        return meeting_index(request, self)

    @path("orgaan/<slug:slug>/", name="body")
    def body_route(self, request, slug):
        from ..views import body_page

        return body_page(request, self, slug)

    @path("orgaan/<slug:slug>/kalender/", name="body_ics")
    def body_calendar_route(self, request, slug):
        from ..ical import body_calendar

        return body_calendar(request, self, slug)

    @path("orgaan/<slug:slug>/feed/<str:fmt>/", name="body_feed")
    def body_feed_route(self, request, slug, fmt):
        from ..views import body_feed

        return body_feed(request, self, slug, fmt)

    @path("thema/<slug:slug>/kalender/", name="theme_ics")
    def theme_calendar_route(self, request, slug):
        from ..ical import theme_calendar

        return theme_calendar(request, self, slug)

    def subpage_url(self, name, request=None, **kwargs) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage(name, kwargs=kwargs)

    def body_url(self, body, request=None) -> str:
        return self.subpage_url("body", request, slug=body.slug)

    def get_sitemap_urls(self, request=None):
        """The index and one page per body that has meetings or members."""
        urls = super().get_sitemap_urls(request)
        if urls:
            bodies = CouncilBody.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).values_list("slug", flat=True)
            base = urls[0]["location"]
            for slug in bodies:
                location = base + self.reverse_subpage("body", kwargs={"slug": slug})
                urls.append({**urls[0], "location": location})
        return urls

    def meetings(self):
        return MeetingPage.objects.child_of(self).live().public()


class MeetingPage(RoutablePageMixin, BasePage):
    """One meeting: when, where, who; its agenda; afterwards its decisions and votes."""

    body = models.ForeignKey(
        CouncilBody,
        verbose_name=_("orgaan"),
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to=source_locale_only,
    )
    start = models.DateTimeField(_("begint om"), help_text=_("Tijd in Gent (Europe/Brussels)."))
    end = models.DateTimeField(_("eindigt om (gepland)"), null=True, blank=True)
    actual_start = models.DateTimeField(_("begon om"), null=True, blank=True)
    actual_end = models.DateTimeField(_("eindigde om"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    agenda_published_at = models.DateTimeField(
        _("agenda gepubliceerd op"),
        null=True,
        blank=True,
        help_text=_(
            "Ten laatste 8 dagen voor de vergadering. Wordt ingevuld als je de status "
            "op 'Agenda gepubliceerd' zet."
        ),
    )
    status_note = models.TextField(
        _("uitleg bij de status"),
        max_length=400,
        blank=True,
        help_text=_("Bijv. waarom de vergadering niet doorgaat of naar wanneer ze verschuift."),
    )
    moved_to = models.ForeignKey(
        "self",
        verbose_name=_("verplaatst naar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(
        _("openbare vergadering"),
        default=True,
        help_text=_("Iedereen mag komen kijken. Besloten punten staan apart aangeduid."),
    )
    on_location = models.BooleanField(
        _("open commissie op locatie"),
        default=False,
        help_text=_("De commissie vergadert in een wijk, niet in het stadhuis."),
    )
    location_name = models.CharField(
        _("plaats"), max_length=160, blank=True, help_text=_("Bijv. Stadhuis, of Buurtcentrum.")
    )
    room = models.CharField(_("zaal"), max_length=120, blank=True)
    street_address = models.CharField(_("straat en nummer"), max_length=160, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    locality = models.CharField(_("gemeente"), max_length=80, blank=True, default="Gent")
    accessibility = models.TextField(
        _("toegankelijkheid"),
        max_length=600,
        blank=True,
        help_text=_("Rolstoel, ringleiding, tolk Vlaamse Gebarentaal, tram of bus in de buurt."),
    )
    livestream_url = models.URLField(_("livestream"), blank=True)
    intro = models.TextField(
        _("inleiding"),
        max_length=400,
        blank=True,
        help_text=_("Eén of twee zinnen: waarover gaat deze vergadering vooral?"),
    )
    sequence = models.PositiveIntegerField(default=0, editable=False)
    oparl_id = oparl_id_field()

    content_panels = [
        *BasePage.content_panels,
        "body",
        "intro",
        MultiFieldPanel(
            [
                FieldRowPanel(["start", "end"]),
                FieldRowPanel(["actual_start", "actual_end"]),
                "status",
                "agenda_published_at",
                "status_note",
                PageChooserPanel("moved_to", page_type="gemeenteraad.MeetingPage"),
            ],
            heading=_("Wanneer"),
        ),
        MultiFieldPanel(
            [
                "is_public",
                "on_location",
                "location_name",
                "room",
                "street_address",
                FieldRowPanel(["postal_code", "locality"]),
                "accessibility",
                "livestream_url",
            ],
            heading=_("Waar"),
        ),
        InlinePanel("documents", heading=_("Documenten"), label=_("document")),
    ]
    agenda_panels = [InlinePanel("agenda_items", heading=_("Agenda"), label=_("agendapunt"))]
    attendance_panels = [
        InlinePanel("attendance", heading=_("Aanwezigheid"), label=_("mandataris")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Vergadering")),
            ObjectList(agenda_panels, heading=_("Agenda")),
            ObjectList(attendance_panels, heading=_("Aanwezig")),
            ObjectList(BasePage.promote_panels, heading=_("Promotie")),
            ObjectList(BasePage.settings_panels, heading=_("Instellingen")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.FilterField("start"),
        index.FilterField("status"),
        index.RelatedFields("body", [index.SearchField("name")]),
        index.RelatedFields(
            "agenda_items",
            [
                index.SearchField("title"),
                index.SearchField("summary"),
                index.SearchField("decision"),
            ],
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("body"),
        SynchronizedField("moved_to"),
        SynchronizedField("location_name"),
        SynchronizedField("room"),
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("locality"),
        SynchronizedField("oparl_id", overridable=False),
        TranslatableField("status_note"),
        TranslatableField("accessibility"),
    ]
    parent_page_types = ["gemeenteraad.MeetingIndexPage"]
    subpage_types = []
    allowed_http_methods = READ_ONLY

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")

    def __str__(self):
        return self.title

    # --- state ------------------------------------------------------------------------

    @property
    def is_held(self) -> bool:
        return self.status in HELD

    @property
    def is_called_off(self) -> bool:
        return self.status in CALLED_OFF

    @property
    def agenda_is_public(self) -> bool:
        return self.status in AGENDA_PUBLIC

    @property
    def is_upcoming(self) -> bool:
        return (self.end or self.start) >= timezone.now() and not self.is_called_off

    @property
    def started_at(self):
        """When it began; for a held meeting without a recorded time, the planned start."""
        return self.actual_start or (self.start if self.is_held else None)

    @property
    def ended_at(self):
        return self.actual_end or (self.end if self.is_held else None)

    @property
    def address_line(self) -> str:
        place = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.street_address, place) if part)

    def clean(self):
        super().clean()
        errors = {}
        if self.end and self.start and self.end <= self.start:
            errors["end"] = _("Het einde moet na het begin liggen.")
        if self.actual_end and self.actual_start and self.actual_end <= self.actual_start:
            errors["actual_end"] = _("Het einde moet na het begin liggen.")
        if self.status == MeetingStatus.MOVED and not (self.moved_to_id or self.status_note):
            errors["status_note"] = _("Zeg naar wanneer de vergadering verplaatst is.")
        if self.on_location and not self.street_address:
            errors["street_address"] = _("Een commissie op locatie heeft een adres nodig.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.status != MeetingStatus.PLANNED and self.agenda_published_at is None:
            self.agenda_published_at = timezone.now()
        if self.pk and kwargs.get("update_fields") is None:
            self._bump_sequence()
        return super().save(*args, **kwargs)

    def _bump_sequence(self) -> None:
        """A new calendar version when the time, place or status changed (RFC 5545 3.8.7.4).

        The stored number counts, not the one in the revision being published.
        """
        stored = MeetingPage.objects.filter(pk=self.pk).values(*SCHEDULE_FIELDS, "sequence").first()
        if stored is None:
            return
        changed = any(stored[name] != getattr(self, name) for name in SCHEDULE_FIELDS)
        self.sequence = stored["sequence"] + (1 if changed else 0)

    # --- routes -----------------------------------------------------------------------

    @path("punt/<str:key>/", name="item")
    def item_route(self, request, key):
        from ..views import agenda_item_page

        return agenda_item_page(request, self, key)

    @path("kalender/", name="ics")
    def calendar_route(self, request):
        from ..ical import meeting_calendar

        return meeting_calendar(request, self)

    def item_url(self, item, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage(
            "item", kwargs={"key": item.key}
        )

    @property
    def ics_url(self) -> str:
        return (self.get_url() or "") + self.reverse_subpage("ics")

    def get_sitemap_urls(self, request=None):
        """The meeting and the page of each agenda item (one query for every meeting)."""
        urls = super().get_sitemap_urls(request)
        if not urls or not self.agenda_is_public:
            return urls
        keys = _item_keys_for_sitemap(request).get(self.pk, [])
        base = urls[0]["location"]
        for key in keys:
            location = base + self.reverse_subpage("item", kwargs={"key": key})
            urls.append({**urls[0], "location": location})
        return urls

    def get_context(self, request, *args, item_page=False, **kwargs):
        from ..views import meeting_context

        context = super().get_context(request, *args, **kwargs)
        if not item_page:  # an agenda item's page brings its own context
            context.update(meeting_context(request, self))
        return context


def _item_keys_for_sitemap(request) -> dict[int, list[str]]:
    cache_attr = "_gemeenteraad_item_keys"
    keys = getattr(request, cache_attr, None) if request is not None else None
    if keys is None:
        keys = {}
        for meeting_id, key in AgendaItem.objects.order_by("sort_order").values_list(
            "meeting_id", "key"
        ):
            keys.setdefault(meeting_id, []).append(key)
        if request is not None:
            setattr(request, cache_attr, keys)
    return keys


class DocumentLink(models.Model):
    """A document of a meeting or agenda item: one from the library, or a link elsewhere."""

    title = models.CharField(_("titel"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(
        _("of een link"),
        max_length=500,
        blank=True,
        help_text=_("Bijv. het document in het raadsinformatiesysteem."),
    )
    mime_type = models.CharField(_("bestandstype"), max_length=100, blank=True)
    oparl_id = oparl_id_field()

    panels = ["title", "document", "url"]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(
                _("Kies een document uit de bibliotheek of geef een link, niet allebei.")
            )

    @property
    def href(self) -> str:
        return self.document.url if self.document_id else self.url

    @property
    def file_type(self) -> str:
        if self.document_id:
            return self.document.file_extension.upper()
        return self.mime_type.rsplit("/", 1)[-1].upper() if self.mime_type else ""


class MeetingDocument(DocumentLink, Orderable):
    class Kind(models.TextChoices):
        INVITATION = "uitnodiging", _("Uitnodiging en agenda")
        MINUTES = "notulen", _("Notulen")
        OTHER = "bijlage", _("Bijlage")

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.OTHER)

    panels = ["kind", "title", "document", "url"]

    class Meta(Orderable.Meta):
        verbose_name = _("document van de vergadering")


class Attendance(models.TextChoices):
    PRESENT = "aanwezig", _("Aanwezig")
    EXCUSED = "verontschuldigd", _("Verontschuldigd")
    ABSENT = "afwezig", _("Afwezig")


class MeetingAttendance(Orderable):
    """Who was there (at the start of the meeting)."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attendance")
    mandate = models.ForeignKey(
        Mandate, verbose_name=_("mandataris"), on_delete=models.CASCADE, related_name="+"
    )
    presence = models.CharField(
        _("aanwezig?"), max_length=20, choices=Attendance.choices, default=Attendance.PRESENT
    )

    panels = ["mandate", "presence"]

    class Meta(Orderable.Meta):
        verbose_name = _("aanwezigheid")


class ItemType(models.TextChoices):
    DECISION = "besluit", _("Beslissing")
    INFORMATION = "kennisname", _("Ter kennisname")
    QUESTION = "vraag", _("Vraag of interpellatie")
    CITIZENS = "burgers", _("Punt van inwoners")


class Outcome(models.TextChoices):
    APPROVED = "goedgekeurd", _("Goedgekeurd")
    REJECTED = "verworpen", _("Verworpen")
    NOTED = "kennisgenomen", _("Kennis genomen")
    POSTPONED = "uitgesteld", _("Uitgesteld")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


class VoteKind(models.TextChoices):
    NONE = "", _("Geen stemming")
    OPEN = "open", _("Open stemming (aantallen)")
    ROLL_CALL = "naam", _("Stemming bij naam")
    SECRET = "geheim", _("Geheime stemming")


class VoteChoice(models.TextChoices):
    FOR = "voor", _("Voor")
    AGAINST = "tegen", _("Tegen")
    ABSTAIN = "onthouding", _("Onthouding")


@dataclass(frozen=True)
class Tally:
    votes_for: int
    against: int
    abstain: int

    @property
    def total(self) -> int:
        return self.votes_for + self.against + self.abstain


class RelatedPageChooserPanel(PageChooserPanel):
    """A page chooser offering the related page types that are installed right now."""

    def get_form_options(self):
        self.page_type = related_page_models() or ["wagtailcore.Page"]
        return super().get_form_options()


class AgendaItem(TranslatableMixin, ClusterableModel, Orderable):
    """One point on a meeting's agenda; later its decision and the vote."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    key = models.CharField(
        _("sleutel"),
        max_length=12,
        default=new_item_key,
        db_index=True,
        help_text=_("Vast deel van het webadres van dit punt. Niet wijzigen."),
    )
    number = models.CharField(_("nummer"), max_length=12, help_text=_("Bijv. 3 of 12a."))
    title = models.CharField(_("titel"), max_length=255)
    summary = models.TextField(
        _("samenvatting in klare taal"),
        max_length=800,
        blank=True,
        help_text=_(
            "Waarover gaat dit punt, en wat wordt er beslist? Korte zinnen, zonder vaktaal."
        ),
    )
    item_type = models.CharField(
        _("soort punt"), max_length=20, choices=ItemType.choices, default=ItemType.DECISION
    )
    is_public = models.BooleanField(_("openbaar"), default=True)
    themes = ParentalManyToManyField(
        "site_app.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    wijken = ParentalManyToManyField(
        "site_app.Wijk",
        verbose_name=_("wijken"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    decision = models.TextField(_("besluit"), blank=True, help_text=_("Wat de raad besliste."))
    motivation = models.TextField(
        _("motivering"), blank=True, help_text=_("Waarom; de juridische en feitelijke redenen.")
    )
    vote_kind = models.CharField(
        _("stemming"), max_length=10, choices=VoteKind.choices, blank=True, default=""
    )
    votes_for = models.PositiveSmallIntegerField(_("stemmen voor"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("stemmen tegen"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("onthoudingen"), null=True, blank=True)
    oparl_id = oparl_id_field()

    panels = [
        FieldRowPanel(["number", "item_type", "is_public"]),
        "title",
        "summary",
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("wijken", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Thema's en wijken"),
        ),
        InlinePanel("documents", heading=_("Documenten"), label=_("document")),
        InlinePanel("links", heading=_("Hangt samen met"), label=_("pagina")),
        MultiFieldPanel(
            [
                "outcome",
                "decision",
                "motivation",
                "vote_kind",
                FieldRowPanel(["votes_for", "votes_against", "votes_abstain"]),
                InlinePanel("votes", heading=_("Stemming bij naam"), label=_("stem")),
            ],
            heading=_("Besluit en stemming"),
        ),
        "key",
    ]
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("number"),
        SynchronizedField("oparl_id", overridable=False),
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("decision"),
        TranslatableField("motivation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def clean(self):
        super().clean()
        counts = (self.votes_for, self.votes_against, self.votes_abstain)
        if self.vote_kind in (VoteKind.OPEN, VoteKind.SECRET) and None in counts:
            raise ValidationError(
                {"votes_for": _("Geef het aantal stemmen voor, tegen en onthoudingen.")}
            )

    @property
    def has_vote(self) -> bool:
        return bool(self.vote_kind)

    @property
    def is_secret_vote(self) -> bool:
        return self.vote_kind == VoteKind.SECRET

    @cached_property
    def tally(self) -> Tally | None:
        """Vote counts; for a vote by name, counted from the votes (prefetched) if given."""
        if not self.vote_kind:
            return None
        if self.vote_kind == VoteKind.ROLL_CALL:
            votes = list(self.votes.all())
            if votes:
                return Tally(
                    votes_for=sum(v.choice == VoteChoice.FOR for v in votes),
                    against=sum(v.choice == VoteChoice.AGAINST for v in votes),
                    abstain=sum(v.choice == VoteChoice.ABSTAIN for v in votes),
                )
        return Tally(
            votes_for=self.votes_for or 0,
            against=self.votes_against or 0,
            abstain=self.votes_abstain or 0,
        )

    @property
    def has_decision(self) -> bool:
        return bool(self.decision or self.outcome)

    def get_url(self, request=None) -> str:
        return self.meeting.item_url(self, request)


class AgendaItemDocument(DocumentLink, Orderable):
    item = ParentalKey(AgendaItem, on_delete=models.CASCADE, related_name="documents")

    class Meta(Orderable.Meta):
        verbose_name = _("document van het agendapunt")


class AgendaItemLink(Orderable):
    """A page this item is about: a policy note, an advice (when that app exists)."""

    item = ParentalKey(AgendaItem, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [RelatedPageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("pagina bij het agendapunt")

    def clean(self):
        super().clean()
        allowed = related_page_models()
        if self.page_id and allowed and self.page.specific_class not in allowed:
            raise ValidationError(
                {"page": _("Kies een beleidsnota of een advies.")},
            )


class RollCallVote(Orderable):
    """How one member voted, for a vote by name."""

    item = ParentalKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    mandate = models.ForeignKey(
        Mandate, verbose_name=_("mandataris"), on_delete=models.CASCADE, related_name="+"
    )
    choice = models.CharField(_("stem"), max_length=12, choices=VoteChoice.choices)

    panels = ["mandate", "choice"]

    class Meta(Orderable.Meta):
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")


def agenda_deadline(meeting: MeetingPage):
    """The latest moment the agenda should be public (8 days before the meeting)."""
    return meeting.start - timedelta(days=AGENDA_NOTICE_DAYS)
