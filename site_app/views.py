"""Non-page views of the shared core: feeds, the feeds index, robots.txt."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, taxonomy
from .models import Theme, Wijk, Zone
from .sitemaps import LocalizedSitemap, ViewSitemap


def _bad_kind(request):
    known = ", ".join(sorted(feeds.kinds()))
    message = _("Onbekende soort in ?soort=. Kies uit: %(known)s.") % {"known": known}
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _feed(request, fmt, *, scope, title, description, link):
    if fmt not in feeds.FORMATS:
        raise Http404
    kinds = feeds.kind_filter(request)
    if feeds.unknown_kinds(kinds):
        return _bad_kind(request)
    if kinds:
        labels = ", ".join(feeds.kinds()[kind] for kind in dict.fromkeys(kinds))
        title = f"{title} ({labels})"
    return feeds.feed_response(
        request,
        fmt,
        title=f"{title} · {_('Samen stad maken')}",
        description=description or title,
        link=link,
        entries=feeds.collect_entries(request, scope, kinds=kinds),
    )


def _feeds_page_url(request, anchor=""):
    return request.build_absolute_uri(reverse("feeds:index")) + anchor


def _term_feed(request, model, slug, fmt, scope_for, title_template, anchor):
    term = taxonomy.find_by_slug(model, slug)
    if term is None:
        raise Http404(_("Dit thema of deze wijk bestaat niet."))
    return _feed(
        request,
        fmt,
        scope=scope_for(term),
        title=title_template % {"name": term.name},
        description=getattr(term, "description", ""),
        link=feeds.term_page_url(term, request)
        or _feeds_page_url(request, f"#{anchor}-{term.slug}"),
    )


@require_GET
def all_feed(request, fmt):
    return _feed(
        request,
        fmt,
        scope=feeds.EVERYTHING,
        title=_("Nieuw op de site"),
        description=_("Alles wat nieuw is: verhalen, beleid, adviezen en de gemeenteraad."),
        link=request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/"),
    )


@require_GET
def theme_feed(request, slug, fmt):
    return _term_feed(request, Theme, slug, fmt, feeds.by_theme, _("Thema %(name)s"), "thema")


@require_GET
def wijk_feed(request, slug, fmt):
    return _term_feed(request, Wijk, slug, fmt, feeds.by_wijk, _("Wijk %(name)s"), "wijk")


@require_GET
def feed_index(request):
    wijken = taxonomy.all_terms(Wijk)
    zones = [
        (label, [wijk for wijk in wijken if wijk.zone == value]) for value, label in Zone.choices
    ]
    return render(
        request,
        "site_app/feed_index.html",
        {
            "themes": taxonomy.all_terms(Theme),
            "zones": zones,
            "kinds": feeds.describe_kinds(),
            "app_feeds": feeds.feed_links(request),
        },
    )


@require_GET
def feed_stylesheet(request):
    """The XSLT that turns a feed into a readable page in a browser, in the reader's language."""
    body = render_to_string("site_app/feed.xsl", request=request)
    response = HttpResponse(body, content_type="text/xsl; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def sitemap_xml(request):
    return sitemap(request, {"pages": LocalizedSitemap, "views": ViewSitemap(request)})


@require_GET
def robots_txt(request):
    body = render_to_string("site_app/robots.txt", {"request": request})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
