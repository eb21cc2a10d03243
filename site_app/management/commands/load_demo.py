"""Load the demo content once: ``manage.py load_demo`` (safe to run again)."""

import secrets
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_USERNAME = "redacteur"


class Command(BaseCommand):
    help = "Create the demo content and a demo editor account (only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-user", action="store_true", help="Do not create the demo editor account."
        )

    def handle(self, *args, **options):
        self._point_default_site_at_base_url()
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is not None:
                import_module(module_name).load(self.stdout)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if not options["no_user"]:
            self._create_demo_user()

    def _point_default_site_at_base_url(self):
        """Wagtail's first Site is localhost:80; make absolute links match BASE_URL."""
        from urllib.parse import urlsplit

        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        url = urlsplit(settings.BASE_URL)
        if site and site.hostname == "localhost" and site.port == 80 and url.hostname:
            site.hostname = url.hostname
            site.port = url.port or (443 if url.scheme == "https" else 80)
            site.save()

    def _create_demo_user(self):
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_USERNAME).exists():
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=DEMO_USERNAME, email="redacteur@example.org", password=password
        )
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo editor account (shown only this once):\n"
                f"  admin:    {settings.BASE_URL}/admin/\n"
                f"  username: {DEMO_USERNAME}\n"
                f"  password: {password}\n"
                f"Forgot it? Run: .venv/bin/python manage.py changepassword {DEMO_USERNAME}\n"
            )
        )
