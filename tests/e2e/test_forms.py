"""Public forms in a real browser: after a failed submit the error summary has the focus."""

import pytest


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_failed_submit_moves_focus_to_the_error_summary(page, lang):
    page.goto(f"/{lang}/verhalen/vertel-je-verhaal/")
    page.fill("#id_message", "Een verhaal over de bakker op de hoek.")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state("domcontentloaded")
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    # the summary comes before the page's heading, and lists the errors in field order
    order = page.evaluate(
        "[...document.querySelectorAll('main .error-summary, main h1')].map(e => e.tagName)"
    )
    assert order[0] == "DIV"
    links = summary.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    fields = page.locator("form [id^=id_]:not([type=hidden])").evaluate_all(
        "els => els.map(e => '#' + e.id)"
    )
    assert links == [field for field in fields if field in links]
    assert page.locator("#id_message").input_value() == "Een verhaal over de bakker op de hoek."


def test_the_contact_fields_say_one_of_both_is_needed(page):
    page.goto("/nl/verhalen/vertel-je-verhaal/")
    legend = page.locator("fieldset legend").inner_text()
    assert "minstens één van beide" in legend
    for field in ("email", "phone"):
        label = page.locator(f"label[for=id_{field}]").inner_text()
        assert "niet verplicht" not in label
