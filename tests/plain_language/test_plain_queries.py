"""Queries of a policy note and of its plain-language version do not grow with the text:
sections, actions, feedback, pictogram lines and the pages they link to, in Dutch and Arabic."""

import pytest

from home.blocks import action, feedback, section
from home.models import PolicyNotePage
from site_app.blocks import heading, html_paragraphs, paragraph, pictogram_paragraph, summary
from tests.factories import PictogramFactory
from tests.factories.adviezen import (
    AdviceIndexPageFactory,
    AdvicePageFactory,
    AdvisoryCouncilPageFactory,
)
from tests.query_counts import warm_queries

pytestmark = pytest.mark.django_db

BUDGET = 25


def _translate(obj, locale, **fields):
    copy = obj.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def arabic_home(home, locales):
    ar_home = home.copy_for_translation(locales["ar"])
    ar_home.save_revision().publish()
    return ar_home


@pytest.fixture
def build(home, locales, arabic_home):
    """A policy note of ``size`` sections, feedback items and pictogram lines (``3 * size``), with
    its Arabic translation; every pictogram and linked advice has an Arabic translation too."""
    register = AdviceIndexPageFactory(parent=home)
    _translate(register, locales["ar"]).save_revision().publish()
    council = AdvisoryCouncilPageFactory(parent=register)
    _translate(council, locales["ar"]).save_revision().publish()

    def make(slug: str, size: int) -> PolicyNotePage:
        pictograms = [
            PictogramFactory(label=f"Beeld {slug} {n}", shipped_name="geld") for n in range(size)
        ]
        for n, pictogram in enumerate(pictograms):
            _translate(pictogram, locales["ar"], label=f"صورة {n}")
        linked = []
        for n in range(size):
            page = AdvicePageFactory(parent=council, slug=f"{slug}-advies-{n}", title=f"Advies {n}")
            _translate(page, locales["ar"], title=f"نصيحة {n}").save_revision().publish()
            linked.append(page)
        body = [
            section(
                f"Hoofdstuk {n}",
                body=[
                    paragraph(html_paragraphs("De stad luistert. De wijk beslist mee.")),
                    pictogram_paragraph(pictograms[n], html_paragraphs("Eén kort idee.")),
                ],
                summary=["Een punt."],
                actions=[action(f"Actie {n}", html_paragraphs("Wat we doen."), "Dienst", "2026")],
            )
            for n in range(size)
        ]
        plain_body = [summary(["Kort gezegd."]), heading("Wat is het plan?")] + [
            pictogram_paragraph(pictograms[n % size], html_paragraphs(f"Regel {n}."))
            for n in range(3 * size)
        ]
        note = home.add_child(
            instance=PolicyNotePage(
                title=f"Nota {slug}",
                slug=slug,
                body=body,
                feedback=[
                    feedback("Jeugdraad", "Een vraag.", html_paragraphs("Ons antwoord."), page=p)
                    for p in linked
                ],
                plain_body=plain_body,
            )
        )
        note.save_revision().publish()
        _translate(note, locales["ar"], title=f"مذكرة {slug}").save_revision().publish()
        return PolicyNotePage.objects.get(pk=note.pk)

    return make


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_policy_note_queries_do_not_grow_with_the_text(client, build, locales, lang):
    figures = {}
    for slug, size in (("klein", 2), ("groot", 10)):
        note = build(slug, size).get_translation(locales[lang])
        figures[size] = {
            "full": warm_queries(client, note.url),
            "plain": warm_queries(client, note.url + "klare-taal/"),
        }
    print(f"\n{lang}: queries with 2 sections / 6 lines: {figures[2]}; with 10 / 30: {figures[10]}")
    assert figures[2] == figures[10]
    assert max(figures[10].values()) < BUDGET


def test_plain_version_shows_pictograms_and_linked_pages_in_the_readers_language(
    client, build, locales
):
    note = build("nota", 2).get_translation(locales["ar"])
    plain = client.get(note.url + "klare-taal/").content.decode()
    assert 'alt="صورة 0"' in plain and 'alt="صورة 1"' in plain
    assert 'alt="Beeld' not in plain
    full = client.get(note.url).content.decode()
    assert "نصيحة 0" in full and "نصيحة 1" in full  # the feedback links, in Arabic
    assert "Advies 0" not in full
