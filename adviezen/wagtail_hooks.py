"""Admin: status changes in the audit log, the dashboards and the permission to respond."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from site_app import timeline

from .dashboard import panels_for


@hooks.register("register_log_actions")
def register_status_log_action(actions):
    @actions.register_action("adviezen.status")
    class StatusStepLogged(LogFormatter):
        label = _("Stap op de tijdlijn")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            status = timeline.label(data.get("status", ""))
            if data.get("corrects"):
                return _("Stap verbeterd op de tijdlijn: %(status)s (%(date)s)") % {
                    "status": status,
                    "date": data.get("date", ""),
                }
            return _("Stap op de tijdlijn: %(status)s (%(date)s)") % {
                "status": status,
                "date": data.get("date", ""),
            }


@hooks.register("register_permissions")
def register_respond_permission():
    """Offer 'may write the city's response' in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="adviezen", codename="respond_to_advice"
    )


@hooks.register("construct_homepage_panels")
def add_advice_panels(request, panels):
    panels.extend(panels_for(request.user))
