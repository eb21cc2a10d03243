"""The one feed engine: any registered content type becomes RSS 2.0 and Atom entries.

A content type takes part by mixing in :class:`site_app.models.TaxonomyMixin` (which gives it
themes, wijken and a feed date) and decorating its model with :func:`register`. Feeds are then
built from a *scope* (a theme, a wijk, or anything an app defines later, such as an advisory
council) by :func:`collect_entries` and answered by :func:`feed_response`, which handles
conditional GET so readers that poll get ``304 Not Modified``.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from feedgen.feed import FeedGenerator

from . import taxonomy

FORMATS = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}
DEFAULT_LIMIT = 30

_registry: dict[str, type] = {}


def register(model: type) -> type:
    """Class decorator: make a TaxonomyMixin page type appear in feeds."""
    if not model.feed_kind:
        raise ValueError(f"{model.__name__} must set feed_kind to be registered as a feed source.")
    _registry[model.feed_kind] = model
    return model


def registered_kinds() -> dict[str, type]:
    return dict(_registry)


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
    categories: tuple[str, ...]


def entry_for(page, request: HttpRequest) -> FeedEntry:
    """How a page becomes a feed entry; a page type may override ``get_feed_summary``."""
    summary_getter = getattr(page, "get_feed_summary", None)
    summary = summary_getter() if summary_getter else page.summary
    published = page.feed_datetime
    updated = max(filter(None, [page.last_published_at, published]))
    categories = tuple(
        term.name
        for term in taxonomy.localize(page.themes.all()) + taxonomy.localize(page.wijken.all())
    )
    return FeedEntry(
        guid=f"tag:{_tag_authority()},2026:{page.feed_kind}/{page.pk}",
        title=page.display_title,
        link=request.build_absolute_uri(page.get_url(request)),
        summary=summary,
        published=published,
        updated=updated,
        kind=page.feed_kind,
        kind_label=str(page.feed_kind_label),
        categories=categories,
    )


def _tag_authority() -> str:
    return settings.BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def source_queryset(model, locale) -> QuerySet:
    """The pages of one content type that may appear in a feed, in one language."""
    return (
        model.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .prefetch_related("themes", "wijken")
    )


def collect_entries(
    request: HttpRequest,
    scope: Callable[[QuerySet], QuerySet],
    kinds: Iterable[str] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[FeedEntry]:
    """The newest ``limit`` entries of the given kinds that ``scope`` lets through.

    Queries: three per content type (pages, themes, wijken), whatever the number of entries.
    """
    locale = taxonomy.active_locale()
    wanted = set(kinds) if kinds else set(_registry)
    pages = []
    for kind, model in _registry.items():
        if kind not in wanted:
            continue
        queryset = scope(source_queryset(model, locale)).order_by(f"-{model.feed_date_field}")
        pages.extend(queryset[:limit])
    pages.sort(key=lambda page: page.feed_datetime, reverse=True)
    return [entry_for(page, request) for page in pages[:limit]]


def by_theme(theme) -> Callable[[QuerySet], QuerySet]:
    return lambda queryset: queryset.filter(themes__translation_key=theme.translation_key)


def by_wijk(wijk) -> Callable[[QuerySet], QuerySet]:
    return lambda queryset: queryset.filter(wijken__translation_key=wijk.translation_key)


def feed_response(
    request: HttpRequest,
    fmt: str,
    *,
    title: str,
    description: str,
    link: str,
    entries: list[FeedEntry],
) -> HttpResponse:
    """Render ``entries`` as RSS or Atom, answering 304 when the reader is up to date."""
    language = request.LANGUAGE_CODE
    last_modified = max((entry.updated for entry in entries), default=None)
    fingerprint = "|".join(
        [fmt, language, request.get_full_path(), title]
        + [f"{entry.guid}@{entry.updated.isoformat()}" for entry in entries]
    )
    etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
    last_modified_ts = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified_ts)
    if not_modified is not None:
        return not_modified

    generator = FeedGenerator()
    generator.id(request.build_absolute_uri())
    generator.title(title)
    generator.subtitle(description or title)
    generator.description(description or title)
    generator.link(href=link, rel="alternate")
    generator.link(href=request.build_absolute_uri(), rel="self")
    generator.language(language)
    generator.generator("Samen stad maken")
    generator.updated(last_modified or timezone.now())
    for entry in reversed(entries):  # feedgen prepends: add the oldest first
        item = generator.add_entry()
        item.id(entry.guid)
        item.guid(entry.guid, permalink=False)
        item.title(entry.title)
        item.link(href=entry.link)
        item.summary(entry.summary or entry.title)
        item.published(entry.published)
        item.updated(entry.updated)
        item.category([{"term": entry.kind_label}] + [{"term": c} for c in entry.categories])
    body = generator.atom_str(pretty=True) if fmt == "atom" else generator.rss_str(pretty=True)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified_ts)
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def kind_filter(request: HttpRequest) -> list[str] | None:
    """The ``?soort=`` filter: known kinds only; ``None`` means all."""
    asked = [value for value in request.GET.getlist("soort") if value]
    return asked or None


def describe_kinds() -> list[tuple[str, str]]:
    return [(kind, _(str(model.feed_kind_label))) for kind, model in _registry.items()]
