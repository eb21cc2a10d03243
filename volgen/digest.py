"""What a subscription receives: the feed entries of what it follows, for one period.

Everything goes through :func:`site_app.feeds.collect_entries` with one :class:`Scope` per
followed term, so an alert carries exactly what the theme, wijk, council and body feeds
carry (and nothing a feed would not show the public).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone, translation

from site_app import feeds

from .models import Frequency, Subscription

MAX_ENTRIES = 40


@dataclass(frozen=True)
class Period:
    key: str
    start: datetime
    end: datetime


def period_for(frequency: str, now: datetime | None = None) -> Period:
    """The last complete day or ISO week before ``now`` (local time)."""
    today = timezone.localdate(now or timezone.now())
    if frequency == Frequency.DAILY:
        first = today - timedelta(days=1)
        key, last = f"dag:{first.isoformat()}", first + timedelta(days=1)
    else:
        this_monday = today - timedelta(days=today.weekday())
        first, last = this_monday - timedelta(days=7), this_monday
        year, week, _weekday = first.isocalendar()
        key = f"week:{year}-W{week:02d}"
    return Period(key, _midnight(first), _midnight(last))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def site_request():
    """A request for building absolute links outside a web request (tasks, commands)."""
    parts = urlsplit(settings.BASE_URL)
    return RequestFactory().get("/", HTTP_HOST=parts.netloc, secure=parts.scheme == "https")


def scopes(subscription: Subscription) -> list[feeds.Scope]:
    found = [feeds.Scope.of(theme=theme) for theme in subscription.themes.all()]
    found += [feeds.Scope.of(wijk=wijk) for wijk in subscription.wijken.all()]
    found += [feeds.Scope.of(council=council) for council in subscription.councils.all()]
    found += [feeds.Scope.of(body=body) for body in subscription.bodies.all()]
    return found


def entries_for(
    subscription: Subscription,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    link_prefix: str | None = None,
    request=None,
) -> list[feeds.FeedEntry]:
    """Entries in the subscriber's language, newest first, without duplicates."""
    request = request or site_request()
    seen, found = set(), []
    with translation.override(subscription.language):
        request.LANGUAGE_CODE = subscription.language
        for scope in scopes(subscription):
            for entry in feeds.collect_entries(request, scope, limit=MAX_ENTRIES):
                if entry.guid in seen:
                    continue
                if (start and entry.published < start) or (end and entry.published >= end):
                    continue
                if link_prefix and not entry.link.startswith(link_prefix):
                    continue
                seen.add(entry.guid)
                found.append(entry)
    found.sort(key=lambda entry: (entry.published, entry.guid), reverse=True)
    return found[:MAX_ENTRIES]
