"""The subscription form with errors, in a real browser: axe and the Nu Html Checker clean,
in Dutch and in Arabic (the form without errors and the theme pages are in PUBLIC_PAGES)."""

import pytest


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_subscription_form_with_errors_is_clean(page, run_axe, html_checker, lang):
    page.goto(f"/{lang}/themas/e-mail/")
    page.fill("#id_email", "geen-adres")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert page.locator("#id_email").input_value() == "geen-adres"
    violations = run_axe(page)
    assert not violations, str(violations)
    assert html_checker(page.content()) == []


PUBLISH_STORY = """
import datetime
from django.utils import timezone
from site_app.models import Theme
from verhalen.models import StoryIndexPage, StoryPage
index = StoryIndexPage.objects.get(locale__language_code="nl")
story = index.add_child(instance=StoryPage(
    title="Een tuin op het dak van de school", slug="tuin-op-het-dak",
    intro="De kinderen kweken er tomaten.", portrayed="Juf Sara",
    date=timezone.localdate() - datetime.timedelta(days=1)))
story.themes.set(Theme.objects.filter(slug="wonen", locale__language_code="nl"))
story.save_revision().publish()
"""


def _links(message, pattern):
    import re

    return re.findall(pattern, message.get_body(preferencelist=("plain",)).get_content())


def test_subscribe_confirm_digest_and_one_click_unsubscribe(
    page, live_site, live_mailbox, live_manage, run_axe, html_checker
):
    import urllib.request

    address = "e2e.volger@example.org"
    page.goto("/nl/themas/wonen/")
    page.click("text=Per e-mail")
    page.fill("#id_email", address)
    assert page.locator("input[name=themes][value=wonen]").is_checked()
    page.check("input[name=frequency][value=dagelijks]")
    page.wait_for_timeout(3100)  # the form refuses what comes back within 3 s (a robot)
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert "/e-mail/verstuurd/" in page.url
    mails = [
        m
        for e, m in zip(live_mailbox.envelopes, live_mailbox.messages, strict=True)
        if address in e.rcpt_tos
    ]
    assert len(mails) == 1
    confirm = _links(mails[0], r"https?://[^/\s]+(/nl/themas/e-mail/bevestig/\?t=\S+)")[0]
    page.goto(confirm)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator(".notice--success").count() == 1

    live_manage("shell", "-c", PUBLISH_STORY)
    live_manage("send_digests")
    live_manage("send_digests")  # cron ran twice: still one digest
    mails = [
        m
        for e, m in zip(live_mailbox.envelopes, live_mailbox.messages, strict=True)
        if address in e.rcpt_tos
    ]
    assert len(mails) == 2
    digest = mails[1]
    assert "Een tuin op het dak van de school" in digest.get_body(("plain",)).get_content()
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The page behind "manage your alerts" in the digest, in Dutch and in Arabic: it shows the
    # subscription and is clean for axe and the Nu Html Checker like every public page.
    manage = _links(digest, r"https?://[^/\s]+(/nl/themas/e-mail/beheer/\?t=\S+)")[0]
    for lang_manage in (manage, manage.replace("/nl/", "/ar/", 1)):
        assert page.goto(lang_manage).status == 200
        assert page.locator("input[name=themes][value=wonen]").is_checked()
        violations = run_axe(page)
        assert not violations, str(violations)
        assert html_checker(page.content()) == [], lang_manage

    header = "".join(str(digest["List-Unsubscribe"]).split())
    path = header.split("/volgen/", 1)[1].split(">", 1)[0]
    request = urllib.request.Request(
        f"{live_site}/volgen/{path}",
        data=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    assert page.goto(manage).status == 404  # the address is gone
