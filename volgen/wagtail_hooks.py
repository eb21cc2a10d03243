from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import REPORT_PERMISSION, SubscriptionReportView


@hooks.register("register_admin_urls")
def register_subscription_report_urls():
    return [path("rapporten/abonnementen/", SubscriptionReportView.as_view(), name="volgen_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_subscription_report_menu_item():
    return ReportMenuItem(
        _("E-mailabonnementen"), reverse("volgen_report"), icon_name="mail", order=760
    )
