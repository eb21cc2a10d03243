"""The public pages of the register: an advice with its timeline and the city's answer, a
council, translations that share one history; and the editors' dashboards."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from adviezen.models import AdvicePage, AdviceStep
from site_app.demo_tools import translate_page
from site_app.timeline import Status
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db


def soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def test_an_answered_advice_shows_its_timeline_and_the_answer(client, council_a, terms):
    page = AdvicePageFactory(
        parent=council_a,
        title="Advies over de huurpremie",
        requested_on=days(-90),
        advice_deadline=days(-60),
        delivered_on=days(-61),
        response_on=days(-20),
        response_by="De schepen van Wonen",
        outcome="niet-overgenomen",
        outcome_reason="Er is dit jaar geen geld voor.",
        response_summary="We doen het nu niet.",
        themes=[terms["wonen"]],
    )
    html = soup(client, page.url)
    steps = [
        item.select_one(".status-timeline__status").get_text()
        for item in html.select(".status-timeline__item")
    ]
    assert steps == ["Advies gevraagd", "Advies gegeven", "Niet overgenomen"]
    current = html.select_one('.status-timeline__item[aria-current="step"]')
    assert "Niet overgenomen" in current.get_text()
    assert "Er is dit jaar geen geld voor." in current.get_text(), "the reason is public"
    answer = html.select_one("#antwoord")
    assert "We doen het nu niet." in answer.get_text()
    assert "De schepen van Wonen" in answer.get_text()
    assert html.select_one(".phase--beantwoord").get_text() == "Beantwoord"
    assert "Wonen" in html.select_one(".tag-list").get_text()
    assert not html.select(".notice--warning")
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert (data["@type"], data["author"]["name"]) == ("Report", "Woonraad")
    assert data["creativeWorkStatus"] == "Niet overgenomen" and "T" in data["datePublished"]
    council = soup(client, council_a.url).select_one('script[type="application/ld+json"]')
    assert json.loads(council.string)["@type"] == "GovernmentOrganization"


def test_an_overdue_advice_says_so_in_words(client, council_a):
    page = AdvicePageFactory(parent=council_a, delivered_on=days(-70), response_due=days(-10))
    html = soup(client, page.url)
    assert html.select_one(".phase--te-laat").get_text() == "Antwoord te laat"
    assert "Dat antwoord is er nog niet." in html.select_one(".notice--warning").get_text()
    overdue = html.select_one(".status-timeline__item--overdue")
    assert "10 dagen later dan aangekondigd" in overdue.get_text()


def test_a_corrected_date_stays_visible_on_the_timeline(client, council_a, city_member):
    page = AdvicePageFactory(parent=council_a, delivered_on=days(-30))
    page = AdvicePage.objects.get(pk=page.pk)
    page.delivered_on = days(-32)
    page.save_revision(user=city_member).publish()
    assert AdviceStep.objects.filter(advice=page).count() == 2
    html = soup(client, page.url)
    (item,) = html.select(".status-timeline__item")
    assert "Verbeterd op" in item.get_text()


def test_translations_share_one_history(client, register, council_a, locales):
    page = AdvicePageFactory(
        parent=council_a, title="Advies", delivered_on=days(-10), requested_on=days(-20)
    )
    translate_page(register.get_parent(), locales["ar"])
    arabic = translate_page(page, locales["ar"], title="نصيحة")
    assert not arabic.records_timeline
    assert AdviceStep.objects.filter(advice=arabic).count() == 0
    html = soup(client, arabic.url)
    steps = html.select(".status-timeline__item")
    assert len(steps) == 2
    assert html.find("html")["dir"] == "rtl"
    actor = steps[0].select_one(".status-timeline__actor [lang]")
    assert (actor["lang"], actor["dir"]) == ("nl", "ltr"), "Dutch text keeps its direction"
    # The register in Arabic lists every advice: this one in Arabic, an untranslated one in Dutch.
    AdvicePageFactory(parent=council_a, title="Alleen in het Nederlands", delivered_on=days(-3))
    translate_page(register, locales["ar"], title="المجالس الاستشارية")
    listing = soup(client, "/ar/adviesraden/")
    titles = {
        link.get_text(strip=True): link.get("lang")
        for link in listing.select(".advice-item__title a")
    }
    assert titles == {"نصيحة": None, "Alleen in het Nederlands": "nl"}


def test_a_council_page_shows_its_advice_figures_and_feed(client, council_a, council_b):
    AdvicePageFactory(
        parent=council_a, title="Eerste", delivered_on=days(-80), response_due=days(-20)
    )
    AdvicePageFactory(
        parent=council_a,
        title="Tweede",
        delivered_on=days(-50),
        response_on=days(-40),
        outcome="overgenomen",
    )
    AdvicePageFactory(parent=council_b, title="Van een andere raad", delivered_on=days(-5))
    html = soup(client, council_a.url)
    titles = [title.get_text(strip=True) for title in html.select(".advice-item__title")]
    assert sorted(titles) == ["Eerste", "Tweede"]
    figures = dict(
        zip(
            [dt.get_text() for dt in html.select(".council__figures dt")],
            [dd.get_text() for dd in html.select(".council__figures dd")],
            strict=True,
        )
    )
    assert figures["Adviezen gegeven"] == "2" and figures["Te laat, nog zonder antwoord"] == "1"
    assert (
        html.select_one('link[type="application/rss+xml"]')["href"] == f"{council_a.url}feed/rss/"
    )
    filtered = client.get(f"{council_a.url}?status=beantwoord")
    assert [item.page.title for item in filtered.context["items"]] == ["Tweede"]
    assert client.get(f"{council_a.url}?raad=jeugdraad").status_code == 200, (
        "no council filter here"
    )


def test_pages_are_in_the_sitemap_and_the_register_in_the_menu(client, register, council_a):
    page = AdvicePageFactory(parent=council_a, delivered_on=days(-3))
    register.show_in_menus = True
    register.save_revision().publish()
    sitemap = client.get("/sitemap.xml").content.decode()
    for url in (register.url, council_a.url, page.url):
        assert f"http://testserver{url}</loc>" in sitemap
    menu = soup(client, "/nl/").select(".main-nav__link")
    assert register.url in [link["href"] for link in menu]


def test_an_editor_creates_and_publishes_an_advice_in_the_admin(client, council_a, member_a, terms):
    client.force_login(member_a)
    add = reverse("wagtailadmin_pages:add", args=["adviezen", "advicepage", council_a.pk])
    data = nested_form_data(
        {
            "title": "Nieuw advies",
            "slug": "nieuw-advies",
            "kind": "gevraagd",
            "requested_by": "De schepen",
            "requested_on": days(-10).isoformat(),
            "advice_deadline": days(20).isoformat(),
            "subject": "",
            "procedure": "",
            "concerns_url": "",
            "preparation_started_on": days(-5).isoformat(),
            "delivered_on": "",
            "response_due": "",
            "advice_summary": "Kort advies.",
            "body": streamfield([("paragraph", rich_text("<p>Tekst.</p>"))]),
            "listing_title": "",
            "listing_summary": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    data["themes"] = [str(terms["wonen"].pk)]
    data["action-publish"] = "action-publish"
    response = client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = AdvicePage.objects.get(slug="nieuw-advies")
    assert [step.status for step in page.timeline.steps] == [
        Status.REQUESTED,
        Status.IN_PREPARATION,
    ]
    assert page.timeline.steps[0].recorded_by == member_a
    # Clearing a date that is already public is refused: correct it instead.
    data["preparation_started_on"] = ""
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "staat al op de publieke tijdlijn" in response.content.decode()


def test_dashboards_show_what_waits(client, council_a, council_b, member_a, city_member):
    late = AdvicePageFactory(
        parent=council_a, title="Te laat", delivered_on=days(-90), response_due=days(-30)
    )
    soon = AdvicePageFactory(parent=council_b, title="Bijna", delivered_on=days(-10))
    AdvicePageFactory(
        parent=council_a,
        title="Klaar",
        delivered_on=days(-50),
        response_on=days(-40),
        outcome="overgenomen",
    )
    AdvicePageFactory(
        parent=council_a, title="Gevraagd", requested_on=days(-3), advice_deadline=days(30)
    )
    client.force_login(city_member)
    html = soup(client, "/admin/")
    panel = html.select_one("#advice-awaiting-response-section")
    rows = [row.select_one(".title").get_text(strip=True) for row in panel.select("tbody tr")]
    assert rows == [late.title, soon.title], "overdue first"
    assert "30 dagen te laat" in panel.get_text()
    assert not html.select("#advice-council-open-section")
    client.force_login(member_a)
    html = soup(client, "/admin/")
    panel = html.select_one("#advice-council-open-section")
    rows = [row.select_one(".title").get_text(strip=True) for row in panel.select("tbody tr")]
    assert rows == ["Te laat", "Gevraagd"], "own council only, answered ones left out"
    assert not html.select("#advice-awaiting-response-section")
    nobody = get_user_model().objects.create_user("niemand", "n@example.org", "x")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    html = soup(client, "/admin/")
    assert not html.select("#advice-council-open-section") and not html.select(
        "#advice-awaiting-response-section"
    )
