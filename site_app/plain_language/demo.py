"""Demo glossary terms (``demo_data/glossary.toml``): Dutch first, then their translations.

Only what is missing is created. The glossary page itself is a page of the home app.
"""

from django.conf import settings
from django.db import transaction

from site_app.demo_tools import ensure_locales, read_data, translate, translations

from .models import GlossaryTerm


@transaction.atomic
def load(stdout) -> None:
    locales = ensure_locales()
    source_locale = locales[settings.LANGUAGE_CODE]
    for item in read_data(__file__, "glossary")["term"]:
        source = GlossaryTerm.objects.filter(slug=item["slug"], locale=source_locale).first()
        if source is None:
            source = GlossaryTerm.objects.create(
                slug=item["slug"], locale=source_locale, **item[settings.LANGUAGE_CODE]
            )
        for code, fields in translations(item).items():
            translate(source, locales[code], **fields)
    stdout.write(f"Plain language: {GlossaryTerm.objects.count()} glossary terms (all languages).")
