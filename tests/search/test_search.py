"""The search page: results in the reader's language, noindex, bad input, outages."""

import pytest

from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    ContentPageFactory(parent=home, title="Wijkbudget voor buren", slug="wijkbudget")
    ContentPageFactory(parent=home, title="Sporthal", slug="sporthal")


def test_finds_matching_page(client, pages):
    response = client.get("/nl/zoeken/", {"q": "wijkbudget"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wijkbudget voor buren" in html
    assert "Sporthal" not in html
    assert 'role="status"' in html


def test_search_page_is_noindex(client, pages):
    html = client.get("/nl/zoeken/", {"q": "wijkbudget"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "x" * 201}, 400),
        ({"q": "wijk\x00"}, 400),
        ({"q": "wijkbudget", "page": "abc"}, 404),
        ({"q": "wijkbudget", "page": "999"}, 404),
        ({"q": "\u202ewijk"}, 200),
        ({"q": "<script>alert(1)</script>"}, 200),
    ],
)
def test_bad_input_gives_a_clear_4xx_never_500(client, pages, params, status):
    response = client.get("/nl/zoeken/", params)
    assert response.status_code == status
    assert b"<script>alert(1)</script>" not in response.content


def test_unreachable_search_backend_gives_503(client, pages, settings):
    """Elasticsearch pointed at a closed local port: the page says search is unavailable."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "INDEX_PREFIX": "test_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
    response = client.get("/nl/zoeken/", {"q": "wijkbudget"})
    assert response.status_code == 503
    assert "Zoeken werkt nu even niet" in response.content.decode()
