"""`make bench`: queries and median uncached render time per page type, and feed build time.

Runs against a temporary SQLite database filled by ``load_demo``. Prints figures; asserts
nothing about speed (timings depend on the machine). Run: ``make bench``.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="ssm-bench-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
os.environ["TEST_MEDIA_ROOT"] = str(WORKDIR / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_app.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

REQUESTS = 50
PAGES = [
    ("home", "/nl/"),
    ("home (ar)", "/ar/"),
    ("wijk index", "/nl/wijken/"),
    ("wijk page", "/nl/wijken/ledeberg/"),
    ("content page", "/nl/over/"),
    ("feeds index", "/nl/feeds/"),
    ("search", "/nl/zoeken/?q=wijk"),
    ("theme feed (rss)", "/nl/feeds/thema/participatie-en-democratie/rss.xml"),
]


def discover_extra_pages(client):
    """Page types other apps add (stories, policy notes, ...), found through the sitemap."""
    from wagtail.models import Page

    seen = set()
    extra = []
    for page in Page.objects.live().filter(locale__language_code="nl", depth__gt=2).specific():
        name = type(page).__name__
        if name in seen or name in {"ContentPage", "WijkIndexPage", "WijkPage"}:
            continue
        seen.add(name)
        url = page.get_url()
        if url and client.get(url).status_code == 200:
            extra.append((name, url))
    return extra


def measure(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings = []
    for _ in range(REQUESTS):
        cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return len(queries.captured_queries), statistics.median(timings) * 1000


def feed_build_time():
    """Render a feed of 1,000 entries with the engine's renderer."""
    from datetime import timedelta

    from django.test import RequestFactory
    from django.utils import timezone

    from site_app.feeds import FeedEntry, feed_response

    now = timezone.now()
    entries = [
        FeedEntry(
            guid=f"tag:bench,2026:pagina/{n}",
            title=f"Bericht {n}",
            link=f"https://example.org/nl/bericht-{n}/",
            summary="Een korte samenvatting van het bericht.",
            published=now - timedelta(hours=n),
            updated=now - timedelta(hours=n),
            kind="pagina",
            kind_label="Pagina",
            categories=("Wonen", "Ledeberg"),
        )
        for n in range(1000)
    ]
    request = RequestFactory().get("/nl/feeds/thema/wonen/rss.xml")
    request.LANGUAGE_CODE = "nl"
    figures = {}
    for fmt in ("rss", "atom"):
        start = time.perf_counter()
        response = feed_response(
            request, fmt, title="Bench", description="", link="https://x/", entries=entries
        )
        figures[fmt] = ((time.perf_counter() - start) * 1000, len(response.content))
    return figures


def main():
    print(f"Loading demo content into {WORKDIR} ...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-user", verbosity=0)
    client = Client()
    rows = [
        (name, url, *measure(client, url)) for name, url in PAGES + discover_extra_pages(client)
    ]
    print(f"\nPage type              queries  median ms ({REQUESTS} uncached requests)  url")
    for name, url, queries, median in rows:
        print(f"{name:<22} {queries:>7}  {median:>9.1f}  {url}")
    print("\nFeed of 1,000 entries:")
    for fmt, (ms, size) in feed_build_time().items():
        print(f"  {fmt:<5} {ms:8.1f} ms  {size / 1024:8.1f} KiB")
    first = client.get(PAGES[0][1])
    repeat = client.get(PAGES[-1][1])
    again = client.get(PAGES[-1][1], headers={"If-None-Match": repeat["ETag"]})
    print(f"\nRepeat feed request with ETag: HTTP {again.status_code}")
    print(f"Home page HTML: {len(first.content) / 1024:.1f} KiB uncompressed")


if __name__ == "__main__":
    main()
