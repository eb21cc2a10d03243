"""OParl 1.1, read only: the council's open data at ``/oparl/v1.1/``.

One System, one Body (the city), and its Organizations (the council, commissions, college and
party groups), Persons, Memberships, Meetings with their AgendaItems, Papers, Consultations
and Files. Lists are paginated as OParl 7.x says (``data``, ``pagination``, ``links``).
OParl speaks one language: the source language (Dutch) of the site.

What OParl has no field for (the plain-language summary, themes and wijken, the vote) is
given as extension properties with the ``samenstadmaken:`` prefix, so an export can be
imported again without losing it (see :mod:`gemeenteraad.importer`).
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_GET

from .models import (
    AgendaItem,
    AgendaItemDocument,
    Attendance,
    CouncilBody,
    Mandate,
    MeetingDocument,
    MeetingPage,
    Party,
    Person,
    RollCallVote,
)
from .models.meetings import AGENDA_PUBLIC, MeetingStatus

SCHEMA = "https://schema.oparl.org/1.1/"
EXT = "samenstadmaken:"
PER_PAGE = 50
CITY = "gent"
LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
#: OParl 1.1 list filters (section 2.7.4) and the meeting field each one compares with.
DATE_FILTERS = {
    "created_since": ("first_published_at", "gte"),
    "created_until": ("first_published_at", "lte"),
    "modified_since": ("last_published_at", "gte"),
    "modified_until": ("last_published_at", "lte"),
}


def base() -> str:
    return settings.BASE_URL.rstrip("/") + "/oparl/v1.1/"


def url(path: str) -> str:
    return base() + path


def stamp(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def date(value) -> str | None:
    return value.isoformat() if value else None


def clean(data: dict) -> dict:
    """Leave out empty values (OParl: absent rather than null)."""
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def organization_id(kind: str, pk) -> str:
    return url(f"organization/{kind}-{pk}")


# --------------------------------------------------------------------------- querysets


def source_bodies():
    return CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def public_meetings():
    return (
        MeetingPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .defer_streamfields()
        .select_related("body")
    )


def meeting_prefetches(queryset):
    votes = RollCallVote.objects.select_related("mandate")
    items = AgendaItem.objects.prefetch_related(
        "themes",
        "wijken",
        "documents__document",
        Prefetch("votes", queryset=votes),
    ).order_by("sort_order", "pk")
    return queryset.prefetch_related(
        Prefetch("agenda_items", queryset=items),
        Prefetch("documents", queryset=MeetingDocument.objects.select_related("document")),
        Prefetch("attendance__mandate"),
    )


def public_items():
    meetings = public_meetings().filter(status__in=AGENDA_PUBLIC)
    return AgendaItem.objects.filter(meeting__in=meetings.values("pk"))


# --------------------------------------------------------------------------- objects


def system_json() -> dict:
    return {
        "id": url(""),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": "Samen stad maken",
        "body": url("bodies/"),
        "license": LICENSE,
        "website": settings.BASE_URL.rstrip("/") + "/",
        "product": "https://schema.oparl.org/",
    }


def body_json() -> dict:
    body = f"body/{CITY}/"
    return {
        "id": url(f"body/{CITY}"),
        "type": SCHEMA + "Body",
        "system": url(""),
        "name": "Stad Gent",
        "shortName": "Gent",
        "website": settings.BASE_URL.rstrip("/") + "/",
        "license": LICENSE,
        "classification": "Gemeente",
        "organization": url(body + "organization/"),
        "person": url(body + "person/"),
        "meeting": url(body + "meeting/"),
        "paper": url(body + "paper/"),
        "agendaItem": url(body + "agendaItem/"),
        "consultation": url(body + "consultation/"),
        "file": url(body + "file/"),
        "membership": url(body + "membership/"),
        "legislativeTerm": [],
    }


def body_organization_json(body: CouncilBody) -> dict:
    return clean(
        {
            "id": organization_id("orgaan", body.pk),
            "type": SCHEMA + "Organization",
            "body": url(f"body/{CITY}"),
            "name": body.name,
            "shortName": body.short_name,
            "organizationType": "Gremium",
            "classification": body.get_kind_display(),
            "membership": [url(f"membership/{m.pk}") for m in body.mandates.all()],
            "keyword": [f"thema:{theme.slug}" for theme in body.themes.all()],
            EXT + "kind": body.kind,
            EXT + "slug": body.slug,
            EXT + "description": body.description,
        }
    )


def party_organization_json(party: Party) -> dict:
    return clean(
        {
            "id": organization_id("fractie", party.pk),
            "type": SCHEMA + "Organization",
            "body": url(f"body/{CITY}"),
            "name": party.name,
            "shortName": party.short_name,
            "organizationType": "Fraktion",
            "classification": "Fractie",
            EXT + "kind": "fractie",
        }
    )


def person_json(person: Person) -> dict:
    return {
        "id": url(f"person/{person.pk}"),
        "type": SCHEMA + "Person",
        "body": url(f"body/{CITY}"),
        "name": person.name,
        "givenName": person.given_name,
        "familyName": person.family_name,
        "membership": [membership_json(m, embedded=True) for m in person.mandates.all()],
    }


def membership_json(mandate: Mandate, embedded: bool = False) -> dict:
    data = {
        "id": url(f"membership/{mandate.pk}"),
        "type": SCHEMA + "Membership",
        "organization": organization_id("orgaan", mandate.body_id),
        "role": mandate.get_role_display(),
        "votingRight": mandate.has_vote,
        "startDate": date(mandate.start),
        "endDate": date(mandate.end),
        "onBehalfOf": organization_id("fractie", mandate.party_id) if mandate.party_id else None,
        EXT + "role": mandate.role,
        EXT + "portfolio": mandate.portfolio,
    }
    if not embedded:
        data["person"] = url(f"person/{mandate.person_id}")
    return clean(data)


def file_json(document, prefix: str) -> dict:
    href = document.href
    absolute = href if href.startswith("http") else settings.BASE_URL.rstrip("/") + href
    data = {
        "id": url(f"file/{prefix}{document.pk}"),
        "type": SCHEMA + "File",
        "name": document.title,
        "accessUrl": absolute,
        "mimeType": document.mime_type or None,
    }
    if document.document_id:
        data["fileName"] = document.document.filename
        data["downloadUrl"] = absolute
    return clean(data)


def location_json(meeting: MeetingPage) -> dict:
    return clean(
        {
            "id": url(f"location/{meeting.pk}"),
            "type": SCHEMA + "Location",
            "description": meeting.location_name,
            "room": meeting.room,
            "streetAddress": meeting.street_address,
            "postalCode": meeting.postal_code,
            "locality": meeting.locality,
            "meetings": [url(f"meeting/{meeting.pk}")],
        }
    )


def vote_json(item: AgendaItem) -> dict | None:
    if not item.vote_kind:
        return None
    return {
        "kind": item.vote_kind,
        "for": item.votes_for,
        "against": item.votes_against,
        "abstain": item.votes_abstain,
        "byName": [
            {"membership": url(f"membership/{vote.mandate_id}"), "choice": vote.choice}
            for vote in item.votes.all()
        ],
    }


def agenda_item_json(item: AgendaItem, meeting: MeetingPage, order: int) -> dict:
    files = list(item.documents.all())
    with translation.override(settings.LANGUAGE_CODE):
        result = item.get_outcome_display() if item.outcome else None
    return clean(
        {
            "id": url(f"agendaitem/{item.pk}"),
            "type": SCHEMA + "AgendaItem",
            "meeting": url(f"meeting/{meeting.pk}"),
            "number": item.number,
            "order": order,
            "name": item.title,
            "public": item.is_public,
            "consultation": url(f"consultation/{item.pk}") if files else None,
            "result": result,
            "resolutionText": item.decision,
            "auxiliaryFile": [file_json(doc, "i") for doc in files],
            "keyword": [f"thema:{t.slug}" for t in item.themes.all()]
            + [f"wijk:{w.slug}" for w in item.wijken.all()],
            "web": settings.BASE_URL.rstrip("/") + meeting.item_url(item),
            "created": stamp(meeting.first_published_at),
            "modified": stamp(meeting.last_published_at),
            EXT + "key": item.key,
            EXT + "summary": item.summary,
            EXT + "itemType": item.item_type,
            EXT + "outcome": item.outcome,
            EXT + "motivation": item.motivation,
            EXT + "vote": vote_json(item),
        }
    )


def meeting_json(meeting: MeetingPage) -> dict:
    documents = list(meeting.documents.all())
    invitation = next((d for d in documents if d.kind == MeetingDocument.Kind.INVITATION), None)
    minutes = next((d for d in documents if d.kind == MeetingDocument.Kind.MINUTES), None)
    others = [d for d in documents if d not in (invitation, minutes)]
    items = list(meeting.agenda_items.all()) if meeting.agenda_is_public else []
    attendance = list(meeting.attendance.all())
    return clean(
        {
            "id": url(f"meeting/{meeting.pk}"),
            "type": SCHEMA + "Meeting",
            "name": meeting.title,
            "meetingState": meeting.get_status_display(),
            "cancelled": meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.MOVED),
            "start": stamp(meeting.start),
            "end": stamp(meeting.end),
            "location": location_json(meeting),
            "organization": [organization_id("orgaan", meeting.body_id)],
            "participant": [
                url(f"person/{row.mandate.person_id}")
                for row in attendance
                if row.presence == Attendance.PRESENT
            ],
            "invitation": file_json(invitation, "m") if invitation else None,
            "resultsProtocol": file_json(minutes, "m") if minutes else None,
            "auxiliaryFile": [file_json(doc, "m") for doc in others],
            "agendaItem": [
                agenda_item_json(item, meeting, order) for order, item in enumerate(items, 1)
            ],
            "web": meeting.get_full_url(),
            "created": stamp(meeting.first_published_at),
            "modified": stamp(meeting.last_published_at),
            EXT + "status": meeting.status,
            EXT + "slug": meeting.slug,
            EXT + "intro": meeting.intro,
            EXT + "isPublic": meeting.is_public,
            EXT + "onLocation": meeting.on_location,
            EXT + "accessibility": meeting.accessibility,
            EXT + "livestream": meeting.livestream_url,
            EXT + "agendaPublished": stamp(meeting.agenda_published_at),
            EXT + "attendance": [
                {"membership": url(f"membership/{row.mandate_id}"), "presence": row.presence}
                for row in attendance
            ],
        }
    )


def paper_json(item: AgendaItem) -> dict:
    files = [file_json(doc, "i") for doc in item.documents.all()]
    return clean(
        {
            "id": url(f"paper/{item.pk}"),
            "type": SCHEMA + "Paper",
            "body": url(f"body/{CITY}"),
            "name": item.title,
            "reference": f"{item.meeting.slug}/{item.key}",
            "date": date(timezone.localtime(item.meeting.start).date()),
            "paperType": item.get_item_type_display(),
            "mainFile": files[0] if files else None,
            "auxiliaryFile": files[1:],
            "consultation": [consultation_json(item)],
        }
    )


def consultation_json(item: AgendaItem) -> dict:
    return {
        "id": url(f"consultation/{item.pk}"),
        "type": SCHEMA + "Consultation",
        "paper": url(f"paper/{item.pk}"),
        "agendaItem": url(f"agendaitem/{item.pk}"),
        "meeting": url(f"meeting/{item.meeting_id}"),
        "organization": [organization_id("orgaan", item.meeting.body_id)],
        "authoritative": item.meeting.body.kind == "gemeenteraad",
    }


# --------------------------------------------------------------------------- responses


def respond(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


def error(status: int, message: str) -> JsonResponse:
    return respond({"error": message, "status": status}, status=status)


class BadFilter(ValueError):
    pass


def date_filters(request) -> dict[str, object]:
    """The OParl date filters in the request, as aware datetimes (a bare date means its
    start in the site's time zone); :class:`BadFilter` for a value that is not ISO 8601."""
    found = {}
    for name in DATE_FILTERS:
        raw = request.GET.get(name)
        if raw is None:
            continue
        # A "+" of an offset arrives as a space when the client did not encode it.
        text = raw.strip().replace(" ", "+")
        try:
            value = parse_datetime(text)
            day = None if value else parse_date(text)
        except ValueError:
            value = day = None
        if value is None and day is None:
            raise BadFilter(f"{name} must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z")
        if value is None:
            value = timezone.datetime(day.year, day.month, day.day)
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        found[name] = value
    return found


def apply_date_filters(queryset, filters: dict, prefix: str = ""):
    """Narrow a queryset of meetings (or of rows of a meeting, with ``prefix="meeting__"``)."""
    for name, value in filters.items():
        field, lookup = DATE_FILTERS[name]
        queryset = queryset.filter(**{f"{prefix}{field}__{lookup}": value})
    return queryset


def paginated(request, queryset, to_json) -> JsonResponse:
    per_page = PER_PAGE
    if "limit" in request.GET:
        try:
            per_page = max(1, min(int(request.GET["limit"]), PER_PAGE))
        except ValueError:
            return error(400, "limit must be a whole number")
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
        page = paginator.page(number)
    except ValueError:
        return error(400, "page must be a whole number")
    except (EmptyPage, InvalidPage):
        return error(404, "no such page")
    own = request.build_absolute_uri(request.path)
    # The links keep the filters (OParl 1.1, 2.7.4): only the page number changes.
    kept = [(key, value) for key, value in request.GET.items() if key != "page"]

    def link(number: int) -> str:
        return f"{own}?{urlencode([*kept, ('page', number)])}"

    links = {"first": link(1), "last": link(paginator.num_pages)}
    if page.has_previous():
        links["prev"] = link(page.previous_page_number())
    if page.has_next():
        links["next"] = link(page.next_page_number())
    return respond(
        {
            "data": [to_json(obj) for obj in page.object_list],
            "pagination": {
                "totalElements": paginator.count,
                "elementsPerPage": per_page,
                "currentPage": number,
                "totalPages": max(1, math.ceil(paginator.count / per_page)),
            },
            "links": links,
        }
    )


def _organizations():
    bodies = list(source_bodies().prefetch_related("mandates", "themes"))
    return [("orgaan", body) for body in bodies] + [("fractie", p) for p in Party.objects.all()]


def _organization_json(pair):
    kind, obj = pair
    return body_organization_json(obj) if kind == "orgaan" else party_organization_json(obj)


def _items_with_meeting():
    return (
        public_items()
        .select_related("meeting", "meeting__body")
        .prefetch_related("themes", "wijken", "documents__document", "votes")
        .order_by("meeting_id", "sort_order", "pk")
    )


def _item_json(item):
    order = item.sort_order + 1 if item.sort_order is not None else 1
    return agenda_item_json(item, item.meeting, order)


def _files():
    meeting_docs = [
        ("m", doc)
        for doc in MeetingDocument.objects.filter(
            meeting__in=public_meetings().values("pk")
        ).select_related("document")
    ]
    item_docs = [
        ("i", doc)
        for doc in AgendaItemDocument.objects.filter(
            item__in=public_items().values("pk")
        ).select_related("document")
    ]
    return meeting_docs + item_docs


# --------------------------------------------------------------------------- views


@require_GET
def system(request):
    return respond(system_json())


@require_GET
def bodies(request):
    return paginated(request, [None], lambda _: body_json())


@require_GET
def body(request, city):
    if city != CITY:
        return error(404, "no such body")
    return respond(body_json())


@require_GET
def body_list(request, city, kind):
    if city != CITY:
        return error(404, "no such body")
    lists = {
        "organization": (_organizations, _organization_json),
        "person": (
            lambda: Person.objects.prefetch_related("mandates").order_by("pk"),
            person_json,
        ),
        "membership": (lambda: Mandate.objects.order_by("pk"), membership_json),
        "meeting": (
            lambda: meeting_prefetches(public_meetings().order_by("start", "pk")),
            meeting_json,
        ),
        "agendaItem": (_items_with_meeting, _item_json),
        "paper": (
            lambda: _items_with_meeting().filter(documents__isnull=False).distinct(),
            paper_json,
        ),
        "consultation": (
            lambda: _items_with_meeting().filter(documents__isnull=False).distinct(),
            consultation_json,
        ),
        "file": (_files, lambda pair: file_json(pair[1], pair[0])),
    }
    if kind not in lists:
        return error(404, "no such list")
    try:
        filters = date_filters(request)
    except BadFilter as exc:
        return error(400, str(exc))
    queryset, to_json = lists[kind]
    objects = queryset()
    if filters and kind == "meeting":
        objects = apply_date_filters(objects, filters)
    elif filters and kind in ("agendaItem", "paper", "consultation"):
        objects = apply_date_filters(objects, filters, prefix="meeting__")
    # The other lists have no dates of their own: they are given whole, which keeps an
    # incremental harvest complete.
    return paginated(request, objects, to_json)


def _one(queryset, pk):
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, TypeError, queryset.model.DoesNotExist) as exc:
        raise Http404 from exc


@require_GET
def organization(request, ident):
    kind, _, pk = ident.partition("-")
    try:
        if kind == "orgaan":
            obj = _one(source_bodies().prefetch_related("mandates", "themes"), pk)
            return respond(body_organization_json(obj))
        if kind == "fractie":
            return respond(party_organization_json(_one(Party.objects.all(), pk)))
    except Http404:
        pass
    return error(404, "no such organization")


def _detail(loader, to_json):
    @require_GET
    def view(request, pk):
        try:
            obj = loader(pk)
        except Http404:
            return error(404, "no such object")
        return respond(to_json(obj))

    return view


person = _detail(lambda pk: _one(Person.objects.prefetch_related("mandates"), pk), person_json)
membership = _detail(lambda pk: _one(Mandate.objects.all(), pk), membership_json)
meeting = _detail(lambda pk: _one(meeting_prefetches(public_meetings()), pk), meeting_json)
location = _detail(lambda pk: _one(public_meetings(), pk), location_json)
agenda_item = _detail(lambda pk: _one(_items_with_meeting(), pk), _item_json)
paper = _detail(
    lambda pk: _one(_items_with_meeting().filter(documents__isnull=False).distinct(), pk),
    paper_json,
)
consultation = _detail(
    lambda pk: _one(_items_with_meeting().filter(documents__isnull=False).distinct(), pk),
    consultation_json,
)


@require_GET
def file(request, ident):
    prefix, pk = ident[:1], ident[1:]
    try:
        if prefix == "m":
            doc = _one(
                MeetingDocument.objects.filter(meeting__in=public_meetings().values("pk")), pk
            )
        elif prefix == "i":
            doc = _one(AgendaItemDocument.objects.filter(item__in=public_items().values("pk")), pk)
        else:
            raise Http404
    except Http404:
        return error(404, "no such file")
    return respond(file_json(doc, prefix))


def not_found(request, *args, **kwargs):
    return error(404, "no such object")
