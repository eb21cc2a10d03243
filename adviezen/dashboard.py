"""Dashboard panels: what waits for an answer (Stadsbestuur), and a council's own open advice."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from site_app import timeline

from .history import RESPOND
from .models import AdvicePage
from .register import timelines_for

PANEL_SIZE = 10


def _with_timelines(pages):
    pages = list(pages)
    timelines = timelines_for([page.translation_key for page in pages])
    return [(page, timelines[page.translation_key]) for page in pages]


class AwaitingResponsePanel(Component):
    """For the Stadsbestuur: delivered advice without the city's answer, overdue first."""

    name = "advice_awaiting_response"
    order = 110
    template_name = "adviezen/admin/awaiting_response_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        pages = (
            AdvicePage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .defer_streamfields()
            .only("title", "path", "depth", "translation_key", "locale_id")
        )
        waiting = [
            {
                "page": page,
                "timeline": history,
                "due": history.waiting_since.due,
                "overdue": history.is_overdue(),
                "days": abs((history.waiting_since.due - timeline.today()).days),
            }
            for page, history in _with_timelines(pages)
            if history.waiting_since is not None
        ]
        waiting.sort(key=lambda row: (row["due"], row["page"].title))
        context.update(
            {
                "rows": waiting[:PANEL_SIZE],
                "count": len(waiting),
                "overdue_count": sum(1 for row in waiting if row["overdue"]),
            }
        )
        return context


class CouncilOpenAdvicePanel(Component):
    """For a council's members: their advice that is not answered yet, and its deadlines."""

    name = "advice_council_open"
    order = 111
    template_name = "adviezen/admin/council_open_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.user, "change")
        pages = (
            AdvicePage.objects.filter(pk__in=editable.values("pk"))
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .defer_streamfields()
            .only("title", "live", "translation_key", "locale_id", "advice_deadline")
        )
        rows = []
        for page, history in _with_timelines(pages):
            if history.answer is not None and history.waiting_since is None:
                continue
            current = history.current
            deadline = current.due if current is not None else page.advice_deadline
            rows.append(
                {
                    "page": page,
                    "status": history.status.label if history.status else "",
                    "deadline": deadline,
                    "deadline_label": history.flow.due_label(current.status) if current else "",
                    "overdue": history.is_overdue(),
                }
            )
        rows.sort(
            key=lambda row: (row["deadline"] is None, row["deadline"] or 0, row["page"].title)
        )
        context.update({"rows": rows[:PANEL_SIZE], "count": len(rows)})
        return context


def panels_for(user) -> list[Component]:
    panels = []
    if user.has_perm(RESPOND):
        panels.append(AwaitingResponsePanel())
    if not user.is_superuser and AdvicePage.objects.exists():
        council_panel = CouncilOpenAdvicePanel(user)
        if (
            PagePermissionPolicy()
            .instances_user_has_permission_for(user, "add")
            .filter(content_type__model="advisorycouncilpage")
            .exists()
        ):
            panels.append(council_panel)
    return panels
