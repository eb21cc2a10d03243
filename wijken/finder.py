"""Find your wijk by postcode or street name (a plain GET form on the wijk index).

Bad input gives a message the index page answers with 400; the finder never raises.
"""

import re
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import Street

POSTCODE = re.compile(r"^\d{4}$")
MAX_STREET_LENGTH = 120
SUGGESTION_COUNT = 10


@dataclass
class Finder:
    pages: QuerySet
    postcode: str = ""
    street: str = ""
    error: str = ""
    #: The streets that matched, each with its wijk page: the user picks when several match.
    streets: list = field(default_factory=list)

    @property
    def searched(self) -> bool:
        return bool((self.postcode or self.street) and not self.error)


def clean_street(value: str) -> str:
    """A street name as typed, with runs of spaces collapsed; '' when it holds control
    characters (NUL breaks PostgreSQL) or is too long."""
    value = " ".join(value.split())
    if len(value) > MAX_STREET_LENGTH or any(ord(c) < 32 for c in value):
        return ""
    return value


def find(params, pages: QuerySet) -> Finder:
    postcode = params.get("postcode", "").strip()
    street_raw = params.get("straat", "")
    finder = Finder(pages=pages, postcode=postcode[:10], street=" ".join(street_raw.split())[:60])
    if postcode:
        if not POSTCODE.match(postcode):
            finder.error = _("Een postcode heeft vier cijfers, zoals 9000.")
            return finder
        finder.pages = pages.filter(wijk__postcodes__contains=postcode)
        if not finder.pages.exists():
            finder.error = _(
                "Postcode %(postcode)s ligt niet in Gent. Gent heeft de postcodes 9000 tot 9052."
            ) % {"postcode": postcode}
        return finder
    if street_raw.strip():
        street = clean_street(street_raw)
        if len(street) < 2:
            finder.error = _("Typ een straatnaam van minstens twee letters, zonder vreemde tekens.")
            return finder
        streets = list(Street.objects.filter(name__iexact=street)) or list(
            Street.objects.filter(name__icontains=street)[:SUGGESTION_COUNT]
        )
        if not streets:
            finder.error = _(
                "We vinden geen straat met de naam '%(street)s'. Kijk of de naam klopt."
            ) % {"street": street}
            return finder
        finder.pages = pages.filter(wijk__in={s.wijk_id for s in streets})
        by_wijk = {page.wijk_id: page for page in finder.pages}
        finder.streets = [(s, by_wijk[s.wijk_id]) for s in streets if s.wijk_id in by_wijk]
    return finder


def suggestions(text: str) -> list[str]:
    """Street names that start with ``text`` (for the datalist)."""
    text = clean_street(text)
    if len(text) < 2:
        return []
    names = Street.objects.filter(name__istartswith=text).values_list("name", flat=True)
    return list(dict.fromkeys(names.order_by("name")[: SUGGESTION_COUNT * 2]))[:SUGGESTION_COUNT]
