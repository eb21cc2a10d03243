"""Demo content of the wijk pages: contact people (with drawn portraits) for all 25 wijken,
and places, figures, wijkbudget projects and streets for four of them.

Data: ``demo_data/wijken.toml`` and ``demo_data/streets.csv``. Runs after the home loader
(the wijk pages exist). Everything is looked up first, so a second run creates nothing.
"""

import hashlib
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.models import Locale

from home.models import WijkPage
from site_app.demo_tools import demo_image, image_from_bytes, read_data, translate, translations
from site_app.models import Wijk

from .management.commands.import_streets import import_streets
from .models import ContactPerson, Place, ProjectPhoto, WijkContact, WijkFigure, WijkProject

PORTRAIT_COLOURS = ["#0b5fa5", "#1e6b32", "#8a3b12", "#5b2a86", "#0f5f5f", "#7a1f3d"]
FIGURE_SOURCE = "Voorbeeldcijfer voor de demo (Stad Gent, Wijkmonitor)"
FIGURE_DATE = date(2025, 1, 1)


def draw_portrait(name: str, size: int = 320) -> bytes:
    """An abstract portrait: the initials on a coloured disc with a head-and-shoulders shape."""
    digest = hashlib.sha256(name.encode()).digest()
    colour = PORTRAIT_COLOURS[digest[0] % len(PORTRAIT_COLOURS)]
    picture = PILImage.new("RGB", (size, size), "#f4f4f4")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((0, 0, size, size), fill=colour)
    draw.ellipse((size * 0.3, size * 0.12, size * 0.7, size * 0.52), fill="#ffffff")
    draw.pieslice((size * 0.12, size * 0.58, size * 0.88, size * 1.3), 180, 360, fill="#ffffff")
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 6)
    draw.text((size / 2, size * 0.84), initials, fill=colour, font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _phone(key: str) -> str:
    """An invented, stable number in the Ghent area code."""
    digest = hashlib.sha256(key.encode()).digest()
    return f"09 210 {digest[0] % 90 + 10:02d} {digest[1] % 90 + 10:02d}"


def load_people(data, locales, pages) -> None:
    nl = locales[settings.LANGUAGE_CODE]
    for item in data["person"]:
        role, hours = data["roles"][item["role"]], data["hours"][item["hours"]]
        person = ContactPerson.objects.filter(locale=nl, name=item["name"]).first()
        if person is None:
            photo = image_from_bytes(f"Portret {item['name']}", "", draw_portrait(item["name"]))
            person = ContactPerson.objects.create(
                locale=nl,
                name=item["name"],
                role=role["nl"],
                hours=hours["nl"],
                organisation=item["organisation"],
                phone=_phone(item["key"]),
                email=f"{item['key']}@example.org",
                photo=photo,
            )
        for code in translations(role):
            translate(person, locales[code], role=role[code], hours=hours[code])
        for slug in item["wijken"]:
            page = pages[slug]
            if not WijkContact.objects.filter(page=page, person=person).exists():
                order = WijkContact.objects.filter(page=page).count()
                WijkContact.objects.create(page=page, person=person, sort_order=order)


def load_full_wijken(data, pages, wijken) -> None:
    for slug, full in data["full"].items():
        page = pages[slug]
        if not Place.objects.filter(page=page).exists():
            Place.objects.bulk_create(
                Place(page=page, sort_order=n, **place) for n, place in enumerate(full["place"])
            )
    units = data["units"]
    existing = set(WijkFigure.objects.values_list("wijk__slug", "kind"))
    WijkFigure.objects.bulk_create(
        WijkFigure(
            wijk=wijken[slug],
            kind=kind,
            value=Decimal(str(value)),
            city_average=Decimal(str(average)),
            unit=units[kind],
            source=FIGURE_SOURCE,
            reference_date=FIGURE_DATE,
        )
        for slug, figures in data["figures"].items()
        for kind, (value, average) in figures.items()
        if (slug, kind) not in existing
    )
    for item in data["project"]:
        if WijkProject.objects.filter(title=item["title"]).exists():
            continue
        fields = {k: v for k, v in item.items() if k != "wijk"}
        project = WijkProject.objects.create(wijk=wijken[item["wijk"]], **fields)
        image = demo_image(item["title"], "", seed=item["title"])
        ProjectPhoto.objects.create(project=project, image=image, sort_order=0)


@transaction.atomic
def load(stdout) -> None:
    data = read_data(__file__, "wijken")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales[settings.LANGUAGE_CODE]
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=nl)}
    pages = {p.wijk.slug: p for p in WijkPage.objects.filter(locale=nl).select_related("wijk")}
    load_people(data, locales, pages)
    load_full_wijken(data, pages, wijken)
    csv_path = Path(__file__).resolve().parent / "demo_data" / "streets.csv"
    added, _failed = import_streets(csv_path.read_text("utf-8"))
    stdout.write(
        f"Wijken: {ContactPerson.objects.filter(locale=nl).count()} contact people, "
        f"{WijkFigure.objects.count()} figures, {added} streets added."
    )
