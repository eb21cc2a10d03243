"""Drop cached translations (see :mod:`site_app.localization`) when what they show changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction

from . import feeds, localization
from .models import ContactDetails, SiteSettings

# Saves that only touch the editor's draft bookkeeping change nothing a reader sees.
_DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
}


def _blank_settings_row(sender, instance, created) -> bool:
    """The site settings row Wagtail creates, with its defaults, the first time a page asks
    for it: nothing was shown from it before, so nothing cached is out of date."""
    if sender is not SiteSettings or not created:
        return False
    fields = [f for f in sender._meta.concrete_fields if not f.primary_key and f.name != "site"]
    return all(getattr(instance, f.attname) == f.get_default() for f in fields)


@receiver(post_save)
@receiver(post_delete)
def drop_cached_translations(sender, update_fields=None, **kwargs):
    if _blank_settings_row(sender, kwargs.get("instance"), kwargs.get("created")):
        return
    if sender is Locale:
        localization.invalidate(localization.VOCABULARY)
        localization.invalidate(localization.PAGES)
    elif localization.is_vocabulary(sender):
        localization.invalidate(localization.VOCABULARY)
        if sender is ContactDetails:
            localization.invalidate(localization.PAGES)
    elif (sender in (SiteSettings, PageViewRestriction) or issubclass(sender, Page)) and (
        update_fields is None or not set(update_fields) <= _DRAFT_ONLY_FIELDS
    ):
        localization.invalidate(localization.PAGES)
    elif sender in feeds.watched_models():
        localization.invalidate(localization.FEEDS)
    elif sender._meta.label == "site_app.GlossaryTerm":
        localization.invalidate(localization.GLOSSARY)


@receiver(m2m_changed)
def drop_feed_entries_on_new_terms(sender, instance, action, **kwargs):
    """A row that is not a page got other themes or wijken: its feeds change."""
    if action.startswith("post_") and type(instance) in feeds.watched_models():
        localization.invalidate(localization.FEEDS)
