"""Queries per page stay the same whatever the number of stories (3 against 15)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def build(story_index, terms, series, count: int):
    return [
        StoryPageFactory(
            parent=story_index,
            series=series,
            lead_image=ImageFactory(),
            lead_image_alt="Een portret.",
            themes=[terms["wonen"], terms["sport"]],
            wijken=[terms["ledeberg"]],
            raconteurs=[terms["fatma"], terms["jef"]],
        )
        for _ in range(count)
    ]


def queries_for(client, url: str) -> int:
    """Queries of a warm request (the first one renders images and fills caches)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def measure(client, story_index, terms, series):
    def run(count: int) -> dict:
        stories = build(story_index, terms, series, count)
        return {
            "index": queries_for(client, "/nl/verhalen/"),
            "filtered": queries_for(client, "/nl/verhalen/?thema=wonen&wijk=ledeberg"),
            "story": queries_for(client, stories[0].url),
            "series": queries_for(client, series.url),
        }

    return run


def test_query_counts_do_not_grow_with_the_number_of_stories(measure, capsys):
    small = measure(3)
    large = measure(12)  # 15 stories in all: a full page of 12 on the index
    with capsys.disabled():
        print(f"\nqueries with 3 stories: {small}; with 15 stories: {large}")
    assert small == large


def test_index_stays_under_a_fixed_budget(
    client, story_index, terms, series, django_assert_max_num_queries
):
    build(story_index, terms, series, 15)
    client.get("/nl/verhalen/")
    with django_assert_max_num_queries(15):
        client.get("/nl/verhalen/")
