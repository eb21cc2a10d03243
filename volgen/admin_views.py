"""Editors' views: subscriptions per theme and wijk (counts only) and a preview of the next
digest for one theme. Addresses appear only for the data-protection role
(``volgen.view_subscriber_address``)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from site_app import feeds, taxonomy
from site_app.models import Theme, Wijk

from . import digest
from .models import Frequency, Subscription

REPORT_PERMISSION = "volgen.view_subscription"
ADDRESS_PERMISSION = "volgen.view_subscriber_address"


def _counts(model, relation: str) -> list[tuple]:
    """(term, confirmed subscriptions) for every source-language term of ``model``."""
    through = getattr(Subscription, relation).through
    column = f"{model._meta.model_name}_id"
    counted = dict(
        through.objects.filter(subscription__confirmed_at__isnull=False)
        .values(column)
        .annotate(n=Count("subscription_id", distinct=True))
        .values_list(column, "n")
    )
    terms = model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")
    return [(term, counted.get(term.pk, 0)) for term in terms]


class SubscriptionReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "volgen/admin/report.html"
    page_title = _("E-mailabonnementen")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
        context["total"] = confirmed.count()
        context["unconfirmed"] = Subscription.objects.filter(confirmed_at__isnull=True).count()
        by_frequency = dict(
            confirmed.values_list("frequency").annotate(n=Count("pk")).values_list("frequency", "n")
        )
        context["frequencies"] = [(label, by_frequency.get(v, 0)) for v, label in Frequency.choices]
        context["themes"] = _counts(Theme, "themes")
        context["wijken"] = _counts(Wijk, "wijken")
        context["preview"] = self.preview()
        context["show_addresses"] = self.request.user.has_perm(ADDRESS_PERMISSION)
        if context["show_addresses"]:
            context["addresses"] = confirmed.order_by("email").values_list("email", "frequency")
        return context

    def preview(self) -> dict:
        """The entries the next weekly digest would hold for a subscriber of one theme."""
        themes = taxonomy.all_terms(Theme)
        slug = self.request.GET.get("thema") or (themes[0].slug if themes else "")
        theme = taxonomy.find_by_slug(Theme, slug)
        if theme is None:
            return {"themes": themes, "theme": None, "entries": []}
        period = digest.period_for(Frequency.WEEKLY)
        with translation.override("nl"):
            request = digest.site_request()
            request.LANGUAGE_CODE = "nl"
            entries = [
                entry
                for entry in feeds.collect_entries(request, feeds.by_theme(theme))
                if entry.published >= period.end
            ]
        return {"themes": themes, "theme": theme, "entries": entries}
