"""Glossary marking: first occurrence only, never in links or headings, in translations too,
and every marked word explained on the page (for screen readers and without JavaScript)."""

import pytest
from bs4 import BeautifulSoup

from home.blocks import action, section
from site_app.blocks import html_paragraphs, paragraph, pictogram_paragraph
from site_app.plain_language.glossary import GlossaryMarker
from site_app.plain_language.models import GlossaryTerm

pytestmark = pytest.mark.django_db


def marker(locales):
    return GlossaryMarker.for_locale(locales["nl"])


def test_marks_the_first_occurrence_only_across_calls(locales, glossary):
    m = marker(locales)
    first = m.mark("<p>Elke wijk is anders. Een wijk is een deel van de stad.</p>")
    second = m.mark("<p>Nog een wijk.</p>")
    assert first.count('class="glossary-term"') == 1
    assert 'href="#woord-wijk"' in first
    assert second == "<p>Nog een wijk.</p>"
    assert [term.term for term in m.used] == ["wijk"]


def test_longest_form_wins_and_variants_count(locales, glossary):
    m = marker(locales)
    html = m.mark("<p>Het wijkbudget van de wijken in de 19e-eeuwse  gordel.</p>")
    soup = BeautifulSoup(html, "html.parser")
    assert [a.get_text() for a in soup.select("a.glossary-term")] == [
        "wijkbudget",
        "wijken",
        "19e-eeuwse  gordel",
    ]
    # A compound is not the word itself: "wijk-DNA" and "wijkwerker" stay unmarked.
    assert 'class="glossary-term"' not in marker(locales).mark("<p>Het wijk-DNA.</p>")
    assert 'class="glossary-term"' not in marker(locales).mark("<p>De wijkwerker.</p>")


def test_never_inside_links_headings_or_attributes(locales, glossary):
    m = marker(locales)
    html = m.mark(
        '<h2>De wijk</h2><p><a href="/wijk/" title="wijk">wijk</a> '
        '<span data-x="wijk">en dan</span> de wijk.</p>'
    )
    soup = BeautifulSoup(html, "html.parser")
    marked = soup.select("a.glossary-term")
    assert len(marked) == 1
    assert marked[0].parent.name == "p"
    assert soup.h2.get_text() == "De wijk" and not soup.h2.find("a")
    assert soup.find("a", href="/wijk/")["title"] == "wijk"
    assert soup.find("span")["data-x"] == "wijk"


def test_mark_keeps_html_without_terms_untouched(locales, glossary):
    html = "<p>Niets te zien &amp; niets te doen.</p>"
    assert marker(locales).mark(html) == html


def test_policy_note_marks_rich_text_and_lists_definitions(client, locales, glossary, make_note):
    note = make_note(
        body=[
            section(
                "De wijk en het geld",
                body=[
                    paragraph(
                        html_paragraphs("Een wijk krijgt een wijkbudget. Elke wijk kiest zelf.")
                    )
                ],
                actions=[
                    action(
                        "Actie in de wijk",
                        html_paragraphs("Bewoners van de wijk beslissen."),
                        who="Dienst",
                        when="2021",
                    )
                ],
            )
        ]
    )
    html = client.get(note.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main")
    marked = main.select("a.glossary-term")
    assert [a.get_text() for a in marked] == ["wijk", "wijkbudget"]
    assert not main.select("h2 a.glossary-term, h4 a.glossary-term")
    for link in marked:
        definition = main.find(id=link["aria-describedby"])
        assert definition is not None and definition.get_text(strip=True)
        entry = main.find(id=link["href"].lstrip("#"))
        assert entry.find("dt").get_text() == link.get_text() or entry.find("dt").get_text()
        back = entry.find("a", href=f"#{link['id']}")
        assert back is not None
    assert "Moeilijke woorden op deze pagina" in main.get_text()


def test_marking_works_in_a_translation(client, locales, glossary, make_note, pictogram):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, html_paragraphs("Een wijk."))])
    arabic = note.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.title = "مذكرة"
    arabic.plain_body = [
        pictogram_paragraph(pictogram, html_paragraphs("هذا الحي جميل. الحي كبير."))
    ]
    arabic.save()
    arabic.save_revision().publish()
    response = client.get(arabic.url + "klare-taal/")
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    marked = main.select("a.glossary-term")
    assert [a.get_text() for a in marked] == ["الحي"]
    assert main.find(id=marked[0]["aria-describedby"]).get_text() == "جزء من المدينة."
    # Dutch terms are not used on the Arabic page.
    assert "Een deel van de stad." not in main.get_text()


def test_pages_without_marking_keep_plain_rich_text(client, home, glossary):
    from tests.factories import ContentPageFactory

    page = ContentPageFactory(
        parent=home, slug="gewoon", body=[("paragraph", "<p>Een wijk zonder uitleg.</p>")]
    )
    html = client.get(page.url).content.decode()
    assert "glossary-term" not in html


def test_glossary_page_lists_terms_a_to_z(client, home, locales, glossary):
    from home.models import GlossaryPage

    page = home.add_child(instance=GlossaryPage(title="Woordenlijst", slug="woordenlijst"))
    page.save_revision().publish()
    main = BeautifulSoup(client.get(page.url).content, "html.parser").find("main")
    terms = [dt.get_text() for dt in main.select("dt")]
    # A to Z, terms that start with a digit last; only the page's language.
    assert terms == ["wijk", "wijkbudget", "19e-eeuwse gordel"]
    assert set(terms) == set(
        GlossaryTerm.objects.filter(locale=locales["nl"]).values_list("term", flat=True)
    )
    letters = [a.get_text() for a in main.select(".letter-nav a")]
    assert letters == ["W", "0–9"]
    assert main.find(id="woord-wijk") is not None
