"""The registry of models holding citizens' personal data, and the actions on all of them.

An app registers each such model (a :class:`site_app.models.PersonalDataMixin`) with
:func:`register`; ``manage.py purge_personal_data`` then purges all of them, and the admin
offers "Wis persoonsgegevens" and "Download gegevens" on each (see personal_data_admin.py).
Audit log entries name the object and the action, never the data.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import ConfirmableMixin

ERASE_ACTION = "site_app.erase_personal_data"
EXPORT_ACTION = "site_app.export_personal_data"

_models: list[type] = []


def register(model: type) -> type:
    """Class decorator: this model holds personal data (erase, purge, download)."""
    if model not in _models:
        _models.append(model)
    return model


def registered_models() -> list[type]:
    return list(_models)


def is_registered(model: type) -> bool:
    return model in _models


def erase(obj, *, user=None, include_free_text: bool = False) -> None:
    """Erase one object's personal data on request, and record who did it."""
    with transaction.atomic():
        obj.erase_personal_data(include_free_text=include_free_text)
        log(instance=obj, action=ERASE_ACTION, user=user)


def record_export(obj, *, user=None) -> None:
    log(instance=obj, action=EXPORT_ACTION, user=user)


def purge_all(now=None, *, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Apply every model's retention rule. Returns counts per model label:
    ``erased`` (past retention, data blanked) and ``deleted`` (never confirmed)."""
    now = now or timezone.now()
    counts = {}
    for model in _models:
        result = {"erased": 0, "deleted": 0}
        unconfirmed = _unconfirmed_expired(model, now)
        expired = model.retention_queryset(now)
        if dry_run:
            result["erased"] = expired.count()
            result["deleted"] = unconfirmed.count() if unconfirmed is not None else 0
        else:
            with transaction.atomic():
                if unconfirmed is not None:
                    result["deleted"] = unconfirmed.delete()[1].get(model._meta.label, 0)
                result["erased"] = model.purge(now)
        counts[model._meta.label] = result
    return counts


def _unconfirmed_expired(model, now):
    if not issubclass(model, ConfirmableMixin):
        return None
    cutoff = now - timedelta(days=model.unconfirmed_retention_days)
    return (
        model._default_manager.filter(confirmed_at__isnull=True)
        .exclude(model.no_confirmation_needed())
        .filter(**{f"{model.retention_date_field}__lt": cutoff})
    )
