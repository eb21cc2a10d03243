"""Citizens' proposals in a real browser: the whole path (the public steps and the moderator's
steps in the admin, with the e-mail links the live server sent), and axe + Nu on the form
pages with and without errors, in Dutch and Arabic."""

import re
import time

import pytest

FORM = "/{lang}/agendapunt-gemeenteraad/"
LINK = re.compile(r"https?://\S+")
PASSWORD = "moderator-e2e-wachtwoord"

CREATE_MODERATOR = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user, _ = get_user_model().objects.get_or_create(username="moderator-e2e")
user.set_password("{PASSWORD}")
user.save()
user.groups.add(Group.objects.get(name="Moderatoren"))
"""


def links_in(message) -> list[str]:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return LINK.findall(body)


def fill_proposal(page, title):
    page.fill("#id_name", "Ilse Proef-E2E")
    page.fill("#id_email", "ilse.e2e@voorbeeld.invalid")
    page.fill("#id_postcode", "9000")
    page.check("#id_is_16_or_older")
    page.fill("#id_title", title)
    page.fill("#id_question", "Kan elke school een veilige schoolstraat krijgen?")
    page.fill("#id_reasons", "Kinderen fietsen dan veilig naar school.")
    page.fill("#id_decision_asked", "De gemeenteraad vraagt schoolstraten aan elke school.")
    page.check("#id_wants_chair_advice_1")
    page.check("#id_consent")


def add_step(page, proposal_id, status, agenda_item_index=None):
    page.goto(f"/admin/voorstellen-van-burgers/stap/{proposal_id}/")
    page.select_option("#id_status", status)
    if agenda_item_index is not None:
        page.select_option("#id_agenda_item", index=agenda_item_index)
    page.click("#step-submit")
    page.wait_for_url(re.compile(r"/admin/voorstellen-van-burgers/edit/"))


def test_a_proposal_goes_the_whole_path_in_the_browser(page, live_mailbox, live_manage):
    title = "Schoolstraten aan elke school"
    page.goto(FORM.format(lang="nl"))
    fill_proposal(page, title)
    time.sleep(3.2)  # the form's minimum fill time (spam check), not a timing assertion
    page.click("button[value=indienen]")
    page.wait_for_url(re.compile(r"/bedankt/$"))
    mails = [m for m in live_mailbox.messages if "ilse.e2e@voorbeeld.invalid" in m["To"]]
    assert len(mails) == 1
    confirm, private = links_in(mails[0])
    page.goto(confirm)
    page.click("main form button[type=submit]")
    page.wait_for_url(private)
    assert "Ingediend" in page.inner_text("main")

    live_manage("shell", "-c", CREATE_MODERATOR)
    page.goto("/admin/login/")
    page.fill("#id_username", "moderator-e2e")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit], form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto("/admin/voorstellen-van-burgers/?q=Schoolstraten")
    page.click(f"text={title}")
    proposal_id = re.search(r"/edit/(\d+)/", page.url).group(1)
    add_step(page, proposal_id, "steun-verzamelen")

    public = f"/nl/agendapunt-gemeenteraad/voorstellen/{proposal_id}/"
    page.goto(public)
    assert "Steun verzamelen" in page.inner_text("main")
    page.fill("#id_family_name", "Proef")
    page.fill("#id_given_names", "Omar")
    page.fill("#id_birth_date", "02-02-1990")
    page.fill("#id_postcode", "9050")
    page.fill("#id_email", "omar.e2e@voorbeeld.invalid")
    page.check("#id_consent")
    time.sleep(3.2)  # minimum fill time again
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/steun/bedankt/$"))
    (support_mail,) = [m for m in live_mailbox.messages if "omar.e2e@voorbeeld.invalid" in m["To"]]
    page.goto(links_in(support_mail)[0])
    page.click("main form button[type=submit]")
    page.goto(public)
    assert re.search(r"\b1 van de 1000\b", page.inner_text("main").replace(".", ""))

    add_step(page, proposal_id, "ontvankelijk")
    add_step(page, proposal_id, "geagendeerd", agenda_item_index=1)
    add_step(page, proposal_id, "besproken")
    add_step(page, proposal_id, "beslist")
    page.goto(public)
    main = page.inner_text("main")
    for label in (
        "Ingediend",
        "Steun verzamelen",
        "Ontvankelijk",
        "Op de agenda",
        "Besproken",
        "Beslist",
    ):
        assert label in main
    assert "Ilse Proef-E2E" not in page.content() and "Omar" not in page.content()
    # Every step reached the initiator by mail: confirmation + five steps.
    assert len([m for m in live_mailbox.messages if "ilse.e2e@voorbeeld.invalid" in m["To"]]) == 6


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_proposal_forms_pass_axe_and_nu_with_and_without_errors(page, run_axe, html_checker, lang):
    problems = []
    page.goto(FORM.format(lang=lang))
    for state in ("leeg", "fouten"):
        if state == "fouten":
            page.fill("#id_postcode", "1000")
            page.click("button[value=indienen]")
            page.locator(".error-summary").wait_for()
            assert page.evaluate("document.activeElement.classList.contains('error-summary')")
        violations = run_axe(page)
        errors = html_checker(page.content())
        if violations or errors:
            problems.append(f"form {state}: {violations} {errors}")
    page.goto(f"/{lang}/agendapunt-gemeenteraad/voorstellen/")
    page.locator("main .card__title a").first.wait_for()
    hrefs = page.locator("main .card__title a").evaluate_all("els => els.map(a => a.href)")
    for href in hrefs:
        page.goto(href)
        if page.locator("#id_family_name").count():
            break
    assert page.locator("#id_family_name").count(), "a demo proposal collects support"
    for state in ("leeg", "fouten"):
        if state == "fouten":
            page.fill("#id_birth_date", "01-01-2999")
            page.click("main form button[type=submit]")
            page.locator(".error-summary").wait_for()
        violations = run_axe(page)
        errors = html_checker(page.content())
        if violations or errors:
            problems.append(f"support {state}: {violations} {errors}")
    assert not problems, "\n".join(problems)
