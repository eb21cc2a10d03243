"""Stories in a real browser: transcripts on the page; filters and the proposal form without
JavaScript. (axe, the Nu Html Checker and layout run on the story pages through
PUBLIC_PAGES in conftest.py.)"""

import re

import pytest

STORY = "/{lang}/verhalen/een-nieuwe-kade-aan-de-oude-dokken/"


def _open(page, path, status=200):
    response = page.goto(path)
    assert response is not None, f"{path}: no response"
    assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"
    return response


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_story_shows_every_block_and_its_transcripts(page, live_site, fetch, lang):
    _open(page, STORY.format(lang=lang))
    transcripts = page.locator("details.transcript")
    assert transcripts.count() == 2
    summary = transcripts.first.locator("summary")
    if lang == "nl":
        assert summary.inner_text() == "Lees de tekst (transcriptie)"
    text = transcripts.first.locator(".transcript__text")
    assert not text.is_visible()
    summary.click()
    assert text.is_visible()
    assert len(text.inner_text()) > 50
    for selector in ("audio", "video", ".gallery", ".quote", ".summary", ".cta", ".document-link"):
        assert page.locator(selector).count() >= 1, selector
    audio_src = page.locator("audio").get_attribute("src")
    status, headers, _body = fetch(live_site + audio_src)
    assert status == 200 and headers["content-type"].startswith("audio/")


def test_filters_work_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, base_url=live_site)
    page = context.new_page()
    try:
        _open(page, "/nl/verhalen/")
        page.select_option("#id_wijk", "muide-meulestede-afrikalaan")
        page.get_by_role("button", name="Toon de verhalen").click()
        assert "wijk=muide-meulestede-afrikalaan" in page.url
        status = page.get_by_role("status").inner_text()
        count = int(re.match(r"(\d+)", status).group(1))
        assert count == page.locator(".story-card").count() >= 3
    finally:
        context.close()


def test_proposal_form_errors_are_announced_and_linked(page, run_axe, html_checker):
    _open(page, "/nl/verhalen/vertel-je-verhaal/")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Verstuur je voorstel").click()
    assert navigation.value.status == 400
    summary = page.get_by_role("alert")
    assert summary.is_visible()
    first_link = summary.locator("a").first
    target = first_link.get_attribute("href")
    assert page.locator(target).get_attribute("aria-invalid") == "true"
    assert page.title().startswith("Fout:")
    violations = run_axe(page)
    assert not violations, str(violations)
    errors = html_checker(page.content())
    assert not errors, "\n".join(errors)


_LAYOUT = """() => {
    const box = el => el.getBoundingClientRect();
    const items = [...document.querySelectorAll('.gallery__item')].map(box);
    const raconteur = document.querySelector('.raconteur');
    const photo = raconteur.querySelector('.raconteur__photo');
    const text = raconteur.querySelector('.raconteur__text');
    return {
        items: items.map(r => ({x: r.left, y: r.top, w: r.width})),
        listWidth: box(document.querySelector('.gallery__list')).width,
        markers: [...document.querySelectorAll('.gallery__item, .raconteur')].map(
            el => getComputedStyle(el).listStyleType),
        photo: {x: box(photo).left, y: box(photo).top, w: box(photo).width},
        text: {x: box(text).left, y: box(text).top, w: box(text).width},
        scroll: document.documentElement.scrollWidth, viewport: window.innerWidth,
    };
}"""


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_gallery_is_a_grid_and_the_raconteur_photo_sits_beside_the_text(page, lang):
    """1280 px: gallery pictures side by side in rows; 320 px: one column, no sideways
    scrolling. The raconteur's photo is beside the text (on the right in Arabic), no bullets."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, STORY.format(lang=lang))
    wide = page.evaluate(_LAYOUT)
    assert len(wide["items"]) >= 2
    first, second = wide["items"][:2]
    assert abs(first["y"] - second["y"]) < 1, f"gallery pictures stacked at 1280 px: {wide}"
    assert (first["x"] < second["x"]) == (lang != "ar"), f"grid does not follow {lang}: {wide}"
    assert set(wide["markers"]) == {"none"}, wide["markers"]
    photo, text = wide["photo"], wide["text"]
    assert abs(photo["y"] - text["y"]) < 1, f"raconteur photo above the text: {wide}"
    assert (photo["x"] < text["x"]) == (lang != "ar"), f"photo on the wrong side: {wide}"

    page.set_viewport_size({"width": 320, "height": 800})
    narrow = page.evaluate(_LAYOUT)
    first, second = narrow["items"][:2]
    assert second["y"] > first["y"] and abs(first["x"] - second["x"]) < 1, narrow
    assert first["w"] >= narrow["listWidth"] - 1, narrow
    assert narrow["scroll"] <= narrow["viewport"], f"sideways scrolling at 320 px: {narrow}"
