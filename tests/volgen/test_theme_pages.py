"""Theme pages: one per theme under /<lang>/themas/, linked from every theme name."""

import datetime

import feedparser
import pytest

from site_app.models import Theme
from tests.factories import StoryPageFactory
from tests.query_counts import warm_queries
from verhalen.models import StoryPage

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_theme_with_a_link(client, demo):
    response = client.get("/nl/themas/")
    assert response.status_code == 200
    html = response.content.decode()
    for theme in Theme.objects.filter(locale__language_code="nl"):
        assert f'href="/nl/themas/{theme.slug}/"' in html
        assert theme.name in html


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_a_theme_page_shows_news_meetings_and_ways_to_follow(client, demo, lang):
    theme = Theme.objects.get(slug="wonen", locale__language_code=lang)
    response = client.get(f"/{lang}/themas/wonen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert theme.name in html
    assert theme.description in html
    assert f'href="/{lang}/feeds/thema/wonen/rss.xml"' in html
    assert "thema/wonen/kalender/" in html
    assert f'href="/{lang}/themas/e-mail/?themes=wonen"' in html
    assert 'class="card__link"' in html  # the demo has news about housing
    assert f'lang="{lang}"' in html


def test_an_unknown_theme_is_not_found(client, demo):
    assert client.get("/nl/themas/bestaat-niet/").status_code == 404
    assert client.post("/nl/themas/wonen/").status_code == 405


def test_theme_names_on_content_link_to_the_theme_page(client, demo):
    story = StoryPage.objects.live().filter(locale__language_code="nl", themes__isnull=False)
    story = story.first()
    slug = story.themes.first().slug
    html = client.get(story.url).content.decode()
    assert f'<a class="tag__link" href="/nl/themas/{slug}/">' in html


def test_the_theme_feed_points_at_the_theme_page(client, demo):
    feed = feedparser.parse(client.get("/nl/feeds/thema/wonen/rss.xml").content)
    assert feed.feed.link == "http://testserver/nl/themas/wonen/"


def test_queries_do_not_grow_with_the_content(client, demo):
    theme = Theme.objects.get(slug="wonen", locale__language_code="nl")
    index = StoryPage.objects.live().filter(locale__language_code="nl").first().get_parent()
    url = "/nl/themas/wonen/"
    before = warm_queries(client, url)
    for day in range(6):
        StoryPageFactory(parent=index, themes=[theme], date=datetime.date(2026, 11, 1 + day))
    assert warm_queries(client, url) == before
