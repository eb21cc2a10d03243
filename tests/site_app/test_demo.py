"""The demo loader: complete, and safe to run twice."""

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage, WijkPage
from site_app.models import Pictogram, Theme, Wijk, Zone
from site_app.pictogram_catalogue import PICTOGRAMS

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--no-user", verbosity=0)
        counts = {model: model.objects.count() for model in (Page, Pictogram, Theme, Wijk)}
        call_command("load_demo", "--no-user", verbosity=0)
        yield counts
        transaction.set_rollback(True)


def test_second_run_creates_nothing(demo):
    for model, count in demo.items():
        assert model.objects.count() == count, model


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
