"""The feed engine, through its public URLs, parsed with a real feed parser."""

import calendar
import time
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.utils import timezone, translation

from home.models import ContentPage
from site_app import feeds
from tests import feed_checks
from tests.factories import ContentPageFactory, ThemeFactory, WijkFactory

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


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feed_dates_are_the_publication_moments(client, pages, fmt):
    """Each entry's date, read back with its time zone, is the page's publication moment."""
    parsed = feedparser.parse(client.get(f"/nl/feeds/thema/mobiliteit/{fmt}.xml").content)
    published = {
        page.title: page.first_published_at
        for page in ContentPage.objects.filter(pk__in=[page.pk for page in pages])
    }
    assert all(published.values())
    for entry in parsed.entries:
        moment = datetime.fromtimestamp(calendar.timegm(entry.published_parsed), tz=UTC)
        assert moment == published[entry.title].replace(microsecond=0)


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
    assert ContentPage.feed_source.kind == "pagina"
    assert ContentPage.feed_source in feeds.sources()
    with translation.override("nl"):
        assert feeds.kinds()["pagina"] == "Pagina"


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


# --- validity, not only parsing -------------------------------------------------------


FEED_URLS = [
    "/nl/feeds/thema/mobiliteit/{fmt}.xml",
    "/nl/feeds/wijk/ledeberg/{fmt}.xml",
    "/nl/feeds/alles/{fmt}.xml",
    "/nl/feeds/alles/{fmt}.xml?soort=pagina",
]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize("url", FEED_URLS)
def test_feeds_are_valid(client, pages, url, fmt):
    url = url.format(fmt=fmt)
    response = client.get(url)
    assert response.status_code == 200
    assert feedparser.parse(response.content).entries
    assert feed_checks.problems(response.content, fmt, self_url=f"http://testserver{url}") == []


def test_validity_check_catches_what_feedgen_gets_wrong_by_default():
    """The checker must fail a feed whose channel link is the feed itself."""
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id("http://testserver/nl/feed.xml")
    generator.title("t")
    generator.description("d")
    generator.link(href="http://testserver/nl/", rel="alternate")
    generator.link(href="http://testserver/nl/feed.xml", rel="self")
    entry = generator.add_entry()
    entry.id("x")
    entry.title("e")
    entry.link(href="http://testserver/nl/e/")
    entry.updated(timezone.now())
    found = feed_checks.problems(generator.rss_str(), "rss")
    assert "channel <link> is the feed itself, not the page it follows" in found
    assert any("pubDate" in problem for problem in found)
    assert any(
        "author" in problem for problem in feed_checks.problems(generator.atom_str(), "atom")
    )


def test_atom_entries_name_the_organisation_as_author(client, pages):
    parsed = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/atom.xml").content)
    assert {entry.author for entry in parsed.entries} == {"Stad Gent"}
    assert parsed.feed.author == "Stad Gent"


def test_channel_link_is_the_page_the_feed_follows(client, pages, home):
    from home.models import WijkIndexPage, WijkPage

    index = home.add_child(instance=WijkIndexPage(title="Wijken", slug="wijken"))
    wijk = pages[0].wijken.get()
    index.add_child(instance=WijkPage(title="Ledeberg", slug="ledeberg", wijk=wijk))
    wijk_feed = feedparser.parse(client.get("/nl/feeds/wijk/ledeberg/rss.xml").content)
    assert wijk_feed.feed.link == "http://testserver/nl/wijken/ledeberg/"
    theme_feed = feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml").content)
    assert theme_feed.feed.link == "http://testserver/nl/feeds/#thema-mobiliteit"
    assert 'id="thema-mobiliteit"' in client.get("/nl/feeds/").content.decode()


def test_browsers_get_a_readable_page_through_a_stylesheet(client, pages):
    body = client.get("/nl/feeds/thema/mobiliteit/rss.xml").content.decode()
    assert body.splitlines()[1] == '<?xml-stylesheet type="text/xsl" href="/nl/feeds/feed.xsl"?>'
    for language, words in (("nl", "Zo volg je deze feed"), ("ar", 'dir="rtl"')):
        response = client.get(f"/{language}/feeds/feed.xsl")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xsl")
        stylesheet = ElementTree.fromstring(response.content)
        assert stylesheet.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
        assert words in response.content.decode()


def test_feeds_page_offers_per_kind_and_app_feeds_as_links(client, pages):
    html = client.get("/nl/feeds/").content.decode()
    assert 'href="/nl/feeds/alles/rss.xml?soort=pagina"' in html
    assert 'href="/nl/feeds/thema/mobiliteit/rss.xml?soort=verhaal"' in html
    assert 'href="/nl/verhalen/feed/rss/"' not in html  # no story index in this site


# --- a source that is not a page ------------------------------------------------------


@pytest.fixture
def notice_source(monkeypatch):
    from tests.feed_source_app.models import NoticeSource

    source = NoticeSource()
    monkeypatch.setattr(feeds, "_sources", [*feeds.sources(), source])
    return source


def _notice(locales, title, themes=(), wijken=(), **fields):
    from tests.feed_source_app.models import Notice

    notice = Notice.objects.create(
        title=title,
        locale=locales[fields.pop("language", "nl")],
        published_at=fields.pop("published_at", timezone.now()),
        **fields,
    )
    notice.themes.set(themes)
    notice.wijken.set(wijken)
    return notice


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_non_page_source_appears_in_theme_and_wijk_feeds(
    client, pages, theme, locales, notice_source, fmt
):
    wijk = pages[0].wijken.get()
    _notice(locales, "Werken aan de tramlijn", themes=[theme], author="Dienst Mobiliteit")
    _notice(locales, "Buurtfeest in Ledeberg", wijken=[wijk])
    _notice(locales, "Niet openbaar", themes=[theme], wijken=[wijk], is_public=False)
    _notice(locales, "In English", themes=[theme], language="en")
    theme_url = f"/nl/feeds/thema/mobiliteit/{fmt}.xml"
    theme_feed = client.get(theme_url)
    assert feed_checks.problems(theme_feed.content, fmt, f"http://testserver{theme_url}") == []
    entries = {e.title: e for e in feedparser.parse(theme_feed.content).entries}
    assert set(entries) == {"Werken aan de tramlijn", "Fietsstraat", "Nieuwe tramlijn"}
    assert entries["Werken aan de tramlijn"].author == "Dienst Mobiliteit"
    assert entries["Werken aan de tramlijn"].id.startswith("tag:testserver,2026:mededeling/")
    wijk_feed = feedparser.parse(client.get(f"/nl/feeds/wijk/ledeberg/{fmt}.xml").content)
    assert {e.title for e in wijk_feed.entries} == {"Buurtfeest in Ledeberg", "Fietsstraat"}
    only = feedparser.parse(client.get(f"{theme_url}?soort=mededeling").content)
    assert [e.title for e in only.entries] == ["Werken aan de tramlijn"]


def test_entries_of_all_sources_are_merged_newest_first(
    client, pages, theme, locales, notice_source
):
    from home.models import ContentPage

    newest_page = ContentPage.objects.filter(pk__in=[p.pk for p in pages[:2]]).latest(
        "first_published_at"
    )
    _notice(locales, "Oud bericht", themes=[theme], published_at=timezone.now() - timedelta(days=9))
    _notice(
        locales, "Vers bericht", themes=[theme], published_at=timezone.now() + timedelta(seconds=1)
    )
    titles = [
        e.title
        for e in feedparser.parse(client.get("/nl/feeds/thema/mobiliteit/rss.xml").content).entries
    ]
    assert titles[0] == "Vers bericht"
    assert titles[-1] == "Oud bericht"
    assert titles.index(newest_page.title) < titles.index("Oud bericht")


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_queries_stay_constant_with_a_non_page_source(
    client, home, theme, locales, notice_source, django_assert_max_num_queries, fmt
):
    wijk = WijkFactory(name="Gentbrugge", slug="gentbrugge")

    def add(count, prefix):
        for n in range(count):
            ContentPageFactory(parent=home, slug=f"{prefix}-{n}", themes=[theme], wijken=[wijk])
            _notice(locales, f"{prefix} {n}", themes=[theme], wijken=[wijk])

    counts = {}
    for size, prefix in ((2, "klein"), (20, "groot")):
        add(size, prefix)
        for url in (
            f"/nl/feeds/thema/mobiliteit/{fmt}.xml",
            f"/nl/feeds/wijk/gentbrugge/{fmt}.xml",
        ):
            client.get(url)  # warm the taxonomy cache
            with django_assert_max_num_queries(40) as captured:
                assert client.get(url).status_code == 200
            counts[(size, url)] = len(captured.captured_queries)
    for url in {url for _size, url in counts}:
        assert counts[(2, url)] == counts[(20, url)], counts


def test_browsers_get_xml_they_style_and_readers_the_feed_type(client, pages):
    url = "/nl/feeds/thema/mobiliteit/rss.xml"
    browser = client.get(url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    reader = client.get(url, headers={"Accept": "application/rss+xml, */*;q=0.1"})
    plain = client.get(url)
    assert browser["Content-Type"] == "application/xml; charset=utf-8"
    assert reader["Content-Type"] == plain["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert browser.content == reader.content
    assert "Accept" in browser["Vary"]
