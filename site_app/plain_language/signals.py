"""Queue a readability measurement whenever a page text changes (see ``tasks.py``)."""

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, Revision, get_default_page_content_type

from site_app import readability

from .tasks import measure_readability

logger = logging.getLogger(__name__)


def _enqueue(page_id: int, revision_id: int | None = None) -> None:
    try:
        measure_readability.enqueue(page_id, revision_id)
    except Exception:  # A score must never stop an editor from saving.
        logger.exception("Could not queue the readability of page %s", page_id)


@receiver(post_save, sender=Revision)
def measure_revision(sender, instance, raw=False, **kwargs):
    """A page revision saved (draft, autosave, publish): measure what the editor wrote.

    Autosave overwrites the latest revision in place, so updates count as well as inserts.
    """
    if raw or instance.base_content_type_id != get_default_page_content_type().id:
        return
    model = instance.content_type.model_class()
    if model is not None and readability.measures(model):
        _enqueue(int(instance.object_id), instance.pk)


@receiver(post_save)
def measure_page(sender, instance, raw=False, update_fields=None, **kwargs):
    """A full save of a specific page (publishing, or code that saves without a revision)."""
    if raw or update_fields is not None or not isinstance(instance, Page) or sender is Page:
        return
    if readability.measures(sender):
        _enqueue(instance.pk)
