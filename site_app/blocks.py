"""The shared StreamField block library.

Every page type builds its body from :class:`BaseStreamBlock` (or extends it), so editors meet
the same blocks everywhere and templates render them with the same components.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .pictogram_chooser import PictogramChooserBlock

# Rich text is limited on purpose: no inline images, no raw HTML, no underline (reads as a link).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
SHORT_TEXT_FEATURES = ["bold", "link"]


def require_exactly_one(value, first: str, second: str, message) -> None:
    """StructBlock validation: exactly one of two children is filled in (error on ``second``)."""
    if bool(value.get(first)) == bool(value.get(second)):
        raise blocks.StructBlockValidationError(block_errors={second: ValidationError(message)})


PAGE_OR_URL_MESSAGE = _("Kies een pagina óf geef een webadres, niet allebei.")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to a web address (footer and social links)."""

    label = blocks.CharBlock(
        label=_("tekst"),
        max_length=60,
        required=False,
        help_text=_(
            "Leeg bij een pagina: dan toont de link de titel van de pagina in de taal van de lezer."
        ),
    )
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("of webadres"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        preview_value = {"label": "Stad Gent", "url": "https://stad.gent/"}
        description = _("Een link naar een pagina van de site of naar een webadres.")

    def clean(self, value):
        value = super().clean(value)
        require_exactly_one(value, "page", "url", PAGE_OR_URL_MESSAGE)
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("Geef een tekst voor een webadres."))}
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("tekst"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        help_text=_("Begin met Kop 2; sla geen niveau over."),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "components/blocks/heading_block.html"
        preview_value = {"text": "Wat verandert er in jouw wijk?", "level": "h2"}
        description = _("Een tussenkop die de tekst in stukken deelt.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Tekst")
        template = "components/blocks/paragraph_block.html"
        preview_value = (
            "<p>De stad wil beter luisteren naar wat er leeft in de wijken. "
            "Daarom komen we vaker langs.</p>"
        )
        description = _("Gewone tekst met vet, links en lijstjes. Schrijf korte zinnen.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("beeld"))
    caption = blocks.CharBlock(label=_("onderschrift"), max_length=250, required=False)
    credit = blocks.CharBlock(label=_("fotograaf of bron"), max_length=120, required=False)

    class Meta:
        icon = "image"
        label = _("Beeld")
        template = "components/blocks/image_block.html"
        description = _("Een foto of illustratie met alt-tekst (of gemarkeerd als decoratief).")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citaat"), max_length=500)
    attribution = blocks.CharBlock(label=_("wie zegt het"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "components/blocks/quote_block.html"
        preview_value = {
            "quote": "Sinds er een bank onder de boom staat, praten de buren weer met elkaar.",
            "attribution": "Fatma, bewoner van de Bloemekenswijk",
        }
        description = _("Wat iemand zei, met naam of omschrijving.")


class PictogramParagraphBlock(blocks.StructBlock):
    """One short idea beside a pictogram at the start of the line (easy-read layout)."""

    pictogram = PictogramChooserBlock(
        label=_("pictogram"), help_text=_("Zoek op een woord, bijvoorbeeld: geld of stemmen.")
    )
    text = blocks.RichTextBlock(
        label=_("tekst"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("Eén korte zin, één idee. Hoogstens 20 woorden."),
    )
    decorative = blocks.BooleanBlock(
        label=_("pictogram is decoratief"),
        required=False,
        help_text=_("Aanvinken als de tekst alles al zegt; dan leest een schermlezer het niet."),
    )

    class Meta:
        icon = "image"
        label = _("Pictogram met tekst")
        template = "components/blocks/pictogram_paragraph_block.html"
        description = _("Een pictogram vooraan de regel met één kort idee ernaast.")
        # The readability panel warns about a line with more words than this.
        max_words = 20


class SummaryBlock(blocks.StructBlock):
    """'Samengevat': the few points a reader must remember."""

    heading = blocks.CharBlock(label=_("kop"), max_length=80, default=_("Samengevat"))
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("punten"), min_num=1, max_num=7
    )

    class Meta:
        icon = "list-ul"
        label = _("Samengevat")
        template = "components/blocks/summary_block.html"
        preview_value = {
            "heading": "Samengevat",
            "points": ["Elke wijk krijgt een eigen pagina.", "Je ziet wie je kan aanspreken."],
        }
        description = _("De belangrijkste punten in een kader, als korte lijst.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titel"), max_length=100)
    text = blocks.TextBlock(label=_("tekst"), max_length=300, required=False)
    link_label = blocks.CharBlock(label=_("tekst op de knop"), max_length=60)
    page = blocks.PageChooserBlock(label=_("pagina"), required=False)
    url = blocks.URLBlock(label=_("of webadres"), required=False)

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = "components/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Praat mee over je buurt",
            "text": "Kom naar het wijkoverleg en zeg wat jij belangrijk vindt.",
            "link_label": "Bekijk de data",
            "url": "https://stad.gent/",
        }
        description = _("Een opvallend kader met één knop naar een pagina of webadres.")

    def clean(self, value):
        value = super().clean(value)
        require_exactly_one(value, "page", "url", PAGE_OR_URL_MESSAGE)
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("titel"), max_length=120, required=False, help_text=_("Laat leeg voor de titel.")
    )
    description = blocks.CharBlock(label=_("korte uitleg"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "components/blocks/document_link_block.html"
        description = _("Een link naar een document, met bestandstype en grootte erbij.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    pictogram_paragraph = PictogramParagraphBlock()
    summary = SummaryBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()


# --- StreamField JSON for these blocks -------------------------------------------------------
# One builder per block, returning a stream item ``{"type": ..., "value": ...}``: the demo
# loaders and the tests build bodies with them, so a block's shape is written down once.
# Rich text arguments are HTML; :func:`html_paragraphs` makes it from plain sentences.


def _pk(obj):
    return getattr(obj, "pk", obj)


def html_paragraphs(*paragraphs: str) -> str:
    """One ``<p>`` per argument."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def image_value(image, alt_text: str = "", decorative: bool = False) -> dict:
    """The value of an ``ImageBlock``: an image with its alt text, or marked decorative."""
    return {"image": _pk(image), "decorative": decorative, "alt_text": alt_text}


def image(image, alt_text: str, caption: str = "", credit: str = "") -> dict:
    return {
        "type": "image",
        "value": {"image": image_value(image, alt_text), "caption": caption, "credit": credit},
    }


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def pictogram_paragraph(pictogram, html: str, decorative: bool = False) -> dict:
    return {
        "type": "pictogram_paragraph",
        "value": {"pictogram": _pk(pictogram), "text": html, "decorative": decorative},
    }


def summary(points, heading_text: str = "Samengevat") -> dict:
    return {"type": "summary", "value": {"heading": heading_text, "points": list(points)}}


def call_to_action(title: str, link_label: str, text: str = "", page=None, url: str = "") -> dict:
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "link_label": link_label,
            "page": _pk(page),
            "url": url,
        },
    }


def document(document, title: str = "", description: str = "") -> dict:
    return {
        "type": "document",
        "value": {"document": _pk(document), "title": title, "description": description},
    }


def link(label: str, page=None, url: str = "") -> dict:
    return {"type": "link", "value": {"label": label, "page": _pk(page), "url": url}}
