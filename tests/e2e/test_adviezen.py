"""The advice register in a real browser: filters without JavaScript, the chart's text
alternative and keyboard access to the figures, the chart mirrored in Arabic."""

import re


def test_register_filters_work_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, base_url=live_site)
    page = context.new_page()
    try:
        assert page.goto("/nl/adviesraden/").status == 200
        page.select_option("#id_status", "te-laat")
        page.get_by_role("button", name="Toon de adviezen").click()
        assert "status=te-laat" in page.url
        count = int(re.match(r"(\d+)", page.get_by_role("status").inner_text()).group(1))
        items = page.locator(".advice-item")
        assert count == items.count() >= 2
        assert items.locator(".phase--te-laat").count() == count
        # The CSV link keeps the filter.
        assert "status=te-laat" in page.get_by_role("link", name=re.compile("CSV")).get_attribute(
            "href"
        )
    finally:
        context.close()


def test_chart_has_a_name_and_the_table_can_be_reached_by_keyboard(page):
    page.goto("/nl/adviesraden/")
    chart = page.get_by_role("img", name="Wat deed de stad met de adviezen van elke raad?")
    assert chart.count() == 1
    region = page.get_by_role("region", name=re.compile("Adviezen per adviesraad"))
    region.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('table-scroll')")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_chart_mirrors_in_arabic(page):
    def first_bar_offsets(path):
        page.goto(path)
        svg = page.locator("svg.chart__svg").bounding_box()
        bar = page.locator("svg.chart__svg rect").first.bounding_box()
        return bar["x"] - svg["x"], svg["x"] + svg["width"] - (bar["x"] + bar["width"])

    left_nl, right_nl = first_bar_offsets("/nl/adviesraden/")
    _left_ar, right_ar = first_bar_offsets("/ar/adviesraden/")
    assert left_nl > right_nl / 10, "Dutch bars start after the labels on the left"
    assert abs(right_ar - left_nl) < 2, "Arabic bars start after the labels on the right"
