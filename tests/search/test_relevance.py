"""Relevance and facets on the demo content, through the search page itself."""

import re
from html import unescape

import pytest
from django.db.models import Q
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query

from search import engine, registry
from search.text import words
from search.views import POPULAR_MIN_HITS
from site_app import localization

from .relevance_queries import QUERIES

pytestmark = pytest.mark.django_db

TITLE = re.compile(r'class="search-results__title"><a href="[^"]*">(.*?)</a>', re.S)


def titles(response) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", title))
        for title in TITLE.findall(response.content.decode())
    ]


def run(language, query, selected=None):
    with translation.override(language):
        return engine.run(words(query), localization.active_locale(), selected or {})


def test_at_least_25_queries_in_three_languages():
    assert len(QUERIES) >= 25
    assert {language for language, _query, _title in QUERIES} == {"nl", "en", "ar"}


@pytest.mark.parametrize(("language", "query", "expected"), QUERIES)
def test_expected_page_in_top_three(client, demo, language, query, expected):
    response = client.get(f"/{language}/zoeken/", {"q": query})
    assert response.status_code == 200
    top = [re.sub(r"^\d+[a-z]?\. ", "", title) for title in titles(response)[:3]]
    assert expected in top, top


def test_inflections_find_the_same_pages(demo):
    for one, other in (("wijken", "wijk"), ("adviezen", "advies"), ("bomen", "boom")):
        found = {(h.kind.slug, h.pk) for h in run("nl", one).hits}
        assert found == {(h.kind.slug, h.pk) for h in run("nl", other).hits}, (one, other)
        assert found


def test_misspelt_word_gets_a_hint(client, demo):
    response = client.get("/nl/zoeken/", {"q": "wijkbudjet"})
    assert "Bedoelde je:" in response.content.decode()
    assert 'href="?q=wijkbudget"' in response.content.decode()


def _hits_with(kind, pk, lookup, value) -> bool:
    return kind.model.objects.filter(pk=pk, **{lookup: value}).exists()


def test_facet_counts_equal_database_counts(demo):
    outcome = run("nl", "wijk")
    hits = outcome.hits
    assert hits
    assert outcome.facets["soort"] == {
        kind.slug: sum(1 for h in hits if h.kind is kind)
        for kind in registry.kinds()
        if any(h.kind is kind for h in hits)
    }
    for slug, count in outcome.facets["thema"].items():
        expected = sum(
            1
            for h in hits
            if h.kind.theme_lookup and _hits_with(h.kind, h.pk, h.kind.theme_lookup, slug)
        )
        assert count == expected, slug
    for slug, count in outcome.facets["wijk"].items():
        expected = sum(
            1
            for h in hits
            if h.kind.wijk_lookup and _hits_with(h.kind, h.pk, h.kind.wijk_lookup, slug)
        )
        assert count == expected, slug
    for year, count in outcome.facets["jaar"].items():
        expected = sum(
            1
            for h in hits
            if h.kind.date_lookup
            and h.kind.model.objects.filter(
                Q(pk=h.pk) & Q(**{f"{h.kind.date_lookup}__year": int(year)})
            ).exists()
        )
        assert count == expected, year
    assert outcome.facets["thema"] and outcome.facets["jaar"]


def test_combining_facets_narrows(client, demo):
    everything = run("nl", "wijk")
    kind = "advies"
    of_kind = engine.apply_filters(everything.hits, {"soort": kind})
    theme, theme_count = run("nl", "wijk", {"soort": kind}).facets["thema"].most_common(1)[0]
    both = engine.apply_filters(everything.hits, {"soort": kind, "thema": theme})
    assert len(both) == theme_count
    assert 0 < len(both) < len(of_kind) < len(everything.hits)
    response = client.get("/nl/zoeken/", {"q": "wijk", "soort": kind, "thema": theme})
    assert f"{len(both)} resultaten" in unescape(response.content.decode()) or len(both) == 1
    assert all(h.kind.slug == kind for h in both)


def test_facet_links_keep_the_query_and_show_counts(client, demo):
    html = client.get("/nl/zoeken/", {"q": "wijk"}).content.decode()
    count = run("nl", "wijk").facets["soort"]["advies"]
    assert f'href="?q=wijk&amp;soort=advies">Advies ({count})</a>' in html


def test_results_in_the_readers_language_with_a_link_to_dutch(client, demo):
    english = titles(client.get("/en/zoeken/", {"q": "rent allowance"}))
    assert "Advice on the new rent allowance" in english
    response = client.get("/fr/zoeken/", {"q": "huurpremie"})
    html = response.content.decode()
    assert titles(response) == []
    assert 'href="/nl/zoeken/?q=huurpremie" hreflang="nl"' in html


def test_policy_note_links_its_plain_version(client, demo):
    html = client.get("/nl/zoeken/", {"q": "beleidsnota vanuit de wijken"}).content.decode()
    assert "/beleidsnota-participatie/klare-taal/" in html


def test_agenda_items_link_their_own_page(client, demo):
    html = client.get("/nl/zoeken/", {"q": "schoolstraat"}).content.decode()
    assert re.search(r'href="/nl/gemeenteraad/[^"]+/punt/[^"]+/"', html)


def test_empty_state_offers_glossary_and_popular_searches(client, demo):
    client.get("/nl/zoeken/", {"q": "eenmalig gezocht"})
    for _ in range(POPULAR_MIN_HITS):
        client.get("/nl/zoeken/", {"q": "wijkbudget"})
    response = client.get("/nl/zoeken/", {"q": "wijk", "jaar": "1999"})
    html = response.content.decode()
    assert titles(response) == []
    most_popular = Query.get_most_popular()[0].query_string
    assert "Vaak gezocht" in html and f'href="?q={most_popular}"' in html
    assert "eenmalig" not in html  # what one person searched for is not shown to others
    assert "Uit de woordenlijst" in html and "/woordenlijst/#" in html
