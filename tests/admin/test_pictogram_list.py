"""The pictogram list in the admin shows each picture and filters by language."""

import re

import pytest
from django.urls import reverse

from tests.factories import PictogramFactory

pytestmark = pytest.mark.django_db


def test_pictogram_list_shows_the_pictures_and_filters_by_language(admin_client, locales):
    dutch = PictogramFactory(label="Fiets", shipped_name="fiets")
    arabic = dutch.copy_for_translation(locales["ar"])
    arabic.label = "دراجة"
    arabic.save()
    url = reverse("wagtailsnippets_site_app_pictogram:list")
    html = admin_client.get(url).content.decode()
    assert re.search(r'<img src="[^"]*/pictograms/fiets\.svg" alt="" width="48" height="48">', html)
    filtered = admin_client.get(url, {"locale": "ar"}).content.decode()
    assert "دراجة" in filtered and ">Fiets<" not in filtered
