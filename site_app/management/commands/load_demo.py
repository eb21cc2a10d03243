"""Load the demo content once: ``manage.py load_demo`` (safe to run again)."""

import secrets
from contextlib import contextmanager
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django_tasks import default_task_backend

DEMO_USERNAME = "redacteur"
# Background work the bulk commands below redo once for everything: skipped while loading.
REDONE_IN_BULK = {
    "modelsearch.tasks.insert_or_update_object_task",  # update_index
    "wagtail.tasks.update_reference_index_task",  # rebuild_references_index
}


@contextmanager
def background_work_deferred():
    """Queue the background tasks that saving hundreds of objects sends (search index,
    reference index, readability) and run each distinct one once afterwards, instead of one
    by one inside every save. Tasks the bulk commands redo are left out."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        yield
        queued = list(default_task_backend.results)
    seen = set()
    with transaction.atomic():  # one commit, not one per task
        for result in queued:
            key = (result.task.module_path, repr(result.args), repr(result.kwargs))
            if result.task.module_path in REDONE_IN_BULK or key in seen:
                continue
            seen.add(key)
            result.task.call(*result.args, **result.kwargs)


class Command(BaseCommand):
    help = "Create the demo content and the demo accounts (only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-user", action="store_true", help="Do not create the demo accounts."
        )

    def handle(self, *args, **options):
        self._point_default_site_at_base_url()
        with background_work_deferred():
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is not None:
                    import_module(module_name).load(self.stdout)
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        if not options["no_user"]:
            self._create_demo_user()
            self._create_demo_accounts()

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

    def _create_demo_accounts(self):
        """The accounts the apps' loaders declared, by role (each password shown once)."""
        from site_app.demo_tools import create_demo_accounts

        created = create_demo_accounts()
        if not created:
            return
        width = max(len(username) for username, _role, _password in created)
        lines = [
            f"  {username:<{width}}  {password}  {role}" for username, role, password in created
        ]
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo accounts by role (shown only this once; username, password, role):\n"
                + "\n".join(lines)
                + "\nForgot one? Run: .venv/bin/python manage.py changepassword <username>\n"
            )
        )

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
