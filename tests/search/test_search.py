"""The search page: results in the reader's language, noindex, bad input, encoded links."""

import re
from html import unescape

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture
def pages(home):
    ContentPageFactory(parent=home, title="Wijkbudget voor buren", slug="wijkbudget")
    ContentPageFactory(parent=home, title="Sporthal", slug="sporthal")


def test_finds_matching_page_and_highlights_the_words(client, pages):
    response = client.get("/nl/zoeken/", {"q": "wijkbudget"})
    assert response.status_code == 200
    assert "Wijkbudget voor buren" in text_of(response)
    assert "Sporthal" not in text_of(response)
    assert "<mark>Wijkbudget</mark> voor buren" in response.content.decode()
    assert 'role="status"' in response.content.decode()


def test_search_page_is_noindex(client, pages):
    html = client.get("/nl/zoeken/", {"q": "wijkbudget"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": "x" * 201}, 400),
        ({"q": "wijk " * 5000}, 400),
        ({"q": "wijk\x00"}, 400),
        ({"q": "wijkbudget", "page": "abc"}, 404),
        ({"q": "wijkbudget", "page": "999"}, 404),
        ({"q": "wijkbudget", "thema": "x" * 500}, 400),
        ({"q": "\u202ewijk"}, 200),
        ({"q": "<script>alert(1)</script>"}, 200),
        ({"q": '"wijkbudget'}, 200),
        ({"q": "wijk* AND OR NOT NEAR("}, 200),
        ({"q": "-wijk +buren ^2 title:wijk {x} [y] ~"}, 200),
        ({"q": "'; DROP TABLE wagtailcore_page; --"}, 200),
        ({"q": "%%%% \\ / ( ) :"}, 200),
        ({"q": "🏠 wijk"}, 200),
        ({"q": "wijkbudget", "jaar": "abc", "soort": "onbekend"}, 200),
    ],
)
def test_bad_input_gives_a_clear_answer_never_500(client, pages, params, status):
    response = client.get("/nl/zoeken/", params)
    assert response.status_code == status
    assert b"<script>alert(1)</script>" not in response.content


def test_operators_are_read_as_words(client, pages):
    response = client.get("/nl/zoeken/", {"q": 'wijkbudget AND "buren'})
    assert "Wijkbudget voor buren" in text_of(response)


def test_pagination_keeps_every_parameter_encoded(client, home):
    """``?q=de%2Bstad`` must link page 2 as ``q=de%2Bstad``, not ``q=de+stad`` (a space)."""
    for number in range(12):
        ContentPageFactory(parent=home, title=f"De stad deel {number}", slug=f"stad-{number}")
    response = client.get("/nl/zoeken/?q=de%2Bstad&soort=pagina")
    html = response.content.decode()
    assert response.status_code == 200
    assert "q=de%2Bstad&amp;soort=pagina&amp;page=2" in html
    assert "q=de+stad" not in html
    second = client.get("/nl/zoeken/?q=de%2Bstad&soort=pagina&page=2")
    assert second.status_code == 200
    assert "“de+stad”" in text_of(second)
    assert 'aria-current="page"' in second.content.decode()


def test_empty_query_shows_the_form_without_results(client, pages):
    response = client.get("/nl/zoeken/")
    assert response.status_code == 200
    assert 'role="status"' not in response.content.decode()
