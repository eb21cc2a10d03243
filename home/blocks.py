"""Blocks of the policy note (beleidsnota): numbered sections with actions, the feedback
section, and the easy-read blocks of its plain-language version."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from site_app.blocks import (
    RICH_TEXT_FEATURES,
    SHORT_TEXT_FEATURES,
    CaptionedImageBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ParagraphBlock,
    PictogramParagraphBlock,
    QuoteBlock,
    SummaryBlock,
)


class ActionBlock(blocks.StructBlock):
    """One action the note commits to: what, who, when and with what budget."""

    title = blocks.CharBlock(label=_("titel"), max_length=140)
    what = blocks.RichTextBlock(
        label=_("wat"), features=RICH_TEXT_FEATURES, help_text=_("Wat gaan we doen?")
    )
    who = blocks.CharBlock(
        label=_("wie"), max_length=200, help_text=_("Welke dienst of partner doet het?")
    )
    when = blocks.CharBlock(label=_("wanneer"), max_length=100, help_text=_("Bijv. 2021–2023."))
    budget = blocks.CharBlock(
        label=_("budget"),
        max_length=120,
        required=False,
        help_text=_("Bijv. € 500.000 per jaar, of: binnen het bestaande budget."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Actie")
        template = "components/blocks/policy_action_block.html"
        preview_value = {
            "title": "Een wijkbudget in elke wijk",
            "what": "<p>Bewoners beslissen samen over een deel van het geld.</p>",
            "who": "Dienst Beleidsparticipatie",
            "when": "2021–2025",
            "budget": "€ 1 miljoen per jaar",
        }
        description = _("Een actie uit de nota: wat, wie, wanneer en met welk budget.")


class SectionBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    pictogram_paragraph = PictogramParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = _("tekst")


class PolicySectionBlock(blocks.StructBlock):
    """A numbered section of the full text. The number comes from its place in the note."""

    title = blocks.CharBlock(label=_("titel"), max_length=140)
    summary = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("punt")),
        label=_("Samengevat"),
        default=[],
        max_num=5,
        help_text=_("Optioneel: de twee tot vijf punten die de lezer moet onthouden."),
    )
    body = SectionBodyBlock(label=_("tekst"))
    actions = blocks.ListBlock(ActionBlock(), label=_("acties"), default=[])

    class Meta:
        icon = "list-ol"
        label = _("Hoofdstuk")
        template = "components/blocks/policy_section_block.html"
        description = _("Een genummerd hoofdstuk met samenvatting, tekst en acties.")


class PolicyNoteBodyBlock(blocks.StreamBlock):
    section = PolicySectionBlock()


class FeedbackBlock(blocks.StructBlock):
    """'What you told us and what we did with it': one signal and the city's response.

    Once the advice tracker exists, ``page`` links the advice page this signal came from.
    """

    source = blocks.CharBlock(
        label=_("van wie"), max_length=140, help_text=_("Bijv. de Jeugdraad, of: bewoners.")
    )
    signal = blocks.TextBlock(label=_("wat we hoorden"), max_length=600)
    response = blocks.RichTextBlock(label=_("wat we ermee deden"), features=SHORT_TEXT_FEATURES)
    outcome = blocks.ChoiceBlock(
        label=_("resultaat"),
        required=False,
        choices=[
            ("followed", _("Overgenomen")),
            ("partly", _("Deels overgenomen")),
            ("not", _("Niet overgenomen")),
            ("passed", _("Doorgegeven aan de diensten")),
        ],
    )
    page = blocks.PageChooserBlock(
        label=_("advies of verslag"),
        required=False,
        help_text=_("Optioneel: de pagina van het advies of het verslag."),
    )

    class Meta:
        icon = "comment"
        label = _("Reactie en antwoord")
        template = "components/blocks/policy_feedback_block.html"
        preview_value = {
            "source": "Jeugdraad",
            "signal": "Jongeren willen zelf mee beslissen over het wijkbudget.",
            "response": "<p>Jongeren vanaf 16 jaar mogen mee stemmen.</p>",
            "outcome": "followed",
        }
        description = _("Wat iemand over de nota zei en wat de stad ermee deed.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        choices = dict(self.child_blocks["outcome"].field.choices)
        context["outcome_label"] = choices.get(value.get("outcome"), "") if value else ""
        return context


class EasyReadPictogramBlock(PictogramParagraphBlock):
    """The shared pictogram line, held to the easy-read sentence limit."""

    text = blocks.RichTextBlock(
        label=_("tekst"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("Eén korte zin, één idee. Hoogstens 15 woorden."),
    )

    class Meta:
        template = "components/blocks/easy_read_line.html"


class EasyReadTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", SHORT_TEXT_FEATURES)
        kwargs.setdefault("help_text", _("Korte zinnen: gemiddeld 10 woorden, nooit meer dan 15."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Korte tekst")
        template = "components/blocks/easy_read_text.html"
        preview_value = "<p>De stad luistert naar jou.</p><p>Jij zegt wat je wil.</p>"
        description = _("Korte zinnen. Zet elke zin op een eigen regel.")


class EasyReadStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    pictogram_paragraph = EasyReadPictogramBlock()
    paragraph = EasyReadTextBlock()
    summary = SummaryBlock()
