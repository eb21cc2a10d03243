"""Layout: 320 px reflow, 200 % zoom, keyboard use, and the site without JavaScript."""

import pytest

NARROW = {"width": 320, "height": 800}
# 200 % browser zoom of a 1280 x 900 window. Zooming in Chromium does exactly this to the
# page: the layout viewport shrinks to 640 x 450 CSS pixels (media queries see 640 px) and
# every CSS pixel is drawn with 2 device pixels. A 640 x 450 viewport with
# device_scale_factor=2 reproduces that honestly; CSS `zoom` on <html> would not (media
# queries and viewport units would still see 1280 px).
ZOOM_200 = {"width": 640, "height": 450}
TAB_STOPS = 25

# Overflow report: the document's scroll width, and the visible elements of <main> that
# stick out of the viewport on either side (RTL pages overflow to the left). What is inside
# a region that scrolls sideways on its own (a wide data table, which WCAG 1.4.10 exempts)
# is not page overflow; the region itself must fit.
_OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const offenders = [];
    const all = [...document.querySelectorAll('main *')];
    const scrollers = all.filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX));
    for (const el of all) {
        if (scrollers.some(region => region !== el && region.contains(el))) continue;
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;  // visually hidden helpers
        if (box.right > width + 1 || box.left < -1) {
            const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.classList.length ? '.' + [...el.classList].join('.') : '');
            offenders.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, offenders};
}"""

# What the focused element looks like: its focus indicator and where it is.
_FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + (el.className && typeof el.className === 'string'
               ? '.' + el.className.trim().split(/\\s+/).join('.') : ''),
        text: (el.textContent || el.value || '').trim().slice(0, 40),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        width: box.width, height: box.height,
    };
}"""


@pytest.fixture(scope="module")
def narrow_page(browser, live_site):
    context = browser.new_context(viewport=NARROW, base_url=live_site)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def zoomed_page(browser, live_site):
    context = browser.new_context(viewport=ZOOM_200, device_scale_factor=2, base_url=live_site)
    yield context.new_page()
    context.close()


def _assert_no_horizontal_overflow(page, path, label):
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response}"
    report = page.evaluate(_OVERFLOW_JS)
    limit = page.viewport_size["width"]
    assert report["scrollWidth"] <= limit and not report["offenders"], (
        f"{path} at {label}: scrollWidth {report['scrollWidth']} > {limit} or elements "
        f"outside the viewport: {report['offenders'][:10]}"
    )


def test_no_horizontal_overflow_at_320px(narrow_page, public_page):
    _locale, path = public_page
    _assert_no_horizontal_overflow(narrow_page, path, "320 px")


def test_no_horizontal_overflow_at_200_percent_zoom(zoomed_page, public_page):
    _locale, path = public_page
    _assert_no_horizontal_overflow(zoomed_page, path, "200 % zoom")


@pytest.mark.parametrize("path", ["/nl/", "/ar/", "/nl/over/"])
def test_skip_link_is_first_visible_and_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({cls: document.activeElement.className,"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert "skip-link" in focused["cls"] and focused["href"] == "#inhoud", (
        f"{path}: the first Tab stop is {focused}, not the skip link"
    )
    box = page.locator(".skip-link").bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] >= 10 and box["height"] >= 10, (
        f"{path}: the focused skip link is not visible: {box}"
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'inhoud'")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"


@pytest.mark.parametrize("path", ["/nl/", "/nl/wijken/", "/ar/", "/nl/zoeken/?q=wijk"])
def test_every_tab_stop_has_a_visible_focus_indicator(page, path):
    page.goto(path)
    seen = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUS_JS)
        if focused is None:  # back at the document: every control has been visited
            break
        seen.append(focused)
        has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0
        has_shadow = focused["boxShadow"] not in ("", "none")
        assert has_outline or has_shadow, (
            f"{path}: Tab stop {len(seen)} {focused['name']} ({focused['text']!r}) "
            f"has no visible focus indicator: {focused}"
        )
        assert focused["width"] > 0 and focused["height"] > 0, f"{path}: invisible {focused}"
    assert len(seen) >= 5, f"{path}: only {len(seen)} Tab stops: {seen}"


@pytest.fixture
def no_js_page(browser, live_site):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}, base_url=live_site
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_home_and_search_work_without_javascript(no_js_page):
    page = no_js_page
    response = page.goto("/nl/")
    assert response is not None and response.status == 200
    assert page.locator("h1").first.is_visible()
    page.fill("#header-search", "wijk")
    with page.expect_navigation():
        page.locator("form:has(#header-search) button[type=submit]").click()
    assert "/nl/zoeken/" in page.url and "q=wijk" in page.url, page.url
    assert page.locator(".search-results__item").count() > 0, "no search results for 'wijk'"


def test_postcode_search_works_without_javascript(no_js_page):
    page = no_js_page
    page.goto("/nl/wijken/")
    page.fill("#postcode", "9050")
    with page.expect_navigation():
        page.locator("form:has(#postcode) button[type=submit]").click()
    assert "postcode=9050" in page.url, page.url
    links = page.locator("main a").all_inner_texts()
    assert "Ledeberg" in [text.strip() for text in links], links


@pytest.mark.parametrize("path", ["/nl/", "/ar/"])
def test_screenshots_for_humans(browser, live_site, artifacts_dir, path):
    """Not an assertion on looks: 320 px and 1280 px screenshots in test-artifacts/."""
    name = path.strip("/") or "root"
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_site)
        try:
            page = context.new_page()
            page.goto(path)
            target = artifacts_dir / f"{name}-{width}px.png"
            page.screenshot(path=str(target), full_page=True)
        finally:
            context.close()
        assert target.stat().st_size > 0
