"""One way to cut a listing into pages, with a clear answer to a wrong ``?page=``."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(request, items, per_page: int, *, first_page_on_bad_number: bool = True) -> dict:
    """One page of ``items`` for ``?page=``, as template context.

    Returns ``paginator``, ``page_obj`` (``None`` when the page does not exist),
    ``result_count``, ``page_error`` (a message for the reader, or ``None``) and ``status``, the
    HTTP status to answer: 200; 400 for a page number that is not a number (the first page is
    shown instead, unless ``first_page_on_bad_number`` is off: then it counts as missing); 404
    for a page that does not exist.
    """
    paginator = Paginator(items, per_page)
    status, page_error = 200, None
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        if first_page_on_bad_number:
            status, page_error = 400, _("Het paginanummer klopt niet. We tonen de eerste pagina.")
            page_obj = paginator.page(1)
        else:
            status, page_error = 404, _("Deze pagina bestaat niet. Ga naar de eerste pagina.")
            page_obj = None
    except EmptyPage:
        status, page_error = 404, _("Deze pagina bestaat niet. Ga naar de eerste pagina.")
        page_obj = None
    return {
        "paginator": paginator,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "page_error": page_error,
        "status": status,
    }


def query_string(request, *, exclude=(), replace=None) -> str:
    """The request's GET parameters, URL-encoded again (``+`` and ``%`` survive), without
    ``exclude`` and with ``replace`` setting values; for links to other pages of a listing."""
    params = request.GET.copy()
    for name in exclude:
        params.pop(name, None)
    for name, value in (replace or {}).items():
        params[name] = value
    return params.urlencode()
