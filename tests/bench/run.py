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
WRK_SECONDS = 5
PAGES = [
    ("home", "/nl/"),
    ("home (ar)", "/ar/"),
    ("wijk index", "/nl/wijken/"),
    ("wijk page", "/nl/wijken/ledeberg/"),
    ("content page", "/nl/over/"),
    ("feeds index", "/nl/feeds/"),
    ("search", "/nl/zoeken/?q=wijk"),
    ("advice register, filtered", "/nl/adviesraden/?status=beantwoord&thema=wonen"),
    ("advice register CSV", "/nl/adviesraden/export/"),
    ("council feed (rss)", "/nl/adviesraden/woonraad/feed/rss/"),
    ("theme feed (rss)", "/nl/feeds/thema/participatie-en-democratie/rss.xml"),
    ("meeting index", "/nl/gemeenteraad/?thema=wonen"),
    ("meeting, 40 items", "/nl/gemeenteraad/gemeenteraad-maandvergadering-voorbij/"),
    ("agenda item", "/nl/gemeenteraad/gemeenteraad-maandvergadering-voorbij/punt/woningen24/"),
    ("council body", "/nl/gemeenteraad/orgaan/gemeenteraad/"),
    ("body calendar (ics)", "/nl/gemeenteraad/orgaan/gemeenteraad/kalender/"),
    ("OParl meeting list", "/oparl/v1.1/body/gent/meeting/"),
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


def wrk_requests_per_second(url, seconds=WRK_SECONDS):
    """wrk on 127.0.0.1, as a browser asks (gzip accepted); refuses failed responses."""
    import re
    import subprocess

    result = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if failed:
        raise RuntimeError(f"{url}: {failed.group(1)} failed responses under load")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def fetch_gzipped(url):
    import urllib.request

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), response.headers


def static_ceiling_config(root, port, files):
    """nginx serving each page's bytes (gzip, as the cache sends them) as a plain file."""
    locations = "".join(
        f"location = /{name} {{ alias {root / name}; default_type text/html;"
        " add_header Content-Encoding gzip; }"
        for name in files
    )
    user = "user root;" if os.geteuid() == 0 else ""
    return (
        f"{user} daemon off; worker_processes 2; pid {root / 'nginx.pid'};"
        f" error_log {root / 'error.log'} warn; events {{ worker_connections 1024; }}"
        f" http {{ access_log off; keepalive_requests 10000;"
        f" client_body_temp_path {root}; proxy_temp_path {root};"
        f" fastcgi_temp_path {root}; uwsgi_temp_path {root}; scgi_temp_path {root};"
        f" server {{ listen 127.0.0.1:{port}; {locations} }} }}"
    )


def throughput(urls):
    """Each URL under load: gunicorn (2 workers) alone, through the shipped nginx cache, and
    nginx serving the same bytes as a file (this machine's ceiling), in one run."""
    import shutil

    from deploy.serve_prod import (
        free_port,
        missing_tools,
        render_nginx,
        start_gunicorn,
        start_nginx,
        stop,
        wait_until_up,
    )

    reason = missing_tools() or ("" if shutil.which("wrk") else "wrk is not installed")
    if reason:
        return reason
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_app.settings.test"}
    app_port, cache_port, static_port = free_port(), free_port(), free_port()
    gunicorn = start_gunicorn(app_port, env)
    cache_conf = render_nginx(
        WORKDIR / "cache",
        listen=f"127.0.0.1:{cache_port}",
        upstream=f"127.0.0.1:{app_port}",
        media_root=WORKDIR / "media",
    )
    cache = start_nginx(cache_conf)
    static_root = WORKDIR / "static-ceiling"
    static_root.mkdir()
    static = None
    rows = []
    try:
        wait_until_up(f"http://127.0.0.1:{app_port}/healthz", processes=(gunicorn,))
        wait_until_up(f"http://127.0.0.1:{cache_port}/healthz", processes=(cache,))
        files = {}
        for n, (name, path) in enumerate(urls):
            body, headers = fetch_gzipped(f"http://127.0.0.1:{cache_port}{path}")
            fetch_gzipped(f"http://127.0.0.1:{cache_port}{path}")  # now a hit
            (static_root / f"p{n}").write_bytes(body)
            files[f"p{n}"] = (name, path, len(body), headers.get("Content-Encoding", ""))
        conf = static_root / "nginx.conf"
        conf.write_text(static_ceiling_config(static_root, static_port, files))
        static = start_nginx(conf)
        wait_until_up(f"http://127.0.0.1:{static_port}/p0", processes=(static,))
        for file, (name, path, size, encoding) in files.items():
            app = wrk_requests_per_second(f"http://127.0.0.1:{app_port}{path}")
            cached = wrk_requests_per_second(f"http://127.0.0.1:{cache_port}{path}")
            ceiling = wrk_requests_per_second(f"http://127.0.0.1:{static_port}/{file}")
            rows.append((name, path, size, encoding, app, cached, ceiling))
    finally:
        stop(static, cache, gunicorn)
    return rows


THROUGHPUT_PAGES = [
    ("home", "/nl/"),
    ("story", None),
    ("story listing", "/nl/verhalen/"),
    ("wijk page", "/nl/wijken/ledeberg/"),
    ("search", "/nl/zoeken/?q=wijk"),
    ("feed (rss)", "/nl/feeds/thema/participatie-en-democratie/rss.xml"),
]


def throughput_urls(extra):
    story = next((url for name, url in extra if name == "StoryPage"), None)
    return [(name, url or story) for name, url in THROUGHPUT_PAGES if url or story]


def css_weight():
    """site.css gzip-compressed as shipped, and with comments and spaces stripped."""
    import gzip
    import re

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    stripped = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    stripped = re.sub(r"\s*([{};:,>])\s*", r"\1", re.sub(r"\s+", " ", stripped))
    return len(gzip.compress(css.encode())), len(gzip.compress(stripped.encode()))


def main():
    print(f"Loading demo content into {WORKDIR} ...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-user", verbosity=0)
    client = Client()
    extra = discover_extra_pages(client)
    rows = [(name, url, *measure(client, url)) for name, url in PAGES + extra]
    print(f"\nPage type              queries  median ms ({REQUESTS} uncached requests)  url")
    for name, url, queries, median in rows:
        print(f"{name:<22} {queries:>7}  {median:>9.1f}  {url}")
    print("\nFeed of 1,000 entries:")
    for fmt, (ms, size) in feed_build_time().items():
        print(f"  {fmt:<5} {ms:8.1f} ms  {size / 1024:8.1f} KiB")
    first = client.get(PAGES[0][1])
    feed_url = dict(PAGES)["theme feed (rss)"]
    repeat = client.get(feed_url)
    again = client.get(feed_url, headers={"If-None-Match": repeat["ETag"]})
    print(f"\nRepeat feed request with ETag: HTTP {again.status_code}")
    print(f"Home page HTML: {len(first.content) / 1024:.1f} KiB uncompressed")
    weight, assets = page_weight(client)
    print(f"First visit, HTML + {', '.join(assets)} gzip-compressed: {weight / 1024:.1f} KiB")
    shipped, stripped = css_weight()
    print(
        f"site.css gzip-compressed: {shipped / 1024:.1f} KiB as shipped, "
        f"{stripped / 1024:.1f} KiB minified (saving {(shipped - stripped) / 1024:.1f} KiB)"
    )
    rows = throughput(throughput_urls(extra))
    if isinstance(rows, str):
        print(f"Throughput: skipped ({rows}; make server-deps)")
        return
    print(
        f"\nThroughput, wrk 2 threads x 16 connections x {WRK_SECONDS} s, gzip accepted "
        "(req/s; cache = the shipped nginx config, ceiling = nginx serving the same bytes "
        "as a file):"
    )
    print(
        f"{'page':<14} {'bytes':>7} {'gunicorn':>9} {'cache':>9} {'ceiling':>9}"
        f" {'app/ceil':>8} {'cache/ceil':>10}"
    )
    for name, path, size, encoding, app, cached, ceiling in rows:
        print(
            f"{name:<14} {size:>7} {app:>9.0f} {cached:>9.0f} {ceiling:>9.0f}"
            f" {app / ceiling:>8.3f} {cached / ceiling:>10.3f}  {path} {encoding}"
        )


if __name__ == "__main__":
    main()
