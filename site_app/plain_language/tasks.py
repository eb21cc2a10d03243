"""Background work of the plain-language room: measuring and storing a page's readability.

Queued on django-tasks (``TASKS`` in settings): with the default immediate backend it runs at
once, with a worker backend it runs beside the request, so an autosave never waits for it.
"""

from django_tasks import task
from wagtail.models import Page, Revision

from site_app import readability

from .models import ReadabilityScore


@task()
def measure_readability(page_id: int, revision_id: int | None = None) -> None:
    """Store the readability of a page: of ``revision_id`` (a draft, an autosave, a publish) or,
    without one, of the page as saved. A revision that a newer one replaced is skipped: the
    newer one has its own task."""
    if revision_id is not None:
        revision = Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id)).first()
        newer = Revision.page_revisions.filter(object_id=str(page_id), pk__gt=revision_id)
        if revision is None or newer.exists():
            return
        page = revision.as_object()
    else:
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return
        page = page.specific
    if readability.sources_for(page):
        ReadabilityScore.update_for(page)
