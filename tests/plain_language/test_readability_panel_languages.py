"""The readability panel speaks the editor's number format and says when a language has no
formula, instead of claiming the text meets the targets."""

from django.template.loader import render_to_string
from django.utils import translation

from site_app.readability import PLAIN, score_units

LONG = ["Dit is een hele lange zin met heel veel woorden die maar blijft doorgaan en doorgaan."]


def test_problems_use_the_decimal_separator_of_the_language():
    score = score_units(LONG * 3, "nl")
    with translation.override("nl"):
        assert any("16,0" in str(problem) for problem in score.problems(PLAIN))
    with translation.override("en"):
        assert any("16.0" in str(problem) for problem in score.problems(PLAIN))


def test_a_language_without_formula_is_not_said_to_meet_the_targets():
    score = score_units(["Bu kısa bir cümle."], "tr")
    assert not score.formula_name and not score.problems(PLAIN)
    with translation.override("nl"):
        html = render_to_string(
            "plain_language/readability_panel.html",
            {"score": score, "targets": PLAIN, "problems": [], "is_plain": True},
        )
    assert "Niet gemeten voor deze taal" in html
    assert "haalt alle doelen" not in html
