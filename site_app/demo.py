"""Demo content of the shared core: languages, pictograms, themes, wijken, site settings.

Data: ``site_app/pictogram_catalogue.toml`` and ``demo_data/{themes,wijken,site}.toml``. Each
app may have a ``demo.py`` with a ``load(stdout)`` function; ``manage.py load_demo`` calls them
in INSTALLED_APPS order. Every loader creates only what is missing.
"""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site

from .demo_tools import demo_account, ensure_locales, read_data, translate
from .groups import COMMUNICATION_GROUP, ensure_communication_group
from .models import ContactDetails, Pictogram, SiteSettings, Theme, Wijk
from .pictogram_catalogue import PICTOGRAMS


def load_pictograms(locales) -> dict[str, Pictogram]:
    source_locale = locales[settings.LANGUAGE_CODE]
    by_name = {}
    for item in PICTOGRAMS:
        pictogram = Pictogram.objects.filter(
            shipped_name=item["name"], locale=source_locale
        ).first() or Pictogram.objects.create(
            shipped_name=item["name"],
            label=item["labels"][settings.LANGUAGE_CODE],
            keywords=item["keywords"],
            locale=source_locale,
        )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                translate(pictogram, locale, label=item["labels"][code])
        by_name[item["name"]] = pictogram
    return by_name


def load_themes(locales, pictograms) -> None:
    source = settings.LANGUAGE_CODE
    for item in read_data(__file__, "themes")["theme"]:
        theme = Theme.objects.filter(slug=item["slug"], locale=locales[source]).first()
        if theme is None:
            theme = Theme.objects.create(
                slug=item["slug"],
                name=item["name"][source],
                description=item["description"][source],
                pictogram=pictograms[item["pictogram"]],
                locale=locales[source],
            )
        for code, locale in locales.items():
            if code != source:
                translate(
                    theme, locale, name=item["name"][code], description=item["description"][code]
                )


def load_wijken(locales) -> None:
    source_locale = locales[settings.LANGUAGE_CODE]
    for item in read_data(__file__, "wijken")["wijk"]:
        slug = slugify(item["name"])
        wijk = Wijk.objects.filter(slug=slug, locale=source_locale).first()
        if wijk is None:
            wijk = Wijk.objects.create(
                slug=slug,
                name=item["name"],
                zone=item["zone"],
                postcodes=item["postcodes"],
                locale=source_locale,
            )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE:
                translate(wijk, locale)


def load_site_settings(locales) -> None:
    data = read_data(__file__, "site")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.contact_id:
        return
    for name, value in data["site_settings"].items():
        setattr(site_settings, name, value)
    source = settings.LANGUAGE_CODE
    text = data["contact"]
    contact = ContactDetails.objects.create(
        title=text["title"],
        address=text["address"][source],
        hours=text["hours"][source],
        locale=locales[source],
    )
    for code, locale in locales.items():
        if code != source:
            translate(contact, locale, address=text["address"][code], hours=text["hours"][code])
    site_settings.contact = contact
    site_settings.save()


@transaction.atomic
def load(stdout) -> None:
    locales = ensure_locales()
    pictograms = load_pictograms(locales)
    load_themes(locales, pictograms)
    load_wijken(locales)
    load_site_settings(locales)
    ensure_communication_group()
    demo_account(
        "communicatie",
        role=f"{COMMUNICATION_GROUP}: edits, translates and publishes pages; no personal data",
        groups=(COMMUNICATION_GROUP,),
    )
    stdout.write(
        f"Core: {Pictogram.objects.count()} pictograms, {Theme.objects.count()} themes, "
        f"{Wijk.objects.count()} wijken (all languages)."
    )
