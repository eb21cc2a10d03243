"""Linked data on the meeting pages: OSLO "Besluit publicatie" RDFa and schema.org Event.

Subjects are named by their OParl address (``<BASE_URL>/oparl/v1.1/meeting/12``), so one
meeting, item or mandate has one IRI in every language and it can be looked up as JSON. The
templates write them as safe CURIEs with the ``oparl:`` prefix declared on the page, which
keeps a meeting with 40 items and 30 members small. Code lists we do not have an official
IRI for (types of agenda items, of bodies) are concepts under ``<BASE_URL>/id/concept/``,
described on the page itself.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

PREFIXES = {
    "besluit": "http://data.vlaanderen.be/ns/besluit#",
    "mandaat": "http://data.vlaanderen.be/ns/mandaat#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
OPARL_PATH = "/oparl/v1.1/"
CITY_ID = "gent"


def oparl_base() -> str:
    return settings.BASE_URL.rstrip("/") + OPARL_PATH


def concept_base() -> str:
    return settings.BASE_URL.rstrip("/") + "/id/concept/"


def prefix_attribute() -> str:
    """The value of the page's ``prefix`` attribute."""
    prefixes = {**PREFIXES, "oparl": oparl_base(), "concept": concept_base()}
    return " ".join(f"{name}: {iri}" for name, iri in prefixes.items())


def curie(path: str) -> str:
    return f"[oparl:{path}]"


def mandate_ref(mandate) -> str:
    return curie(f"membership/{mandate.pk}")


def source_pks(meeting, items) -> tuple[int, dict[str, int]]:
    """The source-language meeting pk and item pks by translation key (OParl speaks Dutch)."""
    from .models import AgendaItem, MeetingPage

    if meeting.locale.language_code == settings.LANGUAGE_CODE:
        return meeting.pk, {str(item.translation_key): item.pk for item in items}
    source = (
        MeetingPage.objects.filter(
            translation_key=meeting.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .values_list("pk", flat=True)
        .first()
    )
    rows = AgendaItem.objects.filter(
        translation_key__in=[item.translation_key for item in items],
        locale__language_code=settings.LANGUAGE_CODE,
    ).values_list("translation_key", "pk")
    return source or meeting.pk, {str(key): pk for key, pk in rows}


class MeetingIds:
    """The IRIs of one meeting page; gives each item ``rdf`` (its CURIE)."""

    def __init__(self, meeting, items, request=None):
        meeting_pk, item_pks = source_pks(meeting, items)
        self.prefix = prefix_attribute()
        self.zitting = curie(f"meeting/{meeting_pk}")
        self.bestuurseenheid = curie(f"body/{CITY_ID}")
        self.werkingsgebied = curie(f"body/{CITY_ID}#werkingsgebied")
        self.location = curie(f"meeting/{meeting_pk}#locatie")
        body = meeting.body
        self.orgaan = curie(f"organization/orgaan-{body.pk}")
        self.orgaan_type = f"[concept:bestuursorgaan/{body.kind}]"
        self.eenheid_type = "[concept:bestuurseenheid/gemeente]"
        self.document_type = "[concept:besluittype/besluit]"
        for item in items:
            pk = item_pks.get(str(item.translation_key), item.pk)
            item.rdf = curie(f"agendaitem/{pk}")
            item.rdf_behandeling = curie(f"agendaitem/{pk}#behandeling")
            item.rdf_besluit = curie(f"agendaitem/{pk}#besluit")
            item.rdf_rechtsgrond = curie(f"agendaitem/{pk}#rechtsgrond")
            item.rdf_stemming = curie(f"agendaitem/{pk}#stemming")
            item.rdf_type = f"[concept:agendapunttype/{item.item_type}]"


def event_json_ld(meeting, context, request) -> dict:
    """schema.org Event data for a meeting page."""
    from .models import MeetingStatus

    url = meeting.get_full_url(request)
    status = {
        MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
        MeetingStatus.MOVED: "https://schema.org/EventRescheduled",
    }.get(meeting.status, "https://schema.org/EventScheduled")
    place = {
        "@type": "Place",
        "name": meeting.location_name or meeting.locality,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": meeting.street_address,
            "postalCode": meeting.postal_code,
            "addressLocality": meeting.locality,
            "addressCountry": "BE",
        },
    }
    location = [place]
    if meeting.livestream_url:
        location.append({"@type": "VirtualLocation", "url": meeting.livestream_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "url": url,
        "inLanguage": meeting.locale.language_code,
        "startDate": timezone.localtime(meeting.start).isoformat(),
        "eventStatus": status,
        "eventAttendanceMode": (
            "https://schema.org/MixedEventAttendanceMode"
            if meeting.livestream_url
            else "https://schema.org/OfflineEventAttendanceMode"
        ),
        "location": location,
        "isAccessibleForFree": True,
        "organizer": {
            "@type": "GovernmentOrganization",
            "name": context["body"].name,
            "url": request.build_absolute_uri(context["index"].body_url(meeting.body))
            if context.get("index")
            else url,
        },
    }
    if meeting.end:
        data["endDate"] = timezone.localtime(meeting.end).isoformat()
    if meeting.intro:
        data["description"] = meeting.intro
    if meeting.status == MeetingStatus.MOVED and context.get("moved_to"):
        data["previousStartDate"] = data["startDate"]
    return data
