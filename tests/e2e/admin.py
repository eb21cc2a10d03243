"""The admin in a real browser: what the admin e2e modules share (the ``admin_page`` fixture
is in ``conftest.py``)."""

import os
from contextlib import contextmanager

USERNAME = "beheer"
PASSWORD = "een-lang-wachtwoord"

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def log_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


@contextmanager
def orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread, which Django takes for async
    code; the ORM calls of an admin test (test database, users, pages) are its own set-up.
    Used by a module-scoped autouse fixture of each admin module: a subprocess started by
    another test must not inherit it."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous
