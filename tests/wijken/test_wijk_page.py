"""A wijk page: contacts with tel/mailto and vCard, places, figures, projects, its news."""

import re
from decimal import Decimal

import pytest
import vobject

from tests.factories import ContentPageFactory, WijkIndexPageFactory, WijkPageFactory
from tests.factories.wijken import (
    ContactPersonFactory,
    PlaceFactory,
    WijkContactFactory,
    WijkFigureFactory,
    WijkProjectFactory,
)
from tests.query_counts import warm_queries
from wijken.models import ContactPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def wijk_page(home):
    index = WijkIndexPageFactory(parent=home)
    page = WijkPageFactory(parent=index, parts="Noord, Zuid")
    WijkContactFactory(page=page, person__name="An Verstraete", person__phone="09 210 64 60")
    PlaceFactory(page=page, name="Buurtcentrum Noord", street="Kerkstraat 5", hearing_loop=True)
    WijkFigureFactory(wijk=page.wijk, value=Decimal("12.5"), city_average=Decimal("10"), unit="%")
    WijkProjectFactory(wijk=page.wijk, title="Een bank op het plein")
    return page


def test_wijk_page_shows_contacts_places_figures_projects(client, wijk_page):
    html = client.get(wijk_page.url).content.decode()
    assert 'href="tel:+3292106460"' in html
    assert 'href="mailto:' in html
    assert "Buurtcentrum Noord" in html and "Ringleiding voor hoorapparaten" in html
    assert "https://www.openstreetmap.org/search?query=Kerkstraat+5%2C+9000+Gent" in html
    assert "<iframe" not in html  # no embedded map: nothing from a third party on load
    assert re.search(r'<svg class="chart__svg"[^>]*role="img"', html)
    assert '<desc id="wijk-chart-desc">' in html and "12,5 %" in html
    assert "Een bank op het plein" in html
    assert "Noord, Zuid" in html


def test_vcard_parses_with_vobject(client, wijk_page):
    person = ContactPersonFactory(
        name="Elif Yılmaz",
        role="Buurtwerker; straathoek, jeugd",
        organisation="Sociaal Werk Gent",
        hours="Dinsdag\nin het buurtcentrum, zaal 2; " + "lang " * 30,
        email="elif@example.org",
        phone="+32 9 210 11 22",
    )
    response = client.get(f"/nl/wijkinfo/contact/{person.pk}.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode()
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    card = vobject.readOne(body)
    assert card.fn.value == "Elif Yılmaz"
    assert card.title.value == "Buurtwerker; straathoek, jeugd"
    assert card.email.value == "elif@example.org"
    assert card.tel.value == "tel:+3292101122"
    assert card.note.value.startswith("Dinsdag\nin het buurtcentrum, zaal 2; lang")


def test_vcard_of_unknown_person_is_404(client, home):
    assert client.get("/nl/wijkinfo/contact/999999.vcf").status_code == 404


def test_vcard_is_in_the_readers_language(client, wijk_page):
    from wagtail.models import Locale

    person = ContactPerson.objects.get()
    english = person.copy_for_translation(Locale.objects.get(language_code="en"))
    english.role = "Community worker"
    english.save()
    card = vobject.readOne(client.get(f"/en/wijkinfo/contact/{person.pk}.vcf").content.decode())
    assert card.title.value == "Community worker"


def _add_news(home, wijk, n, offset):
    for i in range(n):
        ContentPageFactory(parent=home, slug=f"nieuws-{offset + i}", wijken=[wijk])


def test_wijk_page_queries_constant_in_its_news(client, home, wijk_page):
    _add_news(home, wijk_page.wijk, 2, 0)
    small = warm_queries(client, wijk_page.url)
    _add_news(home, wijk_page.wijk, 12, 100)
    large = warm_queries(client, wijk_page.url)
    assert large == small, f"{small} queries with 2 news items, {large} with 12"


def _add_people_and_projects(page, n, offset):
    from wagtail_factories import ImageFactory

    from wijken.models import ProjectPhoto

    for i in range(n):
        WijkContactFactory(
            page=page, person__name=f"Persoon {offset + i}", person__photo=ImageFactory()
        )
        project = WijkProjectFactory(wijk=page.wijk, title=f"Project {offset + i}")
        ProjectPhoto.objects.create(project=project, image=ImageFactory())


def test_wijk_page_queries_constant_in_its_contacts_and_project_photos(client, wijk_page):
    _add_people_and_projects(wijk_page, 1, 0)
    small = warm_queries(client, wijk_page.url)
    _add_people_and_projects(wijk_page, 4, 10)
    large = warm_queries(client, wijk_page.url)
    assert large == small, f"{small} queries with 2 portraits, {large} with 6"
