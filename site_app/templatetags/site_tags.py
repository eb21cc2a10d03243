"""Template tags for the shared layout: languages, menu, breadcrumbs, footer, and showing
translatable objects in the reader's language (see :mod:`site_app.localization`)."""

import hashlib
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, Site, TranslatableMixin

from site_app import fallback, localization, structured_data

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
        if getattr(request, "is_preview", False):
            urls = _translation_urls(page, request)
        else:
            urls = localization.cached(
                localization.PAGES,
                f"languages:{request.get_host()}:{page.pk}",
                lambda: _translation_urls(page, request),
            )
        links = [
            {"code": code, "name": _language_name(code), "url": url + suffix} for code, url in urls
        ]
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


def _translation_urls(page, request) -> list[tuple[str, str]]:
    """(language code, URL) of each live translation of ``page``, in LANGUAGES order."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    by_code = {t.locale.language_code: t for t in translations}
    urls = []
    for code, _name in settings.LANGUAGES:
        url = by_code[code].get_url(request) if code in by_code else None
        if url:
            urls.append((code, url))
    return urls


@register.filter
def stream_key(value) -> str:
    """A short digest of a StreamField value's stored data: a fragment-cache key for its
    rendered HTML that changes whenever the content does."""
    raw = getattr(value, "raw_data", None)
    if raw is None:
        return ""
    data = json.dumps(list(raw), cls=DjangoJSONEncoder, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:32]


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the current language (falls back to the site's root page)."""
    request = context["request"]
    cache_attr = "_localized_home"
    if not hasattr(request, cache_attr):
        site = Site.find_for_request(request)
        home = None
        if site:
            home = localization.localize(site.root_page)
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
def localized(value):
    """A translatable object, a list or a related manager in the reader's language."""
    if hasattr(value, "all"):
        value = value.all()
    if value is None or isinstance(value, TranslatableMixin):
        return localization.localize(value)
    if isinstance(value, str):
        return value
    return localization.localize_all(value)


@register.simple_tag
def localize_stream(*stream_values):
    """Show the pages and snippets chosen in these StreamField values in the reader's
    language (one lookup per model for all blocks); renders nothing."""
    localization.localize_stream(*stream_values)
    return ""


@register.simple_tag
def footer_contact(site_settings):
    """The contact block of ``site_settings`` in the reader's language (or its source), with
    ``other_language`` set to its language code when that is not the page's."""
    if not site_settings or not site_settings.contact_id:
        return None
    # Through the cached vocabulary: no query for the settings' foreign key once warm.
    from site_app.models import ContactDetails

    sources = localization.translations_by_key(ContactDetails, localization.default_locale())
    key = next(
        (row.translation_key for row in sources.values() if row.pk == site_settings.contact_id),
        None,
    )
    if key is None:  # a block in another language chosen as the source
        contact = localization.localize(site_settings.contact)
    else:
        contact = localization.translations_by_key(ContactDetails)[key]
    language = contact.locale.language_code
    contact.other_language = language if language != get_language() else ""
    return contact


@register.simple_tag(takes_context=True)
def footer_links(context, contact) -> list[dict]:
    """The footer links of ``contact`` (see :func:`footer_contact`) as ``{"label", "url",
    "lang"}``: the editor's text when given, else a chosen page's title in the reader's
    language; ``lang`` is set on text in another language than the page's. Cached until a
    page or the contact block changes."""
    request = context.get("request")
    locale = localization.active_locale()

    def resolve() -> list[dict]:
        links = [link.value for link in contact.footer_links]
        pages = localization.localize_all(link["page"] for link in links)
        resolved = []
        for link, page in zip(links, pages, strict=True):
            if not link["label"] and page is None:
                continue
            if link["label"]:
                lang = contact.other_language
                label, url = link["label"], page.get_url(request) if page else link["url"]
            else:
                label, url = page.title, page.get_url(request)
                lang = "" if page.locale_id == locale.pk else page.locale.language_code
            resolved.append({"label": label, "url": url or "", "lang": lang})
        return resolved

    if contact is None:
        return []
    return localization.cached(localization.PAGES, f"footer:{contact.pk}:{locale.pk}", resolve)


# The escapes of django.utils.html.json_script: no "</script>" or "<!--" can close the element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``<script type="application/ld+json">`` holding ``data`` (schema.org), escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.filter
def text_direction(language_code: str) -> str:
    """``rtl`` or ``ltr`` for a language, for text in another language than the page's."""
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag
def term_url(term) -> str:
    """The page that presents a theme or wijk (see feeds.register_term_page), or ""."""
    from site_app import feeds

    return feeds.term_page_url(term, None) or ""


@register.inclusion_tag("components/fallback_notice.html", takes_context=True)
def fallback_notice(context):
    """On a Dutch page reached from a language it does not exist in (``?van=ar``): a short
    notice in the reader's own language."""
    code = fallback.notice_language(context.get("request"))
    if not code:
        return {"code": ""}
    with translation.override(code):
        text = str(
            _("Deze pagina bestaat (nog) niet in jouw taal. Je leest de Nederlandse versie.")
        )
    return {"code": code, "dir": text_direction(code), "text": text}


@register.inclusion_tag("components/more_in_default_language.html")
def more_in_default_language(page, model_label: str):
    """Under a listing in another language: how many more items exist only in Dutch."""
    return {"more": fallback.missing_translations(page, model_label)}


# og:locale wants language_TERRITORY. The site serves Ghent, so the languages official in
# Belgium get Belgium; the others the territory their readers' sites commonly use (Facebook's
# list has no Belgian English, Turkish or Arabic; "ar_AR" is its form for Arabic).
OG_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB", "tr": "tr_TR", "ar": "ar_AR"}
DESCRIPTION_LENGTH = 300


@register.simple_tag(takes_context=True)
def page_meta(context) -> dict:
    """What search engines and shared links show for this page: its own absolute URL (the
    request's path, so a plain-language version or a form is its own page), title, description
    (search description, else summary, else intro; a site default where a page has none),
    og:locale and share image."""
    request = context["request"]
    page = context.get("page")
    plain = context.get("is_plain_version") and page is not None
    if plain:
        title = page.display_plain_title
        texts = [page.plain_intro, page.search_description, page.summary]
    elif isinstance(page, Page):
        title = getattr(page, "display_title", page.title)
        texts = [
            page.search_description,
            getattr(page, "summary", ""),
            getattr(page, "intro", ""),
        ]
    else:
        title, texts = "", []
    texts.append(_("Samen stad maken: verhalen, adviezen en beslissingen van de stad Gent."))
    description = next(text for text in texts if text and str(text).strip())
    language = get_language()
    return {
        "url": request.build_absolute_uri(request.path),
        "title": title,
        "description": Truncator(str(description).strip()).chars(DESCRIPTION_LENGTH),
        "locale": OG_LOCALES.get(language, language),
        "image": getattr(page, "share_image", None) if page is not None else None,
    }


@register.simple_tag(takes_context=True)
def article_json_ld(context):
    """schema.org Article for this page as shown: a plain-language version is its own Article,
    based on the full text."""
    page, request = context["page"], context["request"]
    meta = page_meta(context)
    data = structured_data.article(
        page, request, url=meta["url"], headline=meta["title"], description=meta["description"]
    )
    if context.get("is_plain_version"):
        data["isBasedOn"] = page.get_full_url(request)
        data["genre"] = _("klare taal")
    return json_ld(data)
