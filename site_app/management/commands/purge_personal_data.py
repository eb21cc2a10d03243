"""Retention: erase what citizens sent us once it is no longer needed. Schedule daily."""

from django.core.management.base import BaseCommand

from site_app import personal_data


class Command(BaseCommand):
    help = (
        "Apply the retention rule of every model that holds personal data: blank names, "
        "contact details and free text past the retention period, and delete submissions "
        "that were never confirmed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be purged; change nothing."
        )

    def handle(self, *args, dry_run, **options):
        counts = personal_data.purge_all(dry_run=dry_run)
        verb = "Would purge" if dry_run else "Purged"
        for label, result in counts.items():
            self.stdout.write(
                f"{verb} {label}: {result['erased']} erased, {result['deleted']} unconfirmed "
                "deleted."
            )
