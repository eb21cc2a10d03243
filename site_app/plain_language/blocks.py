"""The easy-read blocks of a plain-language version: one short idea per line, a pictogram at
the start of the line, short sentences."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from site_app.blocks import SHORT_TEXT_FEATURES, HeadingBlock, PictogramParagraphBlock, SummaryBlock


class EasyReadPictogramBlock(PictogramParagraphBlock):
    """The shared pictogram line, held to the easy-read sentence limit."""

    text = blocks.RichTextBlock(
        label=_("tekst"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("Eén korte zin, één idee. Hoogstens 15 woorden."),
    )

    class Meta:
        template = "plain_language/blocks/easy_read_line.html"
        max_words = 15


class EasyReadTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", SHORT_TEXT_FEATURES)
        kwargs.setdefault("help_text", _("Korte zinnen: gemiddeld 10 woorden, nooit meer dan 15."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Korte tekst")
        template = "plain_language/blocks/easy_read_text.html"
        preview_value = "<p>De stad luistert naar jou.</p><p>Jij zegt wat je wil.</p>"
        description = _("Korte zinnen. Zet elke zin op een eigen regel.")


class EasyReadStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    pictogram_paragraph = EasyReadPictogramBlock()
    paragraph = EasyReadTextBlock()
    summary = SummaryBlock()
