"""The story index: filters return exactly the matching stories; bad input never breaks it."""

import itertools

import pytest

from tests.factories import StoryPageFactory
from verhalen.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(story_index, terms, series):
    """Six stories spread over two wijken, two themes, two raconteurs and one series."""
    t = terms
    combos = [
        ([t["ledeberg"]], [t["wonen"]], [t["fatma"]], series),
        ([t["ledeberg"]], [t["sport"]], [t["jef"]], None),
        ([t["dampoort"]], [t["wonen"]], [t["fatma"], t["jef"]], series),
        ([t["dampoort"]], [t["wonen"], t["sport"]], [t["jef"]], None),
        ([t["ledeberg"], t["dampoort"]], [], [], series),
        ([], [t["sport"]], [t["fatma"]], None),
    ]
    return [
        StoryPageFactory(
            parent=story_index, wijken=w, themes=th, raconteurs=r, series=s, title=f"Verhaal {i}"
        )
        for i, (w, th, r, s) in enumerate(combos)
    ]


def expected_count(wijk=None, thema=None, reeks=None, verteller=None) -> int:
    stories = StoryPage.objects.live()
    if wijk:
        stories = stories.filter(wijken__slug=wijk)
    if thema:
        stories = stories.filter(themes__slug=thema)
    if reeks:
        stories = stories.filter(series__slug=reeks)
    if verteller:
        stories = stories.filter(raconteurs__slug=verteller)
    return stories.distinct().count()


FILTER_VALUES = {
    "wijk": [None, "ledeberg", "dampoort"],
    "thema": [None, "wonen", "sport"],
    "reeks": [None, "100-portretten"],
    "verteller": [None, "fatma", "jef"],
}


def test_filters_return_exactly_the_matching_stories(client, stories):
    """Every combination of the four filters (including none) against the database."""
    for values in itertools.product(*FILTER_VALUES.values()):
        combination = dict(zip(FILTER_VALUES, values, strict=True))
        query = {name: value for name, value in combination.items() if value}
        response = client.get("/nl/verhalen/", query)
        assert response.status_code == 200, query
        expected = expected_count(**combination)
        assert response.context["result_count"] == expected, query
        shown = response.context["stories"]
        assert len(shown) == expected, query
        for story in shown:
            if "wijk" in query:
                assert story.wijken.filter(slug=query["wijk"]).exists()
            if "thema" in query:
                assert story.themes.filter(slug=query["thema"]).exists()
            if "reeks" in query:
                assert story.series.slug == query["reeks"]
            if "verteller" in query:
                assert story.raconteurs.filter(slug=query["verteller"]).exists()


def test_no_filter_shows_all_and_none_matching_shows_empty_state(client, stories):
    response = client.get("/nl/verhalen/")
    assert response.context["result_count"] == len(stories) == StoryPage.objects.live().count()
    response = client.get(
        "/nl/verhalen/", {"wijk": "ledeberg", "thema": "sport", "verteller": "fatma"}
    )
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    html = response.content.decode()
    assert 'role="status"' in html
    assert "0 verhalen gevonden." in html
    assert "Er zijn geen verhalen die bij al je keuzes passen." in html


def test_result_count_is_announced(client, stories):
    html = client.get("/nl/verhalen/", {"wijk": "dampoort"}).content.decode()
    assert '<p class="result-count" role="status">3 verhalen gevonden.' in html


def test_unpublished_and_other_language_stories_are_left_out(client, story_index, stories):
    draft = stories[0]
    draft.unpublish()
    response = client.get("/nl/verhalen/")
    assert draft.pk not in {story.pk for story in response.context["stories"]}
    assert response.context["result_count"] == len(stories) - 1


INVALID = [
    ({"wijk": "bestaat-niet"}, 400, "We kennen deze wijk niet."),
    ({"thema": "x" * 10_000}, 400, "We kennen dit thema niet."),
    ({"wijk": "x" * 10_000}, 400, "We kennen deze wijk niet."),
    ({"reeks": "geen-reeks"}, 400, "We kennen deze reeks niet."),
    ({"verteller": "\x00"}, 400, "We kennen deze verteller niet."),
    ({"wijk": "ledeberg\x00"}, 400, "We kennen deze wijk niet."),
    ({"wijk": "\u202eledeberg"}, 400, "We kennen deze wijk niet."),
    ({"page": "abc"}, 400, "Het paginanummer klopt niet."),
    ({"page": "\x00"}, 400, "Het paginanummer klopt niet."),
    ({"page": "999"}, 404, "Deze pagina bestaat niet."),
    ({"page": "0"}, 404, "Deze pagina bestaat niet."),
    ({"page": "-1"}, 404, "Deze pagina bestaat niet."),
    ({"page": "9" * 400}, 404, "Deze pagina bestaat niet."),
]


def test_invalid_values_give_a_clear_message_never_a_500(client, stories):
    for query, status, message in INVALID:
        response = client.get("/nl/verhalen/", query)
        assert response.status_code == status, query
        assert message in response.content.decode(), query


def test_invalid_values_in_the_feed_give_404(client, stories):
    assert client.get("/nl/verhalen/feed/rss/", {"wijk": "x" * 10_000}).status_code == 404
    assert client.get("/nl/verhalen/feed/json/").status_code == 404


def test_invalid_filter_is_ignored_and_valid_ones_still_apply(client, stories):
    response = client.get("/nl/verhalen/", {"wijk": "bestaat-niet", "thema": "wonen"})
    assert response.status_code == 400
    assert response.context["result_count"] == expected_count(thema="wonen")
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_wijk_error"' in html


def test_filtered_views_are_not_indexed_and_link_their_feeds(client, stories):
    html = client.get("/nl/verhalen/", {"thema": "wonen"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert 'href="/nl/verhalen/feed/rss/?thema=wonen"' in html
    assert 'href="/nl/feeds/thema/wonen/rss.xml?soort=verhaal"' in html
    assert "noindex" not in client.get("/nl/verhalen/").content.decode()


def test_pagination_keeps_filters(client, story_index, terms):
    for n in range(14):
        StoryPageFactory(parent=story_index, title=f"Wonen {n}", themes=[terms["wonen"]])
    response = client.get("/nl/verhalen/", {"thema": "wonen"})
    html = response.content.decode()
    assert len(response.context["stories"]) == 12
    assert 'href="?thema=wonen&amp;page=2"' in html
    assert 'aria-label="Paginering"' in html
    second = client.get("/nl/verhalen/", {"thema": "wonen", "page": 2})
    assert len(second.context["stories"]) == 2


def test_post_to_the_index_is_not_allowed(client, story_index):
    assert client.post("/nl/verhalen/").status_code == 405
