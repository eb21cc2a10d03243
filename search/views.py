"""The search page and the autocomplete endpoint, in the reader's language."""

import datetime
import logging

from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from site_app import localization
from site_app.models import Theme, Wijk
from site_app.pagination import paginate, query_string
from site_app.public_forms import RateLimit

from . import engine, registry
from .text import key, mask_personal_data, snippet, words

logger = logging.getLogger(__name__)
RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_FILTER_LENGTH = 100
BACKEND_ERRORS = (ApiError, TransportError, ConnectionError)
AUTOCOMPLETE_LIMIT = RateLimit("search-autocomplete", limit=120, window=60)
AUTOCOMPLETE_SECONDS = 300


def _bad_input(query: str) -> str | None:
    if len(query) > MAX_QUERY_LENGTH:
        return _("Je zoekopdracht is te lang. Gebruik hoogstens %(n)d tekens.") % {
            "n": MAX_QUERY_LENGTH
        }
    if "\x00" in query:
        return _("Je zoekopdracht bevat een teken dat niet kan.")
    return None


def _facet_options(request, outcome, selected):
    """Every facet as a list of options with their count and the link that chooses them."""
    themes = {row.slug: row.name for row in localization.translations_by_key(Theme).values()}
    wijken = {row.slug: row.name for row in localization.translations_by_key(Wijk).values()}
    labels = {
        "soort": {kind.slug: str(kind.label) for kind in registry.kinds()},
        "thema": themes,
        "wijk": wijken,
        "jaar": {},
    }
    titles = {
        "soort": _("Soort"),
        "thema": _("Thema"),
        "wijk": _("Wijk"),
        "jaar": _("Jaar"),
    }
    facets = []
    for name in engine.FACETS:
        counts = outcome.facets[name]
        if not counts and not selected.get(name):
            continue
        order = (
            sorted(counts, reverse=True)
            if name == "jaar"
            else sorted(counts, key=lambda v: (-counts[v], labels[name].get(v, v)))
        )
        options = [
            {
                "label": labels[name].get(value, value),
                "count": counts[value],
                "selected": selected.get(name) == value,
                "url": "?" + query_string(request, exclude=("page",), replace={name: value}),
            }
            for value in order
        ]
        facets.append(
            {
                "name": name,
                "title": titles[name],
                "options": options,
                "active": bool(selected.get(name)),
                "clear_url": "?" + query_string(request, exclude=("page", name)),
            }
        )
    return facets


def _result(hit, terms, language):
    obj, kind = hit.obj, hit.kind
    text = ""
    for name in kind.summary_fields:
        text = getattr(obj, name, "") or ""
        if text:
            break
    if not text and kind.is_page:
        text = obj.search_description
    return {
        "kind": kind.label,
        "title": kind.title_of(obj),
        "url": kind.url_of(obj),
        "snippet": snippet(text, terms, language),
        "title_parts": snippet(kind.title_of(obj), terms, language, width=300),
        "links": kind.links(obj) if kind.links else [],
        "year": hit.year,
    }


def _glossary_matches(terms, locale):
    from site_app.plain_language.models import GlossaryTerm

    wanted = {key(term, locale.language_code) for term in terms}
    matches = []
    for term in GlossaryTerm.objects.filter(locale=locale).select_related("locale"):
        forms = [term.term, *term.variants.split(",")]
        form_keys = {key(word, locale.language_code) for form in forms for word in words(form)}
        if wanted & form_keys:
            matches.append(
                {
                    "term": term.term,
                    "definition": term.definition,
                    "url": registry.get("woord").url_of(term),
                }
            )
    return matches[:3]


#: A query is shown as "popular" only once this many searches asked for it in 30 days, so
#: what one resident typed is never shown to others.
POPULAR_MIN_HITS = 5


def _popular():
    since = timezone.localdate() - datetime.timedelta(days=30)
    popular = Query.get_most_popular(date_since=since).filter(_hits__gte=POPULAR_MIN_HITS)
    return [
        {"text": query.query_string, "url": "?" + urlencode({"q": query.query_string})}
        for query in popular[:5]
    ]


def _dutch_search_url(query: str) -> str:
    with translation.override(localization.default_locale().language_code):
        return reverse("search:search") + "?" + urlencode({"q": query})


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    selected = {name: request.GET.get(name, "").strip() for name in engine.FACETS}
    context = {"query": query, "results": None}
    error = _bad_input(query)
    if error is None and any(len(value) > MAX_FILTER_LENGTH for value in selected.values()):
        error = _("Deze filter bestaat niet.")
    if error:
        context["error"] = error
        return render(request, "search/search.html", context, status=400)
    terms = words(query)
    if not query:
        context["popular"] = _popular()
        return render(request, "search/search.html", context)
    locale = localization.active_locale()
    language = locale.language_code
    if not terms:
        context.update(results=[], result_count=0, popular=_popular())
        return render(request, "search/search.html", context)
    try:
        outcome = engine.run(terms, locale, selected)
        hits = engine.apply_filters(outcome.hits, selected)
        listing = paginate(request, hits, RESULTS_PER_PAGE, first_page_on_bad_number=False)
        page_obj = listing["page_obj"]
        dutch_count = None
        if not hits and language != localization.default_locale().language_code:
            dutch = engine.run(terms, localization.default_locale(), {})
            dutch_count = len(dutch.hits)
    except BACKEND_ERRORS:
        logger.exception("Search backend unavailable")
        context["error"] = _("Zoeken werkt nu even niet. Probeer het later opnieuw.")
        return render(request, "search/search.html", context, status=503)
    if page_obj is None:
        context["error"] = listing["page_error"]
        return render(request, "search/search.html", context, status=listing["status"])
    engine.load_objects(page_obj.object_list)
    masked = mask_personal_data(query)
    promotions = []
    if page_obj.number == 1:
        logged = Query.get(masked)
        logged.add_hit()
        promotions = list(logged.editors_picks.select_related("page").order_by("sort_order"))
    context.update(
        results=[hit.obj for hit in page_obj.object_list if hit.obj],
        rows=[_result(hit, terms, language) for hit in page_obj.object_list if hit.obj],
        page_obj=page_obj,
        result_count=len(hits),
        facets=_facet_options(request, outcome, selected),
        any_filter=any(selected.values()),
        clear_filters_url="?" + urlencode({"q": query}),
        corrected=outcome.corrected,
        corrected_url="?" + urlencode({"q": outcome.corrected}) if outcome.corrected else "",
        pagination_query=query_string(request, exclude=("page",)),
        promotions=promotions,
        dutch_count=dutch_count,
        dutch_url=_dutch_search_url(query) if dutch_count else "",
    )
    if not hits:
        context.update(glossary=_glossary_matches(terms, locale), popular=_popular())
    return render(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    """Up to eight titles that start like the typed text, as JSON (the page works without)."""
    query = request.GET.get("q", "").strip()
    if _bad_input(query) or len(query) < 2:
        return JsonResponse({"suggestions": []}, status=400 if _bad_input(query) else 200)
    wait = AUTOCOMPLETE_LIMIT.retry_after(request)
    if wait:
        response = JsonResponse({"error": _("Te veel verzoeken. Wacht even.")}, status=429)
        response["Retry-After"] = str(wait)
        return response
    AUTOCOMPLETE_LIMIT.record(request, stored=True)
    locale = localization.active_locale()
    cache_key = f"search:autocomplete:{locale.pk}:{' '.join(words(query))}"
    suggestions = cache.get(cache_key)
    if suggestions is None:
        try:
            suggestions = _suggestions(query, locale)
        except BACKEND_ERRORS:
            logger.exception("Search backend unavailable")
            return JsonResponse({"error": _("Zoeken werkt nu even niet.")}, status=503)
        cache.set(cache_key, suggestions, AUTOCOMPLETE_SECONDS)
    response = JsonResponse({"suggestions": suggestions})
    response["Cache-Control"] = f"public, max-age={AUTOCOMPLETE_SECONDS}"
    return response


def _suggestions(query: str, locale) -> list[str]:
    text = " ".join(words(query))
    if not text:
        return []
    backend = engine.backend_for(locale.language_code)
    types = [kind.model for kind in registry.page_kinds()]
    pages = Page.objects.live().public().filter(locale=locale).type(*types)
    titles = [page.title for page in backend.autocomplete(text, pages)[:8]]
    return list(dict.fromkeys(titles))
