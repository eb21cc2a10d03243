"""Themes and wijken in the reader's language, sorted by name.

Content links to the source-language terms; both models are vocabularies of
:mod:`site_app.localization` (held whole per language in the cache, dropped when a term
changes), so these helpers cost no query once the cache is warm.
"""

from collections.abc import Iterable

from wagtail.models import Locale

from . import localization
from .localization import active_locale  # noqa: F401 - feeds and views ask for it here
from .models import Theme, Wijk

TAXONOMY_MODELS = (Theme, Wijk)


def _by_name(terms) -> list:
    return sorted(terms, key=lambda term: term.name.lower())


def localize(terms: Iterable, locale: Locale | None = None) -> list:
    """Return ``terms`` (source-language rows) in the active language, sorted by name."""
    return _by_name(localization.localize_all(terms, locale))


def all_terms(model, locale: Locale | None = None) -> list:
    """Every term of ``model`` in the active language, sorted by name."""
    return _by_name(localization.translations_by_key(model, locale).values())


def find_by_slug(model, slug: str):
    """The term with this slug (slugs are shared by all translations), or None."""
    terms = localization.translations_by_key(model).values()
    return next((term for term in terms if term.slug == slug), None)
