"""The row behind every public status timeline (see :mod:`site_app.timeline`).

A concrete step model subclasses :class:`StatusStep`, adds a foreign key to its subject and
sets ``flow``. Rows are only ever added: saving an existing row raises, and a correction is a
new row whose ``corrects`` points at the row it replaces.
"""

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_app.timeline import Flow, Status, label


class StepIsFinal(Exception):
    """A status step was changed after it was saved: add a correcting step instead."""


class StatusStep(models.Model):
    flow: ClassVar[Flow]

    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    date = models.DateField(_("datum"))
    due = models.DateField(_("volgende stap verwacht tegen"), null=True, blank=True)
    note = models.TextField(_("publieke toelichting"), max_length=1000, blank=True)
    actor = models.CharField(
        _("door"),
        max_length=200,
        blank=True,
        help_text=_("Een raad, een dienst of een functie. Nooit een privépersoon."),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("verbetert"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    recorded_at = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    # Who recorded the step: for the audit trail in the admin, never shown in public.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geregistreerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["date", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {label(self.status)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise StepIsFinal(
                f"{type(self).__name__} {self.pk} is part of a public history: add a "
                "correcting step instead of changing it."
            )
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        return label(self.status)

    def clean(self):
        super().clean()
        if self.status and Status(self.status) not in self.flow.statuses:
            raise ValidationError(
                {"status": _("Deze status hoort niet bij deze tijdlijn.")}, code="status"
            )
        if self.status in self.flow.needs_note and not self.note.strip():
            raise ValidationError({"note": _("Geef een uitleg: waarom?")}, code="note-required")
