"""sitemap.xml and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_live_pages_in_every_language(client, home, locales):
    page = ContentPageFactory(parent=home, title="Over", slug="over")
    draft = ContentPageFactory(parent=home, title="Klad", slug="klad", live=False)
    arabic = page.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.save_revision().publish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = {
        node.text
        for node in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }
    assert "http://testserver/nl/over/" in urls
    assert "http://testserver/ar/over/" in urls
    assert not any(draft.slug in url for url in urls)


def test_robots_txt_points_at_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def _locations(response):
    return {
        node.text
        for node in ET.fromstring(response.content).iter(
            "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
        )
    }


def test_sitemap_lists_public_views_that_are_not_pages(client, home, locales):
    home.copy_for_translation(locales["ar"]).save_revision().publish()
    urls = _locations(client.get("/sitemap.xml"))
    assert {"http://testserver/nl/feeds/", "http://testserver/ar/feeds/"} <= urls
    assert "http://testserver/en/feeds/" not in urls  # no English home page here


def test_sitemap_lists_the_story_form(client, home):
    from verhalen.models import StoryIndexPage

    home.add_child(instance=StoryIndexPage(title="Verhalen", slug="verhalen"))
    urls = _locations(client.get("/sitemap.xml"))
    assert "http://testserver/nl/verhalen/" in urls
    assert "http://testserver/nl/verhalen/vertel-je-verhaal/" in urls
