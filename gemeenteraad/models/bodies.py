"""Who sits in the council: parties, people, bodies (the council, its commissions, the
college) and the mandates that tie a person to a body, with role, party and term.

Only public facts are kept: a name, the party, the role and the dates of a mandate. No
contact details, no photos, no birth dates. Bodies are translatable (their names differ per
language); content links to the Dutch (source) row and shows its translation through
:mod:`site_app.localization` (bodies are a vocabulary there), as with themes and wijken.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app import localization
from site_app.models.pages import source_locale_only
from site_app.models.taxonomy import TranslatableSlugMixin

OPARL_ID_HELP = _("Het id in het raadsinformatiesysteem (OParl). Vult de import zelf in.")


def oparl_id_field():
    return models.CharField(
        _("OParl-id"), max_length=500, blank=True, db_index=True, help_text=OPARL_ID_HELP
    )


class Party(models.Model):
    """A political group (fractie) in the council."""

    name = models.CharField(_("naam"), max_length=120)
    short_name = models.CharField(_("korte naam"), max_length=30, blank=True)
    oparl_id = oparl_id_field()

    panels = ["name", "short_name", "oparl_id"]

    class Meta:
        verbose_name = _("fractie")
        verbose_name_plural = _("fracties")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class Person(index.Indexed, models.Model):
    """A council member, alderman or secretary: a public name, nothing else."""

    given_name = models.CharField(_("voornaam"), max_length=80)
    family_name = models.CharField(_("achternaam"), max_length=80)
    oparl_id = oparl_id_field()

    panels = ["given_name", "family_name", "oparl_id"]
    search_fields = [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.AutocompleteField("family_name"),
    ]

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["family_name", "given_name"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class BodyKind(models.TextChoices):
    COUNCIL = "gemeenteraad", _("Gemeenteraad")
    COMMISSION = "commissie", _("Commissie")
    EXECUTIVE = "college", _("College van burgemeester en schepenen")


class CouncilBody(TranslatableSlugMixin, index.Indexed, ClusterableModel):
    """The gemeenteraad, one of its commissions, or the college."""

    name = models.CharField(_("naam"), max_length=160)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Korte naam in het webadres, bijv. commissie-wonen.")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=BodyKind.choices)
    description = models.TextField(
        _("waarover beslist of praat dit orgaan?"),
        max_length=600,
        blank=True,
        help_text=_("Twee of drie korte zinnen in klare taal."),
    )
    themes = ParentalManyToManyField(
        "site_app.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=50, help_text=_("Lager komt eerst in lijsten.")
    )
    oparl_id = oparl_id_field()

    panels = [
        "name",
        "short_name",
        "slug",
        "kind",
        "description",
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        "sort_order",
        "oparl_id",
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind"),
        SynchronizedField("sort_order"),
        SynchronizedField("oparl_id", overridable=False),
        TranslatableField("description"),
    ]

    class Meta(TranslatableSlugMixin.Meta):
        verbose_name = _("orgaan")
        verbose_name_plural = _("organen")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def page_url(self) -> str:
        """The body's public page, under the meeting overview of the active language."""
        from .meetings import MeetingIndexPage

        index = (
            MeetingIndexPage.objects.live()
            .filter(locale=localization.active_locale())
            .only("url_path", "locale_id")
            .first()
        )
        return index.body_url(self) if index else ""

    @property
    def source(self) -> CouncilBody:
        """The source-language row (mandates and meetings point at it)."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return CouncilBody.objects.get(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )


localization.register_vocabulary(CouncilBody)


def localize_bodies(bodies, locale=None) -> list[CouncilBody]:
    """Source-language bodies in the active language (a cached vocabulary of
    :mod:`site_app.localization`: no query once warm)."""
    return localization.localize_all(bodies, locale)


def localize_body(body, locale=None):
    return localization.localize(body, locale)


class Role(models.TextChoices):
    CHAIR = "voorzitter", _("Voorzitter")
    VICE_CHAIR = "ondervoorzitter", _("Ondervoorzitter")
    MEMBER = "lid", _("Lid")
    MAYOR = "burgemeester", _("Burgemeester")
    ALDERMAN = "schepen", _("Schepen")
    SECRETARY = "secretaris", _("Secretaris")


#: Roles without a vote (the secretary keeps the minutes).
NON_VOTING_ROLES = {Role.SECRETARY}


class MandateQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))

    def with_people(self):
        return self.select_related("person", "party", "body")


class Mandate(models.Model):
    """A person's seat in a body: role, party, from-to (a *mandataris* in OSLO terms)."""

    person = models.ForeignKey(
        Person, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="mandates"
    )
    body = models.ForeignKey(
        CouncilBody,
        verbose_name=_("orgaan"),
        on_delete=models.CASCADE,
        related_name="mandates",
        limit_choices_to=source_locale_only,
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.ForeignKey(
        Party,
        verbose_name=_("fractie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mandates",
    )
    portfolio = models.CharField(
        _("bevoegdheden"),
        max_length=300,
        blank=True,
        help_text=_("Voor schepenen: waarvoor zijn ze bevoegd? Bijv. Wonen en participatie."),
    )
    start = models.DateField(_("van"), default=timezone.localdate)
    end = models.DateField(_("tot en met"), null=True, blank=True)
    oparl_id = oparl_id_field()

    panels = ["person", "body", "role", "party", "portfolio", "start", "end", "oparl_id"]

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandaat")
        verbose_name_plural = _("mandaten")
        ordering = ["body__sort_order", "person__family_name", "person__given_name"]

    def __str__(self):
        role = self.get_role_display()
        return f"{self.person.name}: {role}, {self.body.name}"

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt vóór het begin.")})

    @property
    def has_vote(self) -> bool:
        return self.role not in NON_VOTING_ROLES

    @property
    def rdf(self) -> str:
        """Its IRI in the pages' RDFa (a safe CURIE: the OParl Membership)."""
        return f"[oparl:membership/{self.pk}]"

    def is_active(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.start <= day and (self.end is None or self.end >= day)
