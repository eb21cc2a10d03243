from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from . import operations, views
from .throttle import throttled_password_view

feed_patterns = (
    [
        path("", views.feed_index, name="index"),
        path("alles/<str:fmt>.xml", views.all_feed, name="all"),
        path("feed.xsl", views.feed_stylesheet, name="stylesheet"),
        path("thema/<slug:slug>/<str:fmt>.xml", views.theme_feed, name="theme"),
        path("wijk/<slug:slug>/<str:fmt>.xml", views.wijk_feed, name="wijk"),
    ],
    "feeds",
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Same paths as Wagtail's password views, matched first: wrong passwords are throttled.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled_password_view(wagtaildocs_serve.authenticate_with_password, "collection"),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path(".well-known/security.txt", operations.security_txt, name="security_txt"),
    path("csp-report/", operations.csp_report, name="csp_report"),
    # Open data of the council (JSON, one language): the gemeenteraad app's OParl API.
    path("oparl/v1.1/", include("gemeenteraad.urls")),
    # One-click unsubscribe of the e-mail alerts (RFC 8058: no language prefix, no CSRF).
    path("volgen/", include("volgen.urls")),
]

handler400 = "site_app.errors.bad_request"
handler403 = "site_app.errors.permission_denied"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feeds/", include(feed_patterns)),
    path("zoeken/", include("search.urls")),
    path("wijkinfo/", include("wijken.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_password_view(wagtail_views.authenticate_with_password, "page"),
    ),
    path("", include(wagtail_urls)),
)
