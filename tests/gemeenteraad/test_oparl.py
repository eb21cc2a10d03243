"""OParl 1.1: every object the API returns validates against the schemas."""

import datetime

import pytest
from django.utils import timezone

from gemeenteraad.models import (
    AgendaItemDocument,
    MeetingDocument,
    MeetingStatus,
    Outcome,
    RollCallVote,
    VoteChoice,
    VoteKind,
)
from tests.factories.gemeenteraad import MeetingPageFactory
from tests.gemeenteraad import oparl_walk

pytestmark = pytest.mark.django_db
BASE = "http://testserver/oparl/v1.1/"


def build(meeting_index, council):
    past = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now() - datetime.timedelta(days=20),
        status=MeetingStatus.HELD,
        items=3,
        present=council["members"],
    )
    item = past.agenda_items.first()
    item.outcome, item.decision = Outcome.APPROVED, "De raad keurt het plan goed."
    item.vote_kind = VoteKind.ROLL_CALL
    item.votes.add(RollCallVote(mandate=council["members"][1], choice=VoteChoice.FOR))
    item.themes.set([council["wonen"]])
    item.wijken.set([council["ledeberg"]])
    item.documents.add(AgendaItemDocument(title="Plan", url="https://example.org/plan.pdf"))
    past.documents.add(
        MeetingDocument(kind="notulen", title="Notulen", url="https://example.org/n.pdf")
    )
    past.save_revision().publish()
    MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    return past


def test_walking_the_api_from_the_system_finds_only_valid_objects(client, meeting_index, council):
    build(meeting_index, council)
    known = oparl_walk.schemas()

    def get(url):
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json")
        return response.json()

    kinds, errors = {}, []
    for _url, data in oparl_walk.walk(get, BASE, BASE):
        for obj in oparl_walk.objects_in(data):
            kind = obj["type"].rsplit("/", 1)[-1]
            kinds[kind] = kinds.get(kind, 0) + 1
            errors += oparl_walk.problems(obj, known)
    assert errors == []
    for kind in ("System", "Body", "Organization", "Person", "Membership", "Meeting"):
        assert kind in kinds, f"walk found no {kind}"
    for kind in ("AgendaItem", "Paper", "Consultation", "File"):
        assert kind in kinds, f"walk found no {kind}"


def test_the_validator_rejects_a_broken_object():
    known = oparl_walk.schemas()
    broken = {"id": "not a url", "type": "https://schema.oparl.org/1.1/Meeting", "start": "x"}
    assert oparl_walk.problems(broken, known)
    item = {"id": f"{BASE}agendaitem/1", "type": "https://schema.oparl.org/1.1/AgendaItem"}
    assert oparl_walk.problems(item, known)  # 'order' is required


def test_lists_are_paginated_and_bad_pages_are_clear_errors(client, meeting_index, council):
    build(meeting_index, council)
    data = client.get("/oparl/v1.1/body/gent/meeting/").json()
    assert data["pagination"]["totalElements"] == 2
    assert data["links"]["first"].endswith("?page=1")
    assert client.get("/oparl/v1.1/body/gent/meeting/?page=abc").status_code == 400
    assert client.get("/oparl/v1.1/body/gent/meeting/?page=99").status_code == 404
    for bad in ("meeting/999999", "meeting/abc", "organization/x-1", "file/z1", "nope/"):
        response = client.get(f"/oparl/v1.1/{bad}")
        assert response.status_code == 404, bad
        assert response.json()["status"] == 404


def test_unpublished_meetings_stay_out(client, meeting_index, council):
    meeting = build(meeting_index, council)
    meeting.unpublish()
    response = client.get(f"/oparl/v1.1/meeting/{meeting.pk}")
    assert response.status_code == 404


def test_date_filters_narrow_meetings_and_items_and_are_kept_in_the_links(
    client, meeting_index, council
):
    past = build(meeting_index, council)
    moment = timezone.now()
    old = timezone.now() - datetime.timedelta(days=3)
    type(past).objects.exclude(pk=past.pk).filter(depth=past.depth).update(last_published_at=old)
    type(past).objects.filter(pk=past.pk).update(last_published_at=moment)

    since = (moment - datetime.timedelta(hours=1)).isoformat()
    meetings = client.get("/oparl/v1.1/body/gent/meeting/", {"modified_since": since}).json()
    assert [m["id"] for m in meetings["data"]] == [f"{BASE}meeting/{past.pk}"]
    items = client.get("/oparl/v1.1/body/gent/agendaItem/", {"modified_since": since}).json()
    assert {i["meeting"] for i in items["data"]} == {f"{BASE}meeting/{past.pk}"}
    assert all(i["modified"] for i in items["data"])
    until = client.get("/oparl/v1.1/body/gent/meeting/", {"modified_until": since}).json()
    assert f"{BASE}meeting/{past.pk}" not in [m["id"] for m in until["data"]]
    assert until["pagination"]["totalElements"] == 1

    paged = client.get("/oparl/v1.1/body/gent/agendaItem/", {"limit": 1, "modified_since": since})
    links = paged.json()["links"]
    assert "modified_since=" in links["next"] and "limit=1" in links["next"]
    assert paged.json()["pagination"]["elementsPerPage"] == 1


@pytest.mark.parametrize(
    "query", ["modified_since=gisteren", "created_until=2026-13-45", "limit=veel"]
)
def test_a_malformed_filter_is_a_clear_400(client, meeting_index, council, query):
    build(meeting_index, council)
    response = client.get(f"/oparl/v1.1/body/gent/meeting/?{query}")
    assert response.status_code == 400
    assert response.json()["status"] == 400
