"""`make bench-search`: search latency (median, p95) over a generated corpus of 10,000 pages.

Runs on the database backend: on a temporary SQLite database, and on PostgreSQL when
``BENCH_POSTGRES_URL`` is set (an empty database it may fill, e.g. one made with
``createdb -h 127.0.0.1 -U postgres ssm_bench_search``). Prints figures; asserts nothing.
Options: ``--pages N`` (default 10000), ``--requests N`` per query (default 20).
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = [
    "wijk",
    "buurt",
    "straat",
    "plein",
    "park",
    "school",
    "fiets",
    "bus",
    "tram",
    "woning",
    "huur",
    "premie",
    "advies",
    "raad",
    "jeugd",
    "senioren",
    "cultuur",
    "sport",
    "groen",
    "boom",
    "water",
    "dok",
    "kade",
    "markt",
    "winkel",
    "budget",
    "plan",
    "klimaat",
    "hitte",
    "veilig",
    "verkeer",
    "licht",
    "bank",
    "speelplein",
    "bibliotheek",
    "zwembad",
    "festival",
]
QUERIES = [
    "wijk",
    "wijkbudget",
    "advies huurpremie",
    "fietsstraat school",
    "bomen",
    "groen plein park",
    "adviezen",
    "zzqxv",
    "de stad",
    "veilig verkeer school",
]


def run_one(database_url: str, pages: int, requests: int) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings.test")
    # Building the corpus queues a readability measurement per page; it plays no part in
    # search latency, so the tasks are only recorded, not run.
    os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.dummy.DummyBackend")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import post_save
    from django.test import Client
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Locale, Page, Site

    from home.models import ContentPage, HomePage

    call_command("migrate", verbosity=0)
    for code in ("nl", "en", "fr", "tr", "ar"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Samen stad maken", slug="start"))
        site = Site.objects.get(is_default_site=True)
        old = site.root_page
        site.root_page, site.hostname = home, "testserver"
        site.save()
        if old.pk != home.pk:
            old.delete()
    existing = ContentPage.objects.count()
    rng = random.Random(13)
    started = time.perf_counter()
    for model in search_index.get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
    for number in range(existing, pages):
        title = " ".join(rng.choice(WORDS) for _ in range(4)).capitalize()
        intro = " ".join(rng.choice(WORDS) for _ in range(40))
        home.add_child(instance=ContentPage(title=title, slug=f"p-{number}", intro=intro))
        if number % 1000 == 999:
            print(f"  {number + 1} pages", flush=True)
    call_command("update_index", verbosity=0)
    print(
        f"  corpus ready: {ContentPage.objects.count()} pages "
        f"({time.perf_counter() - started:.0f} s)"
    )
    client = Client()
    rows = []
    for query in QUERIES:
        client.get("/nl/zoeken/", {"q": query})  # warm the vocabulary cache
        timings = []
        for _ in range(requests):
            start = time.perf_counter()
            response = client.get("/nl/zoeken/", {"q": query})
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        count = re.search(r'role="status">(\d+)', response.content.decode())
        rows.append((query, timings, int(count.group(1)) if count else 0))
    everything = [t for _query, timings, _count in rows for t in timings]
    print(f"\nSearch latency on {connection.vendor}, {pages} pages, {requests} requests a query:")
    print(f"  {'query':28} {'results':>7} {'median':>9} {'p95':>9}")
    for query, timings, count in rows:
        print(
            f"  {query:28} {count:>7} {statistics.median(timings):>7.1f}ms {p95(timings):>7.1f}ms"
        )
    print(
        f"  {'all queries':28} {'':>7} {statistics.median(everything):>7.1f}ms "
        f"{p95(everything):>7.1f}ms"
    )


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database", default="")
    args = parser.parse_args()
    if args.database:
        run_one(args.database, args.pages, args.requests)
        return
    targets = [f"sqlite:///{Path(tempfile.mkdtemp(prefix='ssm-bench-search-')) / 'db.sqlite3'}"]
    if os.environ.get("BENCH_POSTGRES_URL"):
        targets.append(os.environ["BENCH_POSTGRES_URL"])
    for target in targets:
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--database",
                target,
                "--pages",
                str(args.pages),
                "--requests",
                str(args.requests),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
