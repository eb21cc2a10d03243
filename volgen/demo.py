"""Demo content of volgen: the theme index page in every language, and who sees what of
the subscriptions (idempotent: ``manage.py load_demo`` runs it every time)."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from home.models import HomePage
from site_app.demo_tools import publish, read_data, translate_page, translations
from site_app.groups import ensure_group

from .models import ThemeIndexPage

#: Editors who run the site see the report (counts) and the digest preview.
REPORT_GROUPS = ("Moderatoren", "Communicatie")
#: The data-protection role: the only one that sees subscribers' addresses.
PRIVACY_GROUP = "Gegevensbescherming"


@transaction.atomic
def load(stdout) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        stdout.write("Volgen: no home page, nothing to do.")
        return
    data = read_data(__file__, "themes")["index"]
    index = ThemeIndexPage.objects.child_of(home).first()
    if index is None:
        nl = data[settings.LANGUAGE_CODE]
        index = publish(
            home.add_child(
                instance=ThemeIndexPage(
                    slug="themas", listing_summary=nl["intro"], show_in_menus=True, **nl
                )
            )
        )
    for code, fields in translations(data).items():
        if code in locales:
            translate_page(index, locales[code], listing_summary=fields["intro"], **fields)
    for name in REPORT_GROUPS:
        ensure_group(name, permissions=["volgen.view_subscription"])
    ensure_group(
        PRIVACY_GROUP,
        permissions=["volgen.view_subscription", "volgen.view_subscriber_address"],
        page_actions=(),
    )
    stdout.write("Volgen: theme index page and subscription report permissions.")
