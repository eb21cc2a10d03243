"""Blocks of the policy note (beleidsnota): numbered sections with actions and the feedback
section. The easy-read blocks of its plain-language version are in
:mod:`site_app.plain_language.blocks`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from site_app.blocks import (
    RICH_TEXT_FEATURES,
    SHORT_TEXT_FEATURES,
    CaptionedImageBlock,
    DocumentLinkBlock,
    ParagraphBlock,
    PictogramParagraphBlock,
    QuoteBlock,
)
from site_app.timeline import OUTCOMES, Status, label


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


class OutcomeChoiceBlock(blocks.ChoiceBlock):
    """What the city did, in the status vocabulary of :mod:`site_app.timeline`.

    Feedback written before that vocabulary stored ``followed``, ``partly``, ``not`` and
    ``passed``; those values are read as their new names, and saved as those.
    """

    LEGACY = {
        "followed": Status.FOLLOWED.value,
        "partly": Status.PARTLY_FOLLOWED.value,
        "not": Status.NOT_FOLLOWED.value,
        "passed": Status.PASSED_ON.value,
    }

    def to_python(self, value):
        return super().to_python(self.LEGACY.get(value, value))

    def clean(self, value):
        return super().clean(self.LEGACY.get(value, value))


class FeedbackBlock(blocks.StructBlock):
    """'What you told us and what we did with it': one signal and the city's response.

    The outcome speaks the register's vocabulary; ``page`` links the advice in the register
    that this signal came from.
    """

    source = blocks.CharBlock(
        label=_("van wie"), max_length=140, help_text=_("Bijv. de Jeugdraad, of: bewoners.")
    )
    signal = blocks.TextBlock(label=_("wat we hoorden"), max_length=600)
    response = blocks.RichTextBlock(label=_("wat we ermee deden"), features=SHORT_TEXT_FEATURES)
    outcome = OutcomeChoiceBlock(label=_("resultaat"), required=False, choices=OUTCOMES)
    page = blocks.PageChooserBlock(
        label=_("advies"),
        required=False,
        page_type="adviezen.AdvicePage",
        help_text=_("Optioneel: het advies in het register waar dit signaal vandaan komt."),
    )

    class Meta:
        icon = "comment"
        label = _("Reactie en antwoord")
        template = "components/blocks/policy_feedback_block.html"
        preview_value = {
            "source": "Jeugdraad",
            "signal": "Jongeren willen zelf mee beslissen over het wijkbudget.",
            "response": "<p>Jongeren vanaf 16 jaar mogen mee stemmen.</p>",
            "outcome": Status.FOLLOWED.value,
        }
        description = _("Wat iemand over de nota zei en wat de stad ermee deed.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        outcome = value.get("outcome") if value else ""
        context["outcome_label"] = label(outcome) if outcome else ""
        return context


# --- StreamField JSON for these blocks (see site_app.blocks) ---------------------------------


def action(title: str, what_html: str, who: str, when: str, budget: str = "") -> dict:
    """The value of an :class:`ActionBlock`."""
    return {"title": title, "what": what_html, "who": who, "when": when, "budget": budget}


def section(title: str, body=(), summary=(), actions=()) -> dict:
    """A numbered section: ``body`` is a list of stream items (paragraphs, images, ...),
    ``actions`` a list of :func:`action` values."""
    return {
        "type": "section",
        "value": {
            "title": title,
            "summary": list(summary),
            "body": list(body),
            "actions": list(actions),
        },
    }


def feedback(source: str, signal: str, response_html: str, outcome: str = "", page=None) -> dict:
    return {
        "type": "feedback",
        "value": {
            "source": source,
            "signal": signal,
            "response": response_html,
            "outcome": outcome,
            "page": getattr(page, "pk", page),
        },
    }
