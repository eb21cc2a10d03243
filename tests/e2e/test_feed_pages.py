"""A browser opening a feed sees a readable page (XSLT), in the reader's language."""

import pytest


@pytest.mark.parametrize(
    ("url", "lang", "direction"),
    [
        ("/nl/feeds/thema/participatie-en-democratie/rss.xml", "nl", "ltr"),
        ("/ar/feeds/alles/atom.xml", "ar", "rtl"),
    ],
)
def test_feed_opens_as_a_readable_page(page, run_axe, url, lang, direction):
    page.goto(url)
    heading = page.locator("h1")
    assert heading.count() == 1 and heading.inner_text().strip()
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("#feed-adres").input_value().endswith(url)
    assert page.locator(".card-list .card").count() >= 1
    # the site's own stylesheet styles it
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    violations = run_axe(page)
    assert not violations, str(violations)
