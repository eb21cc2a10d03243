import pytest
from wagtail.models import Page

from site_app.models import Zone
from tests.factories import (
    ContentPageFactory,
    ThemeFactory,
    WijkFactory,
    WijkIndexPageFactory,
    WijkPageFactory,
)

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
        parent=index,
        wijk=WijkFactory(name="Ledeberg", slug="ledeberg", postcodes="9050", zone=Zone.GORDEL_19),
    )
    WijkPageFactory(
        parent=index,
        wijk=WijkFactory(name="Drongen", slug="drongen", postcodes="9031", zone=Zone.GORDEL_20),
    )

    def listed(response) -> list:
        return [
            (str(zone), [page.title for page in pages])
            for zone, pages in response.context["zones"]
            if pages
        ]

    response = client.get("/nl/wijken/?postcode=9050")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ledeberg" in html
    assert "Drongen" not in html  # the postcode filter leaves out the wijken without it
    assert listed(response) == [("19e-eeuwse gordel", ["Ledeberg"])]
    assert response.context["result_count"] == 1

    everything = client.get("/nl/wijken/")
    assert listed(everything) == [
        ("19e-eeuwse gordel", ["Ledeberg"]),
        ("20ste-eeuwse gordel", ["Drongen"]),
    ]
    assert Page.objects.count() >= 3
