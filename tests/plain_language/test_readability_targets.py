"""The readability panel marks each missed target beside its figure, warns about a pictogram
line longer than its own limit, and measures the unsaved text while the editor types."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import section
from site_app.blocks import html_paragraphs, pictogram_paragraph
from site_app.readability import PLAIN, STANDARD, long_lines, score_units

pytestmark = pytest.mark.django_db

TWENTY_TWO = " ".join(["woord"] * 21) + " einde."
SIXTEEN = " ".join(["woord"] * 15) + " einde."


def test_missed_names_each_target_the_text_misses():
    short = score_units(["De stad luistert.", "Jij zegt wat je wil."], "nl")
    assert short.missed(PLAIN) == set()
    long = score_units([SIXTEEN], "nl")
    assert long.missed(PLAIN) == {"average", "longest"}
    assert long.missed(STANDARD) == {"average"}  # 16 words is fine as a longest sentence


def test_pictogram_lines_are_held_to_their_own_limit(make_note, pictogram):
    note = make_note(
        body=[  # inside a section: the lines are found at any depth
            section(
                "Geld",
                body=[
                    pictogram_paragraph(pictogram, html_paragraphs(TWENTY_TWO)),  # limit 20
                    pictogram_paragraph(pictogram, html_paragraphs(SIXTEEN)),
                ],
            )
        ],
        plain_body=[
            pictogram_paragraph(pictogram, html_paragraphs(SIXTEEN)),  # easy read: limit 15
            pictogram_paragraph(pictogram, html_paragraphs("Korte zin.")),
        ],
    )
    full = long_lines(note.readability_streams()["full"])
    assert [(line.words, line.limit) for line in full] == [(22, 20)]
    plain = long_lines(note.readability_streams()["plain"])
    assert [(line.words, line.limit, line.text) for line in plain] == [(16, 15, SIXTEEN)]


def _panel(admin_client, page, variant):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    soup = BeautifulSoup(edit.content, "html.parser")
    return soup.select_one(f'[data-readability-panel][data-variant="{variant}"]')


def _target_met(panel, metric):
    row = panel.select_one(f'[data-metric="{metric}"]').find_parent("tr")
    return row.select_one("[data-target-met]")["data-target-met"]


def test_panel_marks_the_missed_target_and_the_long_line(admin_client, make_note, pictogram):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, html_paragraphs(SIXTEEN))])
    panel = _panel(admin_client, note, "plain")
    assert _target_met(panel, "longest") == "no"
    assert _target_met(panel, "average") == "no"
    assert _target_met(panel, "flesch") == "yes"
    text = panel.get_text(" ", strip=True)
    assert "Nee, gemist" in text
    assert "langer dan toegelaten" in text and "16 woorden (hoogstens 15)" in text

    fine = make_note(slug="kort", plain_body=[pictogram_paragraph(pictogram, "<p>Kort.</p>")])
    panel = _panel(admin_client, fine, "plain")
    assert {_target_met(panel, metric) for metric in ("average", "longest")} == {"yes"}
    assert "langer dan toegelaten" not in panel.get_text()


def _edit_data(note, pictogram, plain_text, title="Nota over de buurt"):
    return nested_form_data(
        {
            "title": title,
            "slug": note.slug,
            "intro": "Een korte inleiding.",
            "body": streamfield([]),
            "feedback": streamfield([]),
            "plain_title": "",
            "plain_intro": "",
            "plain_body": streamfield(
                [
                    (
                        "pictogram_paragraph",
                        {
                            "pictogram": pictogram.pk,
                            "text": rich_text(plain_text),
                            "decorative": "",
                        },
                    )
                ]
            ),
        }
    )


def test_measure_reads_the_unsaved_text_and_stores_nothing(admin_client, make_note, pictogram):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, "<p>Kort.</p>")])
    revisions = Revision.objects.for_instance(note).count()
    stored_before = note.readability_scores.get(variant="plain").longest_sentence
    url = reverse("readability_measure", args=(note.pk,))

    response = admin_client.post(
        f"{url}?variant=plain", _edit_data(note, pictogram, f"<p>{SIXTEEN}</p>")
    )
    assert response.status_code == 200
    panels = json.loads(response.content)["panels"]
    assert set(panels) == {"plain"}
    panel = BeautifulSoup(panels["plain"], "html.parser")
    assert panel.select_one('[data-metric="longest"]').get_text() == "16"
    assert _target_met(panel, "longest") == "no"
    assert panel.select_one("[data-readability-panel]")["data-measure-url"] == url

    # Nothing was saved: no revision, the stored figures and the page are as they were.
    assert Revision.objects.for_instance(note).count() == revisions
    note.refresh_from_db()
    assert "Kort." in str(note.plain_body[0].value["text"])
    assert note.readability_scores.get(variant="plain").longest_sentence == stored_before < 16


def test_measure_refuses_bad_requests(
    client, admin_client, admin_access_user, make_note, pictogram
):
    note = make_note(plain_body=[pictogram_paragraph(pictogram, "<p>Kort.</p>")])
    url = reverse("readability_measure", args=(note.pk,))
    data = _edit_data(note, pictogram, "<p>Kort.</p>")
    # A form that does not validate yet (no title): 422 and a message, nothing stored.
    invalid = admin_client.post(url, {**data, "title": ""})
    assert invalid.status_code == 422
    assert "zodra het formulier geldig is" in json.loads(invalid.content)["error"]
    assert admin_client.get(url).status_code == 405
    # In the admin, but not allowed to edit this page.
    client.force_login(admin_access_user)
    # Wagtail's "permission denied": back to the dashboard with a message, no figures.
    refused = client.post(url, data)
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
