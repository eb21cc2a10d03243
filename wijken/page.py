"""Everything a wijk page shows, in a fixed number of queries.

Contacts and places are read from the source-language page, so a translation shows them even
when it was made before they were added; their Dutch-only texts carry ``lang="nl"``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation
from django.utils.formats import number_format
from wagtail.images import get_image_model

from site_app import feeds, localization

from .models import FigureKind, Place, WijkContact, WijkFigure, WijkProject

NEWS_PER_KIND = 3
PROJECTS_ON_PAGE = 6
CHART_WIDTH = 640
LABEL_WIDTH = 260
VALUE_WIDTH = 90
BAR_HEIGHT = 16
ROW_HEIGHT = 64
TOP = 12


def source_filter(page) -> dict:
    return {
        "page__translation_key": page.translation_key,
        "page__locale__language_code": settings.LANGUAGE_CODE,
    }


def number(value) -> str:
    """A decimal without trailing zeros, in the reader's number format."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral() else 1
    return number_format(value, decimal_pos=places, use_l10n=True)


@dataclass
class Bar:
    label: str
    y: int
    text_y: int
    label_x: float
    wijk_x: float
    wijk_width: float
    wijk_text_x: float
    wijk_text: str
    city_y: int
    city_text_y: int
    city_x: float
    city_width: float
    city_text_x: float
    city_text: str


def chart(figures: list, wijk_name: str, rtl: bool = False) -> dict:
    """Two bars per figure (the wijk, the city); each row has its own scale, since units
    differ. In Arabic the image is mirrored: labels on the right, bars growing leftwards."""
    rows = [f for f in figures if f.city_average is not None]
    area = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for position, figure in enumerate(rows):
        y = TOP + position * ROW_HEIGHT
        top = max(figure.value, figure.city_average) or 1
        wijk_width = max(float(area * figure.value / top), 1)
        city_width = max(float(area * figure.city_average / top), 1)

        def x_of(width):
            return CHART_WIDTH - LABEL_WIDTH - width if rtl else LABEL_WIDTH

        def text_x(width):
            return CHART_WIDTH - LABEL_WIDTH - width - 6 if rtl else LABEL_WIDTH + width + 6

        unit = f" {figure.unit}" if figure.unit else ""
        bars.append(
            Bar(
                label=figure.get_kind_display(),
                y=y,
                text_y=y + BAR_HEIGHT - 3,
                label_x=CHART_WIDTH - LABEL_WIDTH + 8 if rtl else LABEL_WIDTH - 8,
                wijk_x=round(x_of(wijk_width), 2),
                wijk_width=round(wijk_width, 2),
                wijk_text_x=round(text_x(wijk_width), 2),
                wijk_text=number(figure.value) + unit,
                city_y=y + BAR_HEIGHT + 6,
                city_text_y=y + 2 * BAR_HEIGHT + 3,
                city_x=round(x_of(city_width), 2),
                city_width=round(city_width, 2),
                city_text_x=round(text_x(city_width), 2),
                city_text=number(figure.city_average) + unit,
            )
        )
    description = " ".join(
        translation.gettext("%(figure)s: %(wijk)s %(value)s, stad %(city)s.")
        % {
            "figure": bar.label,
            "wijk": wijk_name,
            "value": bar.wijk_text,
            "city": bar.city_text,
        }
        for bar in bars
    )
    return {
        "width": CHART_WIDTH,
        "height": TOP * 2 + ROW_HEIGHT * len(bars),
        "bar_height": BAR_HEIGHT,
        "bars": bars,
        "rtl": rtl,
        "description": description,
    }


def wijk_page_context(page, request) -> dict:
    locale = localization.active_locale()
    rows = list(
        WijkContact.objects.filter(**source_filter(page))
        .select_related("person__photo")
        .order_by("sort_order")
    )
    contacts = localization.localize_all(row.person for row in rows)
    # One query for the renditions of every portrait and project photo, not one per image.
    prefetch_related_objects([c.photo for c in contacts if c.photo_id], "renditions")
    places = list(Place.objects.filter(**source_filter(page)).order_by("sort_order"))
    figures = sorted(
        WijkFigure.objects.filter(wijk_id=page.wijk_id),
        key=lambda f: list(FigureKind.values).index(f.kind),
    )
    for figure in figures:
        unit = f" {figure.unit}" if figure.unit else ""
        figure.value_text = number(figure.value) + unit
        figure.city_text = (
            number(figure.city_average) + unit if figure.city_average is not None else ""
        )
    projects = list(
        WijkProject.objects.filter(wijk_id=page.wijk_id)
        .prefetch_related(
            Prefetch(
                "photos__image",
                queryset=get_image_model().objects.prefetch_renditions("fill-480x270"),
            )
        )
        .order_by("-year", "title")[:PROJECTS_ON_PAGE]
    )
    scope = feeds.by_wijk(page.wijk)
    news = []
    for kind, label in feeds.kinds().items():
        entries = feeds.collect_entries(request, scope, kinds=[kind], limit=NEWS_PER_KIND)
        if entries:
            news.append({"kind": kind, "label": label, "entries": entries})
    wijk_name = localization.localize(page.wijk).name
    return {
        "contacts": contacts,
        "places": places,
        "figures": figures,
        "chart": chart(figures, wijk_name, rtl=translation.get_language_bidi()),
        "projects": projects,
        "news": news,
        "source_language": settings.LANGUAGE_CODE,
        "language": locale.language_code,
        "translated": locale.language_code != settings.LANGUAGE_CODE,
    }
