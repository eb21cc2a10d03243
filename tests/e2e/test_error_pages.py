"""The site's own error pages, as the server sends them: valid HTML, no axe violations, in the
reader's language and direction, the person's text kept where a form was sent."""

import urllib.error
import urllib.request

import pytest

FORM = "/{lang}/verhalen/vertel-je-verhaal/"
TEXT = "Onze straat kreeg eindelijk een speelplein."


def post(url: str, body: bytes, content_type: str, cookie: str = "") -> tuple[int, str]:
    headers = {"Content-Type": content_type, **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def csrf_failure(base, lang):
    body = f"name=Jan&message={urllib.request.quote(TEXT)}".encode()
    return post(base + FORM.format(lang=lang), body, "application/x-www-form-urlencoded")


def too_large(base, lang):
    boundary = "grens"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="bijlage"; filename="x"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + b"\0" * (2 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return post(base + FORM.format(lang=lang), body, f"multipart/form-data; boundary={boundary}")


def too_many_fields(base, lang):
    """With a CSRF cookie, Django reads the body to check the token, and refuses it: 400."""
    body = "&".join(f"f{n}=x" for n in range(10_001)).encode()
    cookie = "csrftoken=" + "a" * 32
    return post(base + FORM.format(lang=lang), body, "application/x-www-form-urlencoded", cookie)


CASES = {"csrf": (csrf_failure, 403), "413": (too_large, 413), "400": (too_many_fields, 400)}


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("case", CASES)
def test_error_page_is_valid_accessible_and_in_the_readers_language(
    live_site, html_checker, page, run_axe, case, lang
):
    make, status = CASES[case]
    got, html = make(live_site, lang)
    assert got == status
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    errors = html_checker(html)
    assert not errors, "\n".join(errors)
    if case == "csrf":
        assert TEXT in html  # the person's text comes back to copy
    page.goto("/robots.txt")  # same origin, so the page's stylesheet loads
    page.evaluate("html => { document.open(); document.write(html); document.close(); }", html)
    page.wait_for_load_state("load")
    violations = run_axe(page)
    assert not violations, str(violations)
