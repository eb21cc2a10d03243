"""Non-page views of the shared core: feeds, the feeds index, robots.txt."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import feeds, taxonomy
from .models import Theme, Wijk, Zone


def _bad_kind(request):
    known = ", ".join(sorted(feeds.registered_kinds()))
    message = _("Onbekende soort in ?soort=. Kies uit: %(known)s.") % {"known": known}
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _taxonomy_feed(request, model, slug, fmt, scope_for, title_template):
    if fmt not in feeds.FORMATS:
        raise Http404
    term = taxonomy.find_by_slug(model, slug)
    if term is None:
        raise Http404(_("Dit thema of deze wijk bestaat niet."))
    kinds = feeds.kind_filter(request)
    if kinds and not set(kinds) <= set(feeds.registered_kinds()):
        return _bad_kind(request)
    entries = feeds.collect_entries(request, scope_for(term), kinds=kinds)
    title = title_template % {"name": term.name}
    return feeds.feed_response(
        request,
        fmt,
        title=f"{title} · Samen stad maken",
        description=getattr(term, "description", "") or title,
        link=request.build_absolute_uri(reverse("feeds:index")),
        entries=entries,
    )


@require_GET
def theme_feed(request, slug, fmt):
    return _taxonomy_feed(request, Theme, slug, fmt, feeds.by_theme, _("Thema %(name)s"))


@require_GET
def wijk_feed(request, slug, fmt):
    return _taxonomy_feed(request, Wijk, slug, fmt, feeds.by_wijk, _("Wijk %(name)s"))


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
        },
    )


@require_GET
def robots_txt(request):
    body = render_to_string("site_app/robots.txt", {"request": request})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
