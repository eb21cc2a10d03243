"""Queue the daily and weekly digests that are due (cron-friendly: run it every hour).

    15 * * * *  manage.py send_digests

A digest is recorded per (subscription, period), so running the command more often, or a
worker restart, never sends a period twice.
"""

from django.core.management.base import BaseCommand

from volgen.tasks import enqueue_due_digests


class Command(BaseCommand):
    help = "Queue the e-mail digests of the last complete day and week."

    def handle(self, *args, **options):
        count = enqueue_due_digests()
        self.stdout.write(f"{count} digest(s) queued.")
