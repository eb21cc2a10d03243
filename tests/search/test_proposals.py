"""Citizens' proposals in the site search: their public texts only, once they are public."""

import re
from html import unescape

import pytest
from django.utils import timezone, translation

from gemeenteraad.models import CitizenProposal, ProposalFormPage
from search import engine
from search.text import words
from site_app import localization
from site_app.timeline import Status
from tests.factories import ContentPageFactory, ThemeFactory
from tests.query_counts import warm_queries

pytestmark = pytest.mark.django_db

RESULT = re.compile(
    r'class="search-results__title"><a href="([^"]*)">(.*?)</a></h2>\s*'
    r'<p class="search-results__meta">([^<·]*)',
    re.S,
)
INITIATOR = {
    "name": "Zeynep Proefpersoon",
    "email": "zeynep.proef@voorbeeld.invalid",
    "phone": "0470 12 34 56",
    "postcode": "9040",
}


def results(response) -> list[tuple[str, str, str]]:
    """(url, title, kind label) of every result on the page."""
    return [
        (unescape(url), unescape(re.sub(r"<[^>]+>", "", title)), unescape(kind).strip())
        for url, title, kind in RESULT.findall(response.content.decode())
    ]


def proposal(title, status=Status.COLLECTING_SUPPORT, published=True, **fields):
    now = timezone.now()
    values = {
        **INITIATOR,
        "title": title,
        "question": "Kan de stad hier iets aan doen?",
        "wants_chair_advice": False,
        "status": status,
        "submitted_at": now,
        "confirmed_at": now,
        "published_at": now if published else None,
        **fields,
    }
    return CitizenProposal.objects.create(**values)


@pytest.fixture
def form_page(home):
    return home.add_child(
        instance=ProposalFormPage(title="Een punt op de agenda", slug="agendapunt-gemeenteraad")
    )


def test_a_public_proposal_is_found_by_a_word_of_its_title(client, form_page):
    found = proposal("Drinkwaterfonteinen op elk plein")
    response = client.get("/nl/zoeken/", {"q": "drinkwaterfonteinen"})
    assert response.status_code == 200
    assert results(response) == [
        (
            f"/nl/agendapunt-gemeenteraad/voorstellen/{found.pk}/",
            "Drinkwaterfonteinen op elk plein",
            "Voorstel van burgers",
        )
    ]
    assert client.get(results(response)[0][0]).status_code == 200


def test_the_kind_label_is_translated(client, form_page):
    proposal("Drinking fountains on every square", language="en")
    response = client.get("/en/zoeken/", {"q": "fountains"})
    assert [kind for _url, _title, kind in results(response)] == ["Citizens' proposal"]


@pytest.mark.parametrize(
    ("status", "published", "confirmed"),
    [
        (Status.SUBMITTED, False, True),
        (Status.CHAIR_ADVICE, False, True),
        ("", False, True),  # a draft
        (Status.COLLECTING_SUPPORT, True, False),  # never confirmed by e-mail
    ],
)
def test_a_proposal_that_is_not_public_is_not_found(
    client, form_page, status, published, confirmed
):
    hidden = proposal("Kabouterpaden in het stadspark", status=status, published=published)
    if not confirmed:
        CitizenProposal.objects.filter(pk=hidden.pk).update(confirmed_at=None)
    proposal("Drinkwaterfonteinen op elk plein")
    response = client.get("/nl/zoeken/", {"q": "kabouterpaden"})
    assert results(response) == []
    # Its words are not offered as a spelling hint either.
    hint = client.get("/nl/zoeken/", {"q": "kabouterpadem"}).content.decode()
    assert "Bedoelde je:" not in hint
    with translation.override("nl"):
        known = engine.vocabulary(localization.active_locale()).known
    assert "kabouterpaden" not in known and "drinkwaterfonteinen" in known


@pytest.mark.parametrize(
    "typed", ["Proefpersoon", "zeynep.proef@voorbeeld.invalid", "0470 12 34 56", "9040"]
)
def test_personal_data_of_a_public_proposal_is_never_searched_or_shown(client, form_page, typed):
    public = proposal("Drinkwaterfonteinen op elk plein")
    with translation.override("nl"):
        hits = engine.run(words(typed), localization.active_locale(), {}).hits
    assert not [hit for hit in hits if hit.kind.slug == "voorstel"]
    page = client.get("/nl/zoeken/", {"q": "drinkwaterfonteinen"}).content.decode()
    assert f"/voorstellen/{public.pk}/" in page
    for value in INITIATOR.values():
        assert value not in page


def test_a_proposal_is_found_in_the_language_it_was_written_in(client, form_page):
    proposal("Drinkwaterfonteinen op elk plein", language="nl")
    assert results(client.get("/en/zoeken/", {"q": "drinkwaterfonteinen"})) == []


def test_proposals_have_facets_like_every_kind(client, form_page):
    water = ThemeFactory(name="Water", slug="water")
    found = proposal("Drinkwaterfonteinen op elk plein")
    found.themes.add(water)
    proposal("Drinkwaterfonteinen aan het station")
    ContentPageFactory(parent=form_page.get_parent(), title="Drinkwaterfonteinen in de zomer")
    with translation.override("nl"):
        outcome = engine.run(["drinkwaterfonteinen"], localization.active_locale(), {})
    assert outcome.facets["soort"] == {"voorstel": 2, "pagina": 1}
    assert outcome.facets["thema"] == {"water": 1}
    assert outcome.facets["jaar"] == {str(timezone.now().year): 2}
    response = client.get("/nl/zoeken/", {"q": "drinkwaterfonteinen", "thema": "water"})
    assert [title for _url, title, _kind in results(response)] == [
        "Drinkwaterfonteinen op elk plein"
    ]


def test_queries_do_not_grow_with_the_number_of_results(client, form_page):
    """One result of each kind, or five of each (all on the first page): the same queries."""
    home = form_page.get_parent()
    for word, count in (("fonteinen", 1), ("zitbanken", 5)):
        for number in range(count):
            ContentPageFactory(parent=home, title=f"{word} {number}", slug=f"{word}-{number}")
            proposal(f"{word} op plein {number}")
    few = warm_queries(client, "/nl/zoeken/?q=fonteinen")
    many = warm_queries(client, "/nl/zoeken/?q=zitbanken")
    for word, count in (("fonteinen", 1), ("zitbanken", 5)):
        kinds = [kind for _url, _title, kind in results(client.get("/nl/zoeken/", {"q": word}))]
        assert sorted(kinds) == ["Pagina"] * count + ["Voorstel van burgers"] * count
    assert few == many
