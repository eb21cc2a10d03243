"""The readability module: Flesch-Douma pinned on Dutch sentences counted by hand.

Flesch-Douma = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words).
"""

import pytest
import textstat
from wagtail import blocks

from site_app import readability
from site_app.readability import (
    PLAIN,
    STANDARD,
    score_html,
    score_text,
    split_sentences,
    syllables,
    units_from_html,
    units_from_stream,
)


def test_one_short_sentence():
    # "De kat zit op de mat." 1 sentence, 6 words, 6 syllables (all one syllable).
    # 206.835 - 0.93 * 6 - 77 * 6/6 = 206.835 - 5.58 - 77 = 124.255
    score = score_text("De kat zit op de mat.")
    assert (score.sentences, score.words, score.syllables) == (1, 6, 6)
    assert score.flesch == pytest.approx(124.255)


def test_two_sentences_with_a_number():
    # "Gent heeft 25 wijken. Elke wijk is anders."
    # Gent 1, heeft 1, 25 1 (a number is one syllable), wij-ken 2   -> 4 words, 5 syllables
    # El-ke 2, wijk 1, is 1, an-ders 2                               -> 4 words, 6 syllables
    # 206.835 - 0.93 * 8/2 - 77 * 11/8 = 206.835 - 3.72 - 105.875 = 97.24
    score = score_text("Gent heeft 25 wijken. Elke wijk is anders.")
    assert score.sentence_lengths == (4, 4)
    assert score.syllables == 11
    assert score.flesch == pytest.approx(97.24)
    assert score.average_sentence_length == 4
    assert score.longest_sentence == 4


def test_long_words_lower_the_score():
    # "De gemeenteraad besliste gisteren over het participatiebudget van de binnenstad."
    # De 1, ge-meen-te-raad 4, be-slis-te 3, gis-te-ren 3, o-ver 2, het 1,
    # par-ti-ci-pa-tie-bud-get 7, van 1, de 1, bin-nen-stad 3 -> 10 words, 26 syllables
    # 206.835 - 0.93 * 10 - 77 * 2.6 = 206.835 - 9.3 - 200.2 = -2.665
    # Long words (4 syllables or more): gemeenteraad, participatiebudget -> 2 of 10.
    score = score_text(
        "De gemeenteraad besliste gisteren over het participatiebudget van de binnenstad."
    )
    assert (score.words, score.syllables) == (10, 26)
    assert score.flesch == pytest.approx(-2.665)
    assert score.long_words == 2
    assert score.long_word_share == pytest.approx(0.2)


def test_matches_textstat_where_the_syllable_counts_agree():
    # textstat (set_lang "nl") uses the same formula with pyphen's syllables.
    textstat.set_lang("nl")
    for text in ("De kat zit op de mat.", "Gent heeft 25 wijken. Elke wijk is anders."):
        assert score_text(text).flesch == pytest.approx(textstat.flesch_reading_ease(text))


def test_counts_the_short_syllables_a_hyphenation_dictionary_skips():
    # pyphen never splits off one letter: it reads "o-ver" and "a-vond" as one syllable.
    # We take the larger of pyphen and the vowel groups, so our score is the stricter one.
    assert syllables("over") == 2
    assert syllables("avond") == 2
    assert syllables("ideeën") == 3
    assert syllables("mooie") == 2
    assert syllables("wijkbudget") == 3
    assert syllables("19e-eeuwse") == 3
    textstat.set_lang("nl")
    text = "De vergadering is vanavond over de wijk."
    assert score_text(text).syllables >= textstat.syllable_count(text)


def test_sentences_end_at_punctuation_not_at_numbers_or_abbreviations():
    assert split_sentences("1. Waarom we beginnen in de wijk") == [
        "1. Waarom we beginnen in de wijk"
    ]
    assert split_sentences("Bv. de Brugse Poort. Of Ledeberg!") == [
        "Bv. de Brugse Poort.",
        "Of Ledeberg!",
    ]
    assert split_sentences("Elf wijken begonnen in 2020. De andere volgen.") == [
        "Elf wijken begonnen in 2020.",
        "De andere volgen.",
    ]
    assert split_sentences("هل عندك سؤال؟ اتصل بنا.") == ["هل عندك سؤال؟", "اتصل بنا."]


def test_html_blocks_are_units_and_scripts_are_skipped():
    html = (
        "<h2>Samengevat</h2><p>Een zin. Nog een <a href='#'>zin</a>!</p>"
        "<ul><li>Punt een</li><li>Punt twee</li></ul><script>var x = 1;</script>"
    )
    assert units_from_html(html) == ["Samengevat", "Een zin. Nog een zin!", "Punt een", "Punt twee"]
    score = score_html(html)
    # A heading and list items without a full stop are sentences of their own.
    assert score.sentence_lengths == (1, 2, 3, 2, 2)


def test_stream_text_skips_choices_and_non_text_blocks():
    stream_block = blocks.StreamBlock(
        [
            (
                "heading",
                blocks.StructBlock(
                    [
                        ("text", blocks.CharBlock()),
                        ("level", blocks.ChoiceBlock(choices=[("h2", "h2")])),
                    ]
                ),
            ),
            ("paragraph", blocks.RichTextBlock()),
            ("points", blocks.ListBlock(blocks.CharBlock())),
            ("link", blocks.URLBlock()),
        ]
    )
    value = stream_block.to_python(
        [
            {"type": "heading", "value": {"text": "Wat is een wijk?", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Een deel van de stad.</p>"},
            {"type": "points", "value": ["Punt een", "Punt twee"]},
            {"type": "link", "value": "https://example.org/"},
        ]
    )
    assert units_from_stream(value) == [
        "Wat is een wijk?",
        "Een deel van de stad.",
        "Punt een",
        "Punt twee",
    ]


def test_targets_and_problems():
    sixteen = "Een zin met zestien woorden is te lang voor een tekst in klare taal, zeker nu."
    assert len(readability.words_in(sixteen)) == 16
    score = score_text(f"{sixteen}\nDat is niet erg.\nKort is beter.")
    assert score.sentence_lengths == (16, 4, 3)
    assert score.meets(STANDARD)
    assert not score.meets(PLAIN)
    problems = [str(problem) for problem in score.problems(PLAIN)]
    assert any("16" in problem for problem in problems)
    assert score.long_sentences(PLAIN.max_longest) == [sixteen]
    assert score_text("").problems(PLAIN) == []


def test_other_languages_get_sentence_figures():
    english = score_text("The city listens to you. You say what you want.", "en")
    assert english.formula_name == "Flesch Reading Ease"
    assert english.flesch is not None
    arabic = score_text("في غنت 25 حيًا. كل حي مختلف.", "ar")
    assert arabic.flesch is None
    assert arabic.sentence_lengths == (4, 3)
    assert arabic.meets(PLAIN)


def test_a_few_words_are_not_judged_on_flesch():
    # "Elisabethbegijnhof-Papegaai" alone scores badly, but one name is not a text.
    score = score_text("Elisabethbegijnhof-Papegaai\nDit is de pagina van de wijk.")
    assert score.flesch < STANDARD.min_flesch
    assert score.words < readability.MIN_WORDS_FOR_FLESCH
    assert score.meets(STANDARD)
