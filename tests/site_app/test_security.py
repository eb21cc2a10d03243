"""Security baseline: deploy checks, headers, uploads."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_MEDIA = Path("/tmp/samenstadmaken-deploy-media")
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_app.settings.production",
    "SECRET_KEY": "k" * 20 + "-realistic-production-secret-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "samenstadmaken.example",
    "BASE_URL": "https://samenstadmaken.example",
    "DATABASE_URL": "sqlite:////tmp/samenstadmaken-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "EMAIL_URL": "smtp+tls://mailer:secret@mail.samenstadmaken.example:587",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    "MEDIA_ROOT": str(PRODUCTION_MEDIA),
}
# Each production dependency, what leaving it out looks like, and the setting the error names.
MISSING_DEPENDENCIES = {
    "mail": ({"EMAIL_URL": None}, "site_app.E001", "EMAIL_URL"),
    "mail printed": ({"EMAIL_URL": "console://"}, "site_app.E001", "EMAIL_URL"),
    "shared cache": ({"REDIS_URL": None}, "site_app.E002", "REDIS_URL"),
    "task backend": ({"TASKS_BACKEND": None}, "site_app.E003", "TASKS_BACKEND"),
    "media storage": ({"MEDIA_ROOT": None}, "site_app.E004", "MEDIA_ROOT"),
    "media not writable": ({"MEDIA_ROOT": "/nonexistent/media"}, "site_app.E005", "MEDIA_ROOT"),
}


def run_manage(*args, env, drop=()):
    environment = {**os.environ, **env}
    for name in drop:
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_production_settings():
    PRODUCTION_MEDIA.mkdir(exist_ok=True)
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", MISSING_DEPENDENCIES, ids=list(MISSING_DEPENDENCIES))
def test_check_deploy_fails_without_each_production_dependency(missing):
    PRODUCTION_MEDIA.mkdir(exist_ok=True)
    change, error_id, setting = MISSING_DEPENDENCIES[missing]
    env = {**PRODUCTION_ENV, **{k: v for k, v in change.items() if v is not None}}
    drop = [name for name, value in change.items() if value is None]
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env, drop=drop)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert error_id in output
    assert setting in output  # the error says what to set
    others = {e for _, e, _ in MISSING_DEPENDENCIES.values()} - {error_id}
    assert not any(other in output for other in others), output


def test_the_wsgi_application_refuses_to_start_half_configured():
    PRODUCTION_MEDIA.mkdir(exist_ok=True)
    code = "import site_app.wsgi"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={k: v for k, v in {**os.environ, **PRODUCTION_ENV}.items() if k != "REDIS_URL"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "site_app.E002" in result.stderr and "REDIS_URL" in result.stderr


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


# Runs under the production settings, against an empty SQLite file with only the session and
# user tables: enough for real requests through the whole middleware stack.
TRANSPORT_PROBE = """
import json
import django

django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

call_command("migrate", "sessions", verbosity=0)
call_command("migrate", "auth", verbosity=0)
get_user_model().objects.create_user("probe", password="probe-password-1234")
host = {"host": "samenstadmaken.example"}
client = Client(raise_request_exception=False)


def cookie(response, name):
    morsel = response.cookies.get(name)
    return {key: morsel[key] for key in ("secure", "httponly", "samesite")} if morsel else None


plain = client.get("/robots.txt", headers=host)
secure = client.get("/robots.txt", headers=host, secure=True)
login = client.post(
    "/admin/login/",
    {"username": "probe", "password": "probe-password-1234"},
    headers=host,
    secure=True,
)
broken = client.get("/nl/", headers=host, secure=True)  # no page tables: a server error
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location")],
    "hsts": secure.get("Strict-Transport-Security"),
    "login": login.status_code,
    "session": cookie(login, "sessionid"),
    "csrf": cookie(login, "csrftoken"),
    "error": [broken.status_code, broken.content.decode(errors="replace")],
}))
"""


def test_production_settings_harden_transport(tmp_path):
    """Under the production settings: HTTP is sent to HTTPS, HTTPS answers carry HSTS for a
    year, session and CSRF cookies are Secure (the session cookie also HttpOnly) and an error
    shows the site's error page, never a traceback (DEBUG is off)."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-c", TRANSPORT_PROBE],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, "https://samenstadmaken.example/robots.txt"]
    hsts = dict(
        part.strip().partition("=")[::2] for part in seen["hsts"].split(";") if part.strip()
    )
    assert int(hsts["max-age"]) >= 31_536_000
    assert seen["login"] == 302
    assert seen["session"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert seen["csrf"]["secure"] is True and seen["csrf"]["samesite"] == "Lax"
    status, body = seen["error"]
    assert status == 500
    assert "Traceback" not in body and "OperationalError" not in body
    assert '<html lang="nl">' in body  # the site's own error page


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


def _png(size: tuple[int, int], mode: str, data: bytes | None = None) -> bytes:
    from PIL import Image as PILImage

    picture = PILImage.frombytes(mode, size, data) if data else PILImage.new(mode, size)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(name: str, content: bytes):
    form = get_image_form(Image)(
        data={"title": name},
        files={"file": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    return form.is_valid(), form.errors.get("file", [])


@pytest.mark.django_db
def test_image_uploads_are_limited_in_bytes_and_in_pixels():
    # Noise does not compress: a 2000 x 2000 RGB PNG is about 12 MB (limit: 10 MB).
    heavy = _png((2000, 2000), "RGB", os.urandom(2000 * 2000 * 3))
    assert len(heavy) > 10 * 1024 * 1024
    valid, errors = _upload("zwaar.png", heavy)
    assert not valid and errors
    # One bit per pixel: a small file with 8000 x 5001 = 40,008,000 pixels (limit: 40 million).
    valid, errors = _upload("groot.png", _png((8000, 5001), "1"))
    assert not valid and errors
    valid, errors = _upload("gewoon.png", _png((800, 600), "RGB"))
    assert valid, errors


@pytest.mark.django_db
def test_documents_are_served_through_the_view(client):
    from django.core.files.base import ContentFile
    from django.urls import reverse
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Planning")
    document.file.save("planning.txt", ContentFile(b"Voorjaar: de kade."), save=True)
    assert document.url == reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    assert not document.url.startswith("/media/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Voorjaar: de kade."
    assert "attachment" in response["Content-Disposition"]
