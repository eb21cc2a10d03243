"""Retention: blank the name and contact details of old story proposals."""

from django.core.management.base import BaseCommand, CommandError

from verhalen.models import StoryProposal

DEFAULT_DAYS = 365


class Command(BaseCommand):
    help = (
        "Erase name, e-mail address and phone number of story proposals received more than "
        "DAYS days ago. The proposals themselves are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=DEFAULT_DAYS,
            metavar="DAYS",
            help=f"Age in days (default {DEFAULT_DAYS}).",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more days.")
        erased = StoryProposal.purge(older_than)
        self.stdout.write(f"Erased the personal data of {erased} story proposal(s).")
