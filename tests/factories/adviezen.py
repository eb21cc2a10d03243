"""Factories for the advice register (tests only)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from adviezen.models import AdviceIndexPage, AdvicePage, AdvisoryCouncilPage

from .core import TaggedPageFactory


def days(offset: int) -> datetime.date:
    """A date ``offset`` days from today in the site's time zone."""
    return timezone.localdate() + datetime.timedelta(days=offset)


class AdviceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Adviesraden"
    slug = "adviesraden"
    intro = "Elk advies en wat de stad ermee deed."

    class Meta:
        model = AdviceIndexPage


class AdvisoryCouncilPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Raad {n}")
    slug = factory.Sequence(lambda n: f"raad-{n}")
    abbreviation = factory.Sequence(lambda n: f"R{n}")
    remit = "Deze raad geeft advies over de stad."

    class Meta:
        model = AdvisoryCouncilPage


class AdvicePageFactory(TaggedPageFactory):
    """A published advice; its steps are recorded by publishing (as in the admin).

    Pass dates as fields (``requested_on=days(-30)``); ``themes=`` and ``wijken=`` as lists.
    """

    title = factory.Sequence(lambda n: f"Advies {n}")
    slug = factory.Sequence(lambda n: f"advies-{n}")
    kind = "gevraagd"
    requested_by = "De schepen van Wonen"
    subject = "Een vraag van de stad."
    advice_summary = "Dit is het advies in het kort."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>De raad geeft dit advies.</p>"}]
    )

    class Meta:
        model = AdvicePage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        """Publish (``publish=False`` leaves a draft): the timeline follows the fields."""
        if create and extracted is not False:
            self.save_revision().publish()
        elif create:
            self.unpublish()
