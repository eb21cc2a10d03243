"""The policy note page: full text, plain-language route, links between them, feeds, scores."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from home.blocks import action, section
from home.models import PolicyNotePage
from site_app import feeds
from site_app.blocks import heading, html_paragraphs, paragraph, pictogram_paragraph
from site_app.plain_language.models import ReadabilityScore

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(make_note, pictogram):
    return make_note(
        body=[
            section(
                "Waarom we in de wijken beginnen",
                body=[
                    paragraph(html_paragraphs("De stad kiest voor nabijheid. Elke wijk is anders."))
                ],
                summary=["Gent telt 25 wijken."],
                actions=[
                    action(
                        "Een pagina per wijk",
                        html_paragraphs("Je ziet wie je kan aanspreken."),
                        who="Dienst",
                        when="2021",
                    )
                ],
            ),
            section(
                "Een budget voor elke wijk",
                body=[paragraph(html_paragraphs("Bewoners kiezen de projecten."))],
            ),
        ],
        plain_body=[
            heading("Wat is het plan?"),
            pictogram_paragraph(pictogram, html_paragraphs("De stad geeft geld aan elke wijk.")),
            pictogram_paragraph(
                pictogram, html_paragraphs("Bewoners kiezen samen."), decorative=True
            ),
        ],
    )


def _main(response):
    return BeautifulSoup(response.content, "html.parser").find("main")


def test_full_version_has_numbered_sections_actions_and_a_link_to_the_plain_version(client, note):
    response = client.get(note.url)
    assert response.status_code == 200
    main = _main(response)
    headings = [h.get_text(" ", strip=True) for h in main.select("h2.policy-section__title")]
    assert headings == ["1. Waarom we in de wijken beginnen", "2. Een budget voor elke wijk"]
    assert main.select_one("#hoofdstuk-1 .summary li").get_text() == "Gent telt 25 wijken."
    assert main.select_one(".action__title").get_text() == "Een pagina per wijk"
    plain_links = main.select("a.version-link__link")
    assert plain_links and plain_links[0]["href"] == note.url + "klare-taal/"


def test_plain_version_has_its_own_url_pictograms_and_a_link_back(client, note):
    response = client.get(note.url + "klare-taal/")
    assert response.status_code == 200
    assert b'<html lang="nl" dir="ltr">' in response.content
    main = _main(response)
    assert main.select_one(".easy-read") is not None
    images = main.select(".easy-read .pictogram-paragraph img")
    assert [img["alt"] for img in images] == ["Geld", ""]  # the second one is decorative
    assert main.select_one("a.version-link__link")["href"] == note.url
    assert "Klare taal" in main.get_text()
    assert "Leesbaarheid" not in response.content.decode()  # the preview box is for editors


def test_no_plain_version_means_no_link_and_404(client, make_note):
    note = make_note(
        slug="zonder", body=[section("Alleen tekst", body=[paragraph(html_paragraphs("Een zin."))])]
    )
    assert "klare-taal/" not in client.get(note.url).content.decode()
    assert client.get(note.url + "klare-taal/").status_code == 404


def test_preview_modes_show_both_versions(rf, admin_user, note):
    assert [mode for mode, _label in note.preview_modes] == ["", "klare-taal"]
    request = rf.get("/")
    request.user = admin_user
    request.is_preview = True
    response = note.serve_preview(request, "klare-taal")
    response.render()
    html = response.content.decode()
    assert "easy-read" in html
    # Editors see live figures above the previewed plain version (never on the public page).
    assert "Leesbaarheid (alleen in het voorbeeld)" in html


def test_is_a_feed_source(note):
    assert PolicyNotePage.feed_source.kind == "beleidsnota"
    assert PolicyNotePage.feed_source in feeds.sources()
    with translation.override("nl"):
        assert feeds.kinds()["beleidsnota"] == "Beleidsnota"


def test_publishing_stores_scores_for_both_versions(note):
    scores = {s.variant: s for s in ReadabilityScore.objects.filter(page=note)}
    assert set(scores) == {"full", "plain"}
    plain = scores["plain"]
    assert plain.targets == "plain"
    assert plain.language == "nl"
    assert plain.meets_targets
    assert plain.longest_sentence == 7  # "De stad geeft geld aan elke wijk."


def test_a_draft_updates_the_stored_score(note, pictogram):
    long_sentence = (
        "Dit is een veel te lange zin die de bewoner van de wijk niet meer goed kan volgen "
        "omdat hij nooit ophoudt."
    )
    note.plain_body = [pictogram_paragraph(pictogram, html_paragraphs(long_sentence))]
    note.save_revision()
    plain = ReadabilityScore.objects.get(page=note, variant="plain")
    assert not plain.meets_targets
    assert plain.longest_sentence == 22
    assert any("22" in str(problem) for problem in plain.problems)


def test_sitemap_lists_the_plain_version(client, note):
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{note.url}</loc>" in xml
    assert f"http://testserver{note.url}klare-taal/</loc>" in xml
