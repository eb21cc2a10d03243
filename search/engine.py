"""Run one site search: every registered kind in one language, merged by score, with facets.

The backend finds and ranks; the facets and filters are computed from the database over the
found rows (one query per kind and facet), so they are exact and the same on every backend.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from . import registry
from .text import Vocabulary, build_query, key, words

MAX_HITS = 1000
VOCABULARY_VERSION = "search:vocabulary:version"
VOCABULARY_SECONDS = 60 * 60
FACETS = ("soort", "thema", "wijk", "jaar")


@dataclass
class Hit:
    kind: registry.SearchKind
    pk: int
    score: float
    themes: set = field(default_factory=set)
    wijken: set = field(default_factory=set)
    year: int | None = None
    obj: Model | None = None
    title: str = ""

    def facet_values(self, facet: str) -> set:
        if facet == "soort":
            return {self.kind.slug}
        if facet == "thema":
            return self.themes
        if facet == "wijk":
            return self.wijken
        return {str(self.year)} if self.year else set()


@dataclass
class Outcome:
    hits: list
    facets: dict
    corrected: str | None


def backend_for(language: str):
    backend = get_search_backend()
    for_language = getattr(backend, "for_language", None)
    return for_language(language) if for_language else backend


def vocabulary(locale) -> Vocabulary:
    def load():
        texts = []
        for kind in registry.kinds():
            names = [*kind.vocabulary_fields, *kind.summary_fields]
            for row in kind.queryset(locale).values_list(*names):
                texts.extend(row)
        return Vocabulary(texts, locale.language_code)

    version = cache.get_or_set(VOCABULARY_VERSION, 1, None)
    cache_key = f"search:vocabulary:{version}:{locale.pk}"
    known = cache.get(cache_key)
    if known is None:
        known = load()
        cache.set(cache_key, known, VOCABULARY_SECONDS)
    return known


def forget_vocabulary(**kwargs) -> None:
    """After content changed: the next search reads the words again."""
    try:
        cache.incr(VOCABULARY_VERSION)
    except ValueError:
        cache.set(VOCABULARY_VERSION, 2, None)


def _search(backend, query, forms, operator, locale) -> list[Hit]:
    hits = []
    page_kinds = {kind.model: kind for kind in registry.page_kinds()}
    if page_kinds:
        from django.contrib.contenttypes.models import ContentType

        types = ContentType.objects.get_for_models(*page_kinds)
        by_type = {types[model].pk: kind for model, kind in page_kinds.items()}
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale, content_type__in=by_type)
            .only("pk", "content_type_id", "title")  # all a hit needs; one page is loaded later
        )
        found = backend.search(query, pages).annotate_score("_score")[:MAX_HITS]
        hits += _scaled(
            [Hit(by_type[p.content_type_id], p.pk, p._score or 0, title=p.title) for p in found]
        )
    for kind in registry.kinds():
        if kind.is_page:
            continue
        if kind.search:
            found = kind.search(kind.queryset(locale), forms, operator)[:MAX_HITS]
        else:
            results = backend.search(query, kind.queryset(locale)).annotate_score("_score")
            found = [(row, row._score or 0) for row in results[:MAX_HITS]]
        visible = kind.visible([row.pk for row, _score in found]) if kind.visible else None
        hits += _scaled(
            [
                Hit(kind, row.pk, score, title=kind.title_of(row))
                for row, score in found
                if visible is None or row.pk in visible
            ]
        )
    return hits


def _scaled(hits: list[Hit]) -> list[Hit]:
    """Scores of one search scaled to 0..1: searches of different kinds score differently."""
    top = max((abs(hit.score) for hit in hits), default=0) or 1
    for hit in hits:
        hit.score = abs(hit.score) / top
    return hits


def _rank(hits: list[Hit], terms: list[str], language: str) -> None:
    """Order by the backend's score, with the title weighing most: a hit whose title holds
    every word of the query (in any form) comes before one that only mentions them."""
    wanted = {key(term, language) for term in terms if len(term) > 1} or {""}
    for hit in hits:
        title_keys = {key(word, language) for word in words(hit.title)}
        found = sum(
            1.0 if term in title_keys else 0.5 if any(k.startswith(term) for k in title_keys) else 0
            for term in wanted
        )
        coverage = len(wanted & title_keys) / (len(title_keys) or 1)
        hit.score += 2 * found / len(wanted) + 0.5 * coverage
    hits.sort(key=lambda hit: -hit.score)


def _annotate(hits: list[Hit]) -> None:
    """Themes, wijken and year of every hit: one query per kind and facet field."""
    by_kind = defaultdict(dict)
    for hit in hits:
        by_kind[hit.kind][hit.pk] = hit
    for kind, by_pk in by_kind.items():
        rows = kind.model.objects.filter(pk__in=list(by_pk))
        for lookup, attr in ((kind.theme_lookup, "themes"), (kind.wijk_lookup, "wijken")):
            if lookup:
                for pk, slug in rows.values_list("pk", lookup):
                    if slug:
                        getattr(by_pk[pk], attr).add(slug)
        if kind.date_lookup:
            for pk, value in rows.values_list("pk", kind.date_lookup):
                if value:
                    by_pk[pk].year = value.year


def facet_counts(hits: list[Hit], selected: dict) -> dict:
    """Counts per value of each facet, over the hits that match the *other* chosen facets, so
    choosing a value gives exactly as many results as its count."""
    counts = {}
    for facet in FACETS:
        others = {name: value for name, value in selected.items() if name != facet and value}
        counter = Counter()
        for hit in hits:
            if all(value in hit.facet_values(name) for name, value in others.items()):
                counter.update(hit.facet_values(facet))
        counts[facet] = counter
    return counts


def apply_filters(hits: list[Hit], selected: dict) -> list[Hit]:
    chosen = {name: value for name, value in selected.items() if value}
    return [
        hit
        for hit in hits
        if all(value in hit.facet_values(name) for name, value in chosen.items())
    ]


def run(terms: list[str], locale, selected: dict) -> Outcome:
    """Search ``terms`` in ``locale``: every word (in any of its forms) first, any word when
    that finds nothing."""
    backend = backend_for(locale.language_code)
    known = vocabulary(locale)
    query, corrected, forms = build_query(terms, known, "and")
    hits = _search(backend, query, forms, "and", locale)
    if not hits and len(terms) > 1:
        query, corrected, forms = build_query(terms, known, "or")
        hits = _search(backend, query, forms, "or", locale)
    used = (corrected or " ".join(terms)).split()
    _rank(hits, used, locale.language_code)
    _annotate(hits)
    return Outcome(hits=hits, facets=facet_counts(hits, selected), corrected=corrected)


def load_objects(hits: list[Hit]) -> None:
    """The objects behind one page of hits: one query per kind."""
    by_kind = defaultdict(list)
    for hit in hits:
        by_kind[hit.kind].append(hit)
    for kind, kind_hits in by_kind.items():
        queryset = kind.model.objects.filter(pk__in=[hit.pk for hit in kind_hits])
        if kind.is_page:
            queryset = queryset.defer_streamfields().select_related("locale")
        if kind.select_related:
            queryset = queryset.select_related(*kind.select_related)
        if kind.only:
            queryset = queryset.only("pk", *kind.only)
        objects = {obj.pk: obj for obj in queryset}
        if kind.prepare:
            kind.prepare(list(objects.values()))
        for hit in kind_hits:
            hit.obj = objects.get(hit.pk)
