"""Language and direction: no tool checks these, so these tests do.

- ``<html lang>`` is the page's locale; ``dir`` is ``rtl`` for Arabic, ``ltr`` otherwise;
- the rendered Arabic page really runs right to left (computed style, mirrored header);
- text in another language carries its own ``lang`` (the language switcher);
- hreflang alternates are present, absolute and lead to pages that exist;
- the switcher offers only the translations that exist.
"""

from html.parser import HTMLParser
from urllib.parse import urlsplit

RTL_LOCALES = {"ar"}


class _Tags(HTMLParser):
    """Every start tag of a document, as (tag, attributes)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def first(self, name: str) -> dict[str, str]:
        return next(attrs for tag, attrs in self.tags if tag == name)

    def alternates(self) -> list[dict[str, str]]:
        return [
            attrs
            for tag, attrs in self.tags
            if tag == "link" and "alternate" in attrs.get("rel", "").split() and "hreflang" in attrs
        ]


def _expected_dir(locale: str) -> str:
    return "rtl" if locale in RTL_LOCALES else "ltr"


def _parse(live_site, fetch, path) -> _Tags:
    status, _headers, body = fetch(live_site + path)
    assert status == 200, f"{path}: HTTP {status}"
    return _Tags(body)


def test_html_lang_and_dir(live_site, fetch, public_page):
    locale, path = public_page
    html = _parse(live_site, fetch, path).first("html")
    assert html.get("lang") == locale, f"{path}: <html lang={html.get('lang')!r}>"
    assert html.get("dir") == _expected_dir(locale), f"{path}: <html dir={html.get('dir')!r}>"


def test_hreflang_alternates_are_absolute_and_exist(live_site, fetch, public_page):
    locale, path = public_page
    alternates = _parse(live_site, fetch, path).alternates()
    assert alternates, f"{path}: no <link rel=alternate hreflang> at all"
    by_lang = {}
    for link in alternates:
        href = link.get("href", "")
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, (
            f"{path}: hreflang={link['hreflang']} href {href!r} is not absolute"
        )
        by_lang[link["hreflang"]] = href
    assert locale in by_lang, f"{path}: no hreflang alternate for its own language {locale}"
    assert urlsplit(by_lang[locale]).path == urlsplit(path).path, (
        f"{path}: its own hreflang alternate points at {by_lang[locale]}"
    )
    if "nl" in by_lang:
        assert by_lang.get("x-default") == by_lang["nl"], f"{path}: x-default should be Dutch"
    for code, href in by_lang.items():
        status, _headers, _body = fetch(href)
        assert status == 200, f"{path}: hreflang={code} alternate {href} answers {status}"


def test_language_switcher_items_carry_their_language(page, public_page):
    """Each language name is written in that language, so it carries its own lang (and dir)."""
    locale, path = public_page
    page.goto(path)
    items = page.eval_on_selector_all(
        ".language-switcher [lang]",
        """els => els.map(el => ({
            tag: el.tagName.toLowerCase(), lang: el.lang, hreflang: el.hreflang || null,
            current: el.getAttribute('aria-current'), text: el.textContent.trim(),
            direction: getComputedStyle(el).direction}))""",
    )
    assert items, f"{path}: no language switcher items with a lang attribute"
    switcher_items = page.locator(".language-switcher li").count()
    assert len(items) == switcher_items, f"{path}: some switcher items have no lang: {items}"
    current = [item for item in items if item["current"]]
    assert [item["lang"] for item in current] == [locale], f"{path}: current language {current}"
    for item in items:
        assert item["text"], f"{path}: empty switcher item {item}"
        if item["tag"] == "a":
            assert item["hreflang"] == item["lang"], f"{path}: lang/hreflang differ: {item}"
        assert item["direction"] == _expected_dir(item["lang"]), (
            f"{path}: {item['text']!r} is laid out {item['direction']}"
        )
    alternates = page.eval_on_selector_all(
        "link[rel~=alternate][hreflang]", "els => els.map(el => el.hreflang)"
    )
    assert {item["lang"] for item in items} == set(alternates) - {"x-default"}, (
        f"{path}: switcher {[i['lang'] for i in items]} vs hreflang links {alternates}"
    )


def test_rendered_direction_and_mirrored_header(page, public_page):
    locale, path = public_page
    page.goto(path)
    direction = page.evaluate("() => getComputedStyle(document.body).direction")
    assert direction == _expected_dir(locale), f"{path}: body direction is {direction}"
    logo = page.locator(".site-logo").bounding_box()
    assert logo is not None and logo["width"] > 0, f"{path}: the logo is not rendered"
    middle = page.viewport_size["width"] / 2
    if locale in RTL_LOCALES:
        assert logo["x"] > middle, f"{path}: logo at x={logo['x']}, not mirrored to the right"
    else:
        assert logo["x"] + logo["width"] < middle, f"{path}: logo at x={logo['x']}, not left"


def test_switcher_offers_only_existing_translations(page):
    """/nl/over/ exists in Dutch, English and Arabic only: no French or Turkish link."""
    page.goto("/nl/over/")
    langs = page.eval_on_selector_all(".language-switcher [lang]", "els => els.map(e => e.lang)")
    assert sorted(langs) == ["ar", "en", "nl"], langs
    hrefs = page.eval_on_selector_all(".language-switcher a", "els => els.map(e => e.pathname)")
    assert sorted(hrefs) == ["/ar/over/", "/en/over/"], hrefs


# The left edge of the first and the last few characters of an element's text, as rendered.
_EDGES = """(el) => {
    const text = el.firstChild, range = document.createRange(), edge = (start, end) => {
        range.setStart(text, start); range.setEnd(text, end);
        return range.getBoundingClientRect().left;
    };
    const n = text.length;
    return {first: edge(0, 2), last: edge(n - 2, n), text: text.data};
}"""


def test_arabic_footer_keeps_numbers_and_addresses_in_reading_order(page):
    """In right-to-left text, "09 210 10 10" would show as "10 10 210 09" without isolation:
    the first digits must be rendered left of the last ones (and so for the e-mail address)."""
    page.goto("/ar/")
    for selector in (".site-footer a[href^='tel:']", ".site-footer a[href^='mailto:']"):
        edges = page.eval_on_selector(selector, _EDGES)
        assert edges["first"] < edges["last"], f"{selector} {edges['text']!r} renders reversed"
    # The same number without its isolation does render reversed, so the check can fail.
    page.eval_on_selector(".site-footer a[href^='tel:']", "el => el.removeAttribute('dir')")
    edges = page.eval_on_selector(".site-footer a[href^='tel:']", _EDGES)
    assert edges["first"] > edges["last"], edges
    address = page.eval_on_selector_all(".site-footer__address bdi", "els => els.length")
    assert address == 2
    hours = page.eval_on_selector(".site-footer__contact li:last-child", "el => el.lang")
    assert hours == "", "the Arabic demo has Arabic opening hours: no lang of their own"
    name = page.eval_on_selector(".site-footer__contact p span", "el => [el.lang, el.dir]")
    assert name == ["nl", "ltr"]
