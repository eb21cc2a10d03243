"""The demo register: complete, in the main menu, with groups and accounts (on the suite's
session demo; load_demo's idempotency is tested once, in tests/site_app/test_demo.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PagePermissionTester

from adviezen.models import AdviceIndexPage, AdvicePage, AdviceStep, AdvisoryCouncilPage
from adviezen.permissions import CITY_GROUP
from adviezen.register import councils_of, figures_table, load_items
from home.models import ContentPage
from site_app import demo_tools, taxonomy
from site_app.plain_language.models import ReadabilityScore
from site_app.readability import PLAIN, STANDARD
from site_app.timeline import OUTCOMES

pytestmark = pytest.mark.django_db

COUNCILS = {
    "cultuurraad",
    "gecoro",
    "gezondheidsraad",
    "stanz",
    "woonraad",
    "mina-raad",
    "jeugdraad",
    "ad-rem",
    "seniorenraad",
    "saph",
}


def _items():
    register = AdviceIndexPage.objects.get(locale__language_code="nl")
    locale = taxonomy.active_locale()
    councils = councils_of(register, locale)
    return load_items(register, locale, councils), councils


def test_the_councils_of_the_policy_note_and_enough_advice(demo):
    councils = AdvisoryCouncilPage.objects.filter(locale__language_code="nl").live()
    assert set(councils.values_list("slug", flat=True)) == COUNCILS
    items, _councils = _items()
    assert len(items) >= 15
    assert len({item.council.pk for item in items}) >= 5
    outcomes = {item.outcome.value for item in items if item.outcome}
    assert outcomes == {value for value, _label in OUTCOMES}, "every outcome"
    phases = {item.phase.value for item in items if item.phase}
    assert {"te-laat", "wacht-op-antwoord", "gevraagd", "in-voorbereiding", "beantwoord"} <= phases
    assert any(item.own_initiative for item in items)
    assert any(item.timeline.answered_in_time is False for item in items), "one answered late"
    assert AdviceStep.objects.filter(corrects__isnull=False).exists(), "one corrected step"


def test_figures_of_the_demo(demo):
    items, councils = _items()
    total = figures_table(items, councils)["total"]
    assert total.given == sum(1 for item in items if item.delivered)
    assert total.overdue >= 2 and total.answered >= 10


def test_translations_of_the_register_and_advice(demo):
    for code in ("en", "ar"):
        assert AdviceIndexPage.objects.filter(locale__language_code=code).live().exists()
        assert AdvicePage.objects.filter(locale__language_code=code).live().count() >= 2
        assert AdvisoryCouncilPage.objects.filter(locale__language_code=code).live().count() == 10


def test_the_menu_leads_to_the_register_and_the_placeholder_is_gone(client, demo):
    assert not ContentPage.objects.filter(slug__startswith="adviesraden").exists()
    for code in ("nl", "ar"):
        html = BeautifulSoup(client.get(f"/{code}/").content, "html.parser")
        links = [link["href"] for link in html.select(".main-nav__link")]
        assert f"/{code}/adviesraden/" in links


def test_the_policy_notes_feedback_links_to_the_councils_advice(client, demo):
    html = BeautifulSoup(client.get("/nl/beleidsnota-participatie/").content, "html.parser")
    links = [link["href"] for link in html.select(".feedback__link a")]
    assert "/nl/adviesraden/jeugdraad/beleidsnota-participatie-jeugdraad/" in links
    assert len(links) == 3
    arabic = BeautifulSoup(client.get("/ar/beleidsnota-participatie/").content, "html.parser")
    untranslated = [link for link in arabic.select(".feedback__link a") if link.get("lang")]
    assert untranslated and all(link["lang"] == "nl" for link in untranslated)


def test_demo_pages_render(client, demo):
    for url in [
        "/nl/adviesraden/",
        "/ar/adviesraden/",
        "/en/adviesraden/",
        "/nl/adviesraden/woonraad/",
        "/ar/adviesraden/woonraad/huurpremie/",
        "/nl/adviesraden/ad-rem/communicatie-in-meer-talen/",
        "/nl/adviesraden/woonraad/feed/rss/",
        "/nl/adviesraden/export/",
    ]:
        assert client.get(url).status_code == 200, url


def test_one_group_per_council_with_rights_on_its_own_subtree_only(demo):
    councils = AdvisoryCouncilPage.objects.filter(locale__language_code="nl")
    for council in councils:
        group = council.members_group
        assert group is not None
        roots = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
        translations = set(
            AdvisoryCouncilPage.objects.filter(translation_key=council.translation_key).values_list(
                "pk", flat=True
            )
        )
        assert roots == translations
    city = Group.objects.get(name=CITY_GROUP)
    assert city.permissions.filter(codename="respond_to_advice").exists()
    assert (
        not Group.objects.exclude(name=CITY_GROUP)
        .filter(permissions__codename="respond_to_advice")
        .exists()
    )


def test_demo_accounts_by_role(demo):
    created = {username: role for username, role, _password in demo_tools.create_demo_accounts()}
    assert set(created) >= {"stadsbestuur", *COUNCILS}
    from django.contrib.auth import get_user_model

    woonraad = get_user_model().objects.get(username="woonraad")
    own = AdvicePage.objects.get(slug="huurpremie", locale__language_code="nl")
    other = AdvicePage.objects.get(slug="koele-plekken-bij-hitte")
    assert PagePermissionTester(woonraad, own).can_edit()
    assert not PagePermissionTester(woonraad, other).can_edit()
    assert (
        get_user_model().objects.get(username="stadsbestuur").has_perm("adviezen.respond_to_advice")
    )
    assert demo_tools.create_demo_accounts() == [], "each password is shown only once"


def test_summaries_are_plain_language_and_the_advice_standard_text(demo):
    pages = AdvicePage.objects.filter(locale__language_code="nl")
    scores = ReadabilityScore.objects.filter(page__in=pages)
    plain = scores.filter(variant="plain")
    assert plain.count() == pages.count()
    for score in plain:
        assert score.meets_targets, (score.page.title, score.problems)
        assert score.flesch >= PLAIN.min_flesch, (score.page.title, score.flesch)
    for score in scores.filter(variant="full"):
        assert score.meets_targets, (score.page.title, score.problems)
        assert score.flesch >= STANDARD.min_flesch, (score.page.title, score.flesch)
