"""Template tags for glossary marking (see ``site_app/plain_language/glossary.py`` for the pattern).

A page template turns marking on for its own render, then renders its blocks, then lists the
definitions of the words that were marked::

    {% load glossary_tags %}
    {% glossary_marker page as glossary_marker %}
    {% include "components/streamfield.html" with value=page.body %}
    {% glossary_definitions %}

Block templates render rich text with ``{% glossary_richtext value %}``: it is the same as
``{{ value|richtext }}`` and marks terms only when the page turned marking on, so the shared
paragraph block stays unchanged on pages that do not list definitions.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from site_app.plain_language.glossary import GlossaryMarker, glossary_page_url

register = template.Library()

CONTEXT_KEY = "glossary_marker"


@register.simple_tag(takes_context=True)
def glossary_marker(context, page):
    """A fresh marker for this page render, with the terms of the page's language."""
    request = context.get("request")
    locale = page.locale
    return GlossaryMarker.for_locale(locale, glossary_url=glossary_page_url(locale, request))


@register.simple_tag(takes_context=True)
def glossary_richtext(context, value):
    """Render rich text and, if the page turned marking on, mark first occurrences."""
    html = str(richtext(value)) if value else ""
    marker = context.get(CONTEXT_KEY)
    if isinstance(marker, GlossaryMarker):
        html = marker.mark(html)
    return mark_safe(html)  # noqa: S308 - rich text output plus our own escaped markup


@register.inclusion_tag("plain_language/glossary_definitions.html", takes_context=True)
def glossary_definitions(context):
    marker = context.get(CONTEXT_KEY)
    return {
        "terms": list(marker.used) if isinstance(marker, GlossaryMarker) else [],
        "glossary_url": getattr(marker, "glossary_url", ""),
        "request": context.get("request"),
    }
