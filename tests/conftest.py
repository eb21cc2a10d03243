"""Shared fixtures: a minimal site tree on a real database, or the whole demo content."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory

DEMO_FIXTURE = "demo"
E2E_DIR = Path(__file__).parent / "e2e"


def _uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db"} & set(getattr(item, "fixturenames", ()))
    )


def _in_a_test_transaction(item) -> bool:
    """A test that runs inside a rolled-back transaction (not one that flushes the tables)."""
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        return not (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return "db" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items):
    """Tests on the demo content run right after the other transaction-wrapped tests: the demo
    stays loaded from the first of them to the end of the run (see ``demo``). pytest-django has
    already put the tests that flush the tables (``transaction=True``) and those without a
    database (browser tests among them) after those; they stay after the demo tests, since a
    flush would remove the site the demo needs."""
    demo = [item for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]
    others = [item for item in items if DEMO_FIXTURE not in getattr(item, "fixturenames", ())]
    first_after = next(
        (n for n, item in enumerate(others) if not _in_a_test_transaction(item)), len(others)
    )
    rest = others[first_after:]
    # Browser tests that flush the tables run last, after the browser tests on the live site.
    browser_flushing = [
        item for item in rest if E2E_DIR in Path(item.path).parents and _uses_database(item)
    ]
    rest = [item for item in rest if item not in browser_flushing]
    items[:] = others[:first_after] + demo + rest + browser_flushing


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Once Playwright's event loop runs in this thread, Django hands out new connection
    objects (its connections are context-local); give them the rows the migrations made, which
    ``serialized_rollback`` tests restore after a flush (pytest-django keeps them on the first
    connection object only)."""
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    yield


class _DemoDatabase:
    """The demo content inside one open transaction, rolled back when the demo tests are done."""

    def __init__(self):
        self._open = None

    def load(self, django_db_blocker) -> None:
        blocker = django_db_blocker.unblock()
        blocker.__enter__()
        atomic = transaction.atomic()
        atomic.__enter__()
        self._open = (blocker, atomic)
        try:
            call_command("load_demo", "--no-user", verbosity=0, stdout=io.StringIO())
        except BaseException:
            self.roll_back()
            raise

    def roll_back(self) -> None:
        if self._open is None:
            return
        blocker, atomic = self._open
        self._open = None
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        blocker.__exit__(None, None, None)


_demo_database = _DemoDatabase()


def pytest_runtest_setup(item):
    """The tests after the demo tests get the database as the migrations left it."""
    if DEMO_FIXTURE not in getattr(item, "fixturenames", ()):
        _demo_database.roll_back()


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The whole demo content (``manage.py load_demo``), loaded once per run (once per xdist
    worker) inside a transaction that is rolled back after the last demo test (the collection
    hook above runs them together). Each test on it still runs in its own savepoint, so what a
    test changes is undone after it."""
    _demo_database.load(django_db_blocker)
    yield
    _demo_database.roll_back()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Translations are cached (site_app.localization); every test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request of an earlier test (an
    Arabic page, an admin user's preference) leaves its language active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locales(db):
    from django.conf import settings

    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    """A live HomePage as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    old_root.delete()
    return home


@pytest.fixture
def admin_access_user(django_user_model):
    """A user who may enter the admin (Wagtail's ``access_admin``) and may do nothing else."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Alleen het beheer openen")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = django_user_model.objects.create_user("beheerlezer", password="x")
    user.groups.add(group)
    return user


_TIMINGS: list[tuple[str, str, float]] = []


@pytest.fixture
def timings(request):
    """``timings(label, seconds)`` records a measured time; pytest's summary prints them all.

    For reporting only: speed is never asserted in tests (see ``make bench``).
    """

    def record(label: str, seconds: float) -> None:
        _TIMINGS.append((request.node.name, label, seconds))

    return record


def pytest_terminal_summary(terminalreporter):
    if not _TIMINGS:
        return
    terminalreporter.section("measured times (reported, not asserted)")
    for test, label, seconds in _TIMINGS:
        terminalreporter.write_line(f"{seconds * 1000:9.1f} ms  {label}  [{test}]")
