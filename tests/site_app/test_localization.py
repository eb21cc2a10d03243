"""The one localisation API (site_app.localization): objects in the reader's language, without
a query per object; cached vocabularies dropped when a row changes; footer links cached."""

import pytest
from wagtail.models import Site

from site_app import localization
from site_app.blocks import html_paragraphs, link, pictogram_paragraph
from site_app.models import ContactDetails, Pictogram, SiteSettings
from tests.factories import ContentPageFactory, PictogramFactory, ThemeFactory
from tests.query_counts import warm_queries

pytestmark = pytest.mark.django_db


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


def test_localize_all_keeps_order_and_passes_through_what_is_not_translated(locales):
    wonen, sport = ThemeFactory(name="Wonen"), ThemeFactory(name="Sport")
    _translate(sport, locales["ar"], name="الرياضة")
    result = localization.localize_all([sport, None, "tekst", wonen], locales["ar"])
    assert [getattr(item, "name", item) for item in result] == ["الرياضة", None, "tekst", "Wonen"]
    assert localization.localize(sport, locales["nl"]) == sport


def test_vocabularies_cost_no_query_once_warm(locales, django_assert_num_queries):
    pictograms = [PictogramFactory() for _ in range(5)]
    for pictogram in pictograms:
        _translate(pictogram, locales["ar"], label=f"صورة {pictogram.pk}")
    localization.localize_all(pictograms, locales["ar"])  # fills the cache
    with django_assert_num_queries(0):
        labels = [p.label for p in localization.localize_all(pictograms, locales["ar"])]
    assert labels == [f"صورة {p.pk}" for p in pictograms]


def test_pages_cost_one_query_for_all(home, locales, arabic_home, django_assert_num_queries):
    pages = [ContentPageFactory(parent=home, slug=f"p-{n}") for n in range(4)]
    for page in pages:
        _translate(page, locales["ar"], title=f"صفحة {page.pk}").save_revision().publish()
    localization.active_locale()  # the Locale map is cached
    with django_assert_num_queries(1):
        titles = [p.title for p in localization.localize_all(pages, locales["ar"])]
    assert titles == [f"صفحة {p.pk}" for p in pages]


def test_a_changed_row_is_shown_at_once(locales):
    pictogram = PictogramFactory(label="Geld")
    arabic = _translate(pictogram, locales["ar"], label="مال")
    assert localization.localize(pictogram, locales["ar"]).label == "مال"
    arabic.label = "نقود"
    arabic.save()
    assert localization.localize(pictogram, locales["ar"]).label == "نقود"
    Pictogram.objects.filter(pk=arabic.pk).delete()  # a queryset delete sends post_delete too
    assert localization.localize(pictogram, locales["ar"]).label == "Geld"


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_pictogram_lines_cost_no_query_each(client, home, locales, arabic_home, lang):
    """A content page with many pictogram lines: the same queries for 3 lines as for 30."""
    figures = {}
    for size in (3, 30):
        pictograms = [PictogramFactory(shipped_name="fiets") for _ in range(size)]
        for n, pictogram in enumerate(pictograms):
            _translate(pictogram, locales["ar"], label=f"فيتس {n}")
        page = ContentPageFactory(
            parent=home,
            slug=f"lijnen-{size}",
            body=[pictogram_paragraph(p, html_paragraphs("Met de fiets.")) for p in pictograms],
        )
        page.save_revision().publish()
        if lang == "ar":
            page = _translate(page, locales["ar"])
            page.save_revision().publish()
        html = client.get(page.url).content.decode()
        if lang == "ar":
            assert f'alt="فيتس {size - 1}"' in html
        figures[size] = warm_queries(client, page.url)
    assert figures[3] == figures[30], figures


def _contact_block(locales, **fields):
    """A Dutch contact block chosen in the default site's settings."""
    contact = ContactDetails.objects.create(title="Voettekst", locale=locales["nl"], **fields)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact = contact
    site_settings.contact_phone = "09 210 10 10"
    site_settings.save()
    return contact


def test_footer_links_show_the_page_in_the_readers_language(client, home, locales, arabic_home):
    pages = [ContentPageFactory(parent=home, slug=f"link-{n}", title=f"Link {n}") for n in range(6)]
    for page in pages:
        _translate(page, locales["ar"], title=f"رابط {page.slug}").save_revision().publish()
    contact = _contact_block(locales)
    queries = {}
    for count in (0, 2, 6):
        contact.footer_links = [
            *(link("", page=page) for page in pages[:count]),
            link("Stad Gent", url="https://stad.gent/"),
        ]
        contact.save()
        html = client.get("/ar/").content.decode()
        for page in pages[:count]:
            ar_page = page.get_translation(locales["ar"])
            assert f'<a href="{ar_page.url}">رابط {page.slug}</a>' in html
        # The Dutch block is not translated: its own text carries its language.
        assert (
            '<a href="https://stad.gent/" lang="nl" dir="ltr" hreflang="nl">Stad Gent</a>' in html
        )
        queries[count] = warm_queries(client, "/ar/")
    # Cached: when warm the footer costs no query, whatever the number of page links.
    assert queries[0] == queries[2] == queries[6], queries

    renamed = pages[0].get_translation(locales["ar"])
    renamed.title = "رابط جديد"
    renamed.save_revision().publish()
    assert "رابط جديد" in client.get("/ar/").content.decode()


def test_the_contact_block_is_shown_in_the_readers_language(client, home, locales, arabic_home):
    about = ContentPageFactory(parent=home, slug="over", title="Over deze site")
    _translate(about, locales["ar"], title="عن الموقع").save_revision().publish()
    contact = _contact_block(
        locales,
        address="Botermarkt 1\n9000 Gent",
        hours="Maandag tot vrijdag",
        footer_links=[link("", page=about), link("Toegankelijkheid", page=about)],
    )
    html = client.get("/ar/").content.decode()
    # Not translated yet: the Dutch texts say they are Dutch, numbers are isolated.
    assert '<li lang="nl" dir="ltr">Maandag tot vrijdag</li>' in html
    assert '<p class="site-footer__address" lang="nl" dir="ltr"><bdi>Botermarkt 1</bdi>' in html
    assert '<a href="tel:092101010" dir="ltr">09 210 10 10</a>' in html
    assert '<span lang="nl" dir="ltr">' in html

    ar_contact = _translate(
        contact,
        locales["ar"],
        hours="من الاثنين إلى الجمعة",
        footer_links=[link("", page=about), link("إمكانية الوصول", page=about)],
    )
    html = client.get("/ar/").content.decode()
    assert "<li>من الاثنين إلى الجمعة</li>" in html
    ar_about = about.get_translation(locales["ar"])
    # No text of its own: the page's Arabic title; a text given is used as it is.
    assert f'<a href="{ar_about.url}">عن الموقع</a>' in html
    assert f'<a href="{ar_about.url}">إمكانية الوصول</a>' in html
    assert "Toegankelijkheid" not in html
    ar_contact.delete()
    assert "Toegankelijkheid" in client.get("/ar/").content.decode()
