"""Branded error pages in the reader's language: 400, 403 (incl. a CSRF failure), 413, 429.

Where the request carried a form, the page shows the person's own text again (read-only, to
copy into the form), so an expired form or a blocked cookie never costs them what they wrote.
Passwords, tokens and the spam traps are never shown. These pages are never cached.
"""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

NEVER_SHOWN = {"csrfmiddlewaretoken", "rendered_at", "website", "next"}
MAX_KEPT_CHARACTERS = 20_000
LABELS = {
    "name": _("Naam"),
    "email": _("E-mailadres"),
    "phone": _("Telefoon"),
    "message": _("Bericht"),
    "title": _("Titel"),
    "q": _("Zoekterm"),
}


def kept_text(request) -> list[tuple[str, str]]:
    """(label, text) for each text the person filled in, in the order they sent them."""
    if request.method != "POST":
        return []
    try:
        data = request.POST
    except Exception:  # the body could not be read: nothing to give back
        return []
    kept = []
    for name in data:
        if name in NEVER_SHOWN or "password" in name.lower() or "token" in name.lower():
            continue
        for value in data.getlist(name):
            value = value.strip()
            if value and value != "on":
                kept.append((str(LABELS.get(name, name)), value[:MAX_KEPT_CHARACTERS]))
    return kept


def _render(request, template: str, status: int, *, keep: bool = True, **context):
    form_url = request.path if not request.path.startswith("/admin/") else ""
    response = render(
        request,
        template,
        {"kept_text": kept_text(request) if keep else [], "form_url": form_url, **context},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    return _render(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "403.html", 403)


def csrf_failure(request, reason=""):
    return _render(request, "403_csrf.html", 403)


def request_too_large(request):
    """413 without reading the body: what was sent is too big to read back."""
    from .middleware import RequestSizeLimitMiddleware

    limit = RequestSizeLimitMiddleware.limit_for(request.path_info)
    return _render(request, "413.html", 413, keep=False, limit_mb=f"{limit / 1024 / 1024:g}")


def too_many_requests(request, retry_after: int = 60, message: str = ""):
    response = _render(request, "429.html", 429, message=message)
    response["Retry-After"] = str(retry_after)
    return response
