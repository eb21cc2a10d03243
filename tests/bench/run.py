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


class QueryCounter:
    """Counts SQL statements through a database execute wrapper (independent of DEBUG)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client, url):
    client.get(url)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        client.get(url)
    timings = []
    for _ in range(REQUESTS):
        cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return counter.count, statistics.median(timings) * 1000


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


def page_weight(client):
    """First-visit weight of the home page: HTML + CSS + JS, gzip-compressed (images excluded)."""
    import gzip
    import re

    from django.contrib.staticfiles import finders

    html = client.get("/nl/").content
    total = len(gzip.compress(html))
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    for asset in assets:
        path = finders.find(asset.decode())
        total += len(gzip.compress(Path(path).read_bytes()))
    return total, [a.decode() for a in assets]


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk_requests_per_second(url):
    import re
    import subprocess

    result = subprocess.run(
        ["wrk", "-t2", "-c16", "-d5s", url], capture_output=True, text=True, timeout=60, check=True
    )
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if failed:
        raise RuntimeError(f"{url}: {failed.group(1)} failed responses under load")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def throughput(client):
    """gunicorn (2 workers) serving /nl/ versus nginx serving the same HTML as a static file."""
    import shutil
    import subprocess
    import urllib.request

    if not (shutil.which("wrk") and shutil.which("nginx")):
        return None
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_app.settings.test"}
    gunicorn_port, nginx_port = free_port(), free_port()
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "site_app.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{gunicorn_port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    static_root = WORKDIR / "nginx"
    (static_root / "html").mkdir(parents=True)
    WORKDIR.chmod(0o755)  # nginx's worker processes run as an unprivileged user
    (static_root / "html" / "index.html").write_bytes(client.get("/nl/").content)
    (static_root / "nginx.conf").write_text(
        "daemon off; worker_processes 2; pid nginx.pid; error_log stderr;"
        "events { worker_connections 256; }"
        f"http {{ access_log off; server {{ listen 127.0.0.1:{nginx_port};"
        f" root {static_root / 'html'}; }} }}"
    )
    nginx = subprocess.Popen(["nginx", "-p", str(static_root), "-c", "nginx.conf"])
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{gunicorn_port}/nl/", timeout=2)
                urllib.request.urlopen(f"http://127.0.0.1:{nginx_port}/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        app = wrk_requests_per_second(f"http://127.0.0.1:{gunicorn_port}/nl/")
        ceiling = wrk_requests_per_second(f"http://127.0.0.1:{nginx_port}/")
    finally:
        gunicorn.terminate()
        nginx.terminate()
        gunicorn.wait(10)
        nginx.wait(10)
    return app, ceiling


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
    weight, assets = page_weight(client)
    print(f"First visit, HTML + {', '.join(assets)} gzip-compressed: {weight / 1024:.1f} KiB")
    figures = throughput(client)
    if figures is None:
        print("Throughput: skipped (wrk or nginx not installed: apt-get install wrk nginx-light)")
    else:
        app, ceiling = figures
        print(
            f"Throughput /nl/ with wrk (2 threads, 16 connections, 5 s): gunicorn 2 workers "
            f"{app:.0f} req/s; nginx static copy {ceiling:.0f} req/s; ratio {app / ceiling:.3f}"
        )


if __name__ == "__main__":
    main()
