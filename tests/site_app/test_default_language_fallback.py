"""Pages that exist only in Dutch, seen from another language (site_app.fallback): a listing
says how many more exist in Dutch and links to them; a page asked for in a language it does not
exist in redirects to the Dutch page, which says so in the reader's language."""

import re

import pytest

from verhalen.models import StoryPage

pytestmark = pytest.mark.django_db


def dutch_only_stories():
    arabic = StoryPage.objects.filter(locale__language_code="ar").values("translation_key")
    return (
        StoryPage.objects.live()
        .filter(locale__language_code="nl")
        .exclude(translation_key__in=arabic)
        .order_by("pk")
    )


def test_arabic_story_list_counts_and_links_the_dutch_only_stories(demo, client):
    missing = dutch_only_stories().count()
    assert missing >= 2
    html = client.get("/ar/verhalen/").content.decode()
    notice = re.search(r'<p class="notice">([^<]*)<a href="/nl/verhalen/" hreflang="nl">', html)
    assert notice, "no notice linking the Dutch list"
    assert f" {missing} " in notice.group(1)
    assert '<p class="notice">' not in client.get("/nl/verhalen/").content.decode()


def test_a_dutch_only_page_asked_for_in_arabic_redirects_to_dutch_with_a_notice(demo, client):
    story = dutch_only_stories().first()
    response = client.get(f"/ar/verhalen/{story.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"{story.url}?van=ar"
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="nl" dir="ltr">' in html
    notice = re.search(r'<p class="notice" role="status" lang="ar" dir="rtl">([^<]+)</p>', html)
    assert notice and re.search("[\u0600-\u06ff]", notice.group(1)), "notice not in Arabic"
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([a-z-]+)"', html)
    assert "ar" not in hreflangs and "nl" in hreflangs
    # Without the parameter (or with a made-up one) no notice.
    assert 'role="status" lang=' not in client.get(story.url).content.decode()
    assert 'role="status" lang=' not in client.get(f"{story.url}?van=xx").content.decode()


def test_what_exists_nowhere_stays_a_404(demo, client):
    assert client.get("/ar/verhalen/bestaat-nergens/").status_code == 404
    assert client.get("/nl/verhalen/bestaat-nergens/").status_code == 404
    assert client.get("/ar/bestaat/ook/niet/").status_code == 404
