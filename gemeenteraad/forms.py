"""The filters of the meeting index: body, theme, wijk and year. Only what exists is valid."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MeetingFilterForm(forms.Form):
    orgaan = forms.ChoiceField(label=_("Raad of commissie"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    jaar = forms.ChoiceField(label=_("Jaar"), required=False)

    error_messages = {
        "orgaan": _("We kennen deze raad of commissie niet. We tonen alle vergaderingen."),
        "thema": _("We kennen dit thema niet. We tonen de vergaderingen over alle thema's."),
        "wijk": _("We kennen deze wijk niet. We tonen de vergaderingen over alle wijken."),
        "jaar": _("Voor dit jaar hebben we geen vergaderingen. We tonen alle jaren."),
    }

    def __init__(self, data, *, bodies, themes, wijken, years):
        super().__init__(data)
        everything = {
            "orgaan": _("Alle raden en commissies"),
            "thema": _("Alle thema's"),
            "wijk": _("Alle wijken"),
            "jaar": _("Alle jaren"),
        }
        options = {
            "orgaan": {body.slug: body for body in bodies},
            "thema": {theme.slug: theme for theme in themes},
            "wijk": {wijk.slug: wijk for wijk in wijken},
            "jaar": {str(year): year for year in years},
        }
        for name, items in options.items():
            self.fields[name].choices = [("", everything[name])] + [
                (value, getattr(item, "name", item)) for value, item in items.items()
            ]
            self.fields[name].error_messages["invalid_choice"] = self.error_messages[name]
        self.items = options

    def selected(self) -> dict:
        """The valid filters as objects (a year as an int); invalid ones are errors."""
        self.is_valid()
        values = {}
        for name in self.fields:
            value = self.cleaned_data.get(name) if name not in self.errors else None
            if value:
                values[name] = self.items[name][value]
        return values

    def query(self) -> dict:
        """The valid filters as URL parameters."""
        return {
            name: (str(item) if name == "jaar" else item.slug)
            for name, item in self.selected().items()
        }
