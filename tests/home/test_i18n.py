"""Language prefixes, <html lang dir>, hreflang and the language switcher."""

import re

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(home, locales):
    """The home page in nl, en and ar; a content page in nl and ar only."""
    for code in ("en", "ar"):
        copy = home.copy_for_translation(locales[code])
        copy.title = {"en": "Making the city together", "ar": "نصنع المدينة معًا"}[code]
        copy.save_revision().publish()
    page = ContentPageFactory(parent=home, title="Over", slug="over")
    arabic = page.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.title = "حول"
    arabic.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("url", "lang", "direction"),
    [
        ("/nl/", "nl", "ltr"),
        ("/en/", "en", "ltr"),
        ("/ar/", "ar", "rtl"),
        ("/ar/over/", "ar", "rtl"),
    ],
)
def test_html_lang_and_dir(client, translated, url, lang, direction):
    html = client.get(url).content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_switcher_offers_only_existing_translations(client, translated):
    html = client.get("/nl/over/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'hreflang="ar"' in switcher and "/ar/over/" in switcher
    assert re.search(r'lang="nl"[^>]*aria-current="true"', switcher)
    for missing in ("en", "fr", "tr"):
        assert f'lang="{missing}"' not in switcher


def test_hreflang_alternates_are_absolute(client, translated):
    html = client.get("/nl/over/").content.decode()
    assert '<link rel="alternate" hreflang="ar" href="http://testserver/ar/over/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/nl/over/">' in html
    assert 'hreflang="fr"' not in html


def test_unprefixed_url_redirects_to_a_language(client, translated):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_accept_language_chooses_the_prefix(client, translated):
    response = client.get("/", headers={"Accept-Language": "ar"})
    assert response["Location"] == "/ar/"


@pytest.mark.parametrize("header", ["x" * 5000, "ar;q=abc, *;q=-1", "\x00", "zz-ZZ"])
def test_absurd_accept_language_is_harmless(client, translated, header):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/xx/", "/nl/over/bestaat-niet/", "/%00/", "/nl/" + "a/" * 300])
def test_unknown_language_or_page_is_404(client, translated, url):
    assert client.get(url, follow=True).status_code == 404


def test_page_under_another_language_prefix_goes_to_its_own_language(client, translated):
    """There is no Turkish home page: /tr/over/ must not serve Dutch text as Turkish."""
    response = client.get("/tr/over/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/over/"


def test_interface_strings_are_translated(client, translated):
    dutch = client.get("/nl/").content.decode()
    arabic = client.get("/ar/").content.decode()
    assert "Naar de inhoud" in dutch
    assert "Naar de inhoud" not in arabic
    assert "انتقل إلى المحتوى" in arabic


def test_switcher_keeps_the_sub_path_of_a_routable_page(client, translated, locales):
    """On …/vertel-je-verhaal/ the other languages link to their own form, not the index."""
    from tests.factories import StoryIndexPageFactory

    index = StoryIndexPageFactory(parent=translated.get_parent(), slug="verhalen")
    arabic = index.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.save_revision().publish()
    html = client.get("/nl/verhalen/vertel-je-verhaal/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/ar/verhalen/vertel-je-verhaal/"' in switcher
    assert 'hreflang="ar" href="http://testserver/ar/verhalen/vertel-je-verhaal/"' in html
