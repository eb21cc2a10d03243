"""The shipped cache: nginx rendered from deploy/nginx.conf.template in front of the site.

A real nginx (with the cache-purge module) proxies to Django's live test server. Pages come
from the cache on a repeat visit; a publish or unpublish purges the page and everywhere it
shows (home, listing, feeds, wijk page), so the change is visible through the cache within a
second; form pages and editors' requests never come from the cache; documents are not
reachable as media files.
"""

import os
import time
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from deploy.serve_prod import missing_tools, render_nginx, start_nginx, stop, wait_until_up
from tests.factories import (
    ContentPageFactory,
    StoryIndexPageFactory,
    ThemeFactory,
    WijkFactory,
    WijkIndexPageFactory,
    WijkPageFactory,
)
from tests.site_app.faults import closed_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VISIBLE_WITHIN = 1.0


@pytest.fixture
def nginx(live_server, tmp_path_factory, settings):
    reason = missing_tools()
    if reason:
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"E2E_REQUIRED=1 but {reason}")
        pytest.skip(reason)
    media = tmp_path_factory.mktemp("media")
    media.chmod(0o755)
    settings.MEDIA_ROOT = media
    port = closed_port()
    conf = render_nginx(
        tmp_path_factory.mktemp("nginx"),
        listen=f"127.0.0.1:{port}",
        upstream=live_server.url.removeprefix("http://"),
        media_root=media,
        workers=1,
    )
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "site_app.frontend_cache.NginxPurgeBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    process = start_nginx(conf)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/healthz", timeout=20, processes=(process,))
        yield base
    finally:
        stop(process)


def get(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def content(home):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    wijk = WijkFactory(name="Ledeberg", slug="ledeberg")
    page = ContentPageFactory(
        parent=home, title="Huren in Gent", slug="huren", themes=[theme], wijken=[wijk]
    )
    wijken = WijkIndexPageFactory(parent=home, title="Wijken", slug="wijken")
    WijkPageFactory(parent=wijken, wijk=wijk)
    StoryIndexPageFactory(parent=home)
    return page


WHERE_IT_SHOWS = [
    "/nl/huren/",
    "/nl/",
    "/nl/feeds/thema/wonen/rss.xml",
    "/nl/feeds/wijk/ledeberg/atom.xml",
    "/nl/feeds/alles/rss.xml",
]


def wait_for(url, predicate):
    start = time.monotonic()
    while True:
        result = get(url)
        elapsed = time.monotonic() - start
        if predicate(result) or elapsed > 5:
            return result, elapsed
        time.sleep(0.05)


def test_published_change_is_visible_through_the_cache_within_a_second(nginx, content, timings):
    for path in WHERE_IT_SHOWS:
        status, headers, body = get(nginx + path)
        assert status == 200, path
        assert "Huren in Gent" in body, path
        status, headers, body = get(nginx + path)
        assert headers["X-Cache"] == "HIT", path

    content.title = "Huren en wonen in Gent"
    content.save_revision().publish()
    for path in WHERE_IT_SHOWS:
        (status, headers, body), elapsed = wait_for(
            nginx + path, lambda r: "Huren en wonen in Gent" in r[2]
        )
        timings(f"published change visible through nginx: {path}", elapsed)
        assert "Huren en wonen in Gent" in body, path
        assert elapsed < VISIBLE_WITHIN, (path, elapsed)

    content.unpublish()
    (status, _, _), elapsed = wait_for(nginx + "/nl/huren/", lambda r: r[0] == 404)
    assert status == 404 and elapsed < VISIBLE_WITHIN
    _, _, home = get(nginx + "/nl/")
    assert "Huren en wonen in Gent" not in home


def test_the_wijk_page_is_purged_too(nginx, content):
    get(nginx + "/nl/wijken/ledeberg/")
    assert get(nginx + "/nl/wijken/ledeberg/")[1]["X-Cache"] == "HIT"
    content.title = "Huren in Ledeberg"
    content.save_revision().publish()
    assert get(nginx + "/nl/wijken/ledeberg/")[1]["X-Cache"] != "HIT"


def test_forms_and_editors_never_come_from_the_cache(nginx, content):
    form = "/nl/verhalen/vertel-je-verhaal/"
    for _ in range(2):
        status, headers, _ = get(nginx + form)
        assert status == 200 and headers["X-Cache"] != "HIT"
    get(nginx + "/nl/huren/")
    assert get(nginx + "/nl/huren/")[1]["X-Cache"] == "HIT"
    _, headers, _ = get(nginx + "/nl/huren/", cookie="sessionid=abc")
    assert headers["X-Cache"] == "BYPASS"


def test_compressed_for_browsers_plain_for_others(nginx, content):
    get(nginx + "/nl/huren/")
    request = urllib.request.Request(nginx + "/nl/huren/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["X-Cache"] == "HIT"
    _, headers, body = get(nginx + "/nl/huren/")  # no Accept-Encoding: unpacked copy
    assert "Content-Encoding" not in headers and "Huren in Gent" in body


def test_media_served_by_nginx_but_documents_only_through_their_view(nginx, content, settings):
    document = Document.objects.create(title="Nota")
    document.file.save("nota.txt", ContentFile(b"inhoud van de nota"))
    (settings.MEDIA_ROOT / "documents").chmod(0o755)
    direct = get(f"{nginx}/media/{document.file.name}")
    assert direct[0] == 404
    status, _, body = get(nginx + document.url)
    assert status == 200 and body == "inhoud van de nota"
    _, headers, _ = get(nginx + document.url)
    assert headers["X-Cache"] != "HIT"  # documents never wait in the shared cache
    image_dir = settings.MEDIA_ROOT / "images"
    image_dir.mkdir(mode=0o755)
    (image_dir / "x.txt").write_text("rendition")
    (image_dir / "x.txt").chmod(0o644)
    status, headers, body = get(f"{nginx}/media/images/x.txt")
    assert status == 200 and body == "rendition"
    assert headers["X-Content-Type-Options"] == "nosniff"
