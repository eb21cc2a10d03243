"""sitemap.xml: every live page in every language, plus the public HTML views that are not
pages (the feeds page, and whatever an app registers with :func:`register_view`)."""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap

_view_names = ["feeds:index"]


def register_view(url_name: str) -> None:
    """List a public HTML view (a named URL without arguments, under i18n_patterns)."""
    if url_name not in _view_names:
        _view_names.append(url_name)


def _site_roots(site):
    return site.root_page.get_translations(inclusive=True)


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap, extended to the site's root page in every language."""

    def items(self):
        from wagtail.models import Page

        in_site = Q()
        for root in _site_roots(self.get_wagtail_site()).only("path"):
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_site)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class ViewSitemap(DjangoSitemap):
    """Registered views, in each language the site's home page is published in."""

    def __init__(self, request):
        self.request = request

    def items(self):
        from wagtail.models import Site

        site = Site.find_for_request(self.request)
        if site is None:
            return []
        languages = _site_roots(site).live().values_list("locale__language_code", flat=True)
        return [(language, name) for language in sorted(languages) for name in _view_names]

    def location(self, item):
        language, name = item
        with translation.override(language):
            return reverse(name)
