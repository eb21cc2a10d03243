"""The feed engine, through its public URLs, parsed with a real feed parser."""

import time

import feedparser
import pytest

from home.factories import ContentPageFactory
from site_app import feeds
from site_app.factories import ThemeFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(name="Mobiliteit", slug="mobiliteit", description="Fiets, tram en bus.")


@pytest.fixture
def pages(home, theme):
    wijk = WijkFactory(name="Ledeberg", slug="ledeberg")
    other = ThemeFactory(name="Sport", slug="sport")
    return [
        ContentPageFactory(
            parent=home, title="Fietsstraat", slug="fiets", themes=[theme], wijken=[wijk]
        ),
        ContentPageFactory(parent=home, title="Nieuwe tramlijn", slug="tram", themes=[theme]),
        ContentPageFactory(parent=home, title="Sporthal open", slug="sport", themes=[other]),
    ]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_theme_feed_parses_and_lists_only_that_theme(client, pages, fmt):
    response = client.get(f"/nl/feeds/thema/mobiliteit/{fmt}.xml")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    titles = {entry.title for entry in parsed.entries}
    assert titles == {"Fietsstraat", "Nieuwe tramlijn"}
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/nl/")
        assert entry.published_parsed is not None
        assert entry.id.startswith("tag:testserver,2026:pagina/")
    assert parsed.feed.language == "nl"


def test_feed_dates_carry_a_time_zone(client, pages):
    body = client.get("/nl/feeds/thema/mobiliteit/rss.xml").content.decode()
    assert "+0000</pubDate>" in body or "+0100</pubDate>" in body or "+0200</pubDate>" in body
    atom = client.get("/nl/feeds/thema/mobiliteit/atom.xml").content.decode()
    assert "<updated>" in atom and ("+00:00</updated>" in atom or "Z</updated>" in atom)


def test_guid_is_stable_across_edits(client, pages):
    before = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml").content)
    page = pages[0]
    page.title = "Fietsstraat (aangepast)"
    page.save_revision().publish()
    after = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml").content)
    ids_before = {e.title: e.id for e in before.entries}
    ids_after = {e.title: e.id for e in after.entries}
    assert ids_after["Fietsstraat (aangepast)"] == ids_before["Fietsstraat"]


def test_wijk_feed(client, pages):
    parsed = feedparser.parse(client.get("/nl/feeds/wijk/ledeberg/rss.xml").content)
    assert parsed.bozo == 0
    assert [e.title for e in parsed.entries] == ["Fietsstraat"]


def test_conditional_get_answers_304(client, pages):
    first = client.get("/nl/feeds/thema/mobiliteit/rss.xml")
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(
        "/nl/feeds/thema/mobiliteit/rss.xml", headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(
        "/nl/feeds/thema/mobiliteit/rss.xml", headers={"If-Modified-Since": first["Last-Modified"]}
    )
    assert since.status_code == 304


def test_etag_changes_when_an_entry_changes(client, pages):
    first = client.get("/nl/feeds/thema/mobiliteit/rss.xml")
    time.sleep(1.01)  # Last-Modified has one-second resolution
    pages[1].title = "Tramlijn 4 rijdt"
    pages[1].save_revision().publish()
    again = client.get(
        "/nl/feeds/thema/mobiliteit/rss.xml", headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_unknown_theme_is_404(client, pages):
    assert client.get("/nl/feeds/thema/bestaat-niet/rss.xml").status_code == 404
    assert client.get("/nl/feeds/wijk/bestaat-niet/atom.xml").status_code == 404


def test_unknown_format_is_404(client, pages):
    assert client.get("/nl/feeds/thema/mobiliteit/json.xml").status_code == 404


def test_soort_filter(client, pages):
    ok = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml?soort=pagina").content)
    assert len(ok.entries) == 2
    bad = client.get("/nl/feeds/thema/mobiliteit/rss.xml?soort=onzin")
    assert bad.status_code == 400
    assert "soort" in bad.content.decode()


def test_unpublished_and_private_pages_stay_out(client, pages):
    pages[0].unpublish()
    parsed = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml").content)
    assert [e.title for e in parsed.entries] == ["Nieuwe tramlijn"]


def test_feed_is_per_locale(client, pages, locales):
    english_home = pages[0].get_parent().copy_for_translation(locales["en"])
    english_home.save_revision().publish()
    english = pages[1].copy_for_translation(locales["en"])
    english.title = "New tram line"
    english.save_revision().publish()
    parsed = feedparser.parse(client.get("/en/feeds/thema/mobiliteit/rss.xml").content)
    assert parsed.bozo == 0
    assert [e.title for e in parsed.entries] == ["New tram line"]
    assert parsed.feed.language == "en"
    assert parsed.entries[0].link.startswith("http://testserver/en/")


def test_registered_content_types():
    kinds = feeds.registered_kinds()
    assert kinds["pagina"].__name__ == "ContentPage"


def test_feed_index_lists_every_theme_feed(client, pages):
    response = client.get("/nl/feeds/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/nl/feeds/thema/mobiliteit/rss.xml" in html
    assert "/nl/feeds/thema/sport/atom.xml" in html
    assert "/nl/feeds/wijk/ledeberg/rss.xml" in html
    assert "Wat is een feed?" in html


def test_feed_queries_do_not_grow_with_entries(client, home, theme, django_assert_max_num_queries):
    for n in range(3):
        ContentPageFactory(parent=home, slug=f"a-{n}", themes=[theme])
    client.get("/nl/feeds/thema/mobiliteit/rss.xml")  # warm the taxonomy cache
    with django_assert_max_num_queries(50) as small:
        client.get("/nl/feeds/thema/mobiliteit/rss.xml")
    for n in range(20):
        ContentPageFactory(parent=home, slug=f"b-{n}", themes=[theme])
    client.get("/nl/feeds/thema/mobiliteit/rss.xml")
    with django_assert_max_num_queries(50) as large:
        client.get("/nl/feeds/thema/mobiliteit/rss.xml")
    assert len(large.captured_queries) == len(small.captured_queries)
