"""Backends: Elasticsearch unreachable (a closed local port, no server and no mock), the
generated Elasticsearch settings and mapping (no server), PostgreSQL's per-language config."""

import io
import logging
import socket

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search.backends.elasticsearch import MultilingualElasticsearch8SearchBackend
from search.models import FailedIndexUpdate
from tests.factories import ContentPageFactory
from verhalen.models import StoryPage


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def es_params(port: int) -> dict:
    return {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [f"http://127.0.0.1:{port}"],
        "INDEX_PREFIX": "test_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    }


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": es_params(closed_port())}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("nl", "Zoeken werkt nu even niet"), ("ar", "البحث لا يعمل الآن")],
)
def test_search_page_answers_503_when_elasticsearch_is_down(
    client, home, elasticsearch_down, language, message
):
    response = client.get(f"/{language}/zoeken/", {"q": "wijkbudget"})
    assert response.status_code == 503
    assert message in response.content.decode()


@pytest.mark.django_db
def test_autocomplete_answers_503_when_elasticsearch_is_down(client, home, elasticsearch_down):
    assert client.get("/nl/zoeken/suggesties/", {"q": "wijk"}).status_code == 503


@pytest.mark.django_db
def test_publishing_works_and_failed_update_is_recorded_and_retried(
    home, settings, elasticsearch_down, caplog
):
    page = ContentPageFactory(parent=home, title="Wijkfeest", slug="wijkfeest", live=False)
    with caplog.at_level(logging.WARNING):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    failed = FailedIndexUpdate.objects.get(object_id=str(page.pk))
    assert failed.action == "add"
    assert any("recorded for retry" in record.getMessage() for record in caplog.records)

    call_command("retry_search_index", stdout=io.StringIO(), stderr=io.StringIO())
    failed.refresh_from_db()
    assert failed.attempts >= 2  # still down: kept, never reported as sent

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    call_command("retry_search_index", stdout=io.StringIO())
    assert not FailedIndexUpdate.objects.exists()
    assert page.pk in [p.pk for p in get_search_backend().search("wijkfeest", type(page))]


def backend() -> MultilingualElasticsearch8SearchBackend:
    return MultilingualElasticsearch8SearchBackend(es_params(closed_port()))


@pytest.mark.parametrize(
    ("language", "analyzer"),
    [("nl", "dutch"), ("en", "english"), ("fr", "french"), ("tr", "turkish"), ("ar", "arabic")],
)
def test_each_language_index_has_its_analyzer(language, analyzer):
    es = backend().for_language(language)
    analysis = es.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": analyzer}
    assert "edgengram_analyzer" in analysis["analyzer"]  # Wagtail's own analyzers stay
    assert es.get_index_for_model(StoryPage).name == f"test_{language}_wagtailcore_page"


@pytest.mark.django_db
def test_the_umbrella_backend_routes_by_language_and_searches_all():
    index = backend().get_index_for_model(StoryPage)
    assert index.name.split(",") == [
        f"test_{code}_wagtailcore_page" for code in ("nl", "en", "fr", "tr", "ar")
    ]
    english = StoryPage(title="x", locale=Locale(language_code="en"))
    assert index._index_of(english).name == "test_en_wagtailcore_page"


def test_text_fields_use_the_index_default_analyzer():
    es = backend()
    properties = es.mapping_class(StoryPage).get_mapping()["properties"]
    intro = properties["verhalen_storypage__intro"]
    assert intro["type"] == "text" and "analyzer" not in intro
    title = properties["title"]
    assert title["type"] == "text"
    edgengram = properties["title_edgengrams"]
    assert edgengram["analyzer"] == "edgengram_analyzer"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search only")
def test_postgresql_indexes_each_language_with_its_config(home, locales):
    from wagtail.search.models import IndexEntry

    page = ContentPageFactory(parent=home, title="De wijken van de stad", slug="wijken-stad")
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="contentpage")
    assert "'wijk'" in str(entry.title)  # Dutch stemming: wijken -> wijk
    assert get_search_backend().for_language("nl").config == "dutch"
    assert page.pk in [
        p.pk for p in get_search_backend().for_language("nl").search("wijk", type(page))
    ]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite full-text search only")
def test_sqlite_ranks_like_wagtails_backend_with_one_match(home):
    """The scores come from one join instead of a MATCH per row: same rows, order, scores."""
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from wagtail.search.query import And, Or, PlainText

    from search.backends.sqlite import RankedSQLiteSearchBackend

    texts = ["park plein", "park park groen", "groen", "plein park park park", "school"]
    for number, text in enumerate(texts * 3):
        ContentPageFactory(parent=home, title=f"{text} {number}", slug=f"p-{number}")
    ContentPageFactory(parent=home, title="park verborgen", slug="hidden", live=False)
    ours, wagtails = RankedSQLiteSearchBackend({}), SQLiteSearchBackend({})
    assert isinstance(get_search_backend(), RankedSQLiteSearchBackend)
    pages = Page.objects.live().exclude(pk=home.pk)
    for query in (PlainText("park"), Or([PlainText("park"), PlainText("groen")])):
        for start, stop in ((None, None), (2, 7)):

            def found(backend, query=query, start=start, stop=stop):
                results = backend.search(query, pages).annotate_score("_score")[start:stop]
                return [(page.pk, round(page._score, 12)) for page in results]

            with CaptureQueriesContext(connection) as context:
                ranked = found(ours)
            assert sum(q["sql"].count(" MATCH ") for q in context.captured_queries) == 1
            assert ranked == found(wagtails)
            assert ranked and len({score for _pk, score in ranked}) > 1
    both = And([PlainText("park"), PlainText("plein")])
    assert ours.search(both, pages).count() == wagtails.search(both, pages).count() == 6
    assert [p.pk for p in ours.autocomplete("pla", pages)] == [
        p.pk for p in wagtails.autocomplete("pla", pages)
    ]
