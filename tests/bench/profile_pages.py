"""Per-request figures that do not depend on the machine's load: SQL queries, cache calls and
CPU time (process time, median) of a warm request per page type; ``--profile NAME`` prints a
cProfile of one page. Run: ``.venv/bin/python tests/bench/profile_pages.py [DB_PATH]``
(``DB_PATH``: an SQLite file with the demo loaded; without it one is made)."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(ROOT))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
DB = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="ssm-profile-")) / "db.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("TEST_MEDIA_ROOT", str(DB.parent / "media"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    ("home", "/nl/"),
    ("story", None),
    ("story listing", "/nl/verhalen/"),
    ("wijk page", "/nl/wijken/ledeberg/"),
    ("policy note", "/nl/beleidsnota-participatie/"),
    ("feed (rss)", "/nl/feeds/thema/participatie-en-democratie/rss.xml"),
]
ROUNDS = int(os.environ.get("PROFILE_ROUNDS", "30"))


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def count_cache_calls(client, url) -> int:
    """Calls that reach the default cache during one warm request (round-trips to Redis: a
    call made inside another, as ``get_or_set`` calls ``get``, is not counted again)."""
    from django.core.cache import caches

    names = ("get", "set", "add", "get_many", "set_many", "delete", "incr", "get_or_set")
    backend = caches["default"]
    state = {"calls": 0, "depth": 0}
    for name in names:
        original = getattr(backend, name)

        def wrapper(*a, _original=original, **k):
            state["calls"] += state["depth"] == 0
            state["depth"] += 1
            try:
                return _original(*a, **k)
            finally:
                state["depth"] -= 1

        setattr(backend, name, wrapper)
    try:
        client.get(url)
    finally:
        for name in names:
            delattr(backend, name)
    return state["calls"]


def story_url():
    from verhalen.models import StoryPage

    return StoryPage.objects.live().filter(locale__language_code="nl").order_by("pk").first().url


def main():
    if not DB.exists():
        call_command("migrate", verbosity=0)
        call_command("load_demo", "--no-user", verbosity=0)
        if not args:
            print(f"Demo database: {DB}")
    client = Client()
    pages = [(name, url or story_url()) for name, url in PAGES]
    profile = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--profile=")), None)
    if profile:
        import cProfile
        import pstats

        url = dict(pages)[profile]
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return
    print(f"{'page':<14} {'queries':>7} {'cache calls':>11} {'CPU ms':>7}  url")
    for name, url in pages:
        assert client.get(url).status_code == 200, url
        counter = Counter()
        with connection.execute_wrapper(counter):
            client.get(url)
        calls = count_cache_calls(client, url)
        times = []
        for _ in range(ROUNDS):
            start = time.process_time()
            client.get(url)
            times.append(time.process_time() - start)
        cpu = statistics.median(times) * 1000
        print(f"{name:<14} {counter.count:>7} {calls:>11} {cpu:>7.1f}  {url}", flush=True)


if __name__ == "__main__":
    main()
