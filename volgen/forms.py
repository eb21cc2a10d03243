"""The subscription form: an address, what to follow and how often (no account)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from gemeenteraad.models import CouncilBody, localize_bodies
from site_app import localization, taxonomy
from site_app.models import Theme, Wijk
from site_app.public_forms import ProtectedForm, no_control_characters, single_line

from .models import Frequency


def council_pages():
    """Advisory councils in the active language, keyed by translation key."""
    from adviezen.models import AdvisoryCouncilPage

    pages = (
        AdvisoryCouncilPage.objects.live()
        .public()
        .filter(locale=localization.active_locale())
        .defer_streamfields()
        .order_by("title")
    )
    return {str(page.translation_key): page for page in pages}


class ChoicesForm(forms.Form):
    """What to follow; shared by the subscription form and the manage page."""

    themes = forms.MultipleChoiceField(
        label=_("Thema's"), required=False, widget=forms.CheckboxSelectMultiple
    )
    wijken = forms.MultipleChoiceField(
        label=_("Wijken"), required=False, widget=forms.CheckboxSelectMultiple
    )
    councils = forms.MultipleChoiceField(
        label=_("Adviesraden"), required=False, widget=forms.CheckboxSelectMultiple
    )
    bodies = forms.MultipleChoiceField(
        label=_("Gemeenteraad en commissies"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("Hoe vaak wil je een e-mail?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = {
            "themes": {t.slug: t for t in taxonomy.all_terms(Theme)},
            "wijken": {w.slug: w for w in taxonomy.all_terms(Wijk)},
            "councils": council_pages(),
            "bodies": {
                b.slug: b
                for b in localize_bodies(
                    CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
                )
            },
        }
        for name, terms in self.terms.items():
            self.fields[name].choices = [
                (key, getattr(term, "name", None) or term.title) for key, term in terms.items()
            ]

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in self.terms):
            raise forms.ValidationError(
                _("Kies minstens één thema, wijk, adviesraad of raad om te volgen.")
            )
        return cleaned

    def source_objects(self) -> dict[str, list]:
        """The chosen terms as the source-language rows subscriptions point at."""
        chosen = {}
        for name in ("themes", "wijken", "bodies"):
            terms = [self.terms[name][key] for key in self.cleaned_data.get(name, [])]
            model = type(terms[0]) if terms else None
            chosen[name] = (
                list(
                    model.objects.filter(
                        translation_key__in=[t.translation_key for t in terms],
                        locale__language_code=settings.LANGUAGE_CODE,
                    )
                )
                if model
                else []
            )
        from adviezen.models import AdvisoryCouncilPage

        keys = self.cleaned_data.get("councils", [])
        chosen["councils"] = list(
            AdvisoryCouncilPage.objects.filter(
                translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE
            )
        )
        return chosen


class SubscriptionForm(ProtectedForm, ChoicesForm):
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        validators=[single_line, no_control_characters],
        help_text=_("We sturen eerst een e-mail om je adres te bevestigen."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "themes", "wijken", "councils", "bodies", "frequency"])
        self.order_protection_last()

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
