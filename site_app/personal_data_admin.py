"""Admin actions on every model registered in :mod:`site_app.personal_data`.

"Wis persoonsgegevens" (after a confirmation step) and "Download gegevens" (JSON), for users
who may change the object (the Moderatoren); anyone else gets 403. Viewsets add the buttons
with :class:`PersonalDataIndexMixin` and :class:`PersonalDataEditMixin`.
"""

import json

from django.apps import apps
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from . import personal_data


def may_handle(user, model) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _url(name: str, obj) -> str:
    return reverse(name, args=[obj._meta.label_lower, str(obj.pk)])


def buttons_for(obj, user) -> list[Button]:
    """The personal-data actions this user may take on this object."""
    if not personal_data.is_registered(type(obj)) or not may_handle(user, type(obj)):
        return []
    buttons = [
        Button(
            _("Download gegevens"),
            url=_url("personal_data:export", obj),
            icon_name="download",
            priority=45,
        )
    ]
    if obj.has_personal_data:
        buttons.append(
            Button(
                _("Wis persoonsgegevens"),
                url=_url("personal_data:erase", obj),
                icon_name="bin",
                priority=40,
            )
        )
    return buttons


def may_view(user, model) -> bool:
    opts = model._meta
    return may_handle(user, model) or user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def forbidden(request, model) -> TemplateResponse:
    """A real 403 (Wagtail's own denial is a redirect home): personal data is only for the
    people who may view or change these objects."""
    context = {"page_title": _("Geen toegang"), "header_title": _("Geen toegang")}
    return TemplateResponse(request, "site_app/admin/forbidden.html", context, status=403)


class PersonalDataOnlyMixin:
    """For the list and edit views of a model with personal data: 403 for anyone else."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view(request.user, self.model):
            return forbidden(request, self.model)
        return super().dispatch(request, *args, **kwargs)


class PersonalDataIndexMixin(PersonalDataOnlyMixin):
    """For a viewset's index view: the actions in each row's "more" menu."""

    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), *buttons_for(instance, self.request.user)]


class PersonalDataEditMixin(PersonalDataOnlyMixin):
    """For a viewset's edit view: the actions in the header's "more" menu."""

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *buttons_for(self.object, self.request.user)]


class _PersonalDataView(WagtailAdminTemplateMixin, View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.model = apps.get_model(kwargs["model"])
        except (LookupError, ValueError) as error:
            raise Http404 from error
        if not personal_data.is_registered(self.model):
            raise Http404

    def dispatch(self, request, *args, **kwargs):
        if not may_handle(request.user, self.model):
            self.object = None
            return forbidden(request, self.model)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def edit_url(self) -> str | None:
        if self.object is None:
            return None
        return AdminURLFinder(self.request.user).get_edit_url(self.object)

    @cached_property
    def object_name(self) -> str:
        """What the object is called where editors meet it (its list's title column)."""
        if self.object is None:
            return ""
        return str(getattr(self.object, "title", "") or self.object)

    def get_page_subtitle(self):
        return self.object_name

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        viewset = getattr(self.model, "snippet_viewset", None)
        if viewset is not None:
            items.append(
                {
                    "url": reverse(viewset.get_url_name("list")),
                    "label": capfirst(self.model._meta.verbose_name_plural),
                }
            )
        if self.edit_url:
            items.append({"url": self.edit_url, "label": self.object_name})
        return [*items, {"url": "", "label": self.get_header_title()}]


class EraseView(_PersonalDataView):
    template_name = "site_app/admin/confirm_erase.html"
    page_title = _("Persoonsgegevens wissen")
    header_icon = "bin"

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(
            object=self.object,
            fields=[
                self.model._meta.get_field(name).verbose_name
                for name in self.model.personal_data_fields
            ],
            cancel_url=self.edit_url,
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        personal_data.erase(self.object, user=request.user)
        messages.success(request, _("De persoonsgegevens zijn gewist."))
        return redirect(self.edit_url or reverse("wagtailadmin_home"))


class ExportView(_PersonalDataView):
    def get(self, request, *args, **kwargs):
        personal_data.record_export(self.object, user=request.user)
        body = json.dumps(
            {
                "object": str(self.object),
                "exported_at": timezone.now().isoformat(),
                "data": self.object.personal_data_export(),
            },
            ensure_ascii=False,
            indent=2,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"{self.model._meta.model_name}-{self.object.pk}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


urlpatterns = [
    path("<str:model>/<str:pk>/wissen/", EraseView.as_view(), name="erase"),
    path("<str:model>/<str:pk>/download/", ExportView.as_view(), name="export"),
]
