"""The public forms of a citizens' proposal: the proposal itself and a supporter's support.

Both are :class:`site_app.public_forms.ProtectedForm` (honeypot, signed fill time); names and
e-mail addresses are single-line, so nothing a person types can reach a mail header.
"""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from site_app import taxonomy
from site_app.models import Theme, Wijk
from site_app.public_forms import ProtectedForm, no_control_characters, single_line

from ..models.proposals import GHENT_POSTCODES, MINIMUM_AGE

TEXT_MAX_LENGTH = 4000
DECISION_MAX_LENGTH = 2000
DRAFT = "opslaan"

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ./-]{5,24}$",
    _("Geef een telefoonnummer met alleen cijfers, spaties, punten of streepjes."),
)


def ghent_postcode(value: str) -> None:
    if not (len(value) == 4 and value.isdigit()):
        raise forms.ValidationError(_("Een postcode heeft vier cijfers, zoals 9000."))
    if value not in GHENT_POSTCODES:
        raise forms.ValidationError(
            _("Dit is geen postcode in Gent. Alleen inwoners van Gent kunnen dit doen.")
        )


def _postcode_field():
    return forms.CharField(
        label=_("Postcode"),
        max_length=4,
        min_length=4,
        help_text=_("Van je adres in Gent, bijvoorbeeld 9000 of 9040."),
        validators=[ghent_postcode],
        error_messages={
            "required": _("Vul je postcode in."),
            "max_length": _("Een postcode heeft vier cijfers, zoals 9000."),
            "min_length": _("Een postcode heeft vier cijfers, zoals 9000."),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": 4}
        ),
    )


def _email_field():
    return forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("We sturen je een link om te bevestigen. Je adres komt nooit online."),
        validators=[single_line],
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Geef een e-mailadres zoals naam@voorbeeld.be."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


TOO_LONG = _("Dit is te lang: hoogstens %(limit_value)d tekens, nu %(show_value)d.")


def _long_text_field(label, help_text, max_length: int, rows: int):
    """An optional free-text answer: no control characters, a length limit that says how far
    over it the text is (the text stays in the field)."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        help_text=help_text,
        validators=[no_control_characters],
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ProposalTextForm(ProtectedForm):
    """What the proposal says (also the form a draft is finished with)."""

    timestamp_salt = "gemeenteraad.proposal.rendered-at"

    title = forms.CharField(
        label=_("Titel van je voorstel"),
        max_length=140,
        help_text=_("Kort en duidelijk, bijvoorbeeld 'Meer bomen op het Sint-Pietersplein'."),
        validators=[no_control_characters, single_line],
        error_messages={
            "required": _("Geef je voorstel een titel."),
            "max_length": TOO_LONG,
        },
    )
    question = _long_text_field(
        _("Je vraag of voorstel"),
        _("Wat wil je vragen of voorstellen? Hoogstens 4000 tekens."),
        TEXT_MAX_LENGTH,
        rows=8,
    )
    reasons = _long_text_field(
        _("Waarom is dit belangrijk?"),
        _("Voor wie? Wat loopt er nu mis? Hoogstens 4000 tekens."),
        TEXT_MAX_LENGTH,
        rows=6,
    )
    decision_asked = _long_text_field(
        _("Wat moet de gemeenteraad beslissen?"),
        _("Eén of twee zinnen, bijvoorbeeld 'De raad vraagt de stad om …'."),
        DECISION_MAX_LENGTH,
        rows=3,
    )
    themes = forms.MultipleChoiceField(
        label=_("Thema's"),
        required=False,
        help_text=_("Kies er een of meer, of geen."),
        error_messages={"invalid_choice": _("Kies thema's uit de lijst.")},
        widget=forms.CheckboxSelectMultiple,
    )
    wijken = forms.MultipleChoiceField(
        label=_("Over welke wijken gaat het?"),
        required=False,
        help_text=_("Gaat het over heel Gent? Kies dan niets."),
        error_messages={"invalid_choice": _("Kies wijken uit de lijst.")},
        widget=forms.CheckboxSelectMultiple,
    )
    wants_chair_advice = forms.TypedChoiceField(
        label=_("Wil je eerst advies van de voorzitter van de gemeenteraad?"),
        choices=[("ja", _("Ja, eerst advies")), ("nee", _("Nee, meteen steun verzamelen"))],
        coerce=lambda value: value == "ja",
        help_text=_(
            "De voorzitter zegt dan of de raad erover kan beslissen en hoe je het best "
            "schrijft. Dat advies is niet bindend."
        ),
        error_messages={
            "required": _("Kies of je eerst advies wil."),
            "invalid_choice": _("Kies ja of nee."),
        },
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.fields["themes"].choices = [(t.slug, t.name) for t in taxonomy.all_terms(Theme)]
        self.fields["wijken"].choices = [(w.slug, w.name) for w in taxonomy.all_terms(Wijk)]
        if draft:
            self.fields["wants_chair_advice"].required = False

    def clean(self):
        cleaned = super().clean()
        if not self.draft:
            for name, message in (
                ("question", _("Schrijf je vraag of voorstel.")),
                ("reasons", _("Schrijf waarom dit belangrijk is.")),
                ("decision_asked", _("Schrijf wat de gemeenteraad moet beslissen.")),
            ):
                if name not in self.errors and not cleaned.get(name, "").strip():
                    self.add_error(name, message)
        return cleaned


class ProposalForm(ProposalTextForm):
    """The whole form: who you are, the proposal, advice first or not, consent."""

    name = forms.CharField(
        label=_("Je naam"),
        max_length=120,
        help_text=_("Voornaam en naam. Je naam komt nooit op de website."),
        validators=[no_control_characters, single_line],
        error_messages={"required": _("Vul je naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = _email_field()
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Als we je liever even bellen. Bijvoorbeeld 09 210 10 10."),
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    postcode = _postcode_field()
    is_16_or_older = forms.BooleanField(
        label=_("Ik ben 16 jaar of ouder."),
        error_messages={"required": _("Vink aan dat je 16 jaar of ouder bent.")},
    )
    consent = forms.BooleanField(
        label=_("Ik heb de privacyverklaring gelezen en ga akkoord."),
        error_messages={
            "required": _("Vink aan dat je akkoord gaat, anders kunnen we niet verder.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(
            [
                "name",
                "email",
                "phone",
                "postcode",
                "is_16_or_older",
                "title",
                "question",
                "reasons",
                "decision_asked",
                "themes",
                "wijken",
                "wants_chair_advice",
                "consent",
            ]
        )
        self.order_protection_last()


def birth_date_field():
    return forms.DateField(
        label=_("Geboortedatum"),
        input_formats=["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"],
        help_text=_("Dag-maand-jaar, bijvoorbeeld 17-03-1984."),
        error_messages={
            "required": _("Vul je geboortedatum in."),
            "invalid": _("Schrijf je geboortedatum als dag-maand-jaar, bijvoorbeeld 17-03-1984."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "bday", "inputmode": "numeric"}),
    )


class SupportForm(ProtectedForm):
    """An inhabitant supports a proposal."""

    timestamp_salt = "gemeenteraad.support.rendered-at"

    family_name = forms.CharField(
        label=_("Naam"),
        max_length=120,
        validators=[no_control_characters, single_line],
        error_messages={"required": _("Vul je naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    given_names = forms.CharField(
        label=_("Voornamen"),
        max_length=120,
        help_text=_("Zoals op je identiteitskaart."),
        validators=[no_control_characters, single_line],
        error_messages={"required": _("Vul je voornamen in.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    birth_date = birth_date_field()
    postcode = _postcode_field()
    email = _email_field()
    consent = forms.BooleanField(
        label=_("Ik steun dit voorstel en ga akkoord met de privacyverklaring."),
        error_messages={"required": _("Vink aan dat je dit voorstel steunt.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_protection_last()

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = datetime.date.today()
        if born > today:
            raise forms.ValidationError(_("Deze geboortedatum ligt in de toekomst."))
        if born.year < 1900:
            raise forms.ValidationError(
                _("Kijk je geboortedatum na: het jaar lijkt niet te kloppen.")
            )
        sixteenth = _birthday(born, MINIMUM_AGE)
        if sixteenth > today:
            raise forms.ValidationError(
                _("Je moet 16 jaar of ouder zijn om een voorstel te steunen.")
            )
        return born


def _birthday(born: datetime.date, years: int) -> datetime.date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)
