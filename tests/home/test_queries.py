"""Queries per page stay constant as listings grow (N+1 is a bug)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ContentPageFactory,
    ThemeFactory,
    WijkFactory,
    WijkIndexPageFactory,
    WijkPageFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches (taxonomy, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def add_content(home, index, n, offset):
    theme = ThemeFactory()
    for i in range(n):
        wijk = WijkFactory()
        WijkPageFactory(parent=index, wijk=wijk)
        ContentPageFactory(
            parent=home, slug=f"p-{offset + i}", themes=[theme], wijken=[wijk], show_in_menus=True
        )


@pytest.mark.parametrize(
    "url", ["/nl/", "/nl/wijken/", "/nl/feeds/", "/nl/p-0/", "/nl/zoeken/?q=pagina"]
)
def test_queries_constant_at_two_sizes(client, home, url):
    index = WijkIndexPageFactory(parent=home)
    add_content(home, index, 3, 0)
    small = count_queries(client, url)
    add_content(home, index, 15, 100)
    large = count_queries(client, url)
    assert large == small, f"{url}: {small} queries with 3 items, {large} with 18"
