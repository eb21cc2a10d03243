"""Show any translatable object in the reader's language: one API, batched and cached.

Content links to source-language (Dutch) rows: themes, wijken, pictograms, raconteurs, pages
chosen in a block or in the site settings. wagtail-localize copies those links into translations
unchanged, so everything that shows a linked object asks this module for its translation
(instead of Wagtail's ``.localized``, which costs a query or two per object):

* :func:`localize` (one object) and :func:`localize_all` (a list, same order) in Python;
* ``{{ obj|localized }}`` in templates (``site_tags``; also takes a list or a related manager);
* :func:`localize_stream` (template tag ``{% localize_stream value %}``) swaps the pages and
  snippets chosen anywhere in StreamField values for their translations, in one lookup per
  model, before the blocks render.

*Vocabularies* are small translatable models registered with :func:`register_vocabulary`
(themes, wijken, pictograms, raconteurs): each is held whole per language in the cache, so a
lookup costs no query once warm; the cache is dropped whenever a row or a Locale changes (see
``signals.py``). Other models (pages) cost one query per model per call, live translations
only. An object already in the reader's language costs nothing.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin

CACHE_TIMEOUT = 60 * 60
VOCABULARY = "vocabulary"
PAGES = "pages"
#: Rows that are not pages but appear in feeds (agenda items, advice steps).
FEEDS = "feeds"
GLOSSARY = "glossary"
KINDS = (VOCABULARY, PAGES, FEEDS, GLOSSARY)

_vocabularies: dict[type, tuple[str, ...]] = {}


# --- Versions: one cache generation per kind of content -------------------------------------
#
# Within one request every version and every cached value is read from the cache once and then
# remembered (``request_memo``), so a page makes a handful of cache round-trips instead of one
# per lookup. ``invalidate`` forgets the memo too, so a request that changes content sees it.

_memo: ContextVar[dict | None] = ContextVar("localization_memo", default=None)


class request_memo:
    """Remember cache reads for the duration of one request (a context manager; see
    ``site_app.middleware.RequestMemoMiddleware``). Outside it nothing is remembered."""

    def __enter__(self):
        self._token = _memo.set({})
        return self

    def __exit__(self, *exc_info):
        _memo.reset(self._token)


def _remembered(key: str, load: Callable):
    memo = _memo.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]


def _version_key(kind: str) -> str:
    return f"localization:version:{kind}"


def version(kind: str) -> int:
    memo = _memo.get()
    key = _version_key(kind)
    if memo is not None and key not in memo:
        # The first version a request needs: read all of them in one round-trip.
        memo.update(cache.get_many([_version_key(k) for k in KINDS]))
    return _remembered(key, lambda: cache.get_or_set(key, 1, None))


def versions(*kinds: str) -> str:
    """The current generation of several kinds, as one string for a cache key."""
    return "-".join(str(version(kind)) for kind in kinds)


def invalidate(kind: str) -> None:
    """Forget everything cached about ``kind`` (VOCABULARY, PAGES, FEEDS or GLOSSARY)."""
    key = f"localization:version:{kind}"
    memo = _memo.get()
    if memo is not None:
        memo.clear()
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def cached(kind: str | tuple[str, ...], key: str, compute: Callable, timeout: int = 0):
    """``compute()``, cached until content of ``kind`` (one kind or several) changes."""
    kinds = (kind,) if isinstance(kind, str) else kind
    full_key = f"localization:{'+'.join(kinds)}:{versions(*kinds)}:{key}"

    def load():
        value = cache.get(full_key)
        if value is None:
            value = compute()
            cache.set(full_key, value, timeout or CACHE_TIMEOUT)
        return value

    return _remembered(full_key, load)


# --- Locales --------------------------------------------------------------------------------


def locales_by_code() -> dict[str, Locale]:
    """Every Locale by language code; they change only when a language is added."""
    return cached(
        VOCABULARY,
        "locales",
        lambda: {locale.language_code: locale for locale in Locale.objects.all()},
    )


def locale_by_pk(pk) -> Locale | None:
    return next((locale for locale in locales_by_code().values() if locale.pk == pk), None)


def default_locale() -> Locale:
    return locales_by_code().get(settings.LANGUAGE_CODE) or Locale.get_default()


def active_locale() -> Locale:
    """Locale.get_active() without a query per call."""
    return locales_by_code().get(get_language()) or default_locale()


# --- Vocabularies ---------------------------------------------------------------------------


def register_vocabulary(model: type, select_related: Iterable[str] = ()) -> type:
    """Hold every row of ``model`` per language in the cache (for small translatable models)."""
    _vocabularies[model] = tuple(select_related)
    return model


def is_vocabulary(model: type) -> bool:
    return model in _vocabularies


def translations_by_key(model: type, locale: Locale | None = None) -> dict:
    """Every row of a vocabulary by translation_key, in ``locale`` where translated."""
    locale = locale or active_locale()

    def load() -> dict:
        source = default_locale()
        rows = model.objects.filter(locale_id__in={locale.pk, source.pk}).select_related(
            *_vocabularies[model]
        )
        by_key = {}
        for row in sorted(rows, key=lambda r: r.locale_id == locale.pk):
            by_key[row.translation_key] = row
        return by_key

    return cached(VOCABULARY, f"{model._meta.label_lower}:{locale.pk}", load)


# --- Any translatable object ----------------------------------------------------------------


def localize(obj, locale: Locale | None = None):
    """``obj`` in ``locale`` (default: the reader's language), or ``obj`` if not translated."""
    if obj is None:
        return None
    return localize_all([obj], locale)[0]


def localize_all(objects: Iterable, locale: Locale | None = None) -> list:
    """``objects`` in ``locale``, in the same order; at most one query per model that is not
    a vocabulary. Untranslated objects, ``None`` and non-translatable values pass through."""
    objects = list(objects)
    locale = locale or active_locale()
    result = list(objects)
    to_fetch: dict[type, list[int]] = defaultdict(list)
    for position, obj in enumerate(objects):
        if not isinstance(obj, TranslatableMixin):
            continue
        model = type(obj)
        if is_vocabulary(model):
            # Also for a row already in ``locale``: the cached row comes with its related
            # rows (a theme's pictogram), so showing it costs no query.
            result[position] = translations_by_key(model, locale).get(obj.translation_key, obj)
        elif obj.locale_id != locale.pk:
            to_fetch[model].append(position)
    for model, positions in to_fetch.items():
        keys = {objects[position].translation_key for position in positions}
        queryset = model._default_manager.filter(locale=locale, translation_key__in=keys)
        if issubclass(model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        found = {row.translation_key: row for row in queryset}
        for position in positions:
            result[position] = found.get(objects[position].translation_key, objects[position])
    return result


# --- StreamField values ---------------------------------------------------------------------


def localize_stream(*stream_values, locale: Locale | None = None) -> None:
    """Swap the pages and snippets chosen in these StreamField values for their translations,
    in place and in one :func:`localize_all` call, so the blocks render them without a query."""
    slots: list[tuple[Callable, object]] = []
    for stream_value in stream_values:
        if stream_value:
            _collect_stream(stream_value, slots)
    if not slots:
        return
    translated = localize_all([obj for _put, obj in slots], locale)
    for (put, _obj), new in zip(slots, translated, strict=True):
        put(new)


def _collect_stream(stream_value, slots) -> None:
    for child in stream_value:
        _collect(
            child.block, child.value, lambda new, child=child: setattr(child, "value", new), slots
        )


def _collect(block, value, put, slots) -> None:
    if value is None:
        return
    if isinstance(value, TranslatableMixin):
        slots.append((put, value))
    elif isinstance(block, blocks.StructBlock) and hasattr(value, "items"):
        for name, child_block in block.child_blocks.items():
            _collect(
                child_block,
                value.get(name),
                lambda new, value=value, name=name: value.__setitem__(name, new),
                slots,
            )
    elif isinstance(block, blocks.ListBlock):
        for bound in getattr(value, "bound_blocks", ()):
            _collect(
                block.child_block,
                bound.value,
                lambda new, bound=bound: setattr(bound, "value", new),
                slots,
            )
    elif isinstance(block, blocks.StreamBlock):
        _collect_stream(value, slots)
