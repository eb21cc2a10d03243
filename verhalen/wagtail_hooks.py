"""Admin for the stories: raconteurs and residents' proposals, grouped under 'Verhalen'."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from site_app.models import Wijk
from site_app.personal_data_admin import PersonalDataEditMixin, PersonalDataIndexMixin

from .models import Raconteur, StoryProposal


def source_wijken(request):
    return Wijk.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


class RaconteurFilterSet(WagtailFilterSet):
    wijken = django_filters.ModelChoiceFilter(
        queryset=source_wijken, label=_("Wijk"), field_name="wijken"
    )

    class Meta:
        model = Raconteur
        fields = ["wijken", "locale"]


class RaconteurViewSet(SnippetViewSet):
    model = Raconteur
    icon = "user"
    menu_label = _("Vertellers")
    list_display = ["name", Column("wijk_names", label=_("Wijken")), "locale"]
    filterset_class = RaconteurFilterSet
    search_fields = ["name", "bio"]
    # Plain database filtering: the SQLite full-text backend cannot restrict a search to
    # named fields ("no such column"), and a few dozen raconteurs need no search index.
    search_backend_name = None
    ordering = ["name"]

    def get_queryset(self, request):
        return Raconteur.objects.prefetch_related("wijken").select_related("locale")


class StoryProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=StoryProposal.Status.choices, label=_("Status"))
    wijk = django_filters.ModelChoiceFilter(queryset=source_wijken, label=_("Wijk"))
    unconfirmed = django_filters.BooleanFilter(
        field_name="confirmed_at", lookup_expr="isnull", label=_("Wacht op bevestiging")
    )

    class Meta:
        model = StoryProposal
        fields = ["status", "wijk", "unconfirmed"]


class ProposalIndexView(PersonalDataIndexMixin, IndexView):
    pass


class ProposalEditView(PersonalDataEditMixin, EditView):
    pass


class StoryProposalViewSet(SnippetViewSet):
    model = StoryProposal
    icon = "mail"
    menu_label = _("Voorstellen")
    url_namespace = "verhalen_storyproposal"
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    list_display = [
        "title",
        DateColumn("created_at", label=_("Ontvangen")),
        "wijk",
        "status",
        DateColumn("confirmed_at", label=_("Bevestigd")),
        DateColumn("erased_at", label=_("Gegevens gewist")),
    ]
    filterset_class = StoryProposalFilterSet
    search_fields = ["message", "editor_note"]
    ordering = ["-created_at"]


class StoriesViewSetGroup(SnippetViewSetGroup):
    items = (RaconteurViewSet, StoryProposalViewSet)
    menu_icon = "openquote"
    menu_label = _("Verhalen")
    menu_name = "verhalen"


register_snippet(StoriesViewSetGroup)
