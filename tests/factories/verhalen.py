"""Factories for the stories app."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from site_app.blocks import html_paragraphs, paragraph
from verhalen.models import Raconteur, StoryIndexPage, StoryPage, StoryProposal, StorySeriesPage

from .core import TaggedPageFactory, default_locale


class RaconteurFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Verteller {n}")
    slug = factory.Sequence(lambda n: f"verteller-{n}")
    bio = factory.Faker("sentence", locale="nl_NL")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Raconteur
        skip_postgeneration_save = True

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)
            self.save()


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verhalen"
    slug = "verhalen"
    intro = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = StoryIndexPage


class StorySeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Reeks {n}")
    slug = factory.Sequence(lambda n: f"reeks-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = StorySeriesPage


class StoryPageFactory(TaggedPageFactory):
    """A published story; pass themes=, wijken= and raconteurs= as lists."""

    title = factory.Sequence(lambda n: f"Verhaal {n}")
    slug = factory.Sequence(lambda n: f"verhaal-{n}")
    intro = factory.Faker("sentence", locale="nl_NL")
    portrayed = factory.Faker("first_name", locale="nl_NL")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(
        lambda: [paragraph(html_paragraphs("Een kort verhaal uit de buurt."))]
    )

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def raconteurs(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.raconteurs.set(extracted)

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        """Publish once more so the many-to-many links set above are live."""
        if create:
            self.save_revision().publish()


class StoryProposalFactory(DjangoModelFactory):
    name = factory.Faker("first_name", locale="nl_NL")
    email = factory.Faker("email", locale="nl_NL")
    message = factory.Faker("paragraph", locale="nl_NL")

    class Meta:
        model = StoryProposal
