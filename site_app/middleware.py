"""Response headers for a site behind a shared cache, and limits on what a request may carry.

Order in ``MIDDLEWARE`` matters (responses pass the list bottom-up):
``CompressionMiddleware`` and ``CacheControlMiddleware`` sit just below WhiteNoise (which
answers static files itself, already compressed and with their own lifetimes), so they see
every header the session, CSRF and locale middleware added; ``RequestSizeLimitMiddleware``
sits after ``LocaleMiddleware`` (its 413 page is in the reader's language) and before
anything reads the body.
"""

import base64
import hashlib
import re

from csp.utils import build_policy
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import localization
from .errors import request_too_large

COMPRESSIBLE = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
    "application/ld+json",
    "application/javascript",
    "image/svg+xml",
)


class CompressionMiddleware(GZipMiddleware):
    """gzip for text (HTML, feeds, JSON); documents, images and audio are sent as they are.

    Django's GZipMiddleware pads each response against BREACH-style length attacks.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)


class RequestMemoMiddleware:
    """Each request remembers what it read from the shared cache (versions, locales, term
    lists, built feed entries) once, instead of asking Redis again for every lookup; the memo
    ends with the request (see :mod:`site_app.localization`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with localization.request_memo():
            return self.get_response(request)


class CacheControlMiddleware:
    """Tell the shared cache (nginx) what it may keep, and for how long.

    A successful GET that is the same for everyone is ``public`` with ``s-maxage``: the shared
    cache keeps it until Wagtail purges it on publish (``site_app.frontend_cache``), browsers
    keep it briefly. URLs with a query string (filters, search, pages of a list) are not
    purged by URL, so they get a short shared lifetime. Anything personal — a request with a
    session (an editor, a page password), a response that sets a cookie (forms with a CSRF
    token), a POST — is never stored anywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self._personal(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif request.path_info.startswith("/documents/"):
            # Never in the shared cache: a document moved into a private collection must stop
            # being served at once.
            patch_cache_control(response, private=True, max_age=settings.CACHE_BROWSER_SECONDS)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            shared = (
                settings.CACHE_QUERY_SECONDS
                if request.META.get("QUERY_STRING")
                else settings.CACHE_PAGE_SECONDS
            )
            patch_cache_control(
                response, public=True, max_age=settings.CACHE_BROWSER_SECONDS, s_maxage=shared
            )
            self._drop_vary_cookie(response)
        return response

    @staticmethod
    def _personal(request, response) -> bool:
        if request.method not in ("GET", "HEAD") or response.cookies:
            return True
        # Every page looks at the session (the editors' user bar does), which adds
        # "Vary: Cookie". Without a session cookie that look found nothing: the page is the
        # anonymous one. With a session cookie it may be personal (an editor, a page
        # password), and the shared cache does not even ask for it (deploy/nginx).
        return settings.SESSION_COOKIE_NAME in request.COOKIES

    @staticmethod
    def _drop_vary_cookie(response) -> None:
        """Anonymous pages do not vary on cookies; saying so would split the shared cache."""
        kept = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [value for value in kept if value.lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        elif response.has_header("Vary"):
            del response["Vary"]


class PermissionsPolicyMiddleware:
    """The browser features the site never uses are switched off for it and its embeds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body over the limit for its path with a 413, before reading it.

    Django's own DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files, so without this a
    form that takes no files would still accept a 30 MB multipart upload into a temp file.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit_for(request.path_info):
            return request_too_large(request)
        return self.get_response(request)

    @staticmethod
    def limit_for(path: str) -> int:
        if path.startswith("/admin/"):
            return settings.MAX_REQUEST_BODY_ADMIN
        return settings.MAX_REQUEST_BODY_PUBLIC


class AdminCSPMiddleware:
    """The admin's own Content-Security-Policy (the public one excludes /admin/).

    Scripts only from this origin, with one exception Wagtail 8 still needs: its date, time and
    chooser widgets render an inline ``initDateChooser("field-id", {options});`` or
    ``new ImageChooser("field-id", {options});`` call. Each such call in a response, and
    nothing else, is allowed by its SHA-256 hash. Only that exact shape (one
    call, options without parentheses or markup) is hashed, so an injected script is never
    allowed by this.
    """

    INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
    WAGTAIL_INITIALISER = re.compile(
        r'(?:init\w*Chooser|new \w*Chooser)\("[\w-]+"(?:, \{[^<>()]*\})?\);'
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self.directives = settings.ADMIN_CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/") and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = build_policy(
                config=self.directives, update={"script-src": self._hashes(response)}
            )
        return response

    def _hashes(self, response) -> list[str]:
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return []
        html = response.content.decode(response.charset or "utf-8", errors="replace")
        found = {
            script
            for script in self.INLINE_SCRIPT.findall(html)
            if self.WAGTAIL_INITIALISER.fullmatch(script)
        }
        return [
            f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
            for script in sorted(found)
        ]
