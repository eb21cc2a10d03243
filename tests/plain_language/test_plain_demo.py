"""The demo policy note: its plain-language version meets the easy-read targets, measured on
the rendered page (not on stored numbers), in Dutch, English and Arabic."""

import pytest
from bs4 import BeautifulSoup

from home.models import GlossaryPage, PolicyNotePage
from site_app.plain_language.models import GlossaryTerm
from site_app.readability import PLAIN, STANDARD, score_html

pytestmark = pytest.mark.django_db

NOTE = "/{lang}/beleidsnota-participatie/"


def _main(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser").find("main")


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
def test_plain_version_meets_the_easy_read_targets(client, demo, lang):
    main = _main(client, NOTE.format(lang=lang) + "klare-taal/")
    score = score_html(str(main), lang)
    figures = (
        f"{lang}: {score.sentences} sentences, {score.words} words, "
        f"average {score.average_sentence_length:.2f}, longest {score.longest_sentence} "
        f"({score.longest_sentence_text!r}), flesch {score.flesch}"
    )
    print(figures)
    assert score.average_sentence_length <= PLAIN.max_average, figures
    assert score.longest_sentence <= PLAIN.max_longest, figures
    if lang == "nl":
        assert score.flesch >= PLAIN.min_flesch, figures
    assert score.meets(PLAIN), figures


def test_full_version_meets_the_standard_targets(client, demo):
    main = _main(client, NOTE.format(lang="nl"))
    score = score_html(str(main), "nl")
    print(
        f"nl full: average {score.average_sentence_length:.2f}, longest "
        f"{score.longest_sentence}, flesch {score.flesch:.1f}"
    )
    assert score.meets(STANDARD), score.problems(STANDARD)


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
def test_plain_version_uses_pictograms_and_explains_words(client, demo, lang):
    main = _main(client, NOTE.format(lang=lang) + "klare-taal/")
    assert len(main.select(".easy-read .pictogram-paragraph img")) >= 20
    marked = main.select("a.glossary-term")
    assert len(marked) >= 5, [a.get_text() for a in marked]
    for link in marked:
        assert main.find(id=link["aria-describedby"]).get_text(strip=True)


def test_glossary_has_the_terms_of_the_note_in_every_language_used(demo, locales):
    nl_terms = GlossaryTerm.objects.filter(locale=locales["nl"])
    assert nl_terms.count() >= 12
    for slug in ("wijk", "buurt", "binnenstad", "commons", "burgerbudget", "wijkbudget"):
        term = nl_terms.get(slug=slug)
        for code in ("en", "ar"):
            assert term.get_translation_or_none(locales[code]) is not None, (slug, code)


def test_policy_note_and_glossary_page_in_three_languages(demo):
    assert PolicyNotePage.objects.count() == 3
    assert GlossaryPage.objects.count() == 3


def test_glossary_page_in_arabic(client, demo):
    main = _main(client, "/ar/woordenlijst/")
    assert "الحي" in [dt.get_text() for dt in main.select("dt")]


@pytest.mark.parametrize("path", ["", "klare-taal/"])
@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
def test_policy_note_stays_under_25_queries_on_the_demo(
    client, demo, lang, path, django_assert_max_num_queries
):
    """The demo's 22 pictogram lines cost no query each (one cached lookup for all)."""
    url = NOTE.format(lang=lang) + path
    assert client.get(url).status_code == 200  # warm: caches, renditions
    with django_assert_max_num_queries(24):
        assert client.get(url).status_code == 200
