"""Admin for the council: bodies, people, parties and mandates, grouped under 'Gemeenteraad'."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from site_app import timeline

from .models import CouncilBody, Mandate, Party, Person, Role
from .proposals import views as proposal_views
from .proposals.admin import ProposalsViewSetGroup, panels_for


def source_bodies(request):
    return CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class CouncilBodyViewSet(SnippetViewSet):
    model = CouncilBody
    icon = "group"
    menu_label = _("Raad en commissies")
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personen")
    list_display = ["family_name", "given_name"]
    search_fields = ["given_name", "family_name"]
    search_backend_name = None
    ordering = ["family_name", "given_name"]


class PartyViewSet(SnippetViewSet):
    model = Party
    icon = "tag"
    menu_label = _("Fracties")
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]
    search_backend_name = None


class MandateFilterSet(WagtailFilterSet):
    body = django_filters.ModelChoiceFilter(queryset=source_bodies, label=_("Orgaan"))
    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("Rol"))

    class Meta:
        model = Mandate
        fields = ["body", "role", "party"]


class MandateViewSet(SnippetViewSet):
    model = Mandate
    icon = "list-ul"
    menu_label = _("Mandaten")
    list_display = ["person", "role", "body", "party", "start", "end"]
    filterset_class = MandateFilterSet
    search_fields = ["person__family_name", "person__given_name", "portfolio"]
    search_backend_name = None

    def get_queryset(self, request):
        return Mandate.objects.select_related("person", "body", "party")


class CouncilViewSetGroup(SnippetViewSetGroup):
    items = (CouncilBodyViewSet, PersonViewSet, PartyViewSet, MandateViewSet)
    menu_icon = "group"
    menu_label = _("Gemeenteraad")
    menu_name = "gemeenteraad"


register_snippet(CouncilViewSetGroup)


# --- Citizens' proposals ---------------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_proposal_viewsets():
    return ProposalsViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_proposal_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    @actions.register_action(proposal_views.STEP_ACTION)
    class ProposalStepLogged(LogFormatter):
        label = _("Stap van een voorstel van burgers")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Stap op de tijdlijn: %(status)s (%(date)s)") % {
                "status": timeline.label(data.get("status", "")),
                "date": data.get("date", ""),
            }

    actions.register_action(
        proposal_views.WITHDRAW_ACTION,
        _("Ingetrokken door de indiener"),
        _("Ingetrokken door de indiener"),
    )
    actions.register_action(
        proposal_views.ERASURE_REQUEST_ACTION,
        _("Indiener vraagt om wissen"),
        _("Indiener vraagt om wissen"),
    )
