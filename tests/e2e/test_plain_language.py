"""Plain language in a real browser: the policy note, its plain version, the glossary page.

Checks glossary marking: it works with the keyboard and is announced to screen readers.
(axe, the Nu Html Checker and layout at 320 px and 200 % run on these pages through
PUBLIC_PAGES in conftest.py.)
"""

import pytest

NOTE = "/{lang}/beleidsnota-participatie/"


def _open(page, path):
    response = page.goto(path)
    assert response is not None and response.status == 200, (
        f"{path}: {response and response.status}"
    )


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_glossary_terms_work_with_the_keyboard(page, lang):
    path = NOTE.format(lang=lang) + "klare-taal/"
    _open(page, path)
    terms = page.locator("main a.glossary-term")
    assert terms.count() >= 3, "the plain version marks several difficult words"

    # Tab from the top of the page until the first marked word has the focus.
    first = terms.first
    first_id = first.get_attribute("id")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == first_id:
            break
    else:
        pytest.fail("the first marked word cannot be reached with Tab")

    # Screen readers: the focused word is described by its definition, which is on the page.
    described_by = first.get_attribute("aria-describedby")
    description = page.locator(f"#{described_by}")
    assert description.count() == 1
    assert description.inner_text().strip()
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')"), (
        "the focused word shows a focus indicator"
    )

    # Enter follows the link to the definition; the definition is visible, not hover-only.
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")
    target_id = page.evaluate("location.hash").lstrip("#")
    entry = page.locator(f"#{target_id}")
    assert entry.is_visible()
    assert description.is_visible()
    assert page.evaluate(f"() => document.getElementById('{target_id}').matches(':target')")

    # And back to the same place in the text.
    entry.locator("a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#{first_id}'")


def test_each_term_is_marked_once_and_explained(page):
    _open(page, NOTE.format(lang="nl") + "klare-taal/")
    hrefs = page.locator("main a.glossary-term").evaluate_all("links => links.map(a => a.hash)")
    assert len(hrefs) == len(set(hrefs)), "a term is marked at its first occurrence only"
    for href in hrefs:
        assert page.locator(f"{href} dt").count() == 1, f"{href} has an entry on the page"
    assert page.locator("main h1 a.glossary-term, main h2 a.glossary-term").count() == 0
