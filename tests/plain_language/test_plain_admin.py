"""Editors: build a plain-language version with pictograms in the admin, see readability
figures while editing, find pages that need work in the report and on the dashboard."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import PolicyNotePage
from site_app.blocks import html_paragraphs, pictogram_paragraph
from site_app.models import Pictogram
from site_app.plain_language.models import GlossaryTerm, ReadabilityScore

pytestmark = pytest.mark.django_db

LONG_SENTENCE = (
    "Deze zin is veel te lang voor een tekst in klare taal omdat hij maar doorgaat en "
    "doorgaat zonder ooit een punt te zetten."
)


def test_pictogram_chooser_finds_pictograms_by_keyword(admin_client, pictogram):
    chooser = Pictogram.snippet_viewset.chooser_viewset
    url = reverse(chooser.get_url_name("choose_results"))
    response = admin_client.get(url, {"q": "budg"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geld" in html
    assert "/static/pictograms/geld.svg" in html  # the picture column
    assert "euro, budget, subsidie" in html  # the keywords column
    assert "Geld" not in admin_client.get(url, {"q": "fiets"}).content.decode()
    modal = admin_client.get(reverse(chooser.get_url_name("choose")))
    assert modal.status_code == 200


def test_editor_builds_a_pictogram_paragraph_and_sees_readability(admin_client, home, pictogram):
    add_url = reverse("wagtailadmin_pages:add", args=("home", "policynotepage", home.pk))
    form = admin_client.get(add_url)
    assert form.status_code == 200
    assert "site_app.widgets.PictogramChooser" in form.content.decode()  # our block widget

    data = nested_form_data(
        {
            "title": "Nota over de buurt",
            "slug": "nota-over-de-buurt",
            "intro": "Een korte inleiding.",
            "body": streamfield([]),
            "feedback": streamfield([]),
            "plain_title": "De buurt",
            "plain_intro": "Dit gaat over jouw buurt.",
            "plain_body": streamfield(
                [
                    (
                        "pictogram_paragraph",
                        {
                            "pictogram": pictogram.pk,
                            "text": rich_text("<p>De stad geeft geld aan elke wijk.</p>"),
                            "decorative": "",
                        },
                    ),
                    ("paragraph", rich_text(f"<p>{LONG_SENTENCE}</p>")),
                ]
            ),
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    note = PolicyNotePage.objects.get(slug="nota-over-de-buurt")
    first = note.plain_body[0]
    assert first.block_type == "pictogram_paragraph"
    assert first.value["pictogram"] == pictogram
    assert note.live

    # The stored score of the plain version misses the easy-read targets...
    stored = ReadabilityScore.objects.get(page=note, variant="plain")
    assert not stored.meets_targets
    assert stored.longest_sentence == 24  # every word of LONG_SENTENCE

    # ...and the edit view shows the figures, the targets and a warning.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(note.pk,)))
    assert edit.status_code == 200
    soup = BeautifulSoup(edit.content, "html.parser")
    panel = soup.select_one('[data-readability-panel][data-variant="plain"]')
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "De klare-taalversie haalt de doelen niet." in text
    assert "hoogstens 15" in text and "minstens 65" in text
    assert panel.select_one('[data-metric="longest"]').get_text() == "24"
    assert LONG_SENTENCE in text  # the sentence to shorten
    assert soup.select_one('[data-readability-panel][data-variant="full"]') is not None


def test_report_and_dashboard_list_pages_that_need_work(admin_client, make_note, pictogram):
    good = make_note(
        slug="goed", plain_body=[pictogram_paragraph(pictogram, html_paragraphs("Korte zin."))]
    )
    bad = make_note(
        slug="te-lang",
        title="Te lange nota",
        plain_body=[pictogram_paragraph(pictogram, html_paragraphs(LONG_SENTENCE))],
    )
    assert ReadabilityScore.objects.get(page=good, variant="plain").meets_targets

    report = admin_client.get(reverse("readability_report"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "Te lange nota" in html
    assert reverse("wagtailadmin_pages:edit", args=(bad.pk,)) in html

    failing = admin_client.get(reverse("readability_report_results"), {"meets_targets": "0"})
    assert failing.status_code == 200
    assert "Te lange nota" in failing.content.decode()
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(good.pk,))}"' not in (
        failing.content.decode()
    )

    export = admin_client.get(reverse("readability_report"), {"export": "csv"})
    assert export.status_code == 200
    assert "Te lange nota" in b"".join(export.streaming_content).decode()

    dashboard = admin_client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    soup = BeautifulSoup(dashboard.content, "html.parser")
    panel = soup.find(id="readability-section")
    assert panel is not None
    assert "Te lange nota" in panel.get_text()


def test_report_is_for_editors_only(client, admin_access_user, make_note, pictogram):
    """Someone who may open the admin, but may edit no page, gets no report."""
    make_note(
        slug="te-lang",
        title="Te lange nota",
        plain_body=[pictogram_paragraph(pictogram, html_paragraphs(LONG_SENTENCE))],
    )
    client.force_login(admin_access_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # inside the admin
    for name in ("readability_report", "readability_report_results"):
        response = client.get(reverse(name))
        # Wagtail's "permission denied": back to the dashboard, not to the login page.
        assert response.status_code == 302, name
        assert response.url == reverse("wagtailadmin_home"), name
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Te lange nota" not in dashboard


def test_report_lists_only_pages_the_editor_may_edit(
    client, admin_access_user, make_note, pictogram
):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    mine = make_note(
        slug="mijn-nota",
        title="Mijn nota",
        plain_body=[pictogram_paragraph(pictogram, html_paragraphs(LONG_SENTENCE))],
    )
    make_note(
        slug="andere-nota",
        title="Andere nota",
        plain_body=[pictogram_paragraph(pictogram, html_paragraphs(LONG_SENTENCE))],
    )
    GroupPagePermission.objects.create(
        group=admin_access_user.groups.get(),
        page=mine,
        permission=Permission.objects.get(codename="change_page"),
    )
    client.force_login(admin_access_user)
    report = client.get(reverse("readability_report"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "Mijn nota" in html
    assert "Andere nota" not in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mijn nota" in dashboard and "Andere nota" not in dashboard


def test_glossary_terms_are_managed_as_snippets(admin_client, glossary):
    index = reverse("wagtailsnippets_site_app_glossaryterm:list")
    response = admin_client.get(index)
    assert response.status_code == 200
    assert "wijkbudget" in response.content.decode()
    term = GlossaryTerm.objects.get(term="wijk")
    edit = admin_client.get(reverse("wagtailsnippets_site_app_glossaryterm:edit", args=(term.pk,)))
    assert edit.status_code == 200


def test_editor_adds_a_glossary_term_and_gets_a_slug(admin_client, locales):
    add = reverse("wagtailsnippets_site_app_glossaryterm:add")
    response = admin_client.post(
        add,
        {
            "term": "Wijkregisseur",
            "variants": "wijkregisseurs",
            "definition": "De persoon van de stad die alles in een wijk samenbrengt.",
            "slug": "",
            "locale": locales["nl"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = GlossaryTerm.objects.get(term="Wijkregisseur")
    assert term.slug == "wijkregisseur"
    assert term.forms == ["wijkregisseurs", "Wijkregisseur"]
