"""Themes, wijken and pictograms: validation and localized display."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from site_app import taxonomy
from site_app.models import Pictogram, Theme
from site_app.pictogram_catalogue import PICTOGRAMS
from tests.factories import ContentPageFactory, PictogramFactory, ThemeFactory, WijkFactory

pytestmark = pytest.mark.django_db
STATIC = Path(__file__).resolve().parents[2] / "site_app" / "static" / "pictograms"


def test_theme_slug_unique_per_language(locales):
    ThemeFactory(slug="wonen")
    with pytest.raises(ValidationError) as error:
        Theme(name="Wonen 2", slug="wonen", locale=locales["nl"]).full_clean()
    assert "Deze slug is al in gebruik." in str(error.value)


def test_postcodes_are_validated(locales):
    wijk = WijkFactory.build(postcodes="9000, abc", locale=locales["nl"])
    with pytest.raises(ValidationError) as error:
        wijk.full_clean()
    assert "postcodes" in error.value.message_dict


def test_pictogram_needs_exactly_one_picture(locales):
    neither = Pictogram(label="Leeg", locale=locales["nl"])
    with pytest.raises(ValidationError):
        neither.full_clean()
    shipped = PictogramFactory.build(locale=locales["nl"])
    shipped.full_clean()
    assert shipped.url.endswith("/pictograms/huis.svg")


def test_every_catalogue_pictogram_has_a_clean_svg():
    names = {item["name"] for item in PICTOGRAMS}
    files = {path.stem for path in STATIC.glob("*.svg")}
    assert names == files
    for path in STATIC.glob("*.svg"):
        svg = path.read_text()
        assert not re.search(r"<script|on\w+=|href=", svg), path.name
        assert 'viewBox="0 0 48 48"' in svg


def test_translation_shown_in_the_readers_language(client, home, locales):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    arabic = theme.copy_for_translation(locales["ar"])
    arabic.name = "السكن"
    arabic.save()
    page = ContentPageFactory(parent=home, slug="woning", themes=[theme])
    ar_home = home.copy_for_translation(locales["ar"])
    ar_home.save_revision().publish()
    ar_page = page.copy_for_translation(locales["ar"])
    ar_page.save_revision().publish()
    assert list(ar_page.themes.all()) == [theme]  # links stay on the source term
    html = client.get(ar_page.url).content.decode()
    assert "السكن" in html
    assert ">Wonen<" not in html


def test_cache_is_dropped_when_a_term_changes(locales):
    theme = ThemeFactory(name="Sport", slug="sport")
    assert taxonomy.find_by_slug(Theme, "sport").name == "Sport"
    theme.name = "Sport en bewegen"
    theme.save()
    assert taxonomy.find_by_slug(Theme, "sport").name == "Sport en bewegen"
