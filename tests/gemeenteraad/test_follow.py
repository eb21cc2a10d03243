"""Following the council: theme/body feeds of agenda items, iCalendar, RDFa and schema.org."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.utils import timezone

from gemeenteraad.models import (
    AgendaItem,
    MeetingAttendance,
    MeetingPage,
    MeetingStatus,
    Outcome,
    VoteKind,
)
from tests.factories.gemeenteraad import MeetingPageFactory
from tests.feed_checks import problems
from tests.gemeenteraad import shacl

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def item_with(meeting, number, themes=(), wijken=()):
    item = AgendaItem.objects.get(meeting_id=meeting.pk, number=str(number))
    item.themes.set(list(themes))
    item.wijken.set(list(wijken))
    item.save()  # parental many-to-many links are kept in memory until saved
    return item


def republish(meeting):
    """Publish the stored meeting again (the factory's instance holds stale children)."""
    fresh = MeetingPage.objects.get(pk=meeting.pk)
    fresh.save_revision().publish()
    return fresh


# --------------------------------------------------------------------------- feeds


def test_theme_feed_lists_the_agenda_items_of_that_theme_and_only_those(
    client, meeting_index, council
):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"], items=3)
    item_with(meeting, 1, themes=[council["wonen"]])
    item_with(meeting, 2, themes=[council["sport"]])
    item_with(meeting, 3, themes=[council["wonen"], council["sport"]])
    republish(meeting)

    url = "/nl/feeds/thema/wonen/rss.xml?soort=agendapunt"
    response = client.get(url)
    assert response.status_code == 200
    assert problems(response.content, "rss", "http://testserver" + url) == []
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert sorted(entry.title for entry in feed.entries) == ["Punt 1", "Punt 3"]
    assert all("/punt/" in entry.link for entry in feed.entries)

    atom = client.get("/nl/feeds/thema/sport/atom.xml?soort=agendapunt")
    assert (
        problems(
            atom.content, "atom", "http://testserver/nl/feeds/thema/sport/atom.xml?soort=agendapunt"
        )
        == []
    )
    assert sorted(e.title for e in feedparser.parse(atom.content).entries) == ["Punt 2", "Punt 3"]


def test_an_upcoming_item_is_dated_by_its_agenda_not_by_the_meeting(client, meeting_index, council):
    published = timezone.now() - datetime.timedelta(days=2)
    meeting = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now() + datetime.timedelta(days=30),
        items=1,
    )
    MeetingPage.objects.filter(pk=meeting.pk).update(agenda_published_at=published)
    feed = feedparser.parse(client.get("/nl/feeds/alles/rss.xml?soort=agendapunt").content)
    assert len(feed.entries) == 1
    when = datetime.datetime(*feed.entries[0].published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(when - published) < datetime.timedelta(seconds=2)
    assert when <= timezone.now()


def test_a_planned_meetings_items_are_not_in_the_feeds(client, meeting_index, council):
    MeetingPageFactory(
        parent=meeting_index, body=council["body"], status=MeetingStatus.PLANNED, items=2
    )
    feed = feedparser.parse(client.get("/nl/feeds/alles/rss.xml?soort=agendapunt").content)
    assert feed.entries == []


def test_body_feed_is_valid_and_links_to_the_body_page(client, meeting_index, council):
    MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    other = MeetingPageFactory(parent=meeting_index, items=1)  # another body
    url = "/nl/gemeenteraad/orgaan/commissie-wonen/feed/rss/"
    response = client.get(url)
    assert problems(response.content, "rss", "http://testserver" + url) == []
    feed = feedparser.parse(response.content)
    assert feed.feed.link == "http://testserver/nl/gemeenteraad/orgaan/commissie-wonen/"
    assert len(feed.entries) == 2
    assert other.title not in response.content.decode()
    assert client.get("/nl/gemeenteraad/orgaan/onbekend/feed/rss/").status_code == 404
    assert client.get("/nl/gemeenteraad/orgaan/commissie-wonen/feed/pdf/").status_code == 404
    feeds_page = client.get("/nl/feeds/").content.decode()
    assert "/nl/gemeenteraad/orgaan/commissie-wonen/feed/rss/" in feeds_page


# --------------------------------------------------------------------------- iCalendar


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_meeting_calendar_is_right_across_a_dst_change(client, meeting_index, council):
    # 29 March 2026 the clocks go forward: 19:00 in Ghent is 18:00 UTC before, 17:00 after.
    winter = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=datetime.datetime(2026, 3, 23, 19, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 3, 23, 21, 0, tzinfo=BRUSSELS),
    )
    summer = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=datetime.datetime(2026, 4, 20, 19, 0, tzinfo=BRUSSELS),
        end=datetime.datetime(2026, 4, 20, 21, 0, tzinfo=BRUSSELS),
    )
    for meeting, utc_hour in ((winter, 18), (summer, 17)):
        [event] = events(client.get(meeting.url + "kalender/"))
        start = event.decoded("dtstart")
        assert start.astimezone(datetime.UTC).hour == utc_hour
        assert start.astimezone(BRUSSELS).hour == 19
        assert str(event["summary"]) == meeting.title
        assert event.decoded("dtend") - start == datetime.timedelta(hours=2)


def test_body_calendar_matches_the_database(client, meeting_index, council):
    meetings = [
        MeetingPageFactory(
            parent=meeting_index,
            body=council["body"],
            start=timezone.now().replace(microsecond=0) + datetime.timedelta(days=d),
        )
        for d in (3, 10, 17)
    ]
    MeetingPageFactory(parent=meeting_index)  # another body: not in this calendar
    found = events(client.get("/nl/gemeenteraad/orgaan/commissie-wonen/kalender/"))
    by_uid = {str(e["uid"]): e for e in found}
    assert len(by_uid) == 3
    for meeting in meetings:
        event = by_uid[f"vergadering-{meeting.translation_key}@testserver"]
        assert event.decoded("dtstart") == meeting.start
        assert str(event["location"]).startswith("Stadhuis")


def test_a_cancelled_meeting_arrives_cancelled_with_a_higher_sequence(
    client, meeting_index, council
):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"])
    [before] = events(client.get(meeting.url + "kalender/"))
    assert str(before["status"]) == "CONFIRMED"
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    meeting.title = meeting.title + " (nieuwe titel)"  # not a schedule change
    meeting.save_revision().publish()
    [same] = events(client.get(meeting.url + "kalender/"))
    assert same["sequence"] == before["sequence"]
    meeting.status = MeetingStatus.CANCELLED
    meeting.save_revision().publish()
    [after] = events(client.get(meeting.url + "kalender/"))
    assert str(after["status"]) == "CANCELLED"
    assert after["sequence"] > before["sequence"]
    assert str(after["uid"]) == str(before["uid"])


def test_theme_calendar_has_upcoming_meetings_with_a_matching_item(client, meeting_index, council):
    with_theme = MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    item_with(with_theme, 2, themes=[council["wonen"]])
    MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    past = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now() - datetime.timedelta(days=5),
        items=1,
    )
    item_with(past, 1, themes=[council["wonen"]])
    found = events(client.get("/nl/gemeenteraad/thema/wonen/kalender/"))
    assert [str(e["uid"]) for e in found] == [
        f"vergadering-{with_theme.translation_key}@testserver"
    ]
    assert client.get("/nl/gemeenteraad/thema/bestaat-niet/kalender/").status_code == 404


# --------------------------------------------------------------------------- RDFa


def held_meeting(meeting_index, council):
    meeting = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now() - datetime.timedelta(days=3),
        status=MeetingStatus.MINUTES,
        items=3,
        present=council["members"],
    )
    for number, kind in ((1, VoteKind.OPEN), (2, VoteKind.SECRET)):
        AgendaItem.objects.filter(meeting_id=meeting.pk, number=str(number)).update(
            outcome=Outcome.APPROVED,
            decision="De commissie keurt het goed.",
            vote_kind=kind,
            votes_for=3,
            votes_against=1,
            votes_abstain=0,
        )
    return republish(meeting)


def test_held_meeting_rdfa_conforms_to_the_besluit_publicatie_shapes(
    client, meeting_index, council
):
    meeting = held_meeting(meeting_index, council)
    html = client.get(meeting.url).content.decode()
    conforms, report, data = shacl.conformance(html, "http://testserver" + meeting.url)
    # Guard: a misspelt prefix would leave nothing to check and "conform" vacuously.
    assert len(shacl.typed(data, shacl.BESLUIT.Zitting)) == 1
    assert len(shacl.typed(data, shacl.BESLUIT.Agendapunt)) == 3
    assert len(shacl.typed(data, shacl.BESLUIT.Besluit)) == 2
    assert len(shacl.typed(data, shacl.BESLUIT.Stemming)) == 2
    assert conforms, report

    item = meeting.agenda_items.get(number="1")
    item_html = client.get(meeting.url + f"punt/{item.key}/").content.decode()
    conforms, report, data = shacl.conformance(item_html, "http://testserver" + meeting.url)
    assert len(shacl.typed(data, shacl.BESLUIT.Agendapunt)) == 1
    assert conforms, report


def test_the_shapes_catch_a_held_meeting_without_attendance(client, meeting_index, council):
    meeting = held_meeting(meeting_index, council)
    MeetingAttendance.objects.filter(meeting_id=meeting.pk).delete()
    html = client.get(meeting.url).content.decode()
    conforms, report, _data = shacl.conformance(html, "http://testserver" + meeting.url)
    assert not conforms
    assert "heeftAanwezigeBijStart" in report


def test_a_planned_meeting_carries_its_zitting_and_agendapunten(client, meeting_index, council):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"], items=2)
    html = client.get(meeting.url).content.decode()
    data = shacl.graph_of(html, "http://testserver" + meeting.url)
    [zitting] = shacl.typed(data, shacl.BESLUIT.Zitting)
    assert len(list(data.objects(zitting, shacl.BESLUIT.behandelt))) == 2
    assert list(data.objects(zitting, shacl.BESLUIT.geplandeStart))


def test_meeting_page_has_schema_org_event_data(client, meeting_index, council):
    meeting = MeetingPageFactory(parent=meeting_index, body=council["body"])
    html = client.get(meeting.url).content.decode()
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert datetime.datetime.fromisoformat(data["startDate"]) == meeting.start
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"][0]["address"]["streetAddress"] == "Botermarkt 1"
