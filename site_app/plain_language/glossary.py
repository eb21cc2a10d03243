"""Mark difficult words in a page's rich text and explain them on the same page.

The pattern, and why
--------------------
The first time a glossary term occurs on a page, it becomes an in-page link::

    ... in elke <a class="glossary-term" id="woord-wijk-tekst" href="#woord-wijk"
                   aria-describedby="woord-wijk-uitleg">wijk</a> werken ...

and the page ends with a list "Moeilijke woorden op deze pagina" (rendered by
``plain_language/glossary_definitions.html``) holding, for every marked term, an entry
``<div id="woord-wijk"><dt>wijk</dt><dd id="woord-wijk-uitleg">definition</dd></div>`` with a
link back to the place in the text and a link to the full glossary page.

* **Valid HTML in running text.** The mark is an ``<a>``, which is phrasing content and may
  sit in any ``<p>`` or ``<li>``. ``<details>`` (flow content) or a ``<div>`` popover may not;
  ``<dfn>`` would claim the defining instance is here, and ``<abbr>`` is for abbreviations.
* **Keyboard and click, without JavaScript.** A link is focusable and activates with Enter;
  the browser jumps to the definition (highlighted with ``:target``) and the back link
  returns to the same spot. Nothing depends on hover, nothing is hidden until hovered.
* **Screen readers.** ``aria-describedby`` points at the definition, so it is read when the
  word receives focus; the definition is also ordinary visible text on the page, so readers
  who do not use the link (or print the page) still find it.

Rules: only text in rich text is marked (the caller passes rendered rich text HTML); never
inside links, headings, buttons, code or an element that is already marked; only the first
occurrence of each term on the whole page (one :class:`GlossaryMarker` per page render, shared
by all blocks); terms in the page's own language.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Doctype, ProcessingInstruction

SKIP_TAGS = {
    "a",
    "abbr",
    "button",
    "code",
    "dfn",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "kbd",
    "label",
    "option",
    "pre",
    "samp",
    "script",
    "select",
    "style",
    "summary",
    "svg",
    "math",
    "textarea",
    "title",
}
MARK_CLASS = "glossary-term"


def _form_pattern(form: str) -> str:
    return r"\s+".join(re.escape(part) for part in form.split())


class GlossaryMarker:
    """Marks glossary terms in HTML, each term once per page, and remembers what it marked.

    ``terms`` is an iterable of :class:`site_app.plain_language.models.GlossaryTerm` (or anything
    with ``term``, ``forms``, ``anchor`` and ``definition``), normally the terms of the page's
    locale.
    """

    def __init__(self, terms, glossary_url: str = ""):
        self.terms = list(terms)
        self.glossary_url = glossary_url
        self.used: list = []
        self._used_keys: set[str] = set()
        self._by_form: dict[str, object] = {}
        forms = []
        for term in self.terms:
            for form in term.forms:
                key = form.casefold()
                if key not in self._by_form:
                    self._by_form[key] = term
                    forms.append(form)
        forms.sort(key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<![\w-])(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?![\w-])",
                re.IGNORECASE,
            )
            if forms
            else None
        )

    @classmethod
    def for_locale(cls, locale, glossary_url: str = "") -> GlossaryMarker:
        from site_app.plain_language.models import GlossaryTerm

        return cls(GlossaryTerm.objects.filter(locale=locale), glossary_url=glossary_url)

    def __bool__(self) -> bool:
        return True

    def _term_for(self, matched: str):
        return self._by_form.get(" ".join(matched.split()).casefold())

    def mark(self, html: str) -> str:
        """Return ``html`` with the first page-wide occurrence of each unused term marked."""
        if not self._pattern or not html or len(self._used_keys) == len(self.terms):
            return html
        if not any(
            self._term_for(m.group(0)) is not None
            and self._term_for(m.group(0)).anchor not in self._used_keys
            for m in self._pattern.finditer(html)
        ):
            return html
        soup = BeautifulSoup(html, "html.parser")
        changed = False
        for node in list(soup.find_all(string=True)):
            if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
                continue
            if self._inside_skipped(node):
                continue
            pieces = self._split(str(node), soup)
            if pieces:
                node.replace_with(*pieces)
                changed = True
        return str(soup) if changed else html

    @staticmethod
    def _inside_skipped(node) -> bool:
        for parent in node.parents:
            if parent.name in SKIP_TAGS or MARK_CLASS in (parent.get("class") or []):
                return True
        return False

    def _split(self, text: str, soup) -> list | None:
        pieces, position = [], 0
        for match in self._pattern.finditer(text):
            term = self._term_for(match.group(0))
            if term is None or term.anchor in self._used_keys:
                continue
            self._used_keys.add(term.anchor)
            self.used.append(term)
            if match.start() > position:
                pieces.append(NavigableString(text[position : match.start()]))
            link = soup.new_tag(
                "a",
                attrs={
                    "class": MARK_CLASS,
                    "id": f"{term.anchor}-tekst",
                    "href": f"#{term.anchor}",
                    "aria-describedby": f"{term.anchor}-uitleg",
                },
            )
            link.string = match.group(0)
            pieces.append(link)
            position = match.end()
        if not pieces:
            return None
        if position < len(text):
            pieces.append(NavigableString(text[position:]))
        return pieces


_glossary_page_models: list[type] = []


def register_glossary_page(model: type) -> type:
    """Class decorator: pages of ``model`` list the whole glossary (one page per language).

    Marked words link to it; the core knows the page type only through this registration.
    """
    _glossary_page_models.append(model)
    return model


def glossary_page_url(locale, request=None) -> str:
    """The URL of the live glossary page in ``locale``, or ''."""
    for model in _glossary_page_models:
        page = model.objects.live().filter(locale=locale).first()
        if page is not None:
            return page.get_url(request) or ""
    return ""
