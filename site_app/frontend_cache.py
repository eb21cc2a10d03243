"""Purging the shared cache (nginx, deploy/nginx.conf.template) when content changes.

Wagtail's frontend-cache app purges a page's own URL on publish and unpublish (as a task).
Here the page is purged at once, and so is everywhere else it shows up: its listings (every
ancestor up to the home page, which shows what is new), their feeds, the site-wide feeds and
the feeds of its themes and wijken, the pages that present those themes and wijken
(``WijkPage`` and any page type with a foreign key to ``Theme`` or ``Wijk``), and the sitemap.
URLs with a query string are not purged one by one; they have a short lifetime instead
(``CACHE_QUERY_SECONDS``).
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import models
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import get_page_models
from wagtail.signals import page_published, page_unpublished

from . import feeds
from .models import Theme, Wijk

logger = logging.getLogger(__name__)
PURGE_TIMEOUT = 2


class NginxPurgeBackend(HTTPBackend):
    """Purge requests to nginx's cache-purge module (``/_purge/<path>``), with a timeout.

    The module's own-location form is used: its ``PURGE``-method form crashes nginx 1.22's
    workers on Debian 12 (seen in the cache test).

    nginx answers 404 for a URL it did not hold: nothing to purge, not an error. A cache that
    does not answer costs at most ``PURGE_TIMEOUT`` per URL and is logged once per publish.
    """

    def purge(self, url):
        parts = urlsplit(url)
        path = "/_purge" + parts.path
        target = urlunsplit([self.cache_scheme, self.cache_netloc, path, parts.query, ""])
        host = parts.netloc or self.cache_netloc
        try:
            urlopen(PurgeRequest(url=target, headers={"Host": host}), timeout=PURGE_TIMEOUT)  # noqa: S310
        except HTTPError as error:
            if error.code != 404:
                logger.warning("Cache purge of %s answered %d.", parts.path, error.code)
        except (URLError, OSError) as error:
            logger.warning("Cache purge of %s failed: %s", parts.path, error)
            raise

    def purge_batch(self, urls):
        for url in urls:
            try:
                self.purge(url)
            except (URLError, OSError):
                return  # the cache is away: logged once, the rest would fail the same way


def _route_urls(page) -> list[str]:
    """The page's own URL and, for a listing with a ``feed`` route, its feeds."""
    url = page.get_full_url()
    if not url:
        return []
    urls = [url]
    reverse_subpage = getattr(page, "reverse_subpage", None)
    if reverse_subpage:
        for fmt in feeds.FORMATS:
            try:
                urls.append(url + reverse_subpage("feed", args=(fmt,)))
            except NoReverseMatch:
                break
    return urls


def _presenting_pages(page, terms_by_model: dict) -> list:
    """Live pages in the page's language that present one of its themes or wijken."""
    found = []
    for model in get_page_models():
        for field in model._meta.get_fields():
            if not isinstance(field, models.ForeignKey) or field.model is not model:
                continue
            keys = terms_by_model.get(field.related_model)
            if keys:
                lookup = {f"{field.name}__translation_key__in": keys, "locale": page.locale}
                found.extend(model.objects.live().filter(**lookup))
    return found


def related_urls(page) -> set[str]:
    """Every URL besides the page's own that shows (part of) this page."""
    page = page.specific
    urls: set[str] = set()
    root = page.get_site().root_url if page.get_site() else settings.BASE_URL
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        urls.update(_route_urls(ancestor))
    urls.update(_route_urls(page))
    themes = list(page.themes.all()) if hasattr(page, "themes") else []
    wijken = list(page.wijken.all()) if hasattr(page, "wijken") else []
    with translation.override(page.locale.language_code):
        for fmt in feeds.FORMATS:
            urls.add(root + reverse("feeds:all", kwargs={"fmt": fmt}))
            for name, terms in (("feeds:theme", themes), ("feeds:wijk", wijken)):
                for term in terms:
                    urls.add(root + reverse(name, kwargs={"slug": term.slug, "fmt": fmt}))
    urls.add(root + reverse("sitemap"))
    terms_by_model = {
        Theme: [term.translation_key for term in themes],
        Wijk: [term.translation_key for term in wijken],
    }
    for presenter in _presenting_pages(page, terms_by_model):
        urls.update(_route_urls(presenter))
    return urls


@receiver(page_published)
@receiver(page_unpublished)
def purge_where_the_page_shows(sender, instance, **kwargs):
    """Purge at once, in the publishing request: Wagtail's own purge of the page is a task,
    which a database task worker may run only seconds later."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = sorted(related_urls(instance))
    for backend in get_backends().values():
        backend.purge_batch(urls)
