"""Advice in the feeds: a feed per council; theme and wijk feeds get an entry when advice is
published and another when the city responds. Parsed with feedparser and checked for validity."""

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from adviezen.models import AdviceAnswerSource, AdvicePage
from site_app import feeds
from tests import feed_checks
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    fmt = "atom" if "atom" in url else "rss"
    assert feed_checks.problems(response.content, fmt, f"http://testserver{url}") == []
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.fixture
def advice(council_a, council_b, terms):
    answered = AdvicePageFactory(
        parent=council_a,
        title="Betaalbaar wonen",
        delivered_on=days(-60),
        response_on=days(-10),
        response_by="Het college",
        outcome="deels-overgenomen",
        response_summary="We doen een deel.",
        themes=[terms["wonen"]],
        wijken=[terms["ledeberg"]],
    )
    waiting = AdvicePageFactory(
        parent=council_a, title="Huurpremie", delivered_on=days(-5), themes=[terms["wonen"]]
    )
    other = AdvicePageFactory(
        parent=council_b, title="Speelruimte", delivered_on=days(-8), themes=[terms["jeugd"]]
    )
    return {"answered": answered, "waiting": waiting, "other": other}


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_council_feed_is_valid_and_holds_only_that_council(client, council_a, advice, fmt):
    parsed = fetch(client, f"{council_a.url}feed/{fmt}/")
    titles = [entry.title for entry in parsed.entries]
    assert sorted(titles) == sorted(
        ["Betaalbaar wonen", "Huurpremie", "Antwoord van de stad: Betaalbaar wonen"]
    )
    assert parsed.feed.link == f"http://testserver{council_a.url}"
    answer = next(e for e in parsed.entries if e.title.startswith("Antwoord"))
    assert answer.link.endswith("#antwoord")
    assert "Deels overgenomen" in answer.summary and "We doen een deel." in answer.summary
    assert answer.author == "Het college"


def test_theme_feed_gets_an_entry_for_the_advice_and_one_for_the_answer(client, advice):
    parsed = fetch(client, "/nl/feeds/thema/wonen/rss.xml?soort=advies")
    kinds = sorted((entry.title, entry.tags[0].term) for entry in parsed.entries)
    assert kinds == [
        ("Antwoord van de stad: Betaalbaar wonen", "Antwoord van de stad"),
        ("Betaalbaar wonen", "Advies"),
        ("Huurpremie", "Advies"),
    ]
    wijk = fetch(client, "/nl/feeds/wijk/ledeberg/atom.xml")
    assert sorted(entry.title for entry in wijk.entries) == [
        "Antwoord van de stad: Betaalbaar wonen",
        "Betaalbaar wonen",
    ]


def test_the_answer_entry_appears_when_the_city_responds(client, advice, city_member):
    before = fetch(client, "/nl/feeds/thema/jeugd/rss.xml")
    assert [entry.title for entry in before.entries] == ["Speelruimte"]
    page = advice["other"]
    page.response_on, page.outcome, page.response_by = days(-1), "overgenomen", "De schepen"
    page.save_revision(user=city_member).publish()
    after = fetch(client, "/nl/feeds/thema/jeugd/rss.xml")
    assert [entry.title for entry in after.entries] == [
        "Antwoord van de stad: Speelruimte",  # the newest news first
        "Speelruimte",
    ]


def test_a_corrected_answer_keeps_its_entry_id(client, advice):
    first = fetch(client, "/nl/feeds/thema/wonen/atom.xml")
    answer_id = next(e.id for e in first.entries if e.title.startswith("Antwoord"))
    page = AdvicePage.objects.get(pk=advice["answered"].pk)
    page.response_on = days(-12)  # the date was wrong: this corrects the step
    page.save_revision().publish()
    again = fetch(client, "/nl/feeds/thema/wonen/atom.xml")
    answers = [e for e in again.entries if e.title.startswith("Antwoord")]
    assert [e.id for e in answers] == [answer_id]


def test_the_feeds_page_lists_each_councils_feed(client, council_a, council_b, advice):
    html = client.get("/nl/feeds/").content.decode()
    assert f'href="{council_a.url}feed/rss/"' in html
    assert f'href="{council_b.url}feed/atom/"' in html
    assert "?soort=advies" in html


def test_advice_kind_is_named_after_the_advice(client):
    assert feeds.kinds()["advies"] == "Advies"
    assert any(isinstance(source, AdviceAnswerSource) for source in feeds.sources())


def test_an_unknown_feed_format_is_404(client, council_a):
    assert client.get(f"{council_a.url}feed/json/").status_code == 404


def test_feed_queries_do_not_grow(client, council_a, council_b, terms):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    def build(number):
        for index in range(number):
            AdvicePageFactory(
                parent=council_a,
                delivered_on=days(-30 - index),
                response_on=days(-2),
                outcome="overgenomen",
                themes=[terms["wonen"]],
            )

    urls = [f"{council_a.url}feed/rss/", "/nl/feeds/thema/wonen/rss.xml?soort=advies"]
    build(2)
    small = [count(url) for url in urls]
    build(6)
    assert [count(url) for url in urls] == small
