"""Demo pages of the home app: the home page in every language, the wijk pages, a few content
pages, the policy note with its plain-language version and the glossary page.

Data: ``demo_data/pages.toml`` and ``demo_data/policy_note.toml``. Every page is looked up by
its slug first and created only when missing; so are its translations.
"""

from django.conf import settings
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from site_app.blocks import html_paragraphs, link, paragraph
from site_app.demo_tools import (
    Refs,
    child_page,
    demo_document,
    demo_image,
    publish,
    read_data,
    stream,
    translate_page,
    translations,
)
from site_app.models import Pictogram, SiteSettings, Theme, Wijk

from .blocks import action, feedback, section
from .models import ContentPage, GlossaryPage, HomePage, PolicyNotePage, WijkIndexPage, WijkPage

NOTE_BLOCKS = {
    "section": lambda item, refs: section(
        item["title"],
        body=[paragraph(html_paragraphs(text)) for text in item["paragraphs"]],
        summary=item.get("summary", []),
        actions=[
            action(a["title"], html_paragraphs(a["what"]), a["who"], a["when"], a.get("budget", ""))
            for a in item.get("actions", [])
        ],
    ),
    "feedback": lambda item, refs: feedback(
        item["source"], item["signal"], html_paragraphs(item["response"]), item.get("outcome", "")
    ),
}


def _pictograms(locale: Locale) -> dict:
    """Shipped pictograms by name, in ``locale`` where translated."""
    source = {p.shipped_name: p for p in Pictogram.objects.filter(locale__language_code="nl")}
    return {name: p.get_translation_or_none(locale) or p for name, p in source.items()}


def load_home(data, locales) -> HomePage:
    """The home page as the default site's root (replacing Wagtail's welcome page)."""
    nl = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        text = data["home"][settings.LANGUAGE_CODE]
        home = publish(
            Page.get_first_root_node().add_child(
                instance=HomePage(slug=data["home"]["slug"], locale=nl, **text)
            )
        )
        site = Site.objects.get(is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
        if old_root.pk != home.pk and old_root.specific_class != HomePage:
            old_root.delete()
    for code, text in translations(data["home"]).items():
        translate_page(home, locales[code], **text)
    return home


def load_wijk_pages(data, locales, home) -> None:
    index_data = data["wijk_index"]
    index = child_page(
        home,
        WijkIndexPage,
        index_data["slug"],
        show_in_menus=index_data["in_menu"],
        **index_data[settings.LANGUAGE_CODE],
    )
    for code, text in translations(index_data).items():
        translate_page(index, locales[code], **text)
    intros = data["wijk_page"]["intro"]
    own = data["wijk_page"]["own"]
    wijken = Wijk.objects.filter(locale=locales[settings.LANGUAGE_CODE])
    for wijk in sorted(wijken, key=lambda wijk: wijk.name):
        fallback = {"intro": intros[settings.LANGUAGE_CODE].format(name=wijk.name)}
        page = child_page(
            index, WijkPage, wijk.slug, title=wijk.name, wijk=wijk, **own.get(wijk.slug, fallback)
        )
        for code, intro in translations(intros).items():
            translate_page(page, locales[code], intro=intro.format(name=wijk.name))


def load_content_pages(data, locales, home) -> dict[str, ContentPage]:
    nl = locales[settings.LANGUAGE_CODE]
    images = {key: demo_image(**image) for key, image in data["images"].items()}
    themes = {t.slug: t for t in Theme.objects.filter(locale=nl)}
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=nl)}
    pages = {}
    for item in data["content_page"]:
        page = Page.objects.child_of(home).filter(slug=item["slug"]).specific().first()
        if page is not None and not isinstance(page, ContentPage):
            # An app has replaced this placeholder with its own section (the advice register).
            pages[item["slug"]] = page
            continue
        if page is None:
            text = item[settings.LANGUAGE_CODE]
            refs = Refs(images=images, pictograms=_pictograms(nl))
            page = home.add_child(
                instance=ContentPage(
                    slug=item["slug"],
                    title=text["title"],
                    intro=text["intro"],
                    listing_summary=text.get("listing_summary", ""),
                    listing_image=images.get(item.get("listing_image")),
                    show_in_menus=item.get("in_menu", False),
                    body=stream(text["body"], refs),
                )
            )
            page.themes.set([themes[slug] for slug in item.get("themes", [])])
            page.wijken.set([wijken[slug] for slug in item.get("wijken", [])])
            publish(page)
        for code, text in translations(item).items():
            refs = Refs(images=images, pictograms=_pictograms(locales[code]))
            translate_page(
                page,
                locales[code],
                title=text["title"],
                intro=text["intro"],
                **(
                    {"listing_summary": text["listing_summary"]}
                    if "listing_summary" in text
                    else {}
                ),
                body=stream(text["body"], refs),
            )
        pages[item["slug"]] = page
    return pages


def load_footer(data, pages) -> None:
    """Footer links to pages, without a text of their own: each shows the page's title in the
    reader's language. Set on the contact block and on each of its translations."""
    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True)).contact
    if contact is None or contact.footer_links:
        return
    links = [link("", page=pages[item["page"]]) for item in data["footer_link"]]
    for row in [contact, *contact.get_translations()]:
        row.footer_links = links
        row.save()


def _pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a few lines of ASCII text (no PDF library needed)."""
    text = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) '")
    text.append("ET")
    stream_bytes = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length "
        + str(len(stream_bytes)).encode()
        + b" >>\nstream\n"
        + stream_bytes
        + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        output += f"{offset:010d} 00000 n \n".encode()
    output += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(output)


def _note_fields(text: dict, pictograms: dict) -> dict:
    refs = Refs(pictograms=pictograms)
    plain = text["plain"]
    return {
        "title": text["title"],
        "intro": text["intro"],
        "listing_summary": text["intro"],
        "department": text["department"],
        "body": stream(text["body"], refs, NOTE_BLOCKS),
        "feedback": stream(text["feedback"], refs, NOTE_BLOCKS),
        "plain_title": plain["title"],
        "plain_intro": plain["intro"],
        "plain_body": stream(plain["body"], refs),
    }


def load_policy_note(data, locales, home) -> None:
    """The glossary page and the policy note with its plain-language version."""
    nl = locales[settings.LANGUAGE_CODE]
    glossary_data = data["glossary_page"]
    glossary = child_page(
        home, GlossaryPage, glossary_data["slug"], **glossary_data[settings.LANGUAGE_CODE]
    )
    for code, text in translations(glossary_data).items():
        translate_page(glossary, locales[code], **text)

    note_data = data["note"]
    note = PolicyNotePage.objects.filter(locale=nl, slug=note_data["slug"]).first()
    if note is None:
        document_data = note_data["document"]
        document = get_document_model().objects.filter(title=document_data["title"]).first()
        document = document or demo_document(
            document_data["title"], document_data["filename"], _pdf(document_data["lines"])
        )
        note = home.add_child(
            instance=PolicyNotePage(
                slug=note_data["slug"],
                date_draft=note_data["date_draft"],
                date_commission=note_data["date_commission"],
                date_council=note_data["date_council"],
                document=document,
                **_note_fields(note_data[settings.LANGUAGE_CODE], _pictograms(nl)),
            )
        )
        note.themes.set(Theme.objects.filter(locale=nl, slug__in=note_data["themes"]))
        publish(note)
    for code, text in translations(note_data).items():
        translate_page(note, locales[code], **_note_fields(text, _pictograms(locales[code])))


@transaction.atomic
def load(stdout) -> None:
    pages_data = read_data(__file__, "pages")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = load_home(pages_data, locales)
    load_wijk_pages(pages_data, locales, home)
    content_pages = load_content_pages(pages_data, locales, home)
    load_footer(pages_data, content_pages)
    load_policy_note(read_data(__file__, "policy_note"), locales, home)
    stdout.write(f"Pages: {Page.objects.count() - 1} pages in {len(locales)} languages.")
