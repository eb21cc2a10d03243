"""Meeting pages: constant queries at two sizes, filters, bad input, sitemap, item pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gemeenteraad.models import AgendaItem, MeetingStatus, RollCallVote, VoteChoice, VoteKind
from tests.factories.gemeenteraad import MeetingPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def held(meeting_index, council, count):
    meeting = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now() - datetime.timedelta(days=2),
        status=MeetingStatus.HELD,
        items=count,
        present=council["members"],
    )
    for item in AgendaItem.objects.filter(meeting_id=meeting.pk):
        item.themes.set([council["wonen"], council["sport"]])
        item.wijken.set([council["ledeberg"]])
        item.outcome, item.decision, item.vote_kind = (
            "goedgekeurd",
            "Goedgekeurd.",
            VoteKind.ROLL_CALL,
        )
        item.save()
        for mandate in council["members"]:
            RollCallVote.objects.create(item=item, mandate=mandate, choice=VoteChoice.FOR)
    return meeting


def test_meeting_page_queries_do_not_grow_with_its_items(client, meeting_index, council, capsys):
    small = held(meeting_index, council, 3)
    large = held(meeting_index, council, 40)
    counts = {
        "meeting": (queries_for(client, small.url), queries_for(client, large.url)),
        "index": (None, None),
    }
    assert counts["meeting"][0] == counts["meeting"][1]
    few = queries_for(client, meeting_index.url)
    for _ in range(6):
        MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    many = queries_for(client, meeting_index.url)
    with capsys.disabled():
        print(f"\nqueries: meeting page 3 vs 40 items {counts['meeting']}; index {few} vs {many}")
    assert few == many


def test_item_page_has_a_stable_address_and_neighbours(client, meeting_index, council):
    meeting = held(meeting_index, council, 3)
    first, second, _third = AgendaItem.objects.filter(meeting_id=meeting.pk).order_by("sort_order")
    response = client.get(meeting.url + f"punt/{second.key}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert second.title in html
    assert f"punt/{first.key}/" in html  # previous item
    assert "Goedgekeurd." in html
    # Reordering or renumbering keeps the address.
    AgendaItem.objects.filter(pk=second.pk).update(number="9", sort_order=99)
    assert client.get(meeting.url + f"punt/{second.key}/").status_code == 200


def test_filters_and_bad_input(client, meeting_index, council):
    with_theme = MeetingPageFactory(parent=meeting_index, body=council["body"], items=1)
    item = AgendaItem.objects.get(meeting_id=with_theme.pk)
    item.themes.set([council["wonen"]])
    item.save()
    other = MeetingPageFactory(parent=meeting_index, items=1)
    response = client.get(meeting_index.url + "?thema=wonen")
    assert response.status_code == 200
    html = response.content.decode()
    assert with_theme.title in html and other.title not in html
    by_body = client.get(meeting_index.url + "?orgaan=commissie-wonen").content.decode()
    assert with_theme.title in by_body and other.title not in by_body
    for bad in ("?thema=onbekend", "?orgaan=x", "?jaar=1800", "?wijk=%00", "?page=abc"):
        response = client.get(meeting_index.url + bad)
        assert response.status_code == 400, bad
        assert with_theme.title in response.content.decode()  # still the meetings
    assert client.get(meeting_index.url + "?page=99").status_code == 404
    assert client.get(meeting_index.url + "orgaan/bestaat-niet/").status_code == 404
    assert client.get(with_theme.url + "punt/onbekend/").status_code == 404
    planned = MeetingPageFactory(
        parent=meeting_index, body=council["body"], status=MeetingStatus.PLANNED, items=1
    )
    key = AgendaItem.objects.get(meeting_id=planned.pk).key
    assert client.get(planned.url + f"punt/{key}/").status_code == 404
    assert client.post(meeting_index.url).status_code == 405


def test_body_page_lists_members_and_meetings(client, meeting_index, council):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"])
    html = client.get(meeting_index.url + "orgaan/commissie-wonen/").content.decode()
    assert meeting.title in html
    assert council["chair"].person.name in html
    assert "Groen Gent" in html
    assert "/orgaan/commissie-wonen/kalender/" in html


def test_sitemap_lists_body_and_item_pages_but_no_calendars_or_json(client, meeting_index, council):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    body = client.get("/sitemap.xml").content.decode()
    for item in AgendaItem.objects.filter(meeting_id=meeting.pk):
        assert f"{meeting.url}punt/{item.key}/" in body
    assert "/orgaan/commissie-wonen/</loc>" in body
    assert "kalender" not in body
    assert "oparl" not in body


def test_policy_note_links_to_its_commission_and_alderman(client, home, meeting_index, council):
    from home.models import PolicyNotePage
    from tests.factories.gemeenteraad import MandateFactory

    alderman = MandateFactory(body=council["body"], role="schepen", portfolio="Wonen")
    note = home.add_child(
        instance=PolicyNotePage(
            title="Nota wonen",
            slug="nota-wonen",
            commission=council["body"],
            alderman=alderman,
            date_commission=datetime.date(2026, 1, 12),
        )
    )
    note.save_revision().publish()
    html = client.get(note.url).content.decode()
    assert alderman.person.name in html
    assert 'href="/nl/gemeenteraad/orgaan/commissie-wonen/">Commissie Wonen</a>' in html
