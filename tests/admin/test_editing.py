"""Editors work through the Wagtail admin: snippets, page creation, preview, publish."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage
from tests.factories import PictogramFactory, ThemeFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", ["theme", "wijk", "pictogram"])
def test_snippet_listings_render(client, editor, home, model):
    ThemeFactory()
    WijkFactory()
    response = client.get(reverse(f"wagtailsnippets_site_app_{model}:list"))
    assert response.status_code == 200


def test_wijk_listing_filters_by_zone(client, editor, home):
    WijkFactory(name="Drongen", zone="gordel-20")
    WijkFactory(name="Macharius-Heirnis", zone="binnenstad")
    response = client.get(reverse("wagtailsnippets_site_app_wijk:list"), {"zone": "gordel-20"})
    html = response.content.decode()
    assert "Drongen" in html and "Macharius-Heirnis" not in html


def test_site_settings_edit_view_renders(client, editor, home):
    site_id = home.get_site().pk
    response = client.get(
        reverse("wagtailsettings:edit", args=["site_app", "sitesettings", site_id])
    )
    assert response.status_code == 200


def content_page_form(title, theme, pictogram, action=None):
    data = nested_form_data(
        {
            "title": title,
            "slug": "nieuwe-pagina",
            "intro": "Een korte inleiding.",
            "body": streamfield(
                [
                    ("heading", {"text": "Wat verandert er?", "level": "h2"}),
                    ("paragraph", rich_text("<p>Er komen meer bomen.</p>")),
                    (
                        "pictogram_paragraph",
                        {"pictogram": pictogram.pk, "text": rich_text("<p>Kom kijken.</p>")},
                    ),
                ]
            ),
        }
    )
    data["themes"] = [str(theme.pk)]
    if action:
        data[action] = "1"
    return data


def test_create_draft_preview_and_publish_a_content_page(client, editor, home):
    theme = ThemeFactory(name="Groen", slug="groen")
    pictogram = PictogramFactory()
    add_url = reverse("wagtailadmin_pages:add", args=["home", "contentpage", home.pk])
    assert client.get(add_url).status_code == 200

    response = client.post(add_url, content_page_form("Meer groen", theme, pictogram))
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="nieuwe-pagina")
    assert not page.live and page.has_unpublished_changes

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = content_page_form("Meer groen (preview)", theme, pictogram)
    assert client.post(preview_url, data).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Meer groen (preview)" in preview.content.decode()

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(
        edit_url, content_page_form("Meer groen", theme, pictogram, "action-publish")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    public = client.get("/nl/nieuwe-pagina/")
    assert public.status_code == 200
    assert "Kom kijken." in public.content.decode()
    assert list(page.specific.themes.all()) == [theme]


def test_second_wijk_page_for_the_same_wijk_is_refused(client, editor, home):
    from tests.factories import WijkIndexPageFactory, WijkPageFactory

    index = WijkIndexPageFactory(parent=home)
    wijk = WijkFactory(name="Ledeberg", slug="ledeberg")
    WijkPageFactory(parent=index, wijk=wijk)
    add_url = reverse("wagtailadmin_pages:add", args=["home", "wijkpage", index.pk])
    data = nested_form_data(
        {
            "title": "Ledeberg 2",
            "slug": "ledeberg-2",
            "wijk": wijk.pk,
            "intro": "",
            "body": streamfield([]),
        }
    )
    data["action-publish"] = "1"
    response = client.post(add_url, data)
    assert response.status_code == 200
    assert "Deze wijk heeft al een pagina." in response.content.decode()
    assert Page.objects.filter(slug="ledeberg-2").count() == 0


def test_snippet_search(client, editor, home):
    WijkFactory(name="Oostakker", postcodes="9041")
    WijkFactory(name="Drongen", postcodes="9031")
    response = client.get(reverse("wagtailsnippets_site_app_wijk:list"), {"q": "9041"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oostakker" in html and "Drongen" not in html


def test_the_admin_sends_no_request_to_gravatar(client, admin_user):
    client.force_login(admin_user)
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
