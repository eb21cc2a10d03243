"""Admin for the stories: raconteurs and residents' proposals, grouped under 'Verhalen'."""

import django_filters
from django.conf import settings
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from site_app.models import Wijk

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

    class Meta:
        model = StoryProposal
        fields = ["status", "wijk"]


class ErasePersonalDataView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseOperationView):
    """Blank a proposal's name and contact details, after a confirmation step."""

    model = StoryProposal
    permission_required = "change"
    template_name = "verhalen/admin/confirm_erase.html"
    page_title = _("Persoonsgegevens wissen")
    header_icon = "bin"
    success_message = _("De persoonsgegevens van dit voorstel zijn gewist.")
    edit_url_name = None

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["cancel_url"] = reverse(self.edit_url_name, args=[quote(self.object.pk)])
        return context

    def perform_operation(self):
        self.object.erase_personal_data()

    def get_success_url(self):
        return reverse(self.edit_url_name, args=[quote(self.object.pk)])

    def post(self, request, *args, **kwargs):
        self.perform_operation()
        self.add_success_message()
        return redirect(self.get_success_url())


def erase_url(proposal) -> str:
    return reverse("verhalen_storyproposal:erase_personal_data", args=[quote(proposal.pk)])


class ProposalIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.has_personal_data and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Wis persoonsgegevens"),
                    url=erase_url(instance),
                    icon_name="bin",
                    priority=40,
                )
            )
        return buttons


class ProposalEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.has_personal_data and self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Wis persoonsgegevens"),
                    url=erase_url(self.object),
                    icon_name="bin",
                    priority=40,
                )
            )
        return buttons


class StoryProposalViewSet(SnippetViewSet):
    model = StoryProposal
    icon = "mail"
    menu_label = _("Voorstellen")
    url_namespace = "verhalen_storyproposal"
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    list_display = [
        DateColumn("created_at", label=_("Ontvangen")),
        "__str__",
        "wijk",
        "status",
        "erased_at",
    ]
    filterset_class = StoryProposalFilterSet
    search_fields = ["message", "editor_note"]
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "erase/<str:pk>/",
                ErasePersonalDataView.as_view(edit_url_name=self.get_url_name("edit")),
                name="erase_personal_data",
            ),
        ]


class StoriesViewSetGroup(SnippetViewSetGroup):
    items = (RaconteurViewSet, StoryProposalViewSet)
    menu_icon = "openquote"
    menu_label = _("Verhalen")
    menu_name = "verhalen"


register_snippet(StoriesViewSetGroup)
