"""What the meeting pages serve: the index with its archive, the body pages, agenda items.

Called from the routes of :class:`MeetingIndexPage` and :class:`MeetingPage`, so every URL
lives under the index in each language. Every listing costs a fixed number of queries.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from site_app import feeds, localization, taxonomy
from site_app.models import Theme, Wijk

from . import rdfa
from .feeds import body_feed_entries
from .forms import MeetingFilterForm
from .links import links_for
from .models import (
    AgendaItem,
    AgendaItemLink,
    Attendance,
    CouncilBody,
    Mandate,
    MeetingPage,
    Role,
    RollCallVote,
    localize_bodies,
    localize_body,
)
from .models.bodies import BodyKind

PAST_PER_PAGE = 10
BODY_PAST_COUNT = 6


# --------------------------------------------------------------------------- helpers


def source_bodies():
    return CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def find_body(slug: str) -> CouncilBody:
    """The source-language body with this slug, or 404."""
    body = source_bodies().filter(slug=slug).first()
    if body is None:
        raise Http404(_("Deze raad of commissie bestaat niet."))
    return body


def meeting_listing(queryset):
    """Meetings as lists show them: body, item count; a fixed number of queries."""
    return (
        queryset.live()
        .public()
        .defer_streamfields()
        .select_related("body")
        .annotate(
            item_count=Count("agenda_items", distinct=True),
            until=Coalesce(F("end"), F("start")),
        )
    )


def attach_bodies(meetings) -> list:
    meetings = list(meetings)
    for meeting, body in zip(meetings, localize_bodies(m.body for m in meetings), strict=True):
        meeting.localized_body = body
    return meetings


def paginate(request, queryset, per_page: int) -> dict:
    paginator = Paginator(queryset, per_page)
    status, page_error = 200, None
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        status, page_error = 400, _("Het paginanummer klopt niet. We tonen de eerste pagina.")
        page_obj = paginator.page(1)
    except EmptyPage:
        status, page_error = 404, _("Deze pagina bestaat niet. Ga naar de eerste pagina.")
        page_obj = None
    return {
        "paginator": paginator,
        "page_obj": page_obj,
        "past_meetings": attach_bodies(page_obj.object_list) if page_obj else [],
        "page_error": page_error,
        "status": status,
    }


def filter_meetings(queryset, selected: dict):
    if body := selected.get("orgaan"):
        queryset = queryset.filter(body__translation_key=body.translation_key)
    if theme := selected.get("thema"):
        queryset = queryset.filter(
            agenda_items__themes__translation_key=theme.translation_key
        ).distinct()
    if wijk := selected.get("wijk"):
        queryset = queryset.filter(
            agenda_items__wijken__translation_key=wijk.translation_key
        ).distinct()
    if year := selected.get("jaar"):
        queryset = queryset.filter(start__year=year)
    return queryset


def filter_options(index) -> dict:
    meetings = index.meetings()
    items = AgendaItem.objects.filter(meeting__in=meetings.values("pk"))
    years = sorted({moment.year for moment in meetings.dates("start", "year")}, reverse=True)
    return {
        "bodies": localize_bodies(
            source_bodies().filter(translation_key__in=meetings.values("body__translation_key"))
        ),
        "themes": taxonomy.localize(Theme.objects.filter(pk__in=items.values("themes"))),
        "wijken": taxonomy.localize(Wijk.objects.filter(pk__in=items.values("wijken"))),
        "years": years,
    }


# --------------------------------------------------------------------------- index


def meeting_index(request, index):
    options = filter_options(index)
    form = MeetingFilterForm(request.GET, **options)
    selected = form.selected()
    query = form.query()
    now = timezone.now()
    meetings = filter_meetings(meeting_listing(MeetingPage.objects.child_of(index)), selected)
    upcoming = attach_bodies(meetings.filter(until__gte=now).order_by("start", "pk"))
    next_meeting = next((m for m in upcoming if not m.is_called_off), None)
    listing = paginate(
        request, meetings.filter(until__lt=now).order_by("-start", "-pk"), PAST_PER_PAGE
    )
    status = listing["status"]
    if form.errors and status == 200:
        status = 400
    response = index.render(
        request,
        context_overrides={
            **listing,
            "filter_form": form,
            "selected": selected,
            "query_string": urlencode(query),
            "is_filtered": bool(query) or "page" in request.GET,
            "filter_errors": [error for errors in form.errors.values() for error in errors],
            "upcoming": upcoming,
            "next_meeting": next_meeting,
            "years": options["years"],
            "bodies": options["bodies"],
            "themes": options["themes"],
            "calendar_theme": selected.get("thema"),
        },
    )
    response.status_code = status
    return response


# --------------------------------------------------------------------------- bodies


def body_members(body, day=None) -> dict:
    """The body's current mandates by role, with chair and secretary (one query)."""
    day = day or timezone.localdate()
    mandates = list(
        Mandate.objects.filter(body=body)
        .active_on(day)
        .select_related("person", "party")
        .order_by("person__family_name", "person__given_name")
    )
    order = [Role.CHAIR, Role.VICE_CHAIR, Role.MAYOR, Role.ALDERMAN, Role.MEMBER, Role.SECRETARY]
    mandates.sort(key=lambda m: order.index(m.role) if m.role in order else len(order))
    return {
        "mandates": mandates,
        "chair": next((m for m in mandates if m.role == Role.CHAIR), None),
        "secretary": next((m for m in mandates if m.role == Role.SECRETARY), None),
    }


def body_page(request, index, slug):
    body = find_body(slug)
    localized = localize_body(body)
    now = timezone.now()
    meetings = meeting_listing(
        MeetingPage.objects.child_of(index).filter(body__translation_key=body.translation_key)
    )
    upcoming = attach_bodies(meetings.filter(until__gte=now).order_by("start", "pk"))
    past = attach_bodies(meetings.filter(until__lt=now).order_by("-start", "-pk")[:BODY_PAST_COUNT])
    base = index.subpage_url("body", request, slug=body.slug)
    context = {
        "body": localized,
        "source_body": body,
        "body_themes": taxonomy.localize(body.themes.all()),
        "upcoming": upcoming,
        "past_meetings": past,
        "all_meetings_url": f"{index.get_url(request)}?{urlencode({'orgaan': body.slug})}",
        "rss_url": base + "feed/rss/",
        "atom_url": base + "feed/atom/",
        "ics_url": base + "kalender/",
        "is_council": body.kind == BodyKind.COUNCIL,
        **body_members(body),
    }
    return index.render(request, template="gemeenteraad/body_page.html", context_overrides=context)


def body_feed(request, index, slug, fmt):
    if fmt not in feeds.FORMATS:
        raise Http404
    body = find_body(slug)
    localized = localize_body(body)
    return feeds.feed_response(
        request,
        fmt,
        title=_("Agenda van %(name)s") % {"name": localized.name} + f" · {_('Samen stad maken')}",
        description=localized.description or localized.name,
        link=request.build_absolute_uri(index.subpage_url("body", request, slug=body.slug)),
        entries=body_feed_entries(request, body),
    )


# --------------------------------------------------------------------------- meetings


def items_queryset(meeting):
    votes = RollCallVote.objects.select_related("mandate__person", "mandate__party")
    return meeting.agenda_items.prefetch_related(
        "themes",
        "wijken",
        "documents__document",
        Prefetch("links", queryset=AgendaItemLink.objects.select_related("page")),
        Prefetch("votes", queryset=votes),
    ).order_by("sort_order", "pk")


def localize_linked_pages(items) -> None:
    """Each item gets ``related_pages``: the linked pages in the reader's language."""
    from wagtail.models import Page

    links = [link for item in items for link in item.links.all()]
    keys = {link.page.translation_key for link in links}
    translated = {}
    if keys:
        for page in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys, locale=taxonomy.active_locale())
        ):
            translated[page.translation_key] = page
    for item in items:
        item.related_pages = []
        for link in item.links.all():
            page = translated.get(link.page.translation_key) or (
                link.page if link.page.live else None
            )
            if page is not None:
                item.related_pages.append(page)


def attendance_for(meeting) -> dict:
    rows = list(
        meeting.attendance.select_related("mandate__person", "mandate__party").order_by(
            "mandate__person__family_name", "mandate__person__given_name"
        )
    )
    return {
        "present": [row.mandate for row in rows if row.presence == Attendance.PRESENT],
        "excused": [row.mandate for row in rows if row.presence == Attendance.EXCUSED],
        "absent": [row.mandate for row in rows if row.presence == Attendance.ABSENT],
    }


def officers_for(meeting) -> dict:
    """Chair and secretary of the body on the meeting's day (one query)."""
    day = timezone.localtime(meeting.start).date()
    officers = (
        Mandate.objects.filter(body=meeting.body, role__in=[Role.CHAIR, Role.SECRETARY])
        .active_on(day)
        .select_related("person", "party")
    )
    found = {"chair": None, "secretary": None}
    for mandate in officers:
        found["chair" if mandate.role == Role.CHAIR else "secretary"] = mandate
    return found


def meeting_context(request, meeting) -> dict:
    items = list(items_queryset(meeting)) if meeting.agenda_is_public else []
    localize_linked_pages(items)
    extra_links = links_for(items, request)
    for item in items:
        item.extra_links = extra_links.get(item.pk, [])
    index = meeting.get_parent().specific
    meeting_url = meeting.get_url(request)
    context = {
        "body": localize_body(meeting.body),
        "items": items,
        "meeting_url": meeting_url,
        "body_url": index.body_url(meeting.body, request),
        "documents": list(meeting.documents.select_related("document")),
        "moved_to": localization.localize(meeting.moved_to) if meeting.moved_to_id else None,
        "index": index,
        **attendance_for(meeting),
        **officers_for(meeting),
    }
    context["rdf"] = rdfa.MeetingIds(meeting, items, request)
    context["json_ld"] = rdfa.event_json_ld(meeting, context, request)
    return context


def agenda_item_page(request, meeting, key):
    if not meeting.agenda_is_public:
        raise Http404(_("De agenda van deze vergadering is nog niet gepubliceerd."))
    items = list(items_queryset(meeting).filter(key=key))
    if not items:
        raise Http404(_("Dit agendapunt bestaat niet."))
    item = items[0]
    index = meeting.get_parent().specific
    localize_linked_pages(items)
    item.extra_links = links_for(items, request).get(item.pk, [])
    siblings = list(
        meeting.agenda_items.order_by("sort_order", "pk").only(
            "key", "number", "title", "meeting_id"
        )
    )
    position = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    context = {
        "item": item,
        "items": items,
        "body": localize_body(meeting.body),
        "themes": taxonomy.localize(item.themes.all()),
        "wijken": taxonomy.localize(item.wijken.all()),
        "previous_item": siblings[position - 1] if position > 0 else None,
        "next_item": siblings[position + 1] if position + 1 < len(siblings) else None,
        "index": index,
        "index_url": index.get_url(request),
        "meeting_url": meeting.get_url(request),
        "body_url": index.body_url(meeting.body, request),
        **attendance_for(meeting),
        **officers_for(meeting),
    }
    context["rdf"] = rdfa.MeetingIds(meeting, items, request)
    return meeting.render(
        request,
        template="gemeenteraad/agenda_item_page.html",
        context_overrides=context,
        item_page=True,
    )
