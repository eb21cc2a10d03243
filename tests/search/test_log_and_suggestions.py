"""Promoted results, the query log without personal data, and the autocomplete endpoint."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search import views
from search.text import mask_personal_data
from site_app.public_forms import RateLimit
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    return [
        ContentPageFactory(parent=home, title="Wijkbudget voor buren", slug="wijkbudget"),
        ContentPageFactory(parent=home, title="Wijkfeest in de zomer", slug="wijkfeest"),
        ContentPageFactory(parent=home, title="Sporthal", slug="sporthal"),
    ]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("bel 0471 23 45 67 over wijk", "bel [telefoon] over wijk"),
        ("+32 9 266 11 11 wijkbudget", "[telefoon] wijkbudget"),
        ("jan.peeters+wijk@example.org klacht", "[e-mail] klacht"),
        ("wijkbudget 2025", "wijkbudget 2025"),
    ],
)
def test_masking(typed, kept):
    assert mask_personal_data(typed) == kept


def test_query_log_keeps_no_email_or_phone(client, pages):
    client.get("/nl/zoeken/", {"q": "wijkbudget jan@example.org 0471 23 45 67"})
    logged = list(Query.objects.values_list("query_string", flat=True))
    assert logged == ["wijkbudget [e-mail] [telefoon]"]
    assert Query.objects.get().hits == 1


def test_promoted_result_comes_first(client, pages):
    SearchPromotion.objects.create(
        query=Query.get("sporthal"), page=pages[0], description="Alles over het wijkbudget"
    )
    html = client.get("/nl/zoeken/", {"q": "sporthal"}).content.decode()
    assert "Aanbevolen" in html
    assert html.index("Alles over het wijkbudget") < html.index("search-results__title")


def test_autocomplete_suggests_titles(client, pages):
    response = client.get("/nl/zoeken/suggesties/", {"q": "wijk"})
    assert response.status_code == 200
    assert set(response.json()["suggestions"]) == {"Wijkbudget voor buren", "Wijkfeest in de zomer"}
    assert "max-age" in response["Cache-Control"]


def test_autocomplete_answers_from_the_cache(client, pages, django_assert_num_queries):
    client.get("/nl/zoeken/suggesties/", {"q": "wijk"})
    with django_assert_num_queries(0):
        again = client.get("/nl/zoeken/suggesties/", {"q": "wijk"})
    assert "Wijkbudget voor buren" in again.json()["suggestions"]


def test_autocomplete_is_rate_limited(client, pages, monkeypatch):
    monkeypatch.setattr(views, "AUTOCOMPLETE_LIMIT", RateLimit("search-test", limit=2, window=60))
    statuses = [
        client.get("/nl/zoeken/suggesties/", {"q": f"wij{n}"}).status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize("typed", ["x" * 300, "wijk\x00"])
def test_autocomplete_refuses_bad_input(client, pages, typed):
    assert client.get("/nl/zoeken/suggesties/", {"q": typed}).status_code == 400
