"""Public forms: the story filters and 'Vertel je verhaal'.

The proposal form is a :class:`site_app.public_forms.ProtectedForm` (honeypot and signed
timestamp); the view checks the shared rate limit before anything is stored.
"""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from site_app import taxonomy
from site_app.models import Wijk
from site_app.public_forms import ProtectedForm, no_control_characters, single_line

MESSAGE_MAX_LENGTH = 2000

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ./-]{5,24}$",
    _("Geef een telefoonnummer met alleen cijfers, spaties, punten of streepjes."),
)


class StoryFilterForm(forms.Form):
    """The filters of the story index. Choices are what exists; anything else is invalid."""

    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    reeks = forms.ChoiceField(label=_("Reeks"), required=False)
    verteller = forms.ChoiceField(label=_("Verteller"), required=False)

    error_messages = {
        "wijk": _("We kennen deze wijk niet. We tonen de verhalen uit alle wijken."),
        "thema": _("We kennen dit thema niet. We tonen de verhalen over alle thema's."),
        "reeks": _("We kennen deze reeks niet. We tonen de verhalen uit alle reeksen."),
        "verteller": _("We kennen deze verteller niet. We tonen de verhalen van iedereen."),
    }

    def __init__(self, data, *, wijken, themes, series, raconteurs):
        super().__init__(data)
        options = {"wijk": wijken, "thema": themes, "reeks": series, "verteller": raconteurs}
        everything = {
            "wijk": _("Alle wijken"),
            "thema": _("Alle thema's"),
            "reeks": _("Alle reeksen"),
            "verteller": _("Alle vertellers"),
        }
        for name, items in options.items():
            self.fields[name].choices = [("", everything[name])] + [
                (item.slug, getattr(item, "name", None) or item.title) for item in items
            ]
            self.fields[name].error_messages["invalid_choice"] = self.error_messages[name]
        self.items = {name: {item.slug: item for item in items} for name, items in options.items()}

    def selected(self) -> dict:
        """The valid filters as objects; invalid ones are left out (and reported as errors)."""
        self.is_valid()
        values = {}
        for name in self.fields:
            slug = self.cleaned_data.get(name) if name not in self.errors else None
            if slug:
                values[name] = self.items[name][slug]
        return values


class StoryProposalForm(ProtectedForm):
    timestamp_salt = "verhalen.proposal.rendered-at"

    name = forms.CharField(
        label=_("Je naam of bijnaam"),
        max_length=100,
        help_text=_("Zo spreken we je aan. Je naam komt nooit op de website zonder je akkoord."),
        validators=[no_control_characters, single_line],
        error_messages={"required": _("Vul je naam of een bijnaam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Geef een e-mailadres of een telefoonnummer, of allebei."),
        error_messages={"invalid": _("Geef een e-mailadres zoals naam@voorbeeld.be.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bijvoorbeeld 09 210 10 10 of +32 470 12 34 56."),
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    wijk = forms.ChoiceField(
        label=_("Over welke wijk gaat het?"),
        required=False,
        help_text=_("Kies 'Weet ik niet' als je het niet zeker weet."),
        error_messages={"invalid_choice": _("Kies een wijk uit de lijst.")},
    )
    message = forms.CharField(
        label=_("Je voorstel"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_(
            "Over wie of wat gaat het verhaal? Waarom is het de moeite? "
            "Een paar zinnen is genoeg (hoogstens 2000 tekens)."
        ),
        validators=[no_control_characters],
        error_messages={
            "required": _("Schrijf in een paar zinnen wat je voorstelt."),
            "max_length": _(
                "Je voorstel is te lang: hoogstens %(limit_value)d tekens, nu %(show_value)d."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef de stad toestemming om mijn gegevens te bewaren en mij te contacteren over "
            "dit voorstel."
        ),
        help_text=_(
            "We gebruiken je gegevens alleen hiervoor. We wissen ze uiterlijk na een jaar. "
            "Je kan altijd vragen om ze eerder te wissen."
        ),
        error_messages={
            "required": _("Vink aan dat je akkoord gaat, anders kunnen we niet verder.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("Weet ik niet"))] + [
            (wijk.slug, wijk.name) for wijk in taxonomy.all_terms(Wijk)
        ]
        self.order_protection_last()

    def clean(self):
        cleaned = super().clean()
        no_contact = not cleaned.get("email") and not cleaned.get("phone")
        if no_contact and "email" not in self.errors and "phone" not in self.errors:
            self.add_error(
                "email",
                _("Geef een e-mailadres of een telefoonnummer, zodat we je kunnen bereiken."),
            )
        return cleaned

    def wijk_object(self):
        """The chosen wijk's source-language row (content always links to those)."""
        slug = self.cleaned_data.get("wijk")
        if not slug:
            return None
        return Wijk.objects.filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE).first()
