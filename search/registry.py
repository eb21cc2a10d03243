"""One registry of the kinds of content the site search covers.

A content type joins the search with one ``register(SearchKind(...))`` call (see
``search/kinds.py``): it says which rows may be found in a language, where its date, themes and
wijken live (for the facets) and which fields make the snippet. Pages are searched together in
one backend query; other models (agenda items, glossary terms, citizens' proposals) are searched
one query each and merged by score.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet

_kinds: dict[str, "SearchKind"] = {}


@dataclass(frozen=True)
class SearchKind:
    slug: str
    label: str
    model: type[Model]
    # Rows that may be found in a language: ``queryset(locale) -> QuerySet`` (backend filters
    # only: locale, live, ...).
    queryset: Callable[..., QuerySet]
    # ORM lookups for the facets, relative to the model; None when the kind has none.
    date_lookup: str | None = None
    theme_lookup: str | None = None
    wijk_lookup: str | None = None
    # Text fields, first non-empty one makes the snippet (also feed the spelling vocabulary).
    summary_fields: tuple[str, ...] = ()
    # Short text fields whose words the spelling hints know (besides the summary fields).
    vocabulary_fields: tuple[str, ...] = ("title",)
    # For rows that are not pages: keep only those whose ids this returns (one query), e.g.
    # agenda items of a published meeting. ``visible(ids) -> set``
    visible: Callable[[list], set] | None = None
    # ``links(obj) -> [(label, url)]``: extra links under a result (the plain version).
    links: Callable[[Model], list] | None = None
    url: Callable[[Model], str] | None = None
    # For rows not in the search index: ``search(queryset, forms, operator) -> [(row, score)]``
    # with ``forms`` the accepted forms of each query word (see search.kinds.database_search).
    search: Callable | None = None
    select_related: tuple[str, ...] = field(default=())
    # The only fields read for the results shown (besides the primary key); empty: all.
    only: tuple[str, ...] = ()
    # ``prepare(objects)``: called once with the objects of one results page, before they are
    # shown (a fixed number of queries, e.g. to set their URLs).
    prepare: Callable[[list], None] | None = None

    @property
    def is_page(self) -> bool:
        from wagtail.models import Page

        return issubclass(self.model, Page)

    def url_of(self, obj) -> str:
        return self.url(obj) if self.url else obj.get_url()

    def title_of(self, obj) -> str:
        return getattr(obj, "display_title", None) or str(obj)


def register(kind: SearchKind) -> SearchKind:
    _kinds[kind.slug] = kind
    return kind


def kinds() -> list[SearchKind]:
    return list(_kinds.values())


def get(slug: str) -> SearchKind | None:
    return _kinds.get(slug)


def page_kinds() -> list[SearchKind]:
    return [kind for kind in _kinds.values() if kind.is_page]


def kind_for_model(model) -> SearchKind | None:
    for kind in _kinds.values():
        if kind.model is model:
            return kind
    return None
