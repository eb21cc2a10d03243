from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .sitemaps import LocalizedSitemap

feed_patterns = (
    [
        path("", views.feed_index, name="index"),
        path("thema/<slug:slug>/<str:fmt>.xml", views.theme_feed, name="theme"),
        path("wijk/<slug:slug>/<str:fmt>.xml", views.wijk_feed, name="wijk"),
    ],
    "feeds",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feeds/", include(feed_patterns)),
    path("zoeken/", include("search.urls")),
    path("", include(wagtail_urls)),
)
