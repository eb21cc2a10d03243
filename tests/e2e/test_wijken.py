"""A full wijk page in a real browser: the chart's text alternative, the chart and the table
mirrored in Arabic with numbers in reading order, and the street finder without JavaScript."""

import re

BOXES = """() => {
    const box = (el) => el.getBoundingClientRect();
    const svg = document.querySelector("svg.chart__svg");
    const label = box(svg.querySelector(".chart__label"));
    const bar = box(svg.querySelector(".chart__bar--wijk"));
    const value = box(svg.querySelector(".chart__count"));
    const cell = document.querySelector(".data-table td bdi");
    const text = cell.firstChild;
    const first = document.createRange(), last = document.createRange();
    first.setStart(text, 0); first.setEnd(text, 1);
    last.setStart(text, text.length - 1); last.setEnd(text, text.length);
    const column = (i) => box(document.querySelector(`.data-table thead th:nth-child(${i})`));
    return {
        label, bar, value,
        firstChar: first.getBoundingClientRect().left, lastChar: last.getBoundingClientRect().left,
        nameColumn: column(1), wijkColumn: column(2),
    };
}"""


def test_chart_has_a_text_alternative(page):
    page.goto("/nl/wijken/ledeberg/")
    chart = page.get_by_role("img", name="Ledeberg vergeleken met de stad")
    assert chart.count() == 1
    description = page.locator("#wijk-chart-desc").text_content()
    assert "Inwoners: Ledeberg 10150, stad 10600." in description


def test_chart_and_table_mirror_in_arabic_with_numbers_in_order(page):
    page.goto("/nl/wijken/ledeberg/")
    nl = page.evaluate(BOXES)
    page.goto("/ar/wijken/ledeberg/")
    ar = page.evaluate(BOXES)
    assert nl["label"]["right"] <= nl["bar"]["left"] + 1, "Dutch: label left of its bar"
    assert nl["value"]["left"] >= nl["bar"]["right"], "Dutch: value right of its bar"
    assert ar["label"]["left"] >= ar["bar"]["right"] - 1, "Arabic: label right of its bar"
    assert ar["value"]["right"] <= ar["bar"]["left"], "Arabic: value left of its bar"
    assert ar["nameColumn"]["left"] > ar["wijkColumn"]["left"], "Arabic table reads from the right"
    for boxes in (nl, ar):  # "10150": the first digit stays on the left in both directions
        assert boxes["firstChar"] < boxes["lastChar"]


def test_find_a_wijk_by_street_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, base_url=live_site)
    page = context.new_page()
    try:
        page.goto("/nl/wijken/")
        page.fill("#straat", "Brusselsesteenweg")
        page.locator("#straat").press("Enter")
        assert "straat=Brusselsesteenweg" in page.url
        results = page.locator(".street-results li")
        assert results.count() == 2
        assert page.get_by_role("link", name="Ledeberg").count() >= 1
        page.goto("/nl/wijken/?postcode=12")
        assert re.search("vier cijfers", page.locator("#postcode-error").inner_text())
    finally:
        context.close()
