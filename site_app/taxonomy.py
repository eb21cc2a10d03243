"""Show taxonomy terms in the reader's language without a query per item.

Content links to the source-language terms. To show a term in the active language we look it
up by ``translation_key`` in a per-language map of all terms of that model. Each map is one
query, cached, and dropped whenever a term changes (see signals.py).
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from .models import Theme, Wijk

TAXONOMY_MODELS = (Theme, Wijk)
_VERSION_KEY = "taxonomy:version"


def _version() -> int:
    return cache.get_or_set(_VERSION_KEY, 1, None)


def invalidate() -> None:
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


def locales_by_code() -> dict[str, Locale]:
    """Every Locale by language code; they change only when a language is added."""
    key = f"taxonomy:{_version()}:locales"
    locales = cache.get(key)
    if locales is None:
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cache.set(key, locales, 60 * 60)
    return locales


def active_locale() -> Locale:
    """Locale.get_active() without a query per call."""
    locales = locales_by_code()
    return (
        locales.get(get_language()) or locales.get(settings.LANGUAGE_CODE) or Locale.get_default()
    )


def terms_by_key(model, locale: Locale | None = None) -> dict:
    """All terms of ``model`` keyed by translation_key, in ``locale`` where translated."""
    locale = locale or active_locale()
    key = f"taxonomy:{_version()}:{model._meta.label_lower}:{locale.pk}"
    terms = cache.get(key)
    if terms is None:
        default = locales_by_code().get(settings.LANGUAGE_CODE) or Locale.get_default()
        rows = model.objects.filter(locale_id__in={locale.pk, default.pk}).select_related(
            *(["pictogram"] if model is Theme else [])
        )
        terms = {}
        for term in sorted(rows, key=lambda t: t.locale_id == locale.pk):
            terms[term.translation_key] = term
        cache.set(key, terms, 60 * 60)
    return terms


def localize(terms: Iterable, locale: Locale | None = None) -> list:
    """Return ``terms`` (source-language rows) in the active language, sorted by name."""
    terms = list(terms)
    if not terms:
        return []
    lookup = terms_by_key(type(terms[0]), locale)
    return sorted(
        (lookup.get(term.translation_key, term) for term in terms), key=lambda t: t.name.lower()
    )


def all_terms(model, locale: Locale | None = None) -> list:
    """Every term of ``model`` in the active language, sorted by name."""
    return sorted(terms_by_key(model, locale).values(), key=lambda t: t.name.lower())


def find_by_slug(model, slug: str):
    """The term with this slug (slugs are shared by all translations), or None."""
    return next((t for t in terms_by_key(model).values() if t.slug == slug), None)
