"""Endpoints for the people and machines that run the site, not for residents.

- ``/healthz``: the process answers (for a process supervisor or load balancer liveness).
- ``/readyz``: the database, the cache and the search backend are reachable; 503 names the
  part that is not (for a load balancer's readiness check). Never cached.
- ``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability.
- ``/csp-report/``: browsers report Content-Security-Policy violations here; each is logged
  as one line (directive and blocked origin, no query strings). Rate-limited per client.
"""

import json
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.search.backends import get_search_backend

from .public_forms import RateLimit

logger = logging.getLogger(__name__)
csp_logger = logging.getLogger("site_app.csp")

CSP_REPORT_LIMIT = RateLimit("csp-report", limit=20, window=60)
MAX_CSP_REPORT_BYTES = 16 * 1024


@never_cache
@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def _cache() -> bool:
    cache = caches["default"]
    if hasattr(cache, "ping"):
        return cache.ping()
    cache.set("readyz", "ok", 5)
    return cache.get("readyz") == "ok"


def _search() -> bool:
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return _database()  # the database backend searches the database
    return bool(client.options(request_timeout=2).ping())


@never_cache
@require_GET
def readyz(request):
    parts = {}
    for name, probe in (("database", _database), ("cache", _cache), ("search", _search)):
        try:
            parts[name] = "ok" if probe() else "unreachable"
        except Exception as error:  # a probe reports, it never raises
            parts[name] = f"unreachable ({type(error).__name__})"
    ready = all(state == "ok" for state in parts.values())
    return JsonResponse(parts, status=200 if ready else 503)


@require_GET
def security_txt(request):
    expires = (timezone.now() + timedelta(days=settings.SECURITY_TXT_DAYS)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    lines = [f"Contact: {contact}" for contact in settings.SECURITY_CONTACTS] + [
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en, fr",
        f"Canonical: {settings.BASE_URL.rstrip('/')}/.well-known/security.txt",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _origin(url) -> str:
    """A URL without path details or query (which may hold personal data)."""
    if not isinstance(url, str):
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url[:40]


def _reports(body: bytes) -> list[dict]:
    data = json.loads(body)
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [data["csp-report"]]  # report-uri format
    if isinstance(data, list):  # Reporting API format
        return [item.get("body", {}) for item in data if isinstance(item, dict)][:10]
    return []


@csrf_exempt
@require_POST
def csp_report(request):
    wait = CSP_REPORT_LIMIT.retry_after(request)
    if wait:
        return HttpResponse(status=429, headers={"Retry-After": str(wait)})
    CSP_REPORT_LIMIT.record(request, stored=True)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_CSP_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        reports = _reports(request.body)
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    for report in reports:
        if not isinstance(report, dict):
            continue
        directive = report.get("violated-directive") or report.get("effectiveDirective")
        blocked = report.get("blocked-uri") or report.get("blockedURL")
        page = report.get("document-uri") or report.get("documentURL")
        csp_logger.warning(
            "CSP violation: %s blocked %s on %s",
            str(directive)[:80],
            _origin(blocked) if blocked not in ("inline", "eval") else blocked,
            urlsplit(page).path[:200] if isinstance(page, str) else "",
        )
    return HttpResponse(status=204)
