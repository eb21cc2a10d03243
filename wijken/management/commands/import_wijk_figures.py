"""``manage.py import_wijk_figures file.csv``: update the wijk-DNA from the city's figures."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijken.figures_import import ImportRefused, import_figures


class Command(BaseCommand):
    help = "Import wijk figures from a UTF-8 CSV file; reports the rows that failed."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            result = import_figures(
                data, progress=lambda done, total: self.stderr.write(f"{done}/{total} rows read")
            )
        except ImportRefused as refused:
            raise CommandError(f"{refused} Nothing was changed.") from None
        for line, reason in result.failed:
            self.stderr.write(f"Row {line}: {reason}")
        self.stdout.write(
            f"{result.created} figures created, {result.updated} updated, "
            f"{len(result.failed)} rows failed."
        )
