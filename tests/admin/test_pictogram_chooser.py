"""The pictogram chooser shows the chosen picture, not a grey placeholder, on the theme form
and in StreamField blocks, and speaks the editor's language."""

import json
import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from site_app.models import Pictogram
from tests.factories import PictogramFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def chooser_url(name: str, *args) -> str:
    return reverse(Pictogram.snippet_viewset.chooser_viewset.get_url_name(name), args=args)


def test_theme_form_shows_the_chosen_pictogram(admin_client, locales):
    theme = ThemeFactory(pictogram=PictogramFactory(label="Fiets", shipped_name="fiets"))
    url = reverse("wagtailsnippets_site_app_theme:edit", args=(theme.pk,))
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    chooser = soup.select_one("#id_pictogram-chooser")
    assert chooser is not None and "blank" not in chooser["class"]
    picture = chooser.select_one(".chosen img[data-pictogram-preview]")
    assert picture is not None and picture["src"].endswith("/pictograms/fiets.svg")
    assert picture["alt"] == ""  # the label beside it says what it is
    assert chooser.select_one("[data-chooser-title]").get_text(strip=True) == "Fiets"
    # The modal it opens is the one with pictures and keywords.
    assert chooser["data-chooser-url"] == chooser_url("choose")


def test_choosing_a_pictogram_returns_its_picture(admin_client, locales):
    pictogram = PictogramFactory(label="Geld", shipped_name="geld")
    response = admin_client.get(chooser_url("chosen", pictogram.pk))
    assert response.status_code == 200
    result = json.loads(response.content)["result"]
    assert result["preview_url"].endswith("/pictograms/geld.svg")
    assert result["string"] == "Geld"


def test_pictogram_block_carries_the_picture_of_its_value(admin_client, home, locales):
    from home.models import PolicyNotePage
    from site_app.blocks import html_paragraphs, pictogram_paragraph

    pictogram = PictogramFactory(label="Geld", shipped_name="geld")
    note = home.add_child(
        instance=PolicyNotePage(
            title="Nota",
            slug="nota",
            plain_body=[pictogram_paragraph(pictogram, html_paragraphs("Geld voor je wijk."))],
        )
    )
    html = unescape(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=(note.pk,))).content.decode()
    )
    # The block widget is ours, and the block's value tells it which picture to show.
    assert '"site_app.widgets.PictogramChooser"' in html
    assert re.search(r'"preview_url":\s*"[^"]*/pictograms/geld\.svg"', html)


@pytest.mark.parametrize(
    ("language", "choose", "another"),
    [
        ("nl", "Kies een pictogram", "Kies een ander pictogram"),
        ("en", "Choose a pictogram", "Choose another pictogram"),
    ],
)
def test_chooser_texts_follow_the_editor_language(
    admin_client, admin_user, locales, language, choose, another
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    theme = ThemeFactory()
    html = admin_client.get(
        reverse("wagtailsnippets_site_app_theme:edit", args=(theme.pk,))
    ).content.decode()
    assert another in html
    modal = admin_client.get(chooser_url("choose")).content.decode()
    assert choose in modal
