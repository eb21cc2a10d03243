"""The admin's Content-Security-Policy holds in a real browser: Wagtail 8's admin works under it
(log in, dashboard, page tree, editing a page with its rich-text editor, images, documents)
and the browser reports no violation."""

import os

import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    """Playwright's sync API keeps an event loop in this thread, which Django takes for async
    code; the ORM calls here (test database, users, pages) are the test's own set-up. Only for
    this module: a subprocess started by another test must not inherit it."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def admin_page(browser, live_server, django_user_model, home):
    from tests.e2e.conftest import _require

    _require("chromium", "playwright")
    django_user_model.objects.create_superuser(
        "beheer", "beheer@example.org", "een-lang-wachtwoord"
    )
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_the_admin_works_under_its_csp(admin_page, home):
    page = admin_page
    content = ContentPageFactory(parent=home, title="Over de stad", slug="over-de-stad")
    response = page.goto("/admin/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "beheer")
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    seen = {}
    for path in (
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{content.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        seen[path] = violations(page)
    # The page editor's scripts ran: its tabs work and the image chooser opens its modal.
    page.goto(f"/admin/pages/{content.pk}/edit/")
    page.wait_for_selector("[role=tab]")
    assert page.locator("[role=tab]").count() > 1
    assert page.locator("[data-chooser-action-choose]").count() > 0
    page.evaluate("document.querySelector('[data-chooser-action-choose]').click()")
    page.wait_for_selector(".modal.in .modal-dialog", state="visible")
    page.wait_for_selector(".modal.in .modal-dialog a, .modal.in .modal-dialog input")
    page.wait_for_load_state("networkidle")
    seen["image chooser"] = violations(page)
    assert not any(seen.values()), seen
