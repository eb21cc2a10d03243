"""The policy note's "what you told us" block speaks the register's vocabulary and links to
advice in the register."""

import pytest
from bs4 import BeautifulSoup

from adviezen.models import AdvicePage
from home.blocks import FeedbackBlock
from site_app.timeline import OUTCOMES
from tests.factories.adviezen import AdvicePageFactory, days

pytestmark = pytest.mark.django_db


def test_outcomes_are_the_registers_and_old_values_keep_working():
    block = FeedbackBlock()
    assert list(block.child_blocks["outcome"].field.choices)[1:] == list(OUTCOMES)
    assert block.child_blocks["page"].target_model is AdvicePage
    old = block.to_python(
        {"source": "Jeugdraad", "signal": "x", "response": "<p>Ja.</p>", "outcome": "partly"}
    )
    assert old["outcome"] == "deels-overgenomen"
    assert block.clean(old)["outcome"] == "deels-overgenomen"
    assert block.get_prep_value(old)["outcome"] == "deels-overgenomen"


def test_the_block_links_to_the_advice_and_names_the_outcome(council_a):
    advice = AdvicePageFactory(parent=council_a, title="Advies over de nota", delivered_on=days(-9))
    block = FeedbackBlock()
    value = block.to_python(
        {
            "source": "Woonraad",
            "signal": "Meer tijd.",
            "response": "<p>Goed.</p>",
            "outcome": "niet-overgenomen",
            "page": advice.pk,
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.select_one(".feedback__outcome--niet-overgenomen").get_text() == "Niet overgenomen"
    assert html.select_one(".feedback__link a")["href"] == advice.url
    advice.unpublish()
    value = block.to_python({**block.get_prep_value(value)})
    assert not BeautifulSoup(block.render(value), "html.parser").select(".feedback__link")
