"""Site search: pages in the reader's language, on whichever backend settings choose."""

import logging

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from site_app import taxonomy

logger = logging.getLogger(__name__)
RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "results": None}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = _("Je zoekopdracht is te lang. Gebruik hoogstens %(n)d tekens.") % {
            "n": MAX_QUERY_LENGTH
        }
        return render(request, "search/search.html", context, status=400)
    if "\x00" in query:
        context["error"] = _("Je zoekopdracht bevat een teken dat niet kan.")
        return render(request, "search/search.html", context, status=400)
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=taxonomy.active_locale(), depth__gt=1)
            .defer_streamfields()
            .specific()
        )
        # Double quotes would start an FTS phrase that SQLite rejects when unbalanced; the
        # site offers no phrase search, so they are read as spaces.
        terms = query.replace('"', " ").strip()
        found = get_search_backend().search(terms, pages, operator="and") if terms else []
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
            results.object_list = list(results.object_list)
        except (PageNotAnInteger, EmptyPage):
            context["error"] = _("Deze pagina met resultaten bestaat niet.")
            return render(request, "search/search.html", context, status=404)
        except (ApiError, TransportError, ConnectionError):
            logger.exception("Search backend unavailable")
            context["error"] = _("Zoeken werkt nu even niet. Probeer het later opnieuw.")
            return render(request, "search/search.html", context, status=503)
        context["results"] = results
        context["paginator"] = paginator
    return render(request, "search/search.html", context)
