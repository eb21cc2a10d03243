"""Template tags for the shared layout: languages, menu, breadcrumbs, taxonomy."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from site_app import taxonomy

register = template.Library()


def _language_name(code: str) -> str:
    return get_language_info(code)["name_local"]


@register.simple_tag(takes_context=True)
def language_links(context):
    """The languages this page exists in (live), each with its URL; the current one marked.

    Outside Wagtail pages (feeds index, search) every language is offered, since those views
    exist in all of them.
    """
    request = context["request"]
    current = get_language()
    page = context.get("page")
    links = []
    if isinstance(page, Page) and page.pk:
        # On a routable sub-page (…/klare-taal/, …/vertel-je-verhaal/) keep the sub-path:
        # routes are the same in every language.
        own_url = page.get_url(request) or ""
        suffix = request.path[len(own_url) :] if request.path.startswith(own_url) else ""
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        by_code = {t.locale.language_code: t for t in translations}
        for code, _name in settings.LANGUAGES:
            if code in by_code:
                url = by_code[code].get_url(request)
                if url:
                    links.append({"code": code, "name": _language_name(code), "url": url + suffix})
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            links.append(
                {"code": code, "name": _language_name(code), "url": translate_url(path, code)}
            )
    for link in links:
        link["current"] = link["code"] == current
        link["bidi"] = get_language_info(link["code"])["bidi"]
    return links


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the current language (falls back to the site's root page)."""
    request = context["request"]
    cache_attr = "_localized_home"
    if not hasattr(request, cache_attr):
        site = Site.find_for_request(request)
        home = None
        if site:
            home = (
                site.root_page.get_translations(inclusive=True)
                .filter(locale=taxonomy.active_locale())
                .live()
                .first()
            ) or site.root_page
        setattr(request, cache_attr, home)
    return getattr(request, cache_attr)


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = localized_home(context)
    if home is None:
        return []
    items = list(home.get_children().live().in_menu().only("title", "url_path", "locale_id"))
    page = context.get("page")
    for item in items:
        item.menu_current = None
        if isinstance(page, Page) and page.url_path.startswith(item.url_path):
            item.menu_current = "page" if page.pk == item.pk else "true"
    return items


@register.simple_tag
def breadcrumb_trail(page):
    return list(page.get_ancestors().filter(depth__gt=1).live().only("title", "url_path"))


@register.filter
def localized(terms):
    """Taxonomy terms (a related manager or list) in the reader's language."""
    if hasattr(terms, "all"):
        terms = terms.all()
    return taxonomy.localize(terms)


@register.simple_tag
def all_themes():
    from site_app.models import Theme

    return taxonomy.all_terms(Theme)
