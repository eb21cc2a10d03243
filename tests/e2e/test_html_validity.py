"""The Nu Html Checker finds no errors in the HTML the server sends (not the live DOM)."""

NOT_FOUND_PATH = "/nl/bestaat-niet/"


def _assert_valid(html_checker, path, body):
    errors = html_checker(body)
    assert not errors, f"{path}: {len(errors)} Nu Html Checker error(s):\n" + "\n".join(errors)


def test_server_html_is_valid(live_site, fetch, html_checker, public_page):
    _locale, path = public_page
    status, headers, body = fetch(live_site + path)
    assert status == 200, f"{path}: HTTP {status}"
    assert headers.get("content-type", "").startswith("text/html"), headers.get("content-type")
    _assert_valid(html_checker, path, body)


def test_not_found_page_is_valid(live_site, fetch, html_checker):
    status, _headers, body = fetch(live_site + NOT_FOUND_PATH)
    assert status == 404
    _assert_valid(html_checker, NOT_FOUND_PATH, body)
