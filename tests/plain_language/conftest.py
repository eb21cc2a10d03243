"""Fixtures for the plain-language tests: glossary terms, pictograms and a policy note."""

import pytest

from home.models import PolicyNotePage
from site_app.plain_language.models import GlossaryTerm
from tests.factories import PictogramFactory


@pytest.fixture
def pictogram(locales):
    return PictogramFactory(label="Geld", keywords="euro, budget, subsidie", shipped_name="geld")


@pytest.fixture
def glossary(locales):
    """Three Dutch terms, 'wijk' also in Arabic (a translation of the same term)."""
    nl = locales["nl"]
    wijk = GlossaryTerm.objects.create(
        term="wijk", variants="wijken", definition="Een deel van de stad.", locale=nl
    )
    GlossaryTerm.objects.create(
        term="wijkbudget", definition="Geld voor projecten in een wijk.", locale=nl
    )
    GlossaryTerm.objects.create(
        term="19e-eeuwse gordel", definition="De wijken rond de binnenstad.", locale=nl
    )
    arabic = wijk.copy_for_translation(locales["ar"])
    arabic.term, arabic.variants, arabic.definition = "الحي", "حي", "جزء من المدينة."
    arabic.save()
    return GlossaryTerm.objects.all()


@pytest.fixture
def make_note(home):
    """Build and publish a policy note under the home page."""

    def make(slug="nota", body=None, plain_body=None, **fields):
        note = home.add_child(
            instance=PolicyNotePage(
                title=fields.pop("title", "Een nota over de wijken"),
                slug=slug,
                body=body or [],
                plain_body=plain_body or [],
                **fields,
            )
        )
        note.save_revision().publish()
        return PolicyNotePage.objects.get(pk=note.pk)

    return make
