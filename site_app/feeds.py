"""The one feed engine: registered *sources* become RSS 2.0 and Atom entries.

A source says, per language and scope, which objects it yields, how one becomes a
:class:`FeedEntry` and by which date entries are ordered. Pages join with one line::

    @feeds.register_page(kind="verhaal", label=_("Verhaal"), date_field="date")
    class StoryPage(TaxonomyMixin, BasePage): ...

Rows that are not pages (agenda items, the status steps of an advice) subclass
:class:`FeedSource` and call :func:`register`. A :class:`Scope` narrows a feed to a theme, a
wijk, or something an app defines (an advisory council, a council body); a source that does
not understand a scope's extra part yields nothing for it. :func:`collect_entries` merges the
newest entries of every source (a fixed number of queries per source) and
:func:`feed_response` renders them, answering ``304 Not Modified`` to readers that poll.

Dates: an entry's ``published`` is when it became news and orders the feeds; it is never in
the future, so an agenda item for a meeting next month does not sit on top of "what's new"
for weeks. ``updated`` is the last change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, ClassVar

from django.conf import settings
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from feedgen.feed import FeedGenerator

from . import localization, taxonomy

FORMATS = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}
DEFAULT_LIMIT = 30


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    published: datetime
    updated: datetime
    kind: str
    kind_label: str
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scope:
    """What a feed is about: a theme, a wijk and/or app-defined parts (``extra``).

    Terms are compared by ``translation_key``, so a scope built from a term in any language
    matches content linked to the source-language term.
    """

    theme: Any = None
    wijk: Any = None
    extra: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, *, theme=None, wijk=None, **extra) -> Scope:
        """A scope from keyword arguments; parts that are None are left out."""
        parts = tuple(sorted((k, v) for k, v in extra.items() if v is not None))
        return cls(theme=theme, wijk=wijk, extra=parts)

    def get(self, name: str, default=None):
        return dict(self.extra).get(name, default)


EVERYTHING = Scope()


def as_datetime(value) -> datetime:
    """An aware datetime for a date or datetime (a date counts from noon, local time)."""
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time(12)))
    return timezone.now()


def tag_uri(kind: str, pk) -> str:
    """A stable entry id (RFC 4151 tag URI): the same across edits and moves."""
    authority = settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"tag:{authority},2026:{kind}/{pk}"


class FeedSource:
    """One kind of feed entry. Subclasses set ``kind``/``label`` and implement
    :meth:`get_queryset` and :meth:`to_entry` (or :meth:`to_entries` for batch work).

    ``get_queryset`` returns what the public may see in one language, annotated with
    ``feed_date`` (when an object became news; never in the future) and with the
    select/prefetch that ``to_entry`` needs, so a feed costs a fixed number of queries.
    """

    kind: ClassVar[str] = ""
    label: ClassVar[Any] = ""
    #: Lookup paths to the Theme and Wijk many-to-many (None: never in theme/wijk feeds).
    theme_lookup: ClassVar[str | None] = "themes"
    wijk_lookup: ClassVar[str | None] = "wijken"
    #: Names of the app-defined scope parts this source understands.
    extra_scopes: ClassVar[frozenset[str]] = frozenset()
    #: Models whose changes change this source's entries (default: its app's models).
    models: ClassVar[tuple[type, ...]] = ()

    def get_queryset(self, locale) -> QuerySet:
        raise NotImplementedError

    def filter_extra(self, queryset: QuerySet, name: str, value) -> QuerySet:
        raise NotImplementedError

    def to_entry(self, obj, request: HttpRequest) -> FeedEntry:
        raise NotImplementedError

    def to_entries(self, objects: Sequence, request: HttpRequest) -> list[FeedEntry]:
        return [self.to_entry(obj, request) for obj in objects]

    def apply_scope(self, queryset: QuerySet, scope: Scope) -> QuerySet | None:
        """Narrow ``queryset`` to ``scope``; None when this source has nothing for it."""
        for term, lookup in ((scope.theme, self.theme_lookup), (scope.wijk, self.wijk_lookup)):
            if term is None:
                continue
            if lookup is None:
                return None
            queryset = queryset.filter(**{f"{lookup}__translation_key": term.translation_key})
        for name, value in scope.extra:
            if name not in self.extra_scopes:
                return None
            queryset = self.filter_extra(queryset, name, value)
        return queryset

    def entries(self, request, locale, scope: Scope, limit: int) -> list[FeedEntry]:
        queryset = self.apply_scope(self.get_queryset(locale), scope)
        if queryset is None:
            return []
        return self.to_entries(list(queryset.order_by("-feed_date", "-pk")[:limit]), request)

    def categories(self, obj) -> tuple[str, ...]:
        """Theme and wijk names in the reader's language (prefetched; no query per entry)."""
        names = []
        for attribute in ("themes", "wijken"):
            related = getattr(obj, attribute, None)
            if related is not None:
                names += [term.name for term in taxonomy.localize(related.all())]
        return tuple(names)


class PageSource(FeedSource):
    """A page type in the feeds: its live, public pages in one language.

    The page may define ``get_feed_summary()`` and ``get_feed_authors()`` (names); without
    them the summary is the listing summary and the author the organisation.
    """

    def __init__(self, model, *, kind: str, label, date_field: str, prefetch: Iterable[str]):
        self.model, self.kind, self.label = model, kind, label
        self.date_field = date_field
        self.prefetch = ("themes", "wijken", *prefetch)

    def get_queryset(self, locale) -> QuerySet:
        return (
            self.model.objects.live()
            .public()
            .filter(locale=locale)
            .defer_streamfields()
            .prefetch_related(*self.prefetch)
            .annotate(feed_date=F(self.date_field))
        )

    def to_entry(self, page, request) -> FeedEntry:
        summary_getter = getattr(page, "get_feed_summary", None)
        authors_getter = getattr(page, "get_feed_authors", None)
        published = as_datetime(page.feed_date or page.first_published_at)
        return FeedEntry(
            guid=tag_uri(self.kind, page.pk),
            title=page.display_title,
            link=request.build_absolute_uri(page.get_url(request)),
            summary=(summary_getter() if summary_getter else page.summary) or "",
            published=published,
            updated=max(filter(None, [page.last_published_at, published])),
            kind=self.kind,
            kind_label=str(self.label),
            categories=self.categories(page),
            authors=tuple(authors_getter()) if authors_getter else (),
        )


_sources: list[FeedSource] = []


def register(source: FeedSource) -> FeedSource:
    """Add a source to every feed (theme, wijk, the site's, and scoped app feeds)."""
    if not source.kind:
        raise ValueError(f"{type(source).__name__} must set a kind to be a feed source.")
    _sources.append(source)
    return source


def register_page(
    *,
    kind: str,
    label,
    date_field: str = "first_published_at",
    prefetch: Iterable[str] = (),
    source_class: type[PageSource] = PageSource,
):
    """Class decorator: a page type joins the feeds as kind ``kind``.

    ``source_class`` is a :class:`PageSource` subclass when the type has scopes of its own.
    """

    def decorate(model):
        source = source_class(
            model, kind=kind, label=label, date_field=date_field, prefetch=prefetch
        )
        model.feed_source = register(source)
        return model

    return decorate


@dataclass(frozen=True)
class FeedLink:
    """A feed an app offers beside the theme and wijk feeds, for the feeds page."""

    title: str
    rss: str
    atom: str
    description: str = ""


_feed_links: list[Callable[[HttpRequest], Iterable[FeedLink]]] = []
_term_pages: dict[type, Callable[[Any, HttpRequest], str | None]] = {}


def register_feed_links(provider: Callable[[HttpRequest], Iterable[FeedLink]]):
    """Register a function giving the app's own feeds in the active language."""
    _feed_links.append(provider)
    return provider


def feed_links(request: HttpRequest) -> list[FeedLink]:
    return [link for provider in _feed_links for link in provider(request)]


def register_term_page(model: type, resolver: Callable[[Any, HttpRequest], str | None]) -> None:
    """Say which HTML page presents a term (e.g. a wijk's page): the feed's channel link."""
    _term_pages[model] = resolver


def term_page_url(term, request: HttpRequest) -> str | None:
    resolver = _term_pages.get(type(term))
    return resolver(term, request) if resolver else None


def sources() -> list[FeedSource]:
    return list(_sources)


def kinds() -> dict[str, str]:
    """Every ``?soort=`` value and its label, in registration order.

    Several sources may share a kind (an advice, and the city's answer to it); the kind is
    named after the first source that registered it.
    """
    named: dict[str, str] = {}
    for source in _sources:
        named.setdefault(source.kind, str(source.label))
    return named


def collect_entries(
    request: HttpRequest,
    scope: Scope = EVERYTHING,
    kinds: Iterable[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[FeedEntry]:
    """The newest ``limit`` entries of the given kinds (all when None) within ``scope``.

    Built once per language, scope, kinds and host, and kept until something a feed shows is
    published, unpublished, changed or deleted (the ``PAGES``, ``VOCABULARY`` and ``FEEDS``
    versions of :mod:`site_app.localization`, bumped by ``site_app.signals``), or for
    :data:`ENTRIES_TIMEOUT` at most, since entry dates are capped at "now".
    """
    locale = taxonomy.active_locale()
    wanted = sorted(set(kinds)) if kinds else None

    def build() -> list[FeedEntry]:
        entries = []
        for source in _sources:
            if wanted is None or source.kind in wanted:
                entries.extend(source.entries(request, locale, scope, limit))
        entries.sort(key=lambda entry: (entry.published, entry.guid), reverse=True)
        return entries[:limit]

    key = "entries:" + "|".join(
        [
            request.scheme,
            request.get_host(),
            str(locale.pk),
            _scope_key(scope),
            ",".join(wanted or ()),
            str(limit),
        ]
    )
    key = hashlib.sha256(key.encode()).hexdigest()[:40]
    return localization.cached(ENTRIES_KINDS, key, build, timeout=ENTRIES_TIMEOUT)


#: How long built entries are kept at most (publishing drops them at once).
ENTRIES_TIMEOUT = 600
ENTRIES_KINDS = (localization.PAGES, localization.VOCABULARY, localization.FEEDS)


def _scope_key(scope: Scope) -> str:
    def term(value) -> str:
        if value is None:
            return "-"
        return str(getattr(value, "translation_key", None) or getattr(value, "pk", value))

    parts = [term(scope.theme), term(scope.wijk)]
    parts += [f"{name}={term(value)}" for name, value in scope.extra]
    return ";".join(parts)


def watched_models() -> set[type]:
    """Models whose rows feed sources that are not pages show: saving or deleting one drops
    the built entries. A source may list them in ``models``; otherwise every model of the app
    that defines the source counts (a safe default: an agenda item or an advice step)."""
    from django.apps import apps

    global _watched
    identity = tuple(map(id, _sources))
    if _watched is not None and _watched[0] == identity:
        return _watched[1]
    found: set[type] = set()
    for source in _sources:
        if isinstance(source, PageSource):
            continue
        declared = getattr(source, "models", None)
        if declared:
            found.update(declared)
            continue
        config = apps.get_containing_app_config(type(source).__module__)
        if config is not None:
            found.update(config.get_models())
    _watched = (identity, found)
    return found


_watched: tuple[tuple, set] | None = None


def by_theme(theme) -> Scope:
    return Scope(theme=theme)


def by_wijk(wijk) -> Scope:
    return Scope(wijk=wijk)


def kind_filter(request: HttpRequest) -> list[str] | None:
    """The ``?soort=`` values asked for; ``None`` means all. Check with :func:`unknown_kinds`."""
    asked = [value for value in request.GET.getlist("soort") if value]
    return asked or None


def unknown_kinds(asked: Iterable[str] | None) -> set[str]:
    return set(asked or ()) - set(kinds())


def _organisation(request) -> str:
    from .models import SiteSettings

    return SiteSettings.for_request(request).organisation_name or settings.WAGTAIL_SITE_NAME


def feed_response(
    request: HttpRequest,
    fmt: str,
    *,
    title: str,
    description: str,
    link: str,
    entries: list[FeedEntry],
) -> HttpResponse:
    """Render ``entries`` as RSS or Atom, answering 304 when the reader is up to date.

    ``link`` is the HTML page the feed follows (RSS ``<channel><link>``, Atom
    ``rel="alternate"``); the feed's own address is its ``rel="self"`` link. Browsers get a
    readable page through an XSLT stylesheet; feed readers ignore it.
    """
    language = request.LANGUAGE_CODE
    organisation = _organisation(request)
    last_modified = max((entry.updated for entry in entries), default=None)
    fingerprint = "|".join(
        [fmt, language, request.get_full_path(), title, organisation]
        + [f"{entry.guid}@{entry.updated.isoformat()}" for entry in entries]
    )
    etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    last_modified_ts = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified_ts)
    if not_modified is not None:
        return not_modified

    self_url = request.build_absolute_uri()
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(self_url)
    generator.title(title)
    generator.subtitle(description or title)
    generator.description(description or title)
    generator.author({"name": organisation})
    # feedgen takes the last link added as the RSS channel <link>: self first, the page last.
    generator.link(href=self_url, rel="self", type=FORMATS[fmt].split(";")[0])
    generator.link(href=link, rel="alternate", type="text/html")
    generator.language(language)
    generator.generator("Samen stad maken")
    generator.updated(last_modified or timezone.now())
    for entry in reversed(entries):  # feedgen prepends: add the oldest first
        item = generator.add_entry()
        item.id(entry.guid)
        item.guid(entry.guid, permalink=False)
        item.title(entry.title)
        item.link(href=entry.link, rel="alternate", type="text/html")
        item.summary(entry.summary or entry.title)
        item.published(entry.published)
        item.updated(entry.updated)
        item.category([{"term": entry.kind_label}] + [{"term": c} for c in entry.categories])
        authors = entry.authors or (organisation,)
        item.author([{"name": name} for name in authors])
        item.dc.dc_creator(", ".join(authors))
    body = generator.atom_str(pretty=True) if fmt == "atom" else generator.rss_str(pretty=True)
    response = HttpResponse(_with_stylesheet(body), content_type=_content_type(request, fmt))
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified_ts)
    response["Cache-Control"] = "public, max-age=300"
    patch_vary_headers(response, ["Accept", "Accept-Language"])
    return response


def _content_type(request, fmt: str) -> str:
    """The feed's own type for feed readers; ``application/xml`` for a browser that asks
    for a page first, since browsers apply the XSLT only to XML types they know (the bytes
    are the same)."""
    accepted = request.headers.get("Accept", "")
    wants_page = accepted.startswith("text/html") and "rss+xml" not in accepted
    if wants_page and "atom+xml" not in accepted:
        return "application/xml; charset=utf-8"
    return FORMATS[fmt]


def _with_stylesheet(body: bytes) -> bytes:
    """Add the ``<?xml-stylesheet?>`` instruction (the page in the reader's language)."""
    declaration, _newline, rest = body.partition(b"\n")
    href = reverse("feeds:stylesheet")
    instruction = f'<?xml-stylesheet type="text/xsl" href="{href}"?>'.encode()
    return b"\n".join([declaration, instruction, rest])


def describe_kinds() -> list[tuple[str, str]]:
    return list(kinds().items())
