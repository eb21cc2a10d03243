"""The one lifecycle for citizens' personal data, and e-mail confirmation by a signed link.

Every model that holds what a resident sent us mixes in :class:`PersonalDataMixin` and is
registered with :func:`site_app.personal_data.register`. That gives it, the same way for all:

- *erase on request* (:meth:`~PersonalDataMixin.erase_personal_data`, an admin action for
  those allowed to change the object, written to Wagtail's audit log without the data),
- a *retention purge* (``manage.py purge_personal_data``): personal data *and* free text
  that may hold personal data are blanked once the retention period has passed,
- *download my data* (:meth:`~PersonalDataMixin.personal_data_export`).

:class:`ConfirmableMixin` adds confirmation by e-mail: a signed, expiring, single-use token.
A submission that needs confirmation counts only once it is confirmed; unconfirmed ones are
deleted by the purge after ``unconfirmed_retention_days``.
"""

import secrets
from datetime import timedelta
from typing import ClassVar

from django.core import signing
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class ConfirmationError(Exception):
    """A confirmation link that cannot be used; ``reason`` is 'invalid', 'expired' or 'used'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ConfirmableMixin(models.Model):
    confirmation_nonce = models.CharField(
        max_length=32, blank=True, default=new_nonce, editable=False
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True, editable=False)

    unconfirmed_retention_days: ClassVar[int] = 30
    confirmation_max_age: ClassVar[int] = CONFIRMATION_MAX_AGE

    class Meta:
        abstract = True

    @classmethod
    def confirmation_salt(cls) -> str:
        return f"{cls._meta.label_lower}.confirm"

    def needs_confirmation(self) -> bool:
        """Whether this row waits for an e-mail confirmation (override: e.g. only with an
        e-mail address)."""
        return True

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def confirmation_token(self) -> str:
        """A token for the confirmation link; it stops working once used or expired."""
        return signing.dumps(
            {"pk": self.pk, "n": self.confirmation_nonce}, salt=self.confirmation_salt()
        )

    @classmethod
    def confirm(cls, token: str):
        """Confirm the row the token names and return it; raises :class:`ConfirmationError`.

        One conditional UPDATE marks it confirmed and spends the nonce, so two clicks at once
        confirm it once.
        """
        try:
            data = signing.loads(
                token, salt=cls.confirmation_salt(), max_age=cls.confirmation_max_age
            )
        except signing.SignatureExpired as error:
            raise ConfirmationError("expired") from error
        except signing.BadSignature as error:
            raise ConfirmationError("invalid") from error
        if not isinstance(data, dict) or not {"pk", "n"} <= set(data):
            raise ConfirmationError("invalid")
        updated = cls._default_manager.filter(
            pk=data["pk"], confirmation_nonce=data["n"], confirmed_at__isnull=True
        ).update(confirmed_at=timezone.now(), confirmation_nonce="")
        if not updated:
            exists = cls._default_manager.filter(pk=data["pk"], confirmed_at__isnull=False)
            raise ConfirmationError("used" if exists.exists() else "invalid")
        return cls._default_manager.get(pk=data["pk"])

    @classmethod
    def counting(cls, queryset=None):
        """The rows that count: confirmed, or not needing a confirmation."""
        queryset = cls._default_manager.all() if queryset is None else queryset
        return queryset.filter(Q(confirmed_at__isnull=False) | cls.no_confirmation_needed())

    @classmethod
    def no_confirmation_needed(cls) -> Q:
        """The rows that never need a confirmation, as a filter (override with
        :meth:`needs_confirmation`)."""
        return Q(pk__in=[])


class PersonalDataMixin(models.Model):
    """Subclasses name ``personal_data_fields`` (erased on request and by the purge),
    ``free_text_fields`` (may hold personal data: blanked by the purge), the date the
    retention counts from and ``retention_days``."""

    erased_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True, editable=False
    )

    personal_data_fields: ClassVar[tuple[str, ...]] = ()
    free_text_fields: ClassVar[tuple[str, ...]] = ()
    retention_date_field: ClassVar[str] = "created_at"
    retention_days: ClassVar[int] = 365

    class Meta:
        abstract = True

    @classmethod
    def _blank_values(cls, names) -> dict:
        values = {}
        for name in names:
            field = cls._meta.get_field(name)
            values[name] = None if field.null else ""
        return values

    @property
    def has_personal_data(self) -> bool:
        return any(getattr(self, name) for name in self.personal_data_fields)

    def erase_personal_data(self, *, include_free_text: bool = False, save: bool = True):
        """Blank the personal data (and the free text when asked); the row itself stays."""
        names = [*self.personal_data_fields, *(self.free_text_fields if include_free_text else ())]
        for name, value in self._blank_values(names).items():
            setattr(self, name, value)
        self.erased_at = timezone.now()
        if save:
            self.save(update_fields=[*names, "erased_at"])

    def personal_data_export(self) -> dict:
        """What we hold about the person, for 'download my data' (JSON-serialisable)."""
        data = {}
        for name in (*self.personal_data_fields, *self.free_text_fields):
            value = getattr(self, name)
            data[str(self._meta.get_field(name).verbose_name)] = (
                value if value is None or isinstance(value, str | int | bool) else str(value)
            )
        received = getattr(self, self.retention_date_field, None)
        if received:
            data[str(self._meta.get_field(self.retention_date_field).verbose_name)] = (
                received.isoformat()
            )
        return data

    @classmethod
    def retention_queryset(cls, now=None):
        """Rows whose retention period has passed and that still hold data."""
        cutoff = (now or timezone.now()) - timedelta(days=cls.retention_days)
        holds_data = Q()
        for name, blank in cls._blank_values(
            [*cls.personal_data_fields, *cls.free_text_fields]
        ).items():
            holds_data |= ~Q(**{name: blank}) & Q(**{f"{name}__isnull": False})
        return cls._default_manager.filter(**{f"{cls.retention_date_field}__lt": cutoff}).filter(
            holds_data
        )

    @classmethod
    def purge(cls, now=None) -> int:
        """Blank personal data and free text of every row past its retention; the count."""
        now = now or timezone.now()
        values = cls._blank_values([*cls.personal_data_fields, *cls.free_text_fields])
        return cls.retention_queryset(now).update(**values, erased_at=now)
