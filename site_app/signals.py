from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale

from . import taxonomy
from .models import Pictogram


@receiver(post_save)
@receiver(post_delete)
def drop_cached_taxonomy(sender, **kwargs):
    if sender in taxonomy.TAXONOMY_MODELS or sender in (Pictogram, Locale):
        taxonomy.invalidate()
