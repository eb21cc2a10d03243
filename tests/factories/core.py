"""Factories for the shared core: pictograms, themes, wijken."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from site_app.models import Pictogram, Theme, Wijk, Zone


def default_locale():
    return Locale.get_default()


class PictogramFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Pictogram {n}")
    keywords = "test"
    shipped_name = "huis"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Pictogram


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    description = factory.Faker("sentence", locale="nl_NL")
    pictogram = factory.SubFactory(PictogramFactory)
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Theme


class WijkFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")
    zone = Zone.GORDEL_19
    postcodes = "9000"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Wijk


class TaggedPageFactory(wagtail_factories.PageFactory):
    """For pages with themes and wijken (``TaxonomyMixin``): pass ``themes=`` and ``wijken=``
    as lists. They are set before the subclass's own post-generation steps (publishing)."""

    class Meta:
        abstract = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.themes.set(extracted)

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.wijken.set(extracted)
