"""What search engines and shared links see (base.html, components/social_meta.html,
site_app.structured_data): a description on every page, the page's own canonical and og:url
(a plain-language version is its own page), og:locale as language_TERRITORY, a large-image card
only with an image, and Article JSON-LD with the publisher's logo and full ISO date-times."""

import json
import re
from datetime import datetime

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

NOTE = "/{lang}/beleidsnota-participatie/"
PLAIN = NOTE + "klare-taal/"
STORY = "/{lang}/verhalen/een-nieuwe-kade-aan-de-oude-dokken/"
PAGES = ["/{lang}/", NOTE, PLAIN, STORY, "/{lang}/verhalen/", "/{lang}/zoeken/", "/{lang}/feeds/"]
OG_LOCALE = {"nl": "nl_BE", "ar": "ar_AR"}


def _meta(html: str, attribute: str, name: str) -> list[str]:
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)


def _articles(html: str) -> list[dict]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, scripts) if data.get("@type") == "Article"]


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_every_page_describes_itself_under_its_own_address(demo, client, lang):
    for template in PAGES:
        path = template.format(lang=lang)
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        description = _meta(html, "name", "description")
        assert len(description) == 1 and description[0].strip(), f"{path}: {description}"
        url = f"http://testserver{path}"
        assert re.findall(r'<link rel="canonical" href="([^"]+)">', html) == [url], path
        if "og:url" in html:
            assert _meta(html, "property", "og:url") == [url], path
            assert _meta(html, "property", "og:locale") == [OG_LOCALE[lang]], path
            card = _meta(html, "name", "twitter:card")
            has_image = bool(_meta(html, "property", "og:image"))
            assert card == ["summary_large_image" if has_image else "summary"], path


def test_the_plain_version_is_its_own_page_with_its_own_article(demo, client):
    full = client.get(NOTE.format(lang="nl")).content.decode()
    plain = client.get(PLAIN.format(lang="nl")).content.decode()
    assert _meta(plain, "property", "og:title") != _meta(full, "property", "og:title")
    assert _meta(plain, "name", "description") != _meta(full, "name", "description")
    [full_article], [plain_article] = _articles(full), _articles(plain)
    assert full_article["url"].endswith(NOTE.format(lang="nl"))
    assert plain_article["url"].endswith(PLAIN.format(lang="nl"))
    assert plain_article["isBasedOn"] == full_article["url"]
    assert plain_article["headline"] != full_article["headline"]


@pytest.mark.parametrize("path", [STORY.format(lang="ar"), NOTE.format(lang="nl")])
def test_articles_name_their_publisher_with_a_logo_and_full_dates(demo, client, path):
    [article] = _articles(client.get(path).content.decode())
    logo = article["publisher"]["logo"]
    assert logo["url"].startswith("http://testserver/static/") and logo["url"].endswith(".png")
    assert finders.find(logo["url"].removeprefix("http://testserver/static/")), logo
    for field in ("datePublished", "dateModified"):
        value = datetime.fromisoformat(article[field])
        assert "T" in article[field] and value.tzinfo is not None, article[field]
