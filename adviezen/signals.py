"""A new council page (or a translation of one) gets its group; a new register its Stadsbestuur."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import AdviceIndexPage, AdvisoryCouncilPage
from .permissions import ensure_city_group, ensure_council_group


@receiver(post_save, sender=AdvisoryCouncilPage)
def give_council_its_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_council_group(instance)


@receiver(post_save, sender=AdviceIndexPage)
def give_register_its_city_group(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_city_group(instance)
