"""Remove addresses that bounce: ``manage.py process_bounces FILE``.

FILE has one address per line, optionally followed by ``hard`` or ``soft`` (default hard),
as a mail provider's bounce export gives it. Each hard bounce counts; after
``--limit`` (default 3) the subscription is deleted. Soft bounces are ignored. Output gives
counts only, never an address.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from volgen.models import Subscription


class Command(BaseCommand):
    help = "Count hard bounces from a file of addresses; delete after repeated ones."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--limit", type=int, default=3)

    def handle(self, *args, path, limit, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except OSError as error:
            raise CommandError(f"Cannot read the bounce list: {error.strerror}") from error
        counted = removed = 0
        for line in lines:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            kind = parts[1].lower() if len(parts) > 1 else "hard"
            if kind != "hard":
                continue
            address = parts[0].strip().lower()
            counted += Subscription.objects.filter(email=address).update(
                hard_bounces=F("hard_bounces") + 1
            )
        removed = (
            Subscription.objects.filter(hard_bounces__gte=limit)
            .delete()[1]
            .get(Subscription._meta.label, 0)
        )
        self.stdout.write(f"{counted} hard bounce(s) counted, {removed} subscription(s) removed.")
