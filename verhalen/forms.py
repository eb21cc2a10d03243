"""Public forms: the story filters and 'Vertel je verhaal'.

The proposal form carries two spam checks that cost a human nothing: a honeypot field that
people do not see (and screen readers are told to leave empty), and a signed timestamp, so a
form sent back within seconds of being served is rejected. The per-IP rate limit lives in the
view, since it must run before anything is stored.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from site_app import taxonomy
from site_app.models import Wijk

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
MESSAGE_MAX_LENGTH = 2000
_TIMESTAMP_SALT = "verhalen.proposal.rendered-at"

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ./-]{5,24}$",
    _("Geef een telefoonnummer met alleen cijfers, spaties, punten of streepjes."),
)


def _no_control_characters(value: str) -> None:
    if any(ord(char) < 32 and char not in "\r\n\t" for char in value):
        raise forms.ValidationError(_("Deze tekst bevat een teken dat niet kan."))


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


class StoryProposalForm(forms.Form):
    name = forms.CharField(
        label=_("Je naam of bijnaam"),
        max_length=100,
        help_text=_("Zo spreken we je aan. Je naam komt nooit op de website zonder je akkoord."),
        validators=[_no_control_characters],
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
        validators=[_no_control_characters],
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
    # Honeypot: hidden from view and from the keyboard; people leave it empty.
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    rendered_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("Weet ik niet"))] + [
            (wijk.slug, wijk.name) for wijk in taxonomy.all_terms(Wijk)
        ]
        if not self.is_bound:
            self.initial["rendered_at"] = self.signed_timestamp()

    @staticmethod
    def signed_timestamp() -> str:
        return signing.dumps(time.time(), salt=_TIMESTAMP_SALT)

    def refresh_timestamp(self) -> None:
        """Give a re-rendered form a new timestamp, so the person can send it again."""
        data = self.data.copy()
        data["rendered_at"] = self.signed_timestamp()
        self.data = data

    @property
    def visible_fields_without_traps(self):
        return [field for field in self.visible_fields() if field.name != "website"]

    def is_spam(self) -> str | None:
        """Why this submission looks automated ('honeypot', 'too-fast'), or None."""
        if self.data.get("website"):
            return "honeypot"
        try:
            rendered_at = signing.loads(
                self.data.get("rendered_at", ""), salt=_TIMESTAMP_SALT, max_age=MAX_FORM_AGE_SECONDS
            )
        except signing.BadSignature:
            return "expired"
        if time.time() - float(rendered_at) < MIN_FILL_SECONDS:
            return "too-fast"
        return None

    def submission_key(self) -> str:
        """Identifies one served form, so sending it twice stores one proposal."""
        return hashlib.sha256(self.data.get("rendered_at", "").encode()).hexdigest()

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
