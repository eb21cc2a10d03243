"""axe-core on every public page type: WCAG 2.2 AA + EN 301 549, and best practice.

The bar (QUALITY.md): 0 violations of the WCAG / EN 301 549 rules; with axe's
best-practice rules added, 0 critical or serious ones. Runs against the real CSS, so
colour contrast is checked too.
"""

NOT_FOUND_PATH = "/nl/bestaat-niet/"


def _open(page, path, status=200):
    response = page.goto(path)
    assert response is not None, f"{path}: no response"
    assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"


def test_no_wcag_violations(page, run_axe, public_page):
    _locale, path = public_page
    _open(page, path)
    violations = run_axe(page)
    assert not violations, f"{path}: {violations}"


def test_no_serious_best_practice_issues(page, run_axe, public_page):
    _locale, path = public_page
    _open(page, path)
    violations = run_axe(page, best_practice=True)
    assert not violations, f"{path}: {violations}"


def test_not_found_page(page, run_axe):
    _open(page, NOT_FOUND_PATH, status=404)
    violations = run_axe(page)
    assert not violations, f"{NOT_FOUND_PATH}: {violations}"
    violations = run_axe(page, best_practice=True)
    assert not violations, f"{NOT_FOUND_PATH} (best practice): {violations}"
