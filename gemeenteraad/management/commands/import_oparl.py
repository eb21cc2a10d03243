"""``manage.py import_oparl <file-or-folder>``: load an OParl export (see importer.py)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gemeenteraad.importer import Importer, read_objects

BAR_WIDTH = 30
#: Below this many objects no progress bar is drawn.
BAR_FROM = 20


class Command(BaseCommand):
    help = (
        "Import council bodies, people, memberships, meetings with agenda items and papers "
        "from an OParl JSON export (one file or a folder). Safe to run again: objects are "
        "matched by their OParl id."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="An OParl JSON file, or a folder of them.")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args, source, no_progress=False, **options):
        path = Path(source)
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        objects, problems = read_objects(path)
        for where, reason in problems:
            self.stderr.write(self.style.ERROR(f"{where} {reason}"))
        if not objects and problems:
            raise CommandError("Nothing to import: no file could be read.")
        show_bar = not no_progress and len(objects) >= BAR_FROM
        importer = Importer(progress=self._bar if show_bar else None)
        report = importer.run(objects)
        if show_bar:
            sys.stderr.write("\n")
        for ident, reason in report.failures:
            self.stderr.write(self.style.WARNING(f"failed: {ident}: {reason}"))
        message = f"OParl import: {report.summary()}."
        if report.counts["skipped"]:
            message += f" {report.counts['skipped']} skipped (other types or deleted)."
        style = self.style.WARNING if report.failures or problems else self.style.SUCCESS
        self.stdout.write(style(message))

    def _bar(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {done}/{total}")
        sys.stderr.flush()
