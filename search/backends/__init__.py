"""Search backends that know the language of what they index (see README, "Zoeken")."""

from django.conf import settings

# Full-text configurations per language: PostgreSQL text search configs and Elasticsearch
# built-in language analyzers happen to share these names.
LANGUAGE_ANALYZERS = {
    "nl": "dutch",
    "en": "english",
    "fr": "french",
    "tr": "turkish",
    "ar": "arabic",
}


def language_of(obj) -> str:
    """The language an object is written in: its locale's, else the site's source language."""
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None) or settings.LANGUAGE_CODE
