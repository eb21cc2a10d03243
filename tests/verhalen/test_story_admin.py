"""Editors create a story in the Wagtail admin: draft, preview, publish; snippets are managed."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from tests.factories import RaconteurFactory
from verhalen.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def audio_document():
    document = get_document_model()(title="Fragment")
    document.file.save("fragment.mp3", ContentFile(b"ID3" + b"\0" * 64), save=False)
    document.save()
    return document


def story_form(terms, series, audio_document, **overrides) -> dict:
    data = nested_form_data(
        {
            "title": "Een stem uit Ledeberg",
            "slug": "een-stem-uit-ledeberg",
            "intro": "Rosa vertelt over haar straat.",
            "lead_image": "",
            "lead_image_alt": "",
            "portrayed": "Rosa, 71 jaar",
            "date": "2026-05-01",
            "series": series.pk,
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Rosa woont hier al lang.</p>")),
                    (
                        "audio",
                        {
                            "title": "Rosa vertelt",
                            "audio": audio_document.pk,
                            "transcript": "Ik woon hier graag. Iedereen kent iedereen.",
                        },
                    ),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    data["raconteurs"] = [terms["fatma"].pk]
    data["themes"] = [terms["wonen"].pk]
    data["wijken"] = [terms["ledeberg"].pk]
    data.update(overrides)
    return data


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["verhalen", "storypage", parent.pk])


def test_the_add_form_offers_choosers_for_raconteurs_wijken_and_themes(editor, story_index, terms):
    response = editor.get(add_url(story_index))
    assert response.status_code == 200
    html = response.content.decode()
    for name, term in (("raconteurs", "fatma"), ("themes", "wonen"), ("wijken", "ledeberg")):
        assert f'name="{name}" value="{terms[term].pk}"' in html


def test_draft_preview_publish(editor, client, story_index, terms, series, audio_document):
    data = story_form(terms, series, audio_document)
    response = editor.post(add_url(story_index), data)
    assert response.status_code == 302, response.context["form"].errors
    story = StoryPage.objects.get(slug="een-stem-uit-ledeberg")
    assert not story.live
    assert story.has_unpublished_changes
    assert list(story.raconteurs.all()) == [terms["fatma"]]
    assert list(story.wijken.all()) == [terms["ledeberg"]]
    assert story.series_id == series.pk
    client.logout()
    assert client.get("/nl/verhalen/een-stem-uit-ledeberg/").status_code == 404
    assert story.pk not in {s.pk for s in client.get("/nl/verhalen/").context["stories"]}

    editor.force_login(type(story.owner).objects.get(is_superuser=True))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    changed = {**data, "title": "Een stem uit Ledeberg (voorbeeld)"}
    assert editor.post(preview_url, changed).json()["is_valid"] is True
    preview = editor.get(preview_url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Een stem uit Ledeberg (voorbeeld)" in html
    assert "Ik woon hier graag. Iedereen kent iedereen." in html
    story.refresh_from_db()
    assert not story.live  # previewing changes nothing

    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    response = editor.post(edit_url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live
    assert not story.has_unpublished_changes
    editor.logout()
    public = editor.get("/nl/verhalen/een-stem-uit-ledeberg/")
    assert public.status_code == 200
    assert "Lees de tekst (transcriptie)" in public.content.decode()
    assert story.pk in {s.pk for s in editor.get("/nl/verhalen/").context["stories"]}


def test_preview_before_the_first_save(editor, story_index, terms, series, audio_document):
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["verhalen", "storypage", story_index.pk]
    )
    data = story_form(terms, series, audio_document)
    assert editor.post(url, data).json()["is_valid"] is True
    preview = editor.get(url)
    assert preview.status_code == 200
    assert "Ik woon hier graag." in preview.content.decode()
    assert not StoryPage.objects.exists()


def test_publishing_needs_a_transcript(editor, story_index, terms, series, audio_document):
    data = story_form(terms, series, audio_document, **{"body-1-value-transcript": ""})
    response = editor.post(add_url(story_index), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="een-stem-uit-ledeberg", live=True).exists()


def test_audio_block_refuses_a_document_that_is_not_audio(
    editor, story_index, terms, series, audio_document
):
    audio_document.file.save("verslag.pdf", ContentFile(b"%PDF-1.4"), save=True)
    data = story_form(terms, series, audio_document)
    response = editor.post(add_url(story_index), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "Kies een geluidsbestand" in response.content.decode()


def test_lead_image_needs_alt_text_or_decorative(
    editor, story_index, terms, series, audio_document
):
    image = ImageFactory(description="")
    data = story_form(terms, series, audio_document, lead_image=image.pk)
    response = editor.post(add_url(story_index), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "Geef een alt-tekst voor het beeld" in response.content.decode()

    data["lead_image_decorative"] = "on"
    response = editor.post(add_url(story_index), {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="een-stem-uit-ledeberg")
    assert story.live and story.lead_image_alt_text == ""


def test_lead_image_alt_defaults_to_the_image_description(
    editor, story_index, terms, series, audio_document
):
    image = ImageFactory(description="Rosa aan haar voordeur.")
    data = story_form(terms, series, audio_document, lead_image=image.pk)
    response = editor.post(add_url(story_index), {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="een-stem-uit-ledeberg").lead_image_alt == (
        "Rosa aan haar voordeur."
    )


def test_stories_only_go_under_the_story_index(story_index, home):
    assert StoryPage.can_create_at(story_index)
    assert not StoryPage.can_create_at(home)
    assert not StoryPage.can_create_at(Page.get_first_root_node())


def test_raconteur_snippets_are_listed_filtered_and_searchable(editor, terms):
    RaconteurFactory(name="Mira", slug="mira", wijken=[terms["dampoort"]])
    url = reverse("wagtailsnippets_verhalen_raconteur:list")
    html = editor.get(url).content.decode()
    assert "Mira" in html and "Fatma" in html
    filtered = editor.get(url, {"wijken": terms["dampoort"].pk}).content.decode()
    assert "Mira" in filtered and "Fatma" not in filtered
    found = editor.get(url, {"q": "Mira"}).content.decode()
    assert "Mira" in found and "Fatma" not in found


def test_raconteur_can_be_added_in_the_admin(editor, terms):
    url = reverse("wagtailsnippets_verhalen_raconteur:add")
    response = editor.post(
        url,
        {
            "name": "Tine",
            "slug": "tine",
            "photo": "",
            "wijken": [terms["ledeberg"].pk],
            "bio": "Tine schrijft over haar buurt.",
        },
    )
    assert response.status_code == 302
    from verhalen.models import Raconteur

    tine = Raconteur.objects.get(slug="tine")
    assert list(tine.wijken.all()) == [terms["ledeberg"]]


def test_the_verhalen_menu_groups_raconteurs_and_proposals(editor):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Verhalen" in html
    assert "Vertellers" in html and "Voorstellen" in html


def test_story_index_and_series_can_be_edited_and_previewed(editor, story_index, series):
    for page in (story_index, series):
        assert editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = nested_form_data(
            {"title": page.title, "slug": page.slug, "intro": "Nieuw.", "body": streamfield([])}
        )
        data["comments-TOTAL_FORMS"] = data["comments-INITIAL_FORMS"] = "0"
        assert editor.post(preview_url, data).json()["is_valid"] is True
        assert editor.get(preview_url).status_code == 200
