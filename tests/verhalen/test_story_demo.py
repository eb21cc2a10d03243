"""The demo stories, and what readers get from them: pages, transcripts, metadata, feeds."""

import json
import re

import feedparser
import pytest
from django.utils.text import slugify

from site_app import demo as core_demo
from site_app.demo_tools import read_data
from verhalen import demo as story_demo
from verhalen.models import Raconteur, StoryIndexPage, StoryPage, StorySeriesPage

pytestmark = pytest.mark.django_db

FULL_STORY = read_data(story_demo.__file__, "stories")["full_story"]["slug"]
FULL_NL = f"/nl/verhalen/{FULL_STORY}/"
FULL_AR = f"/ar/verhalen/{FULL_STORY}/"


def nl_stories():
    return StoryPage.objects.live().filter(locale__language_code="nl")


def test_demo_covers_enough_wijken_themes_raconteurs_and_series(demo):
    stories = nl_stories()
    assert stories.count() >= 12
    assert stories.values("wijken").distinct().count() >= 6
    assert stories.values("themes").distinct().count() >= 8
    assert Raconteur.objects.filter(locale__language_code="nl").count() >= 3
    assert StorySeriesPage.objects.live().filter(locale__language_code="nl").count() >= 2
    assert all(story.lead_image_id for story in stories)
    theme_slugs = {theme["slug"] for theme in read_data(core_demo.__file__, "themes")["theme"]}
    wijk_slugs = {slugify(wijk["name"]) for wijk in read_data(core_demo.__file__, "wijken")["wijk"]}
    assert set(stories.values_list("themes__slug", flat=True)) <= theme_slugs
    assert set(stories.values_list("wijken__slug", flat=True)) - {None} <= wijk_slugs


def test_index_is_in_the_menu_and_translated(demo, client):
    index = StoryIndexPage.objects.get(locale__language_code="nl")
    assert index.slug == "verhalen" and index.show_in_menus
    languages = set(StoryIndexPage.objects.live().values_list("locale__language_code", flat=True))
    assert {"nl", "en", "ar"} <= languages


def test_stories_are_translated_into_arabic_and_english(demo, client):
    assert StoryPage.objects.live().filter(locale__language_code="ar").exists()
    assert StoryPage.objects.live().filter(locale__language_code="en").exists()
    response = client.get(FULL_AR)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "رصيف جديد عند الأرصفة القديمة" in html


def test_story_with_every_block_type_renders_with_transcripts(demo, client):
    story = StoryPage.objects.get(slug=FULL_STORY, locale__language_code="nl")
    block_types = {block.block_type for block in story.body}
    assert block_types == set(StoryPage.body.field.stream_block.child_blocks)
    html = client.get(FULL_NL).content.decode()
    assert html.count("<details") == 2
    assert "Lees de tekst (transcriptie)" in html
    assert "Ik ben Ahmed. Ik woon al veertig jaar aan de Oude Dokken." in html
    assert "Een bootje vaart langzaam van links naar rechts." in html
    assert "<audio" in html and "<video" in html
    assert 'class="gallery"' in html


def test_story_has_article_metadata(demo, client):
    html = client.get(FULL_NL).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Article"
    assert data["headline"] == "Een nieuwe kade aan de Oude Dokken"
    assert data["author"] == [{"@type": "Person", "name": "Ayşe"}]
    assert data["datePublished"] == "2026-06-01T00:00:00+02:00"  # the story date, in Ghent
    assert data["image"].startswith("http")
    assert data["isPartOf"]["name"] == "De Oude Dokken verandert"


def test_related_stories_share_a_wijk_or_theme(demo, client):
    response = client.get(FULL_NL)
    story = response.context["page"]
    related = response.context["related_stories"]
    assert 1 <= len(related) <= 3
    own_wijken = set(story.wijken.values_list("pk", flat=True))
    own_themes = set(story.themes.values_list("pk", flat=True))
    for other in related:
        assert other.pk != story.pk
        assert own_wijken & {w.pk for w in other.wijken.all()} or own_themes & {
            t.pk for t in other.themes.all()
        }


def test_series_page_lists_its_stories(demo, client):
    response = client.get("/nl/verhalen/oude-dokken/")
    assert response.status_code == 200
    expected = nl_stories().filter(series__slug="oude-dokken").count()
    assert expected >= 3
    assert response.context["result_count"] == expected
    assert client.get("/ar/verhalen/oude-dokken/").status_code == 200


def test_theme_feed_lists_the_theme_stories_and_parses(demo, client):
    response = client.get("/nl/feeds/thema/cultuur-en-erfgoed/rss.xml", {"soort": "verhaal"})
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    titles = {entry.title for entry in feed.entries}
    expected = set(
        nl_stories().filter(themes__slug="cultuur-en-erfgoed").values_list("title", flat=True)
    )
    assert expected and titles == expected
    assert all(
        entry.link.startswith("http") and "/nl/verhalen/" in entry.link for entry in feed.entries
    )


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_story_index_feed_parses_and_follows_filters(demo, client, fmt):
    response = client.get(f"/nl/verhalen/feed/{fmt}/")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert len(feed.entries) == nl_stories().count()
    filtered = feedparser.parse(
        client.get(f"/nl/verhalen/feed/{fmt}/", {"wijk": "ledeberg"}).content
    )
    assert filtered.bozo == 0
    assert len(filtered.entries) == nl_stories().filter(wijken__slug="ledeberg").count() >= 1
    arabic = feedparser.parse(client.get(f"/ar/verhalen/feed/{fmt}/").content)
    assert arabic.bozo == 0
    assert (
        len(arabic.entries) == StoryPage.objects.live().filter(locale__language_code="ar").count()
    )


def test_proposal_form_works_in_arabic(demo, client):
    response = client.get("/ar/verhalen/vertel-je-verhaal/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_stories_are_found_by_search(demo, client):
    response = client.get("/nl/zoeken/", {"q": "geveltuin"})
    results = response.context["results"]
    assert any(isinstance(page, StoryPage) for page in results)


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_story_feeds_are_valid_and_name_the_raconteurs(demo, client, fmt):
    from tests import feed_checks

    url = f"/nl/verhalen/feed/{fmt}/"
    response = client.get(url)
    assert feed_checks.problems(response.content, fmt, self_url=f"http://testserver{url}") == []
    feed = feedparser.parse(response.content)
    assert feed.feed.link == "http://testserver/nl/verhalen/"
    stories = {story.title: story for story in nl_stories().prefetch_related("raconteurs")}
    for entry in feed.entries:
        names = [raconteur.name for raconteur in stories[entry.title].raconteurs.all()]
        expected = names or ["Stad Gent"]
        assert [author.name for author in entry.authors] == expected


def test_feeds_page_lists_the_story_feeds(demo, client):
    html = client.get("/nl/feeds/").content.decode()
    assert 'href="/nl/verhalen/feed/rss/"' in html
    assert 'href="/nl/verhalen/feed/atom/"' in html


def test_more_stories_from_the_neighbourhood_put_a_shared_wijk_first(demo, client):
    """The demo's two Ledeberg stories: the other one leads, before stories that share only a
    theme (even newer ones)."""
    rosa = nl_stories().get(slug="rosa-leert-nederlands")
    ledeberg = nl_stories().filter(wijken__slug="ledeberg").exclude(pk=rosa.pk)
    assert ledeberg.count() == 1
    related = [story.slug for story in rosa.related_stories()]
    assert related[0] == ledeberg.get().slug, related
    html = client.get(rosa.url).content.decode()
    section = html[html.index('id="related-title"') :]
    assert section.index(ledeberg.get().title) < section.index("Vissen aan het Houtdok")


def test_the_call_to_tell_your_story_leads_to_the_story_form(demo, client):
    for url in (FULL_NL, FULL_AR):
        html = client.get(url).content.decode()
        index = StoryIndexPage.objects.get(locale__language_code=url[1:3])
        body_cta = re.search(r'<div class="cta[^"]*">.*?href="([^"]+)"', html, re.S)
        assert body_cta, f"{url}: no call to action"
        propose = index.url + index.reverse_subpage("propose")
        assert body_cta.group(1).endswith(propose), (url, body_cta.group(1))
        assert client.get(propose).status_code == 200
