"""Pages that exist only in the default language (Dutch), seen from another language.

* :class:`DefaultLanguageFallbackMiddleware`: a page asked for under another language's
  prefix that has no page there, but does exist in Dutch, redirects (302) to the Dutch page
  with ``?van=<language>``; :func:`fallback_notice` then tells the reader, in their own
  language, why they see Dutch. One mechanism for every app: it works on Wagtail's routing.
* :func:`missing_translations`: for a listing in another language, how many more items of a
  type exist in Dutch only, and where the Dutch listing is.
"""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Page, Site

from . import localization

FROM_PARAMETER = "van"


def default_language_page(request, path: str):
    """The live, public Dutch page at ``path`` (without its language prefix), or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    source = localization.default_locale()
    if root.locale_id != source.pk:
        root = root.get_translation_or_none(source)
        if root is None:
            return None
    components = [part for part in path.split("/") if part]
    try:
        result = root.specific.route(request, components)
    except Http404:
        return None
    page = result.page
    if not page.live or page.get_view_restrictions().exists() or page.locale_id != source.pk:
        return None
    return page


class DefaultLanguageFallbackMiddleware:
    """Turn a 404 under a non-default language prefix into a redirect to the Dutch page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        language = get_language_from_path(request.path_info)
        if not language or language == settings.LANGUAGE_CODE:
            return response
        prefix = f"/{language}/"
        if not request.path_info.startswith(prefix):
            return response
        page = default_language_page(request, request.path_info[len(prefix) :])
        url = page.get_url(request) if page else None
        if not url:
            return response
        return HttpResponseRedirect(f"{url}?{urlencode({FROM_PARAMETER: language})}")


def notice_language(request) -> str:
    """The language the reader came from (``?van=ar``) when it is not the page's, else ''."""
    code = request.GET.get(FROM_PARAMETER, "") if request else ""
    if code in dict(settings.LANGUAGES) and code != translation.get_language():
        return code
    return ""


def missing_translations(page, model_label: str) -> dict | None:
    """``{"count", "url"}``: the live pages of ``model_label`` under ``page``'s Dutch source
    that have no live translation in ``page``'s language; None in Dutch or when there are none.
    Two queries, whatever the number of pages."""
    source_locale = localization.default_locale()
    if page.locale_id == source_locale.pk:
        return None
    source = page.get_translation_or_none(source_locale)
    if source is None:
        return None
    model = apps.get_model(model_label)
    translated = Page.objects.filter(locale_id=page.locale_id, live=True).values("translation_key")
    count = (
        model.objects.descendant_of(source)
        .live()
        .public()
        .filter(locale=source_locale)
        .exclude(translation_key__in=translated)
        .count()
    )
    if not count:
        return None
    return {"count": count, "url": source.url}
