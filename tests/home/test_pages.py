import pytest
from wagtail.models import Page

from home.factories import ContentPageFactory, WijkIndexPageFactory, WijkPageFactory
from site_app.factories import ThemeFactory, WijkFactory

pytestmark = pytest.mark.django_db


def test_home_page_renders_with_language_and_direction(client, home):
    response = client.get("/nl/")
    assert response.status_code == 200
    assert b'<html lang="nl" dir="ltr">' in response.content


def test_content_page_lists_localized_themes(client, home):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    page = ContentPageFactory(parent=home, title="Over wonen", slug="over-wonen", themes=[theme])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Wonen" in response.content.decode()


def test_wijk_index_groups_wijk_pages(client, home):
    index = WijkIndexPageFactory(parent=home)
    WijkPageFactory(
        parent=index, wijk=WijkFactory(name="Ledeberg", slug="ledeberg", postcodes="9050")
    )
    response = client.get("/nl/wijken/?postcode=9050")
    assert response.status_code == 200
    assert "Ledeberg" in response.content.decode()
    assert Page.objects.count() >= 3
