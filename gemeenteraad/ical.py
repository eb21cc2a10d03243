"""Meetings in your calendar (iCalendar, RFC 5545): per meeting, per body, per theme.

Each meeting is one VEVENT with a UID that stays the same in every language and edit. A change
of time, place or status raises its SEQUENCE (see ``MeetingPage._bump_sequence``), so
calendar apps replace the old version; a cancelled or moved meeting arrives with
STATUS:CANCELLED. Times are written in Europe/Brussels with its VTIMEZONE.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from site_app import taxonomy
from site_app.models import Theme

from .models import MeetingPage, MeetingStatus, localize_bodies
from .views import find_body, meeting_listing

CONTENT_TYPE = "text/calendar; charset=utf-8"
DEFAULT_DURATION = timedelta(hours=2)
#: Meetings that ended longer ago than this are left out of body and theme calendars.
CALENDAR_HISTORY = timedelta(days=90)


def uid(meeting) -> str:
    authority = settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"vergadering-{meeting.translation_key}@{authority}"


def _event(meeting, body, request) -> Event:
    zone = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.sequence)
    stamp = meeting.last_published_at or meeting.latest_revision_created_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    event.add("last-modified", stamp.astimezone(ZoneInfo("UTC")))
    start = meeting.start.astimezone(zone)
    event.add("dtstart", start)
    event.add("dtend", (meeting.end or meeting.start + DEFAULT_DURATION).astimezone(zone))
    summary = meeting.title
    if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.MOVED):
        event.add("status", "CANCELLED")
        label = (
            _("Gaat niet door") if meeting.status == MeetingStatus.CANCELLED else _("Verplaatst")
        )
        summary = f"{label}: {summary}"
    else:
        event.add("status", "CONFIRMED")
    event.add("summary", summary)
    place = ", ".join(
        part for part in (meeting.location_name, meeting.room, meeting.address_line) if part
    )
    if place:
        event.add("location", place)
    url = meeting.get_full_url(request)
    event.add("url", url)
    description = [meeting.intro, meeting.status_note, body.name, url]
    if meeting.livestream_url:
        description.append(_("Livestream: %(url)s") % {"url": meeting.livestream_url})
    event.add("description", "\n\n".join(part for part in description if part))
    event.add("categories", [body.name])
    event.add("transp", "OPAQUE")
    return event


def _timezone_component(meetings) -> Timezone:
    """Europe/Brussels, with the offset changes of the years these meetings are in."""
    years = [timezone.localtime(m.start).year for m in meetings] or [timezone.now().year]
    return Timezone.from_tzid(
        settings.TIME_ZONE,
        first_date=date(min(years) - 1, 1, 1),
        last_date=date(max(years) + 2, 1, 1),
    )


def calendar_response(request, meetings, *, name: str, filename: str) -> HttpResponse:
    meetings = list(meetings)
    calendar = Calendar()
    calendar.add("prodid", "-//Samen stad maken//Gemeenteraad//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(_timezone_component(meetings))
    bodies = localize_bodies(meeting.body for meeting in meetings)
    for meeting, body in zip(meetings, bodies, strict=True):
        calendar.add_component(_event(meeting, body, request))
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def meeting_calendar(request, meeting):
    return calendar_response(request, [meeting], name=meeting.title, filename=meeting.slug)


def _recent(queryset):
    return queryset.filter(until__gte=timezone.now() - CALENDAR_HISTORY).order_by("start", "pk")


def body_calendar(request, index, slug):
    body = find_body(slug)
    name = localize_bodies([body])[0].name
    meetings = _recent(
        meeting_listing(MeetingPage.objects.child_of(index)).filter(
            body__translation_key=body.translation_key
        )
    )
    return calendar_response(request, meetings, name=name, filename=body.slug)


def theme_calendar(request, index, slug):
    """Upcoming meetings with at least one agenda item on this theme."""
    theme = taxonomy.find_by_slug(Theme, slug)
    if theme is None:
        raise Http404(_("Dit thema bestaat niet."))
    meetings = (
        meeting_listing(MeetingPage.objects.child_of(index))
        .filter(
            until__gte=timezone.now(),
            agenda_items__themes__translation_key=theme.translation_key,
            status__in=[s for s in MeetingStatus if s != MeetingStatus.PLANNED],
        )
        .distinct()
        .order_by("start", "pk")
    )
    name = _("Gemeenteraad over %(theme)s") % {"theme": theme.name}
    return calendar_response(request, meetings, name=name, filename=f"thema-{theme.slug}")
