"""Word forms, spelling hints and snippets (no database)."""

import pytest

from search.text import Vocabulary, build_query, key, snippet, words


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("nl", "wijken", "wijk"),
        ("nl", "adviezen", "advies"),
        ("nl", "bomen", "boom"),
        ("nl", "straten", "straat"),
        ("nl", "huizen", "huis"),
        ("en", "neighbourhoods", "neighbourhood"),
        ("en", "policies", "policy"),
        ("ar", "الحي", "حي"),
        ("ar", "المشاركة", "مشاركه"),
    ],
)
def test_word_forms_share_a_key(language, one, other):
    assert key(one, language) == key(other, language)


def test_different_words_keep_different_keys():
    assert key("wijk", "nl") != key("wijn", "nl")


def test_words_drop_operators_and_lowercase():
    assert words('"Wijk*" AND (buren) -NOT title:x') == [
        "wijk",
        "and",
        "buren",
        "not",
        "title",
        "x",
    ]


def test_vocabulary_widens_and_corrects():
    vocabulary = Vocabulary(["Het wijkbudget", "Alle wijken"], "nl")
    forms, correction = vocabulary.forms("wijk")
    assert forms == {"wijk", "wijken"} and correction is None
    forms, correction = vocabulary.forms("wijkbudjet")
    assert correction == "wijkbudget" and "wijkbudget" in forms
    _query, corrected, forms = build_query(["wijkbudjet", "wijk"], vocabulary)
    assert corrected == "wijkbudget wijk"
    assert forms[1] == ["wijk", "wijken"]


def test_snippet_marks_matching_words_around_the_first_match():
    text = "Begin. " + "vul " * 100 + "Het wijkbudget gaat naar de wijken. " + "rest " * 100
    pieces = snippet(text, ["wijk"], "nl")
    assert ("wijken", True) in pieces
    assert pieces[0] == ("… ", False)
    assert sum(len(part) for part, _ in pieces) < 260
