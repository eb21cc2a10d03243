"""Counting the SQL queries of a page, for tests that keep them constant (N+1 is a bug)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def warm_queries(client, url: str) -> int:
    """Queries of a repeat request: the first one fills the caches and renders the images."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)
