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
