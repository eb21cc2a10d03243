"""Import wijk figures from a CSV file (the command and the admin upload share this).

The file is UTF-8 (a byte-order mark is fine), comma or semicolon separated, with the header
``wijk,indicator,waarde,eenheid,stadsgemiddelde,bron,peildatum``. Rows that fail are reported
with their line number and reason; the good rows are written in one transaction. A file that
is not CSV, is not UTF-8 or has other columns changes nothing.
"""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from site_app.localization import default_locale
from site_app.models import Wijk

from .models import FigureKind, WijkFigure

COLUMNS = ["wijk", "indicator", "waarde", "eenheid", "stadsgemiddelde", "bron", "peildatum"]
PROGRESS_EVERY = 500


class ImportRefused(Exception):
    """The whole file is refused (nothing was changed)."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


def _decimal(text: str) -> Decimal:
    value = Decimal(text.strip().replace(" ", "").replace(",", "."))
    if not value.is_finite() or abs(value) >= Decimal("1e10"):
        raise InvalidOperation
    return value


def read_rows(data: bytes) -> list[tuple[int, list[str]]]:
    """The non-empty rows of the file with their line numbers (the header is line 1)."""
    if b"\x00" in data[:4096]:
        raise ImportRefused(_("Dit is geen CSV-bestand (het bevat binaire gegevens)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _(
                "Het bestand is niet in UTF-8 opgeslagen (fout bij byte %(position)d). "
                "Sla het op als 'CSV UTF-8' en probeer opnieuw."
            )
            % {"position": error.start + 1}
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error):
        raise ImportRefused(_("Het bestand is leeg of geen CSV-bestand.")) from None
    if header != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        unknown = [c for c in header if c not in COLUMNS]
        raise ImportRefused(
            _(
                "De kolommen kloppen niet. Verwacht: %(expected)s. "
                "Ontbreekt: %(missing)s. Onbekend: %(unknown)s."
            )
            % {
                "expected": ", ".join(COLUMNS),
                "missing": ", ".join(missing) or "-",
                "unknown": ", ".join(unknown) or "-",
            }
        )
    try:
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ImportRefused(
            _("Dit is geen geldig CSV-bestand: %(error)s") % {"error": error}
        ) from None
    return rows


def import_figures(data: bytes, progress: Callable[[int, int], None] | None = None) -> ImportResult:
    rows = read_rows(data)
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=default_locale())}
    existing = {(f.wijk_id, f.kind): f for f in WijkFigure.objects.all()}
    result = ImportResult()
    good: dict[tuple, dict] = {}
    for done, (line, row) in enumerate(rows, start=1):
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, len(rows))
        reason = None
        if len(row) != len(COLUMNS):
            reason = _("%(count)d velden in plaats van %(expected)d.") % {
                "count": len(row),
                "expected": len(COLUMNS),
            }
        else:
            cells = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=True))
            wijk = wijken.get(cells["wijk"])
            try:
                value = _decimal(cells["waarde"])
                average = _decimal(cells["stadsgemiddelde"]) if cells["stadsgemiddelde"] else None
            except InvalidOperation:
                value = None
            try:
                reference = date.fromisoformat(cells["peildatum"])
            except ValueError:
                reference = None
            if wijk is None:
                reason = _("Onbekende wijk '%(slug)s'.") % {"slug": cells["wijk"][:60]}
            elif cells["indicator"] not in FigureKind.values:
                reason = _("Onbekende indicator '%(kind)s'.") % {"kind": cells["indicator"][:60]}
            elif value is None:
                reason = _("De waarde of het stadsgemiddelde is geen getal.")
            elif reference is None:
                reason = _("De peildatum is geen datum zoals 2025-01-01.")
            elif not cells["bron"]:
                reason = _("De bron ontbreekt.")
            elif len(cells["bron"]) > 200 or len(cells["eenheid"]) > 20:
                reason = _("De bron of de eenheid is te lang.")
            else:
                good[(wijk.pk, cells["indicator"])] = {
                    "value": value,
                    "unit": cells["eenheid"],
                    "city_average": average,
                    "source": cells["bron"],
                    "reference_date": reference,
                }
        if reason:
            result.failed.append((line, reason))
    with transaction.atomic():
        for (wijk_id, kind), values in good.items():
            figure = existing.get((wijk_id, kind))
            if figure is None:
                WijkFigure.objects.create(wijk_id=wijk_id, kind=kind, **values)
                result.created += 1
            else:
                for name, value in values.items():
                    setattr(figure, name, value)
                figure.save()
                result.updated += 1
    if progress:
        progress(len(rows), len(rows))
    return result
