"""The demo loader: complete, and safe to run again (it creates only what is missing)."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision, Site

from adviezen.models import AdvicePage, AdviceStep
from gemeenteraad.models import AgendaItem, CouncilBody, Mandate, MeetingPage, Person
from home.models import ContentPage, GlossaryPage, HomePage, PolicyNotePage, WijkPage
from site_app.models import Pictogram, Theme, Wijk, Zone
from site_app.pictogram_catalogue import PICTOGRAMS
from site_app.plain_language.models import GlossaryTerm, ReadabilityScore
from verhalen.models import Raconteur, StoryIndexPage, StoryPage, StorySeriesPage

pytestmark = pytest.mark.django_db

COUNTED = (
    Page,
    AdvicePage,
    AdviceStep,
    Group,
    GroupPagePermission,
    Revision,
    Pictogram,
    Theme,
    Wijk,
    GlossaryTerm,
    ReadabilityScore,
    PolicyNotePage,
    GlossaryPage,
    StoryIndexPage,
    StoryPage,
    StorySeriesPage,
    Raconteur,
    CouncilBody,
    Person,
    Mandate,
    MeetingPage,
    AgendaItem,
    get_image_model(),
    get_document_model(),
)


def load_demo():
    call_command("load_demo", "--no-user", verbosity=0, stdout=io.StringIO())


def test_second_run_creates_nothing_and_restores_what_is_missing(demo):
    counts = {model: model.objects.count() for model in COUNTED}
    load_demo()
    for model, count in counts.items():
        assert model.objects.count() == count, model

    # Idempotent per object: a deleted page, term or translation comes back, nothing else.
    ContentPage.objects.get(slug="toegankelijkheid", locale__language_code="ar").delete()
    Theme.objects.get(slug="sport", locale__language_code="tr").delete()
    StoryPage.objects.get(slug="de-kapper-van-de-sleepstraat").delete()
    load_demo()
    assert ContentPage.objects.filter(slug="toegankelijkheid", locale__language_code="ar").live()
    assert Theme.objects.filter(slug="sport", locale__language_code="tr").exists()
    assert StoryPage.objects.filter(slug="de-kapper-van-de-sleepstraat").live().exists()
    for model in (Page, Pictogram, Theme, Wijk, GlossaryTerm, StoryPage, Raconteur):
        assert model.objects.count() == counts[model], model


def test_the_25_wijken_by_zone_with_a_page_each(demo):
    source = Wijk.objects.filter(locale__language_code="nl")
    assert source.count() == 25
    by_zone = {zone: source.filter(zone=zone).count() for zone in Zone.values}
    assert by_zone == {"binnenstad": 6, "gordel-19": 10, "gordel-20": 9}
    assert WijkPage.objects.filter(locale__language_code="nl").live().count() == 25
    assert WijkPage.objects.filter(locale__language_code="ar").live().count() == 25


def test_fourteen_themes_each_with_a_pictogram_in_every_language(demo):
    for code in ("nl", "en", "fr", "tr", "ar"):
        themes = Theme.objects.filter(locale__language_code=code)
        assert themes.count() == 14
        assert not themes.filter(pictogram__isnull=True).exists()


def test_pictogram_library_matches_the_shipped_svgs(demo):
    assert Pictogram.objects.filter(locale__language_code="nl").count() == len(PICTOGRAMS) >= 40


def test_home_page_in_every_language_is_the_site_root(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    languages = set(HomePage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == {"nl", "en", "fr", "tr", "ar"}


def test_accessibility_statement_exists_in_every_language(demo):
    statements = ContentPage.objects.live().filter(slug="toegankelijkheid")
    assert statements.count() == 5


def test_demo_pages_render(client, demo):
    for url in ["/nl/", "/ar/", "/nl/wijken/", "/ar/wijken/ledeberg/", "/nl/over/", "/ar/over/"]:
        assert client.get(url).status_code == 200, url


# The council demo is checked here too, so the suite loads the whole demo only once.


def test_council_demo(demo):
    from gemeenteraad.models import MeetingIndexPage

    nl = {"locale__language_code": "nl"}
    assert CouncilBody.objects.filter(**nl, kind="commissie").count() >= 3
    assert CouncilBody.objects.filter(**nl, kind="gemeenteraad").count() == 1
    meetings = MeetingPage.objects.filter(**nl).live()
    assert meetings.count() == 6
    assert meetings.filter(status="geannuleerd").count() == 1
    assert meetings.filter(on_location=True).count() == 1
    assert AgendaItem.objects.filter(**nl).count() >= 40
    assert AgendaItem.objects.filter(**nl).exclude(vote_kind="").count() >= 20
    for code in ("en", "ar"):
        assert MeetingIndexPage.objects.filter(locale__language_code=code).live().exists()
        assert MeetingPage.objects.filter(locale__language_code=code).live().exists()
    index = MeetingIndexPage.objects.get(**nl)
    assert index.show_in_menus
    assert not ContentPage.objects.filter(slug="agendapunt-gemeenteraad", show_in_menus=True)
