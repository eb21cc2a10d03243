"""Alerts 'meteen': when a page is published, queue its alerts after the commit (the task
then sees the published page). The task sends only what the feeds carry under that page's
address (a story, an advice, a meeting's agenda items), so any page type may trigger it."""

from django.db import transaction
from wagtail.signals import page_published


def _queue_alerts(sender, instance, **kwargs):
    from .models import Frequency, Subscription
    from .tasks import send_page_alerts

    direct = Subscription.objects.filter(confirmed_at__isnull=False, frequency=Frequency.DIRECT)
    if not direct.exists():
        return
    page_id = instance.pk
    transaction.on_commit(lambda: send_page_alerts.enqueue(page_id))


page_published.connect(_queue_alerts, dispatch_uid="volgen.queue_alerts")


def _forget_index_url(sender, instance, **kwargs):
    from django.core.cache import cache

    cache.delete(f"volgen:theme-index-url:{instance.locale.language_code}")


def _connect_index_signals():
    from wagtail.signals import page_unpublished

    from .models import ThemeIndexPage

    page_published.connect(_forget_index_url, sender=ThemeIndexPage)
    page_unpublished.connect(_forget_index_url, sender=ThemeIndexPage)


_connect_index_signals()
