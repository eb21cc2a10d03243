"""The register: filters, figures that match the database, the chart, constant queries."""

import statistics

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.models import F, Min, OuterRef, Subquery
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from adviezen.models import AdvicePage, AdviceStep
from site_app.timeline import OUTCOMES
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db

ANSWERS = [value for value, _label in OUTCOMES]

# One cycle of advice in every state the register knows (fields as an editor fills them in).
PATTERNS = [
    {"delivered_on": -100, "response_due": -40},  # overdue
    {"delivered_on": -80, "response_on": -50, "outcome": "overgenomen"},  # answered in time
    {  # answered late, not followed
        "delivered_on": -200,
        "response_due": -150,
        "response_on": -120,
        "outcome": "niet-overgenomen",
        "outcome_reason": "Er is geen budget.",
    },
    {"requested_on": -10, "advice_deadline": 20},  # asked, not given yet
    {"delivered_on": -10},  # waiting, within the term
    {  # own initiative, answered on the last day of the term
        "kind": "eigen-initiatief",
        "requested_by": "",
        "delivered_on": -90,
        "response_on": -30,
        "outcome": "deels-overgenomen",
    },
    {  # still under consideration, and the announced decision is late
        "delivered_on": -70,
        "response_on": -40,
        "outcome": "in-behandeling",
        "decision_due": -10,
    },
    {"delivered_on": -60, "response_on": -59, "outcome": "doorgegeven"},
]


def build(council_a, council_b, terms, cycles: int) -> list:
    pages = []
    for _cycle in range(cycles):
        for number, pattern in enumerate(PATTERNS):
            fields = {
                name: days(value) if isinstance(value, int) else value
                for name, value in pattern.items()
            }
            pages.append(
                AdvicePageFactory(
                    parent=council_a if number % 2 else council_b,
                    themes=[terms["wonen"] if number % 3 else terms["jeugd"]],
                    wijken=[terms["ledeberg"]] if number % 2 else [],
                    **fields,
                )
            )
    return pages


def expected_figures(council=None) -> dict:
    """The register's figures, computed here straight from the step rows (not the Timeline)."""
    pages = AdvicePage.objects.live().filter(locale__language_code="nl")
    if council is not None:
        pages = pages.child_of(council)
    current = AdviceStep.objects.filter(corrections__isnull=True, advice=OuterRef("pk"))
    delivered = current.filter(status="gegeven")
    answers = current.filter(status__in=ANSWERS)
    latest = current.order_by("-date", "-recorded_at", "-pk")
    rows = pages.annotate(
        delivered_on_row=Subquery(delivered.values("date")[:1]),
        due_row=Subquery(delivered.values("due")[:1]),
        first_answer=Subquery(
            answers.order_by().values("advice").annotate(first=Min("date")).values("first")[:1]
        ),
        outcome_row=Subquery(answers.order_by("-date", "-recorded_at").values("status")[:1]),
        last_status=Subquery(latest.values("status")[:1]),
        last_due=Subquery(latest.values("due")[:1]),
    )
    given = rows.exclude(delivered_on_row=None)
    answered = given.exclude(first_answer=None)
    today = timezone.localdate()
    waiting = rows.filter(last_status__in=["gegeven", "in-behandeling"], last_due__lt=today)
    day_counts = [(row.first_answer - row.delivered_on_row).days for row in answered.only("pk")]
    return {
        "given": given.count(),
        "answered": answered.count(),
        "in_time": answered.filter(first_answer__lte=F("due_row")).count(),
        "overdue": waiting.count(),
        "median_days": statistics.median(day_counts) if day_counts else None,
        "outcomes": {value: answered.filter(outcome_row=value).count() for value in ANSWERS},
    }


def shown(row) -> dict:
    return {
        "given": row.given,
        "answered": row.answered,
        "in_time": row.in_time,
        "overdue": row.overdue,
        "median_days": row.median_days,
        "outcomes": {value: row.outcomes.get(value, 0) for value in ANSWERS},
    }


def queries_for(client, url: str) -> int:
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("cycles", [1, 3], ids=["8-advice", "24-advice"])
def test_figures_equal_figures_computed_from_the_database(
    client, council_a, council_b, terms, cycles
):
    build(council_a, council_b, terms, cycles)
    response = client.get("/nl/adviesraden/")
    table = response.context["table"]
    total = expected_figures()
    assert shown(table["total"]) == total
    assert total["given"] == 7 * cycles and total["overdue"] == 2 * cycles
    assert total["in_time"] == 4 * cycles and total["answered"] == 5 * cycles
    by_council = {row.council.pk: shown(row) for row in table["rows"]}
    for council in (council_a, council_b):
        assert by_council[council.pk] == expected_figures(council)
    # The rendered table says the same as the figures: the total row, cell by cell.
    soup = BeautifulSoup(response.content, "html.parser")
    cells = [cell.get_text(strip=True) for cell in soup.select(".data-table tfoot td")]
    median = total["median_days"]
    assert cells[:5] == [
        str(total["given"]),
        str(total["answered"]),
        str(total["in_time"]),
        str(total["overdue"]),
        f"{median:.0f}" if float(median).is_integer() else f"{median:.1f}".replace(".", ","),
    ]
    assert cells[5:] == [str(total["outcomes"][value]) for value in ANSWERS]


def test_queries_stay_the_same_whatever_the_number_of_advice(
    client, council_a, council_b, terms, capsys
):
    def measure():
        advice = AdvicePage.objects.filter(live=True).order_by("pk").first()
        return {
            "register": queries_for(client, "/nl/adviesraden/"),
            "filtered": queries_for(
                client, "/nl/adviesraden/?thema=wonen&wijk=ledeberg&status=beantwoord"
            ),
            "council": queries_for(client, council_a.url),
            "advice": queries_for(client, advice.url),
            "export": queries_for(client, "/nl/adviesraden/export/"),
        }

    build(council_a, council_b, terms, 1)
    small = measure()
    build(council_a, council_b, terms, 2)
    large = measure()
    with capsys.disabled():
        print(f"\nqueries with 8 advice: {small}; with 24 advice: {large}")
    assert small == large
    assert max(large.values()) <= 40


def test_filters_narrow_the_list_and_the_figures(client, council_a, council_b, terms):
    build(council_a, council_b, terms, 1)
    everything = client.get("/nl/adviesraden/").context
    assert everything["result_count"] == 8
    overdue = client.get("/nl/adviesraden/?status=te-laat").context
    assert overdue["result_count"] == 2
    assert {item.phase.value for item in overdue["items"]} == {"te-laat"}
    assert "advice-item--overdue" in client.get("/nl/adviesraden/?status=te-laat").content.decode()
    followed = client.get("/nl/adviesraden/?resultaat=overgenomen").context
    assert [item.outcome.value for item in followed["items"]] == ["overgenomen"]
    council = client.get(f"/nl/adviesraden/?raad={council_a.slug}").context
    assert {item.council.pk for item in council["items"]} == {council_a.pk}
    assert [row.council.pk for row in council["table"]["rows"]] == [council_a.pk]
    wijk = client.get("/nl/adviesraden/?wijk=ledeberg").context
    assert wijk["result_count"] == 4
    theme = client.get("/nl/adviesraden/?thema=jeugd").context
    assert theme["table"]["total"].given == expected_given_with_theme("jeugd")
    year = timezone.localdate().year
    this_year = client.get(f"/nl/adviesraden/?jaar={year}").context
    assert all(item.source.advice_date.year == year for item in this_year["items"])


def expected_given_with_theme(slug):
    return (
        AdviceStep.objects.filter(status="gegeven", advice__themes__slug=slug)
        .values("advice")
        .distinct()
        .count()
    )


@pytest.mark.parametrize(
    "query",
    ["raad=bestaat-niet", "status=kwijt", "resultaat=%3Cscript%3E", "jaar=1900", "thema=x" * 200],
)
def test_a_filter_that_does_not_exist_is_a_clear_400(client, council_a, council_b, terms, query):
    build(council_a, council_b, terms, 1)
    response = client.get(f"/nl/adviesraden/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and "<script>" not in html
    assert response.context["result_count"] == 8, "the list falls back to everything"


def test_a_wrong_page_number_is_a_4xx(client, council_a, council_b, terms):
    build(council_a, council_b, terms, 1)
    assert client.get("/nl/adviesraden/?page=abc").status_code == 400
    assert client.get("/nl/adviesraden/?page=99").status_code == 404


def test_the_chart_has_a_text_alternative_and_mirrors_in_arabic(
    client, register, council_a, council_b, terms, locales
):
    build(council_a, council_b, terms, 1)
    from site_app.demo_tools import translate_page

    translate_page(register.get_parent(), locales["ar"])
    translate_page(register, locales["ar"], title="المجالس الاستشارية")
    dutch = BeautifulSoup(client.get("/nl/adviesraden/").content, "html.parser")
    svg = dutch.select_one("svg.chart__svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() and "Woonraad" in svg.find(id=desc_id).get_text()
    assert dutch.select_one(".data-table caption"), "the table is the source of truth"
    arabic_response = client.get("/ar/adviesraden/")
    assert arabic_response.status_code == 200
    arabic = BeautifulSoup(arabic_response.content, "html.parser")
    ar_svg = arabic.select_one("svg.chart__svg")
    assert ar_svg["direction"] == "rtl"
    width = float(svg["viewbox"].split()[2])
    ltr = [(float(rect["x"]), float(rect["width"])) for rect in svg.select("rect")]
    rtl = [(float(rect["x"]), float(rect["width"])) for rect in ar_svg.select("rect")]
    # Every segment in Arabic is the mirror image of the same segment in Dutch.
    assert len(ltr) == len(rtl) > 0
    for (x, w), (mirrored_x, mirrored_w) in zip(ltr, rtl, strict=True):
        assert mirrored_w == pytest.approx(w, abs=0.01)
        assert mirrored_x == pytest.approx(width - x - w, abs=0.02)
    assert min(x for x, _w in ltr) > width / 5, "the label column is on the left in Dutch"
    counts = [text.get_text() for text in ar_svg.select(".chart__count")]
    assert counts == [text.get_text() for text in svg.select(".chart__count")]
    assert all(count.isascii() and count.isdigit() for count in counts), "numbers keep their digits"
