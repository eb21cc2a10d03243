"""The admin's Content-Security-Policy holds in a real browser: Wagtail 8's admin works under it
(log in, dashboard, page tree, editing a page with its rich-text editor, images, documents)
and the browser reports no violation."""

import pytest

from tests.e2e.admin import log_in, orm_beside_playwright
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright():
    with orm_beside_playwright():
        yield


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_the_admin_works_under_its_csp(admin_page, home):
    page = admin_page
    content = ContentPageFactory(parent=home, title="Over de stad", slug="over-de-stad")
    response = page.goto("/admin/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    log_in(page)
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
