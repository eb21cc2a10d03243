"""Background work of the alerts (django-tasks): confirmation mails, digests, alerts.

A digest is claimed by inserting its :class:`Delivery` row (unique per subscription and
period) before the mail is sent. So running the task twice, by two workers or after a
restart, sends one mail; a crash between sending and recording leaves the row 'bezig' and
the period is not sent again (at most once, never twice). SMTP errors are retried a few
times; a period that still fails is marked 'mislukt' and ``send_digests`` tries it again.
"""

from __future__ import annotations

import logging
import smtplib
import time
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import digest, mail
from .models import Delivery, Frequency, Subscription

logger = logging.getLogger(__name__)

SMTP_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 2
TEMPORARY_ERRORS = (smtplib.SMTPException, OSError)


def _send(message) -> None:
    """Send, retrying temporary SMTP failures; raises the last error."""
    for attempt in range(1, SMTP_ATTEMPTS + 1):
        try:
            message.send()
            return
        except TEMPORARY_ERRORS:
            if attempt == SMTP_ATTEMPTS:
                raise
            time.sleep(RETRY_DELAY_SECONDS * attempt)


@task()
def send_confirmation(subscription_id: int, confirm_url: str) -> None:
    """The only mail an unconfirmed address ever gets (the view limits how often)."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.is_confirmed:
        return
    try:
        _send(mail.confirmation(subscription, confirm_url))
    except TEMPORARY_ERRORS:
        # The error text may hold the address: name only the subscription.
        logger.warning("Confirmation mail for subscription %s could not be sent.", subscription_id)


def _claim(subscription: Subscription, period: str) -> Delivery | None:
    """The delivery row for this period, when this run may send it; None otherwise."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(
                subscription=subscription,
                period=period,
                status=Delivery.Status.SENDING,
                attempts=1,
            )
    except IntegrityError:
        pass
    # Only a failed earlier attempt may be taken over, and only by one run.
    taken = Delivery.objects.filter(
        subscription=subscription, period=period, status=Delivery.Status.FAILED
    ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1)
    if not taken:
        return None
    return Delivery.objects.get(subscription=subscription, period=period)


def deliver(subscription: Subscription, period: str, entries, *, direct: bool = False) -> str:
    """Send ``entries`` for ``period`` once; returns the delivery's status."""
    delivery = _claim(subscription, period)
    if delivery is None:
        return "already"
    if not entries:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.EMPTY)
        return Delivery.Status.EMPTY
    try:
        _send(mail.digest(subscription, entries, direct=direct))
    except TEMPORARY_ERRORS:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED)
        logger.warning("Alert %s for subscription %s failed.", period, subscription.pk)
        return Delivery.Status.FAILED
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT, entry_count=len(entries), sent_at=timezone.now()
    )
    return Delivery.Status.SENT


def _confirmed(subscription_id: int) -> Subscription | None:
    return (
        Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=False)
        .prefetch_related("themes", "wijken", "councils", "bodies")
        .first()
    )


@task()
def send_digest(subscription_id: int, period_key: str, start: str, end: str) -> str:
    subscription = _confirmed(subscription_id)
    if subscription is None:
        return "gone"
    entries = digest.entries_for(
        subscription,
        start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(end),
    )
    return deliver(subscription, period_key, entries)


@task()
def send_page_alerts(page_id: int) -> int:
    """Alerts 'meteen' for a page that was just published, in its own language."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not page.live:
        return 0
    page = page.specific
    language = page.locale.language_code
    prefix = mail.absolute(page.get_url() or "") if page.get_url() else None
    if not prefix:
        return 0
    sent = 0
    subscriptions = Subscription.objects.filter(
        confirmed_at__isnull=False, frequency=Frequency.DIRECT, language=language
    ).prefetch_related("themes", "wijken", "councils", "bodies")
    since = timezone.now() - timedelta(days=2)
    for subscription in subscriptions:
        entries = digest.entries_for(subscription, start=since, link_prefix=prefix)
        if entries:
            period = f"pagina:{page.translation_key}"
            if deliver(subscription, period, entries, direct=True) == Delivery.Status.SENT:
                sent += 1
    return sent


def enqueue_due_digests(now=None) -> int:
    """Queue the digest of the last complete period of every confirmed subscriber that has
    not had it (cron calls ``manage.py send_digests``)."""
    count = 0
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        period = digest.period_for(frequency, now)
        done = Delivery.objects.filter(period=period.key).exclude(status=Delivery.Status.FAILED)
        due = Subscription.objects.filter(confirmed_at__isnull=False, frequency=frequency).exclude(
            pk__in=done.values("subscription_id")
        )
        for pk in due.values_list("pk", flat=True):
            send_digest.enqueue(pk, period.key, period.start.isoformat(), period.end.isoformat())
            count += 1
    return count
