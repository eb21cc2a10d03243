"""Template context for the fragment caches (``{% wagtailcache %}`` / ``{% wagtailpagecache %}``).

``content_version`` names the current generation of everything a cached fragment may show
(pages, vocabularies, glossary terms; see :mod:`site_app.localization`): publishing,
unpublishing or deleting changes it, so every fragment is rendered afresh at once. It is lazy:
a page without fragments never reads it.
"""

from django.utils.functional import SimpleLazyObject

from . import localization

FRAGMENT_KINDS = (localization.PAGES, localization.VOCABULARY, localization.GLOSSARY)


def cache_versions(request):
    return {"content_version": SimpleLazyObject(lambda: localization.versions(*FRAGMENT_KINDS))}
