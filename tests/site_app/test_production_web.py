"""What a production server answers besides pages: headers for caches and browsers, limits,
branded error pages that keep a person's text, health probes, security.txt, CSP reports."""

import gzip
import json
import logging
import re
from datetime import datetime, timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.factories import ContentPageFactory, StoryIndexPageFactory
from tests.site_app.faults import closed_port

pytestmark = pytest.mark.django_db

FORM = "/nl/verhalen/vertel-je-verhaal/"


@pytest.fixture
def site(home):
    ContentPageFactory(parent=home, title="Over", slug="over")
    StoryIndexPageFactory(parent=home)
    return home


def directives(header: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


# -- caching headers -----------------------------------------------------------------------


def test_public_page_may_be_kept_by_the_shared_cache(client, site, settings):
    response = client.get("/nl/over/")
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"s-maxage={settings.CACHE_PAGE_SECONDS}" in cache_control
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_query_strings_get_a_short_shared_lifetime(client, site, settings):
    response = client.get("/nl/verhalen/?page=1")
    assert f"s-maxage={settings.CACHE_QUERY_SECONDS}" in response["Cache-Control"]


def test_form_pages_are_never_cached(client, site):
    response = client.get(FORM)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


def test_an_editor_never_gets_or_makes_a_cacheable_page(client, site, admin_user):
    client.force_login(admin_user)
    cache_control = client.get("/nl/over/")["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control


def test_errors_and_posts_are_not_marked_cacheable(client, site):
    assert "public" not in client.get("/nl/bestaat-niet/").get("Cache-Control", "")
    csrf_client = Client(enforce_csrf_checks=True)
    posted = csrf_client.post(FORM, {"message": "x"})
    assert "public" not in posted.get("Cache-Control", "")


# -- compression ---------------------------------------------------------------------------


def test_html_and_feeds_are_gzipped_when_the_browser_accepts_it(client, site):
    page = client.get("/nl/over/", headers={"Accept-Encoding": "gzip, br"})
    assert page["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page["Vary"]
    html = gzip.decompress(page.content).decode()
    assert "<html" in html
    plain = client.get("/nl/over/")
    assert not plain.has_header("Content-Encoding")
    assert len(page.content) < len(plain.content) / 2
    feed = client.get("/nl/feeds/alles/rss.xml", headers={"Accept-Encoding": "gzip"})
    assert feed.status_code == 200 and feed["Content-Encoding"] == "gzip"


def test_documents_and_images_are_not_recompressed(rf):
    from django.http import HttpResponse

    from site_app.middleware import CompressionMiddleware

    middleware = CompressionMiddleware(lambda request: None)
    request = rf.get("/documents/1/x.pdf", headers={"Accept-Encoding": "gzip"})
    response = HttpResponse(b"%PDF-1.7 " * 100, content_type="application/pdf")
    assert not middleware.process_response(request, response).has_header("Content-Encoding")


# -- browser security headers --------------------------------------------------------------


def test_permissions_policy_switches_off_unused_features(client, site):
    policy = client.get("/nl/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_public_csp_reports_violations(client, site):
    csp = directives(client.get("/nl/")["Content-Security-Policy"])
    assert csp["report-uri"] == "/csp-report/"


def test_admin_has_its_own_strict_csp(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    login = Client().get("/admin/login/")
    assert directives(login["Content-Security-Policy"])["script-src"] == "'self'"


def test_admin_csp_allows_wagtails_widget_initialisers_by_hash_and_nothing_else(rf):
    import base64
    import hashlib

    from django.http import HttpResponse

    from site_app.middleware import AdminCSPMiddleware

    widget = 'initDateChooser("id_date", {"dayOfWeekStart": 1, "format": "Y-m-d"});'
    injected = ["alert(document.cookie);", 'initDateChooser("x", {"a": "b"}); alert(1);']
    html = "".join(f"<script>{script}</script>" for script in [widget, *injected])
    middleware = AdminCSPMiddleware(lambda request: HttpResponse(html))
    script_src = directives(middleware(rf.get("/admin/x/"))["Content-Security-Policy"])[
        "script-src"
    ]

    def sha(script):
        return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()

    assert f"'sha256-{sha(widget)}'" in script_src
    assert not any(sha(script) in script_src for script in injected)
    assert "unsafe-inline" not in script_src


# -- request size --------------------------------------------------------------------------


def multipart(size: int, boundary: str = "grens") -> bytes:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\nHallo\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="bijlage"; '
        'filename="groot.bin"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    return head + b"\0" * size + f"\r\n--{boundary}--\r\n".encode()


def test_a_30_mb_upload_to_a_form_without_files_is_refused_with_a_413_page(client, site):
    body = multipart(30 * 1024 * 1024)
    response = client.generic(
        "POST", FORM, body, content_type="multipart/form-data; boundary=grens"
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Wat je stuurde is te groot" in html
    assert '<html lang="nl"' in html


def test_the_413_page_is_in_the_readers_language(client, site):
    response = client.generic(
        "POST",
        "/ar/verhalen/",
        multipart(2 * 1024 * 1024),
        content_type="multipart/form-data; boundary=grens",
    )
    assert response.status_code == 413
    assert '<html lang="ar" dir="rtl"' in response.content.decode()


def test_upload_limits_are_set_for_every_form(settings):
    assert settings.MAX_REQUEST_BODY_PUBLIC <= 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.MAX_REQUEST_BODY_ADMIN >= settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert settings.MAX_REQUEST_BODY_ADMIN >= settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def test_too_many_fields_is_a_branded_400(client, site):
    data = "&".join(f"f{n}=x" for n in range(10_001))
    response = client.generic("POST", FORM, data, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in response.content.decode()


# -- CSRF failure keeps the text -----------------------------------------------------------


def test_csrf_failure_is_a_branded_403_that_keeps_the_persons_text(site):
    client = Client(enforce_csrf_checks=True)
    message = "Mijn grootvader <b>bouwde</b> de eerste kiosk op het plein."
    response = client.post(
        "/ar/verhalen/vertel-je-verhaal/",
        {"name": "Zoë", "message": message, "website": "", "rendered_at": "abc"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "Mijn grootvader &lt;b&gt;bouwde&lt;/b&gt; de eerste kiosk" in html  # escaped
    assert "<b>bouwde</b>" not in html
    assert 'name="rendered_at"' not in html and ">abc<" not in html
    assert 'href="/ar/verhalen/vertel-je-verhaal/"' in html
    assert "no-store" in response["Cache-Control"]


# -- probes --------------------------------------------------------------------------------


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_readyz_reports_each_part(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "search": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_names_the_part_that_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "site_app.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    parts = response.json()
    assert parts["database"] == "ok"
    assert parts["cache"].startswith("unreachable")
    assert parts["search"].startswith("unreachable")


# -- security.txt --------------------------------------------------------------------------


def test_security_txt_follows_rfc_9116(client, settings):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=timezone.UTC if hasattr(timezone, "UTC") else None
    )
    now = datetime.now(expires.tzinfo)
    assert now < expires < now + timedelta(days=366)
    assert fields["Canonical"] == f"{settings.BASE_URL}/.well-known/security.txt"
    assert re.fullmatch(r"[a-z]{2}(, [a-z]{2})*", fields["Preferred-Languages"])


# -- CSP reports ---------------------------------------------------------------------------


def csp_report(client, blocked="https://evil.example/x.js?token=secret"):
    report = {
        "csp-report": {
            "document-uri": "https://samenstadmaken.example/nl/verhalen/?naam=Zo%C3%AB",
            "violated-directive": "script-src-elem",
            "blocked-uri": blocked,
        }
    }
    return client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")


def test_csp_reports_are_logged_in_one_line_without_query_strings(client, caplog):
    caplog.set_level(logging.WARNING, logger="site_app.csp")
    assert csp_report(client).status_code == 204
    [record] = [r for r in caplog.records if r.name == "site_app.csp"]
    line = record.getMessage()
    assert "script-src-elem" in line and "https://evil.example" in line
    assert "secret" not in line and "Zo" not in line


def test_csp_reports_are_rate_limited_and_bad_ones_refused(client):
    cache.clear()
    statuses = [csp_report(client).status_code for _ in range(25)]
    assert statuses[:20] == [204] * 20
    assert statuses[-1] == 429
    other = Client(REMOTE_ADDR="192.0.2.50")
    assert (
        other.post("/csp-report/", "{nope", content_type="application/csp-report").status_code
        == 400
    )
    assert other.get("/csp-report/").status_code == 405
    big = other.post("/csp-report/", "x" * 20_000, content_type="application/csp-report")
    assert big.status_code == 413
