"""Absurd input in URLs and query strings gives a 4xx or a normal page, never a 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ContentPageFactory, ThemeFactory, WijkIndexPageFactory

pytestmark = pytest.mark.django_db

nasty_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["\x00", "\u202e\u200f", "x" * 10_000, "%00", "../../etc/passwd", "\r\nX: y", "9050\x00"]
    ),
)
hypothesis_settings = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def site(home):
    theme = ThemeFactory(slug="wonen")
    WijkIndexPageFactory(parent=home)
    ContentPageFactory(parent=home, slug="over", themes=[theme])
    return home


@hypothesis_settings
@given(value=nasty_text)
def test_postcode_filter(client, site, value):
    response = client.get("/nl/wijken/", {"postcode": value})
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "Een postcode heeft vier cijfers" in response.content.decode()


@hypothesis_settings
@given(value=nasty_text)
def test_search_query(client, site, value):
    response = client.get("/nl/zoeken/", {"q": value})
    assert response.status_code in (200, 400)


@hypothesis_settings
@given(value=nasty_text)
def test_search_page_number(client, site, value):
    response = client.get("/nl/zoeken/", {"q": "over", "page": value})
    assert response.status_code in (200, 404)


@hypothesis_settings
@given(value=nasty_text)
def test_feed_kind_filter(client, site, value):
    response = client.get("/nl/feeds/thema/wonen/rss.xml", {"soort": value})
    assert response.status_code in (200, 400)


@hypothesis_settings
@given(slug=st.text(min_size=1, max_size=200))
def test_feed_slug(client, site, slug):
    from urllib.parse import quote

    response = client.get(f"/nl/feeds/thema/{quote(slug, safe='')}/rss.xml")
    assert response.status_code in (200, 404)
