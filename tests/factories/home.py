"""Page factories for the home app."""

import factory
import wagtail_factories

from home.models import ContentPage, HomePage, WijkIndexPage, WijkPage

from .core import WijkFactory


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Samen stad maken"
    intro = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = factory.Faker("sentence", locale="nl_NL")
    listing_summary = factory.Faker("sentence", locale="nl_NL")

    class Meta:
        model = ContentPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save_revision().publish()

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)
            self.save_revision().publish()


class WijkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Wijken"
    slug = "wijken"

    class Meta:
        model = WijkIndexPage


class WijkPageFactory(wagtail_factories.PageFactory):
    wijk = factory.SubFactory(WijkFactory)
    title = factory.SelfAttribute("wijk.name")
    slug = factory.SelfAttribute("wijk.slug")

    class Meta:
        model = WijkPage
