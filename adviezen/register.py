"""The register as readers use it: the advice list, its figures, the chart and the export.

Every advice is listed once, in the reader's language when it is translated and in Dutch
otherwise, so the register and its figures are the same in every language. Loading is a fixed
number of queries whatever the number of advice: councils, advice, their translations and all
their status steps, each in one query; status, overdue and figures are then derived in Python
from the timelines (:mod:`site_app.timeline`), the one place those rules live.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from site_app import taxonomy, timeline
from site_app.timeline import Status, Timeline

from .history import AdviceKind, Phase, phase_of
from .models import AdviceIndexPage, AdvicePage, AdviceStep, AdvisoryCouncilPage

OUTCOME_ORDER = [Status(value) for value, _label in timeline.OUTCOMES]


@dataclass
class AdviceItem:
    """One advice as the register shows it."""

    page: AdvicePage  # in the reader's language when translated, else the source page
    source: AdvicePage
    council: AdvisoryCouncilPage
    timeline: Timeline
    phase: Phase | None

    @property
    def is_translated(self) -> bool:
        return self.page is not self.source

    @property
    def language(self) -> str:
        return self.page.locale.language_code

    @property
    def own_initiative(self) -> bool:
        return self.source.kind == AdviceKind.OWN_INITIATIVE

    @property
    def outcome(self) -> Status | None:
        return self.timeline.outcome

    @property
    def delivered(self):
        return self.timeline.started

    @property
    def answer(self):
        return self.timeline.answer


def source_register(index: AdviceIndexPage) -> AdviceIndexPage:
    """The register page in the source language (where the advice tree is)."""
    if index.locale.language_code == settings.LANGUAGE_CODE:
        return index
    return (
        AdviceIndexPage.objects.filter(
            translation_key=index.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or index
    )


def councils_of(register: AdviceIndexPage, locale) -> list[AdvisoryCouncilPage]:
    """The register's councils (source pages) with ``localized`` set, sorted by title."""
    sources = list(
        AdvisoryCouncilPage.objects.child_of(register)
        .live()
        .public()
        .defer_streamfields()
        .select_related("locale")
    )
    translated = {}
    if locale.pk != register.locale_id:
        translated = {
            page.translation_key: page
            for page in AdvisoryCouncilPage.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=[c.translation_key for c in sources])
            .defer_streamfields()
            .select_related("locale")
        }
    for council in sources:
        council.localized_page = translated.get(council.translation_key, council)
    return sorted(sources, key=lambda council: council.localized_page.title.lower())


def advice_queryset(register: AdviceIndexPage):
    return (
        AdvicePage.objects.descendant_of(register)
        .live()
        .public()
        .defer_streamfields()
        .defer("response", "procedure", "outcome_reason")
        .select_related("locale")
        .prefetch_related("themes", "wijken")
        .annotate(
            advice_date=Coalesce("delivered_on", "requested_on", "preparation_started_on"),
        )
        .order_by("-advice_date", "-pk")
    )


def years_of(register: AdviceIndexPage) -> list[int]:
    years = (
        advice_queryset(register)
        .annotate(year=ExtractYear("advice_date"))
        .exclude(year=None)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def load_items(
    register: AdviceIndexPage,
    locale,
    councils: list[AdvisoryCouncilPage],
    *,
    council=None,
    theme=None,
    wijk=None,
    year=None,
    now=None,
) -> list[AdviceItem]:
    """The advice of ``register`` (source language) that match, newest first."""
    pages = advice_queryset(register)
    if council is not None:
        pages = pages.child_of(council)
    if theme is not None:
        pages = pages.filter(themes__translation_key=theme.translation_key)
    if wijk is not None:
        pages = pages.filter(wijken__translation_key=wijk.translation_key)
    if year is not None:
        pages = pages.filter(advice_date__year=year)
    pages = list(pages.distinct())
    if not pages:
        return []
    keys = [page.translation_key for page in pages]
    translated = {}
    if locale.pk != register.locale_id:
        translated = {
            page.translation_key: page
            for page in AdvicePage.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=keys)
            .defer_streamfields()
            .select_related("locale")
        }
    timelines = timelines_for(keys)
    by_path = {council.path: council for council in councils}
    items = []
    for page in pages:
        council = by_path.get(page.path[: -page.steplen])
        if council is None:
            continue
        history = timelines[page.translation_key]
        items.append(
            AdviceItem(
                page=translated.get(page.translation_key, page),
                source=page,
                council=council,
                timeline=history,
                phase=phase_of(history, now),
            )
        )
    return items


def timelines_for(keys) -> dict:
    """The timeline of each advice (by translation_key), all from one query."""
    rows: dict = {key: [] for key in keys}
    steps = AdviceStep.objects.filter(advice__translation_key__in=list(keys)).annotate(
        key=F("advice__translation_key")
    )
    for step in steps:
        rows[step.key].append(step)
    return {key: Timeline(found, AdviceStep.flow) for key, found in rows.items()}


def narrow(items: Iterable[AdviceItem], *, phase=None, outcome=None) -> list[AdviceItem]:
    """The items with this phase and/or this (latest) outcome."""
    return [
        item
        for item in items
        if (phase is None or item.phase == phase) and (outcome is None or item.outcome == outcome)
    ]


# --- Figures --------------------------------------------------------------------------------


@dataclass
class Figures:
    """The follow-up figures of one council (or of all: ``council`` is None)."""

    council: AdvisoryCouncilPage | None
    label: str
    given: int = 0
    answered: int = 0
    in_time: int = 0
    overdue: int = 0
    median_days: float | None = None
    outcomes: dict = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        return self.given - self.answered

    @property
    def outcome_counts(self) -> list[int]:
        return [self.outcomes.get(outcome, 0) for outcome in OUTCOME_ORDER]


def figures_for(items: list[AdviceItem], council=None, label: str = "") -> Figures:
    given = [item for item in items if item.delivered is not None]
    answered = [item for item in given if item.answer is not None]
    days = [item.timeline.days_to_answer for item in answered]
    return Figures(
        council=council,
        label=label,
        given=len(given),
        answered=len(answered),
        in_time=sum(1 for item in answered if item.timeline.answered_in_time),
        overdue=sum(1 for item in items if item.phase == Phase.OVERDUE),
        median_days=statistics.median(days) if days else None,
        outcomes=dict(Counter(item.outcome for item in answered)),
    )


def figures_table(items: list[AdviceItem], councils: list[AdvisoryCouncilPage]) -> dict:
    """Figures per council (every council, also those without advice) and in total."""
    by_council: dict = {}
    for item in items:
        by_council.setdefault(item.council.pk, []).append(item)
    rows = [
        figures_for(by_council.get(council.pk, []), council, council.localized_page.title)
        for council in councils
    ]
    return {"rows": rows, "total": figures_for(items, None, _("Alle adviesraden"))}


# --- The chart: what the city did with the advice of each council ----------------------------

# Colours of the segments, each at least 4.5:1 against white; segments are separated by a
# white gap, and the table below the chart holds every figure.
SEGMENTS = [
    (Status.FOLLOWED, "#1e6b32"),
    (Status.PARTLY_FOLLOWED, "#0b5fa5"),
    (Status.PASSED_ON, "#6a2c7d"),
    (Status.UNDER_CONSIDERATION, "#8a5a00"),
    (Status.NOT_FOLLOWED, "#b3261e"),
    (None, "#595959"),  # no answer yet
]
CHART_WIDTH = 640
LABEL_WIDTH = 160
COUNT_WIDTH = 44
ROW_HEIGHT = 34
BAR_HEIGHT = 20
TOP = 8


@dataclass
class Segment:
    x: float
    width: float
    colour: str
    label: str
    value: int


@dataclass
class Bar:
    label: str
    total: int
    y: float
    text_y: float
    label_x: float
    count_x: float
    segments: list[Segment]


def chart(table: dict, rtl: bool = False) -> dict:
    """Horizontal stacked bars, one per council with advice, drawn right to left in Arabic."""
    rows = [row for row in table["rows"] if row.given]
    scale_max = max((row.given for row in rows), default=0)
    area = CHART_WIDTH - LABEL_WIDTH - COUNT_WIDTH
    bars = []
    for position, row in enumerate(rows):
        y = TOP + position * ROW_HEIGHT
        values = [row.outcomes.get(status, 0) for status, _colour in SEGMENTS[:-1]]
        values.append(row.waiting)
        offset = 0.0
        segments = []
        for (status, colour), value in zip(SEGMENTS, values, strict=True):
            if not value:
                continue
            width = area * value / scale_max
            drawn = max(width - 2, 1)  # a 2px white gap after each segment
            x = LABEL_WIDTH + offset
            if rtl:  # the mirror image: the bar grows from the right, the gap on its left
                x = CHART_WIDTH - x - drawn
            segments.append(
                Segment(
                    x=round(x, 2),
                    width=round(drawn, 2),
                    colour=colour,
                    label=timeline.label(status) if status else _("Nog geen antwoord"),
                    value=value,
                )
            )
            offset += width
        end = LABEL_WIDTH + offset + 6
        bars.append(
            Bar(
                label=row.council.localized_page.short_name,
                total=row.given,
                y=y,
                text_y=y + BAR_HEIGHT / 2 + 5,
                label_x=CHART_WIDTH - LABEL_WIDTH + 8 if rtl else LABEL_WIDTH - 8,
                count_x=CHART_WIDTH - end if rtl else end,
                segments=segments,
            )
        )
    legend = [
        {"colour": colour, "label": timeline.label(status) if status else _("Nog geen antwoord")}
        for status, colour in SEGMENTS
    ]
    return {
        "width": CHART_WIDTH,
        "height": TOP * 2 + ROW_HEIGHT * len(bars),
        "bar_height": BAR_HEIGHT,
        "bars": bars,
        "legend": legend,
        "description": chart_description(rows),
        "rtl": rtl,
    }


def chart_description(rows: list[Figures]) -> str:
    """The chart in words (its text alternative)."""
    sentences = []
    for row in rows:
        parts = [
            f"{count} {timeline.label(status).lower()}"
            for status, count in zip(OUTCOME_ORDER, row.outcome_counts, strict=True)
            if count
        ]
        if row.waiting:
            parts.append(
                ngettext(
                    "%(count)d nog zonder antwoord", "%(count)d nog zonder antwoord", row.waiting
                )
                % {"count": row.waiting}
            )
        sentences.append(
            ngettext(
                "%(council)s: %(count)d advies gegeven (%(parts)s).",
                "%(council)s: %(count)d adviezen gegeven (%(parts)s).",
                row.given,
            )
            % {"council": row.label, "count": row.given, "parts": ", ".join(parts)}
        )
    return " ".join(sentences)


# --- CSV export -------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value) -> str:
    """A spreadsheet cell that never runs as a formula (OWASP: prefix an apostrophe)."""
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def _date(value) -> str:
    return value.isoformat() if value else ""


def csv_header() -> list[str]:
    return [
        _("Adviesraad"),
        _("Titel"),
        _("Soort"),
        _("Gevraagd door"),
        _("Vraag ontvangen op"),
        _("Advies gevraagd tegen"),
        _("Advies gegeven op"),
        _("Antwoord verwacht tegen"),
        _("Antwoord op"),
        _("Antwoord van"),
        _("Wat deed de stad?"),
        _("Dagen tot antwoord"),
        _("Binnen de termijn"),
        _("Status"),
        _("Thema's"),
        _("Wijken"),
        _("Webadres"),
    ]


def csv_row(item: AdviceItem, request) -> list[str]:
    history = item.timeline
    answer = history.answer
    requested = next((s for s in history.steps if s.status == Status.REQUESTED), None)
    in_time = history.answered_in_time
    page = item.page
    return [
        safe_cell(value)
        for value in [
            item.council.localized_page.title,
            page.title,
            page.get_kind_display(),
            page.requested_by,
            _date(requested.date if requested else None),
            _date(requested.due if requested else None),
            _date(item.delivered.date if item.delivered else None),
            _date(history.due),
            _date(answer.date if answer else None),
            answer.actor if answer else "",
            timeline.label(item.outcome) if item.outcome else "",
            "" if history.days_to_answer is None else history.days_to_answer,
            "" if in_time is None else (_("ja") if in_time else _("nee")),
            item.phase.label if item.phase else "",
            ", ".join(term.name for term in taxonomy.localize(item.source.themes.all())),
            ", ".join(term.name for term in taxonomy.localize(item.source.wijken.all())),
            request.build_absolute_uri(page.get_url(request)),
        ]
    ]


def csv_bytes(items: list[AdviceItem], request) -> bytes:
    """The register as CSV: UTF-8 with a byte order mark and semicolons, as spreadsheets in
    Dutch-speaking locales expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(heading) for heading in csv_header()])
    for item in items:
        writer.writerow(csv_row(item, request))
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


# --- schema.org data for the council and advice pages ----------------------------------------


def council_json_ld(council, request) -> dict:
    """A council as a schema.org GovernmentOrganization."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": council.title,
        "alternateName": council.abbreviation,
        "description": council.remit,
        "url": council.get_full_url(request),
    }
    if council.email:
        data["email"] = council.email
    if council.phone:
        data["telephone"] = council.phone
    if council.address:
        data["address"] = " ".join(council.address.split())
    return data


def advice_json_ld(page, council, history, themes, request) -> dict:
    """An advice as a schema.org Report by its council (dates as full ISO date-times)."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": page.title[:110],
        "description": page.advice_summary or page.subject,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "creativeWorkStatus": timeline.label(history.status) if history.status else "",
    }
    if council is not None:
        data["author"] = {
            "@type": "GovernmentOrganization",
            "name": council.title,
            "url": council.get_full_url(request),
        }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if themes:
        data["keywords"] = [theme.name for theme in themes]
    return data
