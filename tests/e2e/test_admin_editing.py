"""Editing in a real browser: the pictogram chooser shows the chosen picture in a StreamField
block and follows a new choice; the readability panel follows the text while the editor
types, before anything is saved."""

import re

import pytest
from playwright.sync_api import expect

from home.models import PolicyNotePage
from site_app.blocks import html_paragraphs, pictogram_paragraph
from tests.e2e.admin import log_in, orm_beside_playwright
from tests.factories import PictogramFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    with orm_beside_playwright():
        yield


LONG = (
    "Deze zin in de inleiding telt zeker meer dan vijftien woorden omdat hij maar doorgaat "
    "en doorgaat."
)


def _note(home, pictogram):
    note = home.add_child(
        instance=PolicyNotePage(
            title="Nota over de buurt",
            slug="nota-over-de-buurt",
            plain_body=[pictogram_paragraph(pictogram, html_paragraphs("Geld voor je wijk."))],
        )
    )
    note.save_revision().publish()
    return note


def test_pictogram_block_shows_the_chosen_picture_and_follows_a_new_choice(admin_page, home):
    page = admin_page
    note = _note(home, PictogramFactory(label="Geld", shipped_name="geld"))
    PictogramFactory(label="Fiets", shipped_name="fiets")
    log_in(page)
    page.goto(f"/admin/pages/{note.pk}/edit/")
    page.get_by_role("tab", name="Klare taal").click()
    chooser = page.locator(".chooser:has([data-pictogram-preview])").first
    preview = chooser.locator("[data-pictogram-preview]")
    expect(preview).to_have_attribute("src", re.compile(r"/pictograms/geld\.svg$"))
    natural_width = preview.evaluate("image => image.naturalWidth")
    assert natural_width > 0  # the picture loads, not a broken image

    chooser.locator("[data-chooser-action-choose]").first.evaluate("button => button.click()")
    modal = page.locator(".modal.in .modal-dialog")
    modal.get_by_role("link", name="Fiets").click()
    expect(preview).to_have_attribute("src", re.compile(r"/pictograms/fiets\.svg$"))
    expect(chooser.locator("[data-chooser-title]")).to_have_text("Fiets")


def test_readability_panel_follows_the_typing(admin_page, home):
    page = admin_page
    note = _note(home, PictogramFactory(label="Geld", shipped_name="geld"))
    log_in(page)
    page.goto(f"/admin/pages/{note.pk}/edit/")
    page.get_by_role("tab", name="Klare taal").click()
    panel = '[data-readability-panel][data-variant="plain"]'
    longest = page.locator(f'{panel} [data-metric="longest"]')
    expect(longest).to_have_text("4")  # "Geld voor je wijk." and the title
    page.locator("#id_plain_intro").press_sequentially(LONG, delay=5)
    expect(longest).to_have_text(str(len(LONG.split())), timeout=10_000)
    row = page.locator(f'{panel} tr:has([data-metric="longest"]) [data-target-met]')
    expect(row).to_have_attribute("data-target-met", "no")
    # Measured, not saved: the stored figures are still those of the published text.
    note.refresh_from_db()
    assert note.plain_intro == ""
