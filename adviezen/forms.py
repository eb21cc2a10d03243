"""The admin form of an advice, and the register's filters.

:class:`AdvicePageForm` guards the city's response: the fields are only in the form for users
with the ``respond_to_advice`` permission (panel permissions), and for everyone else the form
puts back the response as it is published, so neither posting the fields anyway nor reverting
to an older revision changes it. It also checks the timeline the page would get, so publishing
never fails on it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from site_app import timeline

from .history import (
    DEFAULT_RESPONSE_DAYS,
    RESPOND,
    RESPONSE_FIELDS,
    TIMELINE_FIELDS,
    AdviceKind,
    Phase,
    cleared_milestones,
    timeline_changes,
)

_FIELD_OF_MILESTONE = {
    "request": "requested_on",
    "preparation": "preparation_started_on",
    "delivery": "delivered_on",
    "response": "response_on",
}


class AdvicePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.can_respond = for_user is None or for_user.has_perm(RESPOND)
        if not self.can_respond:
            self._keep_published_response()

    def _keep_published_response(self):
        """Put the response back as it is stored (blank for a new page)."""
        instance = self.instance
        stored = None
        if instance.pk:
            stored = type(instance).objects.filter(pk=instance.pk).values(*RESPONSE_FIELDS).first()
        for name in RESPONSE_FIELDS:
            field = instance._meta.get_field(name)
            setattr(instance, name, stored[name] if stored else field.get_default())

    def _value(self, name):
        if name in self.fields:
            return self.cleaned_data.get(name)
        return getattr(self.instance, name)

    def clean(self):
        cleaned = super().clean()
        values = {name: self._value(name) for name in TIMELINE_FIELDS}
        if (
            values["outcome"] == timeline.Status.NOT_FOLLOWED
            and not (values["outcome_reason"] or "").strip()
        ):
            self._error("outcome_reason", _("Leg uit waarom de stad het advies niet overneemt."))
        if bool(values["response_on"]) != bool(values["outcome"]) and self.can_respond:
            missing = "outcome" if values["response_on"] else "response_on"
            self._error(
                missing,
                _(
                    "Een antwoord heeft een datum én een resultaat. Vul ze allebei in, of "
                    "geen van beide."
                ),
            )
        if values["kind"] == AdviceKind.OWN_INITIATIVE and (
            values["requested_on"] or values["requested_by"]
        ):
            self._error(
                "kind",
                _(
                    "Een advies op eigen initiatief heeft geen vraag. Kies 'gevraagd' of wis "
                    "de vraag."
                ),
            )
        if not self.errors:
            self._check_timeline(values)
        return cleaned

    def _error(self, name, message):
        self.add_error(name if name in self.fields else None, message)

    def _check_timeline(self, values):
        from .models import AdviceIndexPage, AdvisoryCouncilPage

        page = self.instance
        parent = getattr(self, "parent_page", None) or (page.get_parent() if page.pk else None)
        if parent is None:
            return
        council = AdvisoryCouncilPage.objects.filter(pk=parent.pk).first()
        register = AdviceIndexPage.objects.ancestor_of(parent, inclusive=True).first()
        council_name = council.title if council else ""
        days = register.response_days if register else DEFAULT_RESPONSE_DAYS
        rows = list(page.timeline_rows()) if page.pk else []
        for name in cleared_milestones(rows, values, council_name, days):
            if name == "response" and not self.can_respond:
                continue
            self._error(
                _FIELD_OF_MILESTONE[name],
                _(
                    "Deze stap staat al op de publieke tijdlijn. Je kan ze niet wissen, wel "
                    "verbeteren met de juiste datum."
                ),
            )
        changes = timeline_changes(rows, values, council_name, days)
        replaced = [corrects for _fields, corrects in changes if corrects is not None]
        kept = [
            row for row in timeline.Timeline(rows, timeline.ADVICE).steps if row not in replaced
        ]
        planned = [_Planned(**fields) for fields, _corrects in changes]
        try:
            timeline.ADVICE.check_sequence(
                timeline.Timeline([*kept, *planned], timeline.ADVICE).steps
            )
        except ValidationError as error:
            self.add_error(None, error)


class _Planned:
    """A step the form would add (duck-typed like a row, for the flow's checks)."""

    pk = None
    corrects_id = None
    recorded_at = None

    def __init__(self, **fields):
        self.__dict__.update(fields)


class RegisterFilterForm(forms.Form):
    """The register's filters (GET). Choices are what exists; anything else is an error."""

    raad = forms.ChoiceField(label=_("Adviesraad"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    resultaat = forms.ChoiceField(label=_("Wat deed de stad?"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    jaar = forms.ChoiceField(label=_("Jaar"), required=False)

    unknown = {
        "raad": _("We kennen deze adviesraad niet. We tonen de adviezen van alle raden."),
        "status": _("We kennen deze status niet. We tonen de adviezen met elke status."),
        "resultaat": _("We kennen dit resultaat niet. We tonen alle adviezen."),
        "thema": _("We kennen dit thema niet. We tonen de adviezen over alle thema's."),
        "wijk": _("We kennen deze wijk niet. We tonen de adviezen uit alle wijken."),
        "jaar": _("Voor dit jaar hebben we geen adviezen. We tonen alle jaren."),
    }

    def __init__(self, data, *, councils, themes, wijken, years, council_field=True):
        super().__init__(data)
        everything = {
            "raad": _("Alle adviesraden"),
            "status": _("Elke status"),
            "resultaat": _("Alle resultaten"),
            "thema": _("Alle thema's"),
            "wijk": _("Alle wijken"),
            "jaar": _("Alle jaren"),
        }
        # (value in the URL, what it selects, its label)
        options = {
            "raad": [
                (shown.slug, council, shown.title)
                for council in councils
                for shown in [getattr(council, "localized_page", council)]
            ],
            "status": [(phase.value, phase, phase.label) for phase in Phase],
            "resultaat": [
                (value, timeline.Status(value), label) for value, label in timeline.OUTCOMES
            ],
            "thema": [(theme.slug, theme, theme.name) for theme in themes],
            "wijk": [(wijk.slug, wijk, wijk.name) for wijk in wijken],
            "jaar": [(str(year), year, str(year)) for year in years],
        }
        if not council_field:
            del self.fields["raad"]
            del options["raad"]
        self.items = {}
        for name, triples in options.items():
            field = self.fields[name]
            field.choices = [("", everything[name])] + [
                (value, label) for value, _item, label in triples
            ]
            field.error_messages["invalid_choice"] = self.unknown[name]
            self.items[name] = {value: item for value, item, _label in triples}

    def selected(self) -> dict:
        """The valid filters: objects for council, theme and wijk, values for the others."""
        self.is_valid()
        chosen = {}
        for name in self.fields:
            value = self.cleaned_data.get(name) if name not in self.errors else None
            if value:
                chosen[name] = self.items[name][value]
        return chosen

    def query(self) -> dict:
        """The valid filters as they appear in the URL."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }
