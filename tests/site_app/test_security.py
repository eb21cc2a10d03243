"""Security baseline: deploy checks, headers, uploads."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_app.settings.production",
    "SECRET_KEY": "k" * 20 + "-realistic-production-secret-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "samenstadmaken.example",
    "BASE_URL": "https://samenstadmaken.example",
    "DATABASE_URL": "sqlite:////tmp/samenstadmaken-deploy-check.sqlite3",
}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("secret", ["", "short"])
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_public_pages_send_security_headers(client, home):
    response = client.get("/nl/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_production_settings_harden_transport():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=60,
    )
    hsts, *flags, debug = result.stdout.split()
    assert int(hsts) >= 31_536_000
    assert flags == ["True", "True", "True", "True"]
    assert debug == "False"


@pytest.mark.django_db
def test_svg_upload_is_refused_by_the_image_library():
    form_class = get_image_form(Image)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = form_class(
        data={"title": "evil"},
        files={"file": SimpleUploadedFile("evil.svg", svg, content_type="image/svg+xml")},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_upload_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
