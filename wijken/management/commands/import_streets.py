"""``manage.py import_streets file.csv``: the streets of each wijk (straat,postcode,wijk)."""

import csv
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from site_app.localization import default_locale
from site_app.models import Wijk
from wijken.models import Street

COLUMNS = ["straat", "postcode", "wijk"]


def import_streets(text: str) -> tuple[int, list[tuple[int, str]]]:
    """Add the streets of a CSV text; returns how many were added and the failed rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    if header != COLUMNS:
        raise CommandError(f"Expected the columns {', '.join(COLUMNS)}; got {', '.join(header)}.")
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=default_locale())}
    known = set(Street.objects.values_list("name", "postcode", "wijk_id"))
    new, failed = [], []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 3:
            failed.append((reader.line_num, "expected 3 fields"))
            continue
        name, postcode, slug = (cell.strip() for cell in row)
        wijk = wijken.get(slug)
        if wijk is None or not (postcode.isdigit() and len(postcode) == 4) or not name:
            failed.append((reader.line_num, "unknown wijk, bad postcode or empty name"))
            continue
        if (name, postcode, wijk.pk) not in known:
            known.add((name, postcode, wijk.pk))
            new.append(Street(name=name[:120], postcode=postcode, wijk=wijk))
    with transaction.atomic():
        Street.objects.bulk_create(new)
    return len(new), failed


class Command(BaseCommand):
    help = "Import the streets of each wijk from a UTF-8 CSV file (straat,postcode,wijk)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path} as UTF-8: {error}") from None
        added, failed = import_streets(text)
        for line, reason in failed:
            self.stderr.write(f"Row {line}: {reason}")
        self.stdout.write(f"{added} streets added, {len(failed)} rows failed.")
