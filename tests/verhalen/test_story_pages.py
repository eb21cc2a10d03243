"""Story pages on their own: blocks, metadata escaping, raconteurs in the reader's language."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail_factories import ImageFactory

from site_app import localization
from site_app.blocks import image_value
from tests.factories import RaconteurFactory, StoryPageFactory
from verhalen.blocks import audio, gallery, video

pytestmark = pytest.mark.django_db


def document(name: str, data: bytes = b"\0" * 32):
    doc = get_document_model()(title=name)
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc


def test_media_blocks_render_players_downloads_and_transcripts(client, story_index):
    image = ImageFactory(width=1000, height=800)
    body = [
        gallery(
            [
                (image_value(image, "Een brug."), ""),
                (image_value(image, decorative=True), ""),
            ],
            heading="Beelden",
            credit="Foto: Ayşe",
        ),
        audio("Fatma vertelt", document("fatma.mp3"), "Eerste alinea.\n\nTweede alinea."),
        video(
            "Een wandeling",
            "Je ziet een straat.",
            video=document("wandeling.webm"),
            captions=document("wandeling.vtt", b"WEBVTT\n"),
        ),
    ]
    story = StoryPageFactory(parent=story_index, body=body)
    html = client.get(story.url).content.decode()
    assert 'alt="Een brug."' in html and 'alt=""' in html
    assert '<audio class="media-block__player" controls preload="none" src="/documents/' in html
    assert '<source src="/documents/' in html and 'type="video/webm"' in html
    assert '<track kind="captions"' in html
    assert "<p>Eerste alinea.</p>\n\n<p>Tweede alinea.</p>" in html
    assert html.count('<summary class="transcript__summary">Lees de tekst (transcriptie)') == 2
    assert "Download het geluid" in html and "Download de video" in html


def test_script_in_content_never_breaks_out_of_json_ld(client, story_index):
    payload = "</script><script>alert(1)</script>"
    story = StoryPageFactory(parent=story_index, title=f"Titel {payload}", portrayed=payload)
    html = client.get(story.url).content.decode()
    assert "<script>alert(1)" not in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["about"] == payload
    assert "\\u003C/script\\u003E" in match.group(1)


def test_lead_image_alt_text_or_decorative(client, story_index):
    image = ImageFactory(width=900, height=900)
    story = StoryPageFactory(parent=story_index, lead_image=image, lead_image_alt="Rosa lacht.")
    assert 'alt="Rosa lacht."' in client.get(story.url).content.decode()
    story.lead_image_decorative = True
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Rosa lacht." not in html.split("<main", 1)[1]


def test_raconteurs_are_shown_in_the_reader_language(client, story_index, terms, locales):
    fatma = terms["fatma"]
    arabic = fatma.copy_for_translation(locales["ar"])
    arabic.bio = "تكتب فاطمة عن حيّها."
    arabic.save()
    assert localization.localize_all([fatma], locales["ar"])[0].bio == "تكتب فاطمة عن حيّها."
    story = StoryPageFactory(parent=story_index, raconteurs=[fatma])
    translated = story.copy_for_translation(locales["ar"], copy_parents=True)
    translated.save_revision().publish()
    html = client.get(translated.url).content.decode()
    assert "تكتب فاطمة عن حيّها." in html
    assert '<html lang="ar" dir="rtl">' in html


def test_series_page_lists_only_its_stories_and_handles_bad_pages(client, story_index, series):
    inside = StoryPageFactory(parent=story_index, series=series, title="In de reeks")
    StoryPageFactory(parent=story_index, title="Niet in de reeks")
    response = client.get(series.url)
    assert [story.pk for story in response.context["stories"]] == [inside.pk]
    assert client.get(series.url, {"page": "abc"}).status_code == 400
    assert client.get(series.url, {"page": "50"}).status_code == 404


def test_raconteur_filter_shows_their_stories_and_empty_series_says_so(client, story_index, series):
    mira = RaconteurFactory(name="Mira", slug="mira")
    StoryPageFactory(parent=story_index, raconteurs=[mira], title="Van Mira")
    response = client.get("/nl/verhalen/", {"verteller": "mira"})
    assert [story.title for story in response.context["stories"]] == ["Van Mira"]
    assert "In deze reeks staan nog geen verhalen." in client.get(series.url).content.decode()


def test_story_pages_answer_only_get(client, story_index):
    story = StoryPageFactory(parent=story_index)
    assert client.post(story.url).status_code == 405
