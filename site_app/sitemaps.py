from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap, extended to the site's root page in every language."""

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots.only("path"):
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_site)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
