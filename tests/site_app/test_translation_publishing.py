"""Translating a page never publishes it: an editor does, once the text is translated."""

import pytest
from wagtail_localize.operations import translate_object

from home.models import ContentPage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_translate_this_page_creates_a_draft_not_a_live_page(
    client, home, locales, admin_user, django_capture_on_commit_callbacks
):
    page = ContentPageFactory(parent=home, title="Over de stad", slug="over-de-stad")
    # wagtail-localize publishes on commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(home, [locales["ar"]], user=admin_user)
        translate_object(page, [locales["ar"]], user=admin_user)
    arabic = ContentPage.objects.get(translation_key=page.translation_key, locale=locales["ar"])
    assert not arabic.live
    assert arabic.has_unpublished_changes
    before = client.get("/ar/over-de-stad/")
    assert "Over de stad" not in before.content.decode()  # the Dutch text is not served as Arabic
    assert before.status_code != 200
    for translated in (home, page):  # the editor publishes the translations
        draft = type(translated).objects.get(
            translation_key=translated.translation_key, locale=locales["ar"]
        )
        draft.get_latest_revision().publish(user=admin_user)
    arabic.refresh_from_db()
    assert arabic.live
    assert client.get("/ar/over-de-stad/").status_code == 200
