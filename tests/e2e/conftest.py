"""Real-browser test harness: one server, one browser, one Nu Html Checker per session.

Fixtures (reuse them; keep their names and shapes):

- ``live_site``     base URL (``http://127.0.0.1:PORT``) of the demo site under gunicorn,
                    on its own SQLite file (or ``E2E_DATABASE_URL``), test settings.
- ``browser``       Playwright (sync) Debian Chromium, launched as QUALITY.md says.
- ``page``          a fresh context + page, viewport 1280 x 900, ``base_url=live_site``
                    (so ``page.goto("/nl/")`` works); closed after the test.
- ``run_axe``       ``run_axe(page)`` -> WCAG 2.2 AA / EN 301 549 violations;
                    ``run_axe(page, best_practice=True)`` -> critical/serious ones only,
                    best-practice rules included. ``str(result)`` is a readable report.
- ``html_checker``  ``html_checker(html)`` -> Nu Html Checker errors as ``"line N: ..."``.
- ``fetch``         ``fetch(url)`` -> ``(status, headers, body)`` of the raw server response.
- ``public_page``   a test that asks for it runs once per entry of ``PUBLIC_PAGES``
                    (``(locale, path)`` pairs); ``public_pages`` gives the whole list.
- ``artifacts_dir`` ``test-artifacts/`` (gitignored), for screenshots humans look at.
- ``live_mailbox``  what the live site sent over SMTP (an aiosmtpd server in this process;
                    ``.messages`` parsed, ``.envelopes`` raw).
- ``live_manage``   ``live_manage(*args)`` runs manage.py on the live site's database.

Every test under tests/e2e is marked ``e2e``. Missing tools (Chromium, Java, node_modules)
skip the tests that need them with a clear reason; with ``E2E_REQUIRED=1`` (CI) they fail.
Django's test database is never used: the server is a separate process.

Environment: ``E2E_REQUIRED=1`` (fail instead of skip), ``E2E_DATABASE_URL`` (the server's
database instead of a fresh SQLite file, e.g. PostgreSQL in CI), ``E2E_BASE_URL`` (test a
server that is already running, with the demo content, instead of starting one).
Install the tools with ``.ci/browser-deps``. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "EN-301-549"]

# Every public page type, in Dutch and in Arabic (right to left), plus the other homes.
# Extend this list when a new page type appears; every test asking for ``public_page``
# then covers it.
_PAGE_PATHS = [
    "/{lang}/",
    "/{lang}/wijken/",
    "/{lang}/wijken/ledeberg/",
    "/{lang}/wijken/?postcode=9000",
    "/{lang}/wijkinfo/projecten/",
    "/{lang}/over/",
    "/{lang}/toegankelijkheid/",
    "/{lang}/feeds/",
    "/{lang}/zoeken/?q=wijk",
    "/{lang}/zoeken/?q=zzqxv",
    "/{lang}/verhalen/",
    "/{lang}/verhalen/?wijk=muide-meulestede-afrikalaan",
    "/{lang}/verhalen/een-nieuwe-kade-aan-de-oude-dokken/",
    "/{lang}/verhalen/oude-dokken/",
    "/{lang}/verhalen/vertel-je-verhaal/",
    "/{lang}/verhalen/vertel-je-verhaal/bevestig/?t=link-uit-de-mail",
    "/{lang}/beleidsnota-participatie/",
    "/{lang}/beleidsnota-participatie/klare-taal/",
    "/{lang}/woordenlijst/",
    "/{lang}/gemeenteraad/",
    "/{lang}/gemeenteraad/?thema=wonen",
    "/{lang}/gemeenteraad/gemeenteraad-maandvergadering-voorbij/",
    "/{lang}/gemeenteraad/gemeenteraad-maandvergadering-voorbij/punt/woningen24/",
    "/{lang}/gemeenteraad/orgaan/gemeenteraad/",
    "/{lang}/adviesraden/",
    "/{lang}/adviesraden/?status=te-laat",
    "/{lang}/adviesraden/woonraad/",
    "/{lang}/adviesraden/woonraad/huurpremie/",
    "/{lang}/agendapunt-gemeenteraad/",
    "/{lang}/agendapunt-gemeenteraad/voorstellen/",
    "/{lang}/themas/",
    "/{lang}/themas/wonen/",
    "/{lang}/themas/e-mail/",
]
PUBLIC_PAGES: list[tuple[str, str]] = [
    *((lang, path.format(lang=lang)) for lang in ("nl", "ar") for path in _PAGE_PATHS),
    ("ar", "/ar/zoeken/?q=%D8%A7%D9%84%D8%AD%D9%8A"),
    ("en", "/en/"),
    ("fr", "/fr/"),
    # A Dutch-only story reached from Arabic: the Dutch page with a notice in Arabic.
    ("nl", "/nl/verhalen/fatma-en-haar-geveltuin/?van=ar"),
]

SERVER_START_TIMEOUT = 60
VNU_START_TIMEOUT = 90


# --------------------------------------------------------------------------- collection


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test in this directory ``e2e`` (before ``-m`` deselects anything)."""
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


def pytest_collection_finish(session):
    """Java needs several seconds to start: overlap that with the server's set-up."""
    if session.config.option.collectonly:
        return
    needs_vnu = any("html_checker" in getattr(item, "fixturenames", ()) for item in session.items)
    if needs_vnu and not _missing("java", "vnu"):
        _VNU.start()


def pytest_generate_tests(metafunc):
    if "public_page" in metafunc.fixturenames:
        metafunc.parametrize("public_page", PUBLIC_PAGES, ids=[path for _, path in PUBLIC_PAGES])


def pytest_sessionfinish(session, exitstatus):
    _VNU.stop()


# --------------------------------------------------------------------------- helpers


def _missing(*tools: str) -> str:
    """Why the named tools are unusable ("" when they are all there)."""
    reasons = []
    for tool in tools:
        if tool == "chromium" and not CHROMIUM.exists():
            reasons.append(f"{CHROMIUM} is missing (run .ci/browser-deps)")
        elif tool == "playwright":
            try:
                import playwright.sync_api  # noqa: F401
            except ImportError:
                reasons.append("the Python package playwright is not installed")
        elif tool == "java" and shutil.which("java") is None:
            reasons.append("java is missing (run .ci/browser-deps)")
        elif tool == "axe" and not AXE_JS.exists():
            reasons.append(f"{AXE_JS.relative_to(REPO_ROOT)} is missing (run npm ci)")
        elif tool == "vnu" and not VNU_JAR.exists():
            reasons.append(f"{VNU_JAR.relative_to(REPO_ROOT)} is missing (run npm ci)")
    return "; ".join(reasons)


def _require(*tools: str) -> None:
    """Skip (locally) or fail (``E2E_REQUIRED=1``, CI) when a tool is missing."""
    reason = _missing(*tools)
    if not reason:
        return
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(f"E2E_REQUIRED=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answers(url: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url}: process exited ({process.returncode}):\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"{url} did not answer within {timeout} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def fetch(url: str, timeout: float = 30) -> tuple[int, dict[str, str], str]:
    """GET ``url`` as the server sends it: (status, lower-cased headers, decoded body)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    charset = headers.get_content_charset() or "utf-8"
    return status, {k.lower(): v for k, v in headers.items()}, raw.decode(charset, "replace")


# --------------------------------------------------------------------------- live site

# gunicorn serves the site; with DEBUG off Django serves no media, so this small WSGI
# module (written into the temporary directory) lets WhiteNoise serve MEDIA_ROOT too, as a
# web server or CDN would in production. Renditions appear while pages render, hence
# autorefresh.
_WSGI_MODULE = '''"""Written by tests/e2e/conftest.py: the site, plus its media files."""
import os

from whitenoise import WhiteNoise

from site_app.wsgi import application as site_application

application = WhiteNoise(site_application, autorefresh=True)
application.add_files(os.environ["MEDIA_ROOT"], prefix="media/")
'''


def _manage(env: dict[str, str], log: Path, *args: str) -> None:
    with log.open("a") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed ({result.returncode}):\n{_tail(log)}")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> str:
    """The demo site under gunicorn (2 workers) on a free port; its base URL.

    ``E2E_BASE_URL=http://127.0.0.1:8000`` uses a server you already run instead (with the
    demo content loaded): quicker while you work on a template or the CSS.
    """
    if os.environ.get("E2E_BASE_URL"):
        yield os.environ["E2E_BASE_URL"].rstrip("/")
        return
    tmp = tmp_path_factory.mktemp("e2e-site")
    log = tmp / "server.log"
    _LIVE["mailbox"] = _start_mailbox()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_app.settings.test",
        "DATABASE_URL": os.environ.get("E2E_DATABASE_URL") or f"sqlite:///{tmp / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "TEST_MEDIA_ROOT": str(tmp / "media"),  # settings.test reads this one
        "STATIC_ROOT": str(tmp / "static"),
        "PYTHONUNBUFFERED": "1",
        # The site's mail goes to the SMTP server in this process (see ``live_mailbox``).
        "EMAIL_URL": f"smtp://127.0.0.1:{_LIVE['mailbox'].port}",
    }
    _LIVE["env"], _LIVE["log"] = env, log
    (tmp / "media").mkdir()
    # settings.test uses plain StaticFilesStorage and DEBUG=False: WhiteNoise serves what
    # collectstatic put in STATIC_ROOT (it does not use the finders when DEBUG is off).
    # It needs no database, so it runs beside migrate + load_demo.
    static_log = tmp / "collectstatic.log"
    with static_log.open("w") as out:
        collectstatic = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _manage(env, log, "migrate", "--noinput")
        _manage(env, log, "load_demo", "--no-user")
    finally:
        if collectstatic.wait(timeout=120) != 0:
            pytest.fail(f"manage.py collectstatic failed:\n{_tail(static_log)}")
    (tmp / "e2e_wsgi.py").write_text(_WSGI_MODULE)

    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    with log.open("a") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "e2e_wsgi:application",
                "--pythonpath",
                f"{REPO_ROOT},{tmp}",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_answers(f"{base_url}/nl/", SERVER_START_TIMEOUT, process, log)
        # The checks need the real CSS and pictograms: make sure they are served.
        for asset in ("/static/css/site.css", "/static/pictograms/wijk.svg"):
            status, _headers, _body = fetch(base_url + asset)
            if status != 200:
                pytest.fail(f"{asset} answered {status}: static files are not served")
        yield base_url
    finally:
        _stop(process)
        _LIVE.pop("mailbox").stop()


# The live site's environment and its SMTP server, for tests that follow mail it sends.
_LIVE: dict = {}


class _Mailbox:
    """An aiosmtpd server that keeps what the live site sends (``messages``: parsed)."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self):
        import email
        import email.policy

        return [
            email.message_from_bytes(e.original_content, policy=email.policy.default)
            for e in self.envelopes
        ]


def _start_mailbox():
    from aiosmtpd.controller import Controller

    controller = Controller(_Mailbox(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    return controller


@pytest.fixture(scope="session")
def live_mailbox(live_site):
    """What the live site sent by mail (not available with ``E2E_BASE_URL``)."""
    if "mailbox" not in _LIVE:
        pytest.skip("E2E_BASE_URL: the mail of a server started elsewhere cannot be read")
    return _LIVE["mailbox"].handler


@pytest.fixture(scope="session")
def live_manage(live_site):
    """``live_manage(*args)``: run manage.py against the live site's database."""
    if "env" not in _LIVE:
        pytest.skip("E2E_BASE_URL: the database of a server started elsewhere is not known")
    return lambda *args: _manage(_LIVE["env"], _LIVE["log"], *args)


@pytest.fixture(scope="session")
def public_pages() -> list[tuple[str, str]]:
    return list(PUBLIC_PAGES)


@pytest.fixture(scope="session", name="fetch")
def fetch_fixture():
    """``fetch(url) -> (status, headers, body)``: the raw HTML, not the DOM serialisation."""
    return fetch


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def _playwright():
    _require("playwright")
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    yield manager
    manager.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    """Debian's Chromium, headless (never a Playwright-downloaded browser)."""
    _require("chromium")
    chromium = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_site)
    context.set_default_timeout(15_000)
    new_page = context.new_page()
    yield new_page
    context.close()


# --------------------------------------------------------------------------- axe-core


class AxeViolations(list):
    """axe-core violations; ``str()`` gives a readable report for assertion messages."""

    def __str__(self) -> str:
        if not self:
            return "no axe violations"
        lines = [f"{len(self)} axe violation(s):"]
        for violation in self:
            lines.append(
                f"- {violation['id']} [{violation.get('impact')}]: {violation.get('help')}"
                f" ({len(violation.get('nodes', []))} element(s))"
            )
            for node in violation.get("nodes", [])[:3]:
                target = " ".join(str(part) for part in node.get("target", []))
                lines.append(f"    {target}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<{len(self)} axe violation(s): {', '.join(v['id'] for v in self)}>"


@pytest.fixture(scope="session")
def run_axe():
    _require("axe")
    axe_source = AXE_JS.read_text(encoding="utf-8")

    def run(page, best_practice: bool = False) -> AxeViolations:
        # page.evaluate, not add_script_tag: the site's CSP blocks injected script tags.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(axe_source)
        tags = [*AXE_TAGS, "best-practice"] if best_practice else AXE_TAGS
        results = page.evaluate(
            "o => axe.run(document, o)",
            {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]},
        )
        violations = results["violations"]
        if best_practice:
            violations = [v for v in violations if v.get("impact") in ("critical", "serious")]
        return AxeViolations(violations)

    return run


# --------------------------------------------------------------------------- Nu Html Checker


class _VnuServer:
    """The Nu Html Checker as a local HTTP service (it refuses to fetch 127.0.0.1 URLs)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log: Path | None = None
        self.ready = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        if self.process is not None:
            return
        self.port = _free_port()
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"e2e-vnu-{os.getpid()}.log"
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [
                    "java",
                    "-Dnu.validator.servlet.bind-address=127.0.0.1",
                    "-cp",
                    str(VNU_JAR),
                    "nu.validator.servlet.Main",
                    str(self.port),
                ],
                cwd=REPO_ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self) -> None:
        self.start()
        if not self.ready:
            _wait_until_answers(self.url, VNU_START_TIMEOUT, self.process, self.log)
            self.ready = True

    def check(self, html: str) -> list[str]:
        request = urllib.request.Request(
            self.url + "?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        return [
            f"line {m.get('lastLine', '?')}: {m.get('message', '')}"
            for m in messages
            if m.get("type") in ("error", "non-document-error")
        ]

    def stop(self) -> None:
        _stop(self.process)
        self.process = None
        self.ready = False
        if self.log is not None:
            self.log.unlink(missing_ok=True)


_VNU = _VnuServer()


@pytest.fixture(scope="session")
def html_checker():
    """``html_checker(html) -> ["line N: message", ...]`` (errors only)."""
    _require("java", "vnu")
    _VNU.wait_ready()
    yield _VNU.check
    _VNU.stop()


# --------------------------------------------------------------------------- artefacts


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``test-artifacts/`` (gitignored): screenshots for humans, never asserted on."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture
def admin_page(browser, live_server, django_user_model, home):
    from tests.e2e.admin import PASSWORD, RECORD_VIOLATIONS, USERNAME

    _require("chromium", "playwright")
    django_user_model.objects.create_superuser(USERNAME, "beheer@example.org", PASSWORD)
    # A Dutch-speaking editor: the admin follows the browser's language.
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()
