"""Moderation of citizens' proposals: a ModelViewSet with filters, search, supports, status
steps (each mailed to the initiator and written to the audit log) and the dashboard panel.

Everything here needs the model permissions of the group "Moderatoren"; anyone else (e.g.
"Communicatie") gets 403 from Wagtail's permission checks, so personal data is theirs only.
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from site_app import timeline
from site_app.models import Theme
from site_app.personal_data_admin import PersonalDataEditMixin, PersonalDataIndexMixin
from site_app.timeline import Status

from ..models import AgendaItem
from ..models.proposals import CitizenProposal, PaperSupportList, ProposalSupport
from .views import notify_step, record_proposal_step

PANEL_SIZE = 10
#: Statuses where the next step is the moderators' (the dashboard lists them).
WAITING = (Status.SUBMITTED, Status.CHAIR_ADVICE, Status.ADMISSIBLE)


def forbidden(request):
    """A real 403 (Wagtail's own denial redirects to the dashboard)."""
    return TemplateResponse(
        request,
        "site_app/admin/forbidden.html",
        {"page_title": _("Geen toegang")},
        status=403,
    )


class ModeratorsOnlyMixin:
    """Only those who may change the model (the Moderatoren) open these views."""

    def dispatch(self, request, *args, **kwargs):
        opts = self.model._meta
        if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class CitizenProposalFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=timeline.AGENDA_ITEM.choices(), label=_("Status"))
    themes = django_filters.ModelChoiceFilter(
        queryset=lambda request: Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
        label=_("Thema"),
    )
    unconfirmed = django_filters.BooleanFilter(
        field_name="confirmed_at", lookup_expr="isnull", label=_("Wacht op bevestiging")
    )
    draft = django_filters.BooleanFilter(
        field_name="submitted_at", lookup_expr="isnull", label=_("Ontwerp")
    )

    class Meta:
        model = CitizenProposal
        fields = ["status", "themes", "unconfirmed", "draft"]


class ProposalIndexView(ModeratorsOnlyMixin, PersonalDataIndexMixin, IndexView):
    pass


class ProposalEditView(ModeratorsOnlyMixin, PersonalDataEditMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.next_statuses():
            buttons.append(
                Button(
                    _("Volgende stap"),
                    url=reverse("citizen_proposals:step", args=[self.object.pk]),
                    icon_name="arrow-right",
                    priority=10,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["proposal_steps"] = self.object.timeline.items()
        return context


class StepForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    date = forms.DateField(label=_("Datum"), initial=timezone.localdate)
    note = forms.CharField(
        label=_("Publieke toelichting"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij 'niet ontvankelijk': waarom? Geen persoonsgegevens."),
    )
    due = forms.DateField(
        label=_("Steun verzamelen tot / volgende stap verwacht tegen"),
        required=False,
        help_text=_("Bij 'steun verzamelen': leeg is de termijn uit de instellingen."),
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agendapunt"),
        required=False,
        queryset=AgendaItem.objects.none(),
        help_text=_("Bij 'op de agenda': het punt in de commissie of in de gemeenteraad."),
    )
    actor = forms.CharField(label=_("Door"), required=False, max_length=200)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        self.fields["status"].choices = proposal.next_statuses()
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .select_related("meeting")
            .order_by("-meeting__start", "sort_order")
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting.title} ({item.meeting.start:%d-%m-%Y}), {item.number}. {item.title}"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.SCHEDULED and not cleaned.get("agenda_item"):
            self.add_error("agenda_item", _("Kies het agendapunt."))
        if cleaned.get("status") == Status.NOT_ADMISSIBLE and not cleaned.get("note", "").strip():
            self.add_error("note", _("Geef een uitleg: waarom is het niet ontvankelijk?"))
        return cleaned


def step_view(request, pk):
    """Add the next step: checked against the flow, mailed to the initiator, logged."""
    from .views import proposal_settings

    if not request.user.has_perm("gemeenteraad.change_citizenproposal"):
        return forbidden(request)
    proposal = get_object_or_404(CitizenProposal, pk=pk)
    form = StepForm(request.POST or None, proposal=proposal)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        due = data["due"]
        if data["status"] == Status.COLLECTING_SUPPORT and due is None:
            due = data["date"] + timezone.timedelta(days=proposal_settings().support_days)
        try:
            record_proposal_step(
                proposal,
                status=data["status"],
                user=request.user,
                date=data["date"],
                note=data["note"],
                actor=data["actor"],
                due=due,
                agenda_item=data["agenda_item"] if data["status"] == Status.SCHEDULED else None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            notify_step(proposal)
            messages.success(request, _("De stap is toegevoegd en de indiener krijgt een e-mail."))
            return redirect(reverse("citizen_proposals:edit", args=[proposal.pk]))
    return TemplateResponse(
        request,
        "gemeenteraad/proposals/admin/step.html",
        {
            "proposal": proposal,
            "form": form,
            "steps": proposal.timeline.items(),
            "total": proposal.support_total(),
            "threshold": proposal_settings().support_threshold,
        },
        status=400 if request.method == "POST" else 200,
    )


class CitizenProposalViewSet(ModelViewSet):
    model = CitizenProposal
    icon = "user"
    menu_label = _("Voorstellen van burgers")
    url_prefix = "voorstellen-van-burgers"
    name = "citizen_proposals"
    index_view_class = ProposalIndexView
    edit_view_class = ProposalEditView
    add_to_admin_menu = False
    list_display = [
        "title",
        DateColumn("created_at", label=_("Ontvangen")),
        "status",
        Column("support_count", label=_("Steun")),
        DateColumn("confirmed_at", label=_("Bevestigd")),
        DateColumn("erasure_requested_at", label=_("Vraagt om wissen")),
    ]
    filterset_class = CitizenProposalFilterSet
    search_fields = ["title", "question", "moderator_note"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_template_name = "gemeenteraad/proposals/admin/edit.html"

    def get_edit_handler(self):
        return ObjectList(
            [*CitizenProposal.personal_panels, *CitizenProposal.panels]
        ).bind_to_model(CitizenProposal)

    def get_queryset(self, request):
        return CitizenProposal.objects.annotate(
            support_count=Count("supports", filter=Q(supports__confirmed_at__isnull=False))
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("stap/<int:pk>/", step_view, name="step"),
        ]


class SupportFilterSet(WagtailFilterSet):
    unconfirmed = django_filters.BooleanFilter(
        field_name="confirmed_at", lookup_expr="isnull", label=_("Wacht op bevestiging")
    )

    class Meta:
        model = ProposalSupport
        fields = ["proposal", "unconfirmed"]


class SupportIndexView(ModeratorsOnlyMixin, PersonalDataIndexMixin, IndexView):
    pass


class SupportEditView(ModeratorsOnlyMixin, PersonalDataEditMixin, EditView):
    pass


class ProposalSupportViewSet(ModelViewSet):
    model = ProposalSupport
    icon = "tick"
    menu_label = _("Steunbetuigingen")
    url_prefix = "steunbetuigingen"
    name = "proposal_supports"
    index_view_class = SupportIndexView
    edit_view_class = SupportEditView
    add_to_admin_menu = False
    list_display = [
        "family_name",
        "given_names",
        "postcode",
        "proposal",
        DateColumn("created_at", label=_("Ontvangen")),
        DateColumn("confirmed_at", label=_("Bevestigd")),
    ]
    filterset_class = SupportFilterSet
    search_fields = ["family_name", "given_names"]
    search_backend_name = None
    form_fields = ["family_name", "given_names", "birth_date", "postcode", "email"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return ProposalSupport.objects.select_related("proposal")


class ProposalsViewSetGroup(ViewSetGroup):
    items = (CitizenProposalViewSet, ProposalSupportViewSet)
    menu_icon = "user"
    menu_label = _("Voorstellen van burgers")
    menu_name = "voorstellen-van-burgers"


class ProposalsWaitingPanel(Component):
    """For the Moderatoren: proposals waiting for them (oldest first), paper lists to check."""

    name = "proposals_waiting"
    order = 120
    template_name = "gemeenteraad/proposals/admin/waiting_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        waiting = (
            CitizenProposal.objects.filter(
                Q(status__in=WAITING) | Q(erasure_requested_at__isnull=False, erased_at=None)
            )
            .only("pk", "title", "status", "created_at")
            .order_by("created_at")
        )
        context.update(
            {
                "rows": list(waiting[:PANEL_SIZE]),
                "count": waiting.count(),
                "paper_lists": list(
                    PaperSupportList.objects.filter(checked=False)
                    .select_related("proposal")
                    .order_by("received_on")[:PANEL_SIZE]
                ),
                "unconfirmed_supports": ProposalSupport.objects.filter(
                    confirmed_at__isnull=True
                ).count(),
            }
        )
        return context


def panels_for(user) -> list:
    if user.has_perm("gemeenteraad.change_citizenproposal"):
        return [ProposalsWaitingPanel()]
    return []
