"""'Vertel je verhaal': one row per valid submission, nothing for spam, personal data kept safe."""

import io
import json
import logging
import re
import time
from datetime import timedelta
from unittest import mock
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import StoryPageFactory, StoryProposalFactory
from verhalen import forms as proposal_forms
from verhalen.models import StoryProposal
from verhalen.views import PROPOSAL_RATE_LIMIT

RATE_LIMIT = PROPOSAL_RATE_LIMIT.limit

pytestmark = pytest.mark.django_db

URL = "/nl/verhalen/vertel-je-verhaal/"
NAME = "Zoë Vandaele"
EMAIL = "zoe.vandaele@example.org"
PHONE = "0499 11 22 33"


def signed_in_the_past(seconds: float = 60) -> str:
    """A form timestamp as if the form had been served ``seconds`` ago."""
    return signing.dumps(
        __import__("time").time() - seconds, salt=proposal_forms.StoryProposalForm.timestamp_salt
    )


def valid_data(**overrides) -> dict:
    data = {
        "name": NAME,
        "email": EMAIL,
        "phone": "",
        "wijk": "ledeberg",
        "message": "Mijn buurvrouw bakt al vijftig jaar brood voor de hele straat.",
        "consent": "on",
        "website": "",
        "rendered_at": signed_in_the_past(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def form_page(story_index, terms):
    return story_index


def test_form_has_labels_hints_honeypot_and_csrf(client, form_page):
    client.handler.enforce_csrf_checks = True
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    for field in ("name", "email", "phone", "wijk", "message", "consent"):
        assert f'<label class="field__label" for="id_{field}">' in html
    assert 'aria-describedby="id_message_helptext"' in html
    assert '<label for="id_website">Laat dit veld leeg</label>' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html
    assert 'name="rendered_at"' in html


def test_post_without_csrf_token_is_refused(client, form_page):
    client.handler.enforce_csrf_checks = True
    response = client.post(URL, valid_data())
    assert response.status_code == 403
    assert StoryProposal.objects.count() == 0


def test_valid_submission_stores_one_row_and_redirects_to_thanks(client, form_page, terms):
    response = client.post(URL, valid_data())
    assert response.status_code == 302
    assert response["Location"] == "/nl/verhalen/vertel-je-verhaal/bedankt/"
    proposal = StoryProposal.objects.get()
    assert proposal.name == NAME
    assert proposal.email == EMAIL
    assert proposal.wijk == terms["ledeberg"]
    assert proposal.status == StoryProposal.Status.NEW
    assert proposal.consent_at is not None
    assert proposal.language == "nl"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "We ontvingen je voorstel" in thanks.content.decode()


def test_each_valid_submission_stores_exactly_one_row(client, form_page):
    for n in range(3):
        client.post(URL, valid_data(message=f"Voorstel nummer {n}."))
    assert StoryProposal.objects.count() == 3


def test_the_same_form_sent_twice_stores_one_row_and_one_mail(client, form_page):
    data = valid_data()
    assert client.post(URL, data).status_code == 302
    assert client.post(URL, data).status_code == 302
    assert StoryProposal.objects.count() == 1
    assert len(mail.outbox) == 1


def test_confirmation_mail_only_when_an_email_address_is_given(client, form_page):
    client.post(URL, valid_data())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert "We ontvingen je voorstel" in message.subject
    assert "Mijn buurvrouw" not in message.body  # fixed text: the form relays nothing
    client.post(URL, valid_data(email="", phone=PHONE))
    assert len(mail.outbox) == 1
    assert StoryProposal.objects.count() == 2


def test_phone_alone_is_enough_but_no_contact_at_all_is_not(client, form_page):
    assert client.post(URL, valid_data(email="", phone=PHONE)).status_code == 302
    response = client.post(URL, valid_data(email="", phone=""))
    assert response.status_code == 400
    assert "Geef een e-mailadres of een telefoonnummer" in response.content.decode()
    assert StoryProposal.objects.count() == 1


def test_bad_input_is_shown_again_with_clear_messages_and_status_400(client, form_page):
    response = client.post(
        URL,
        valid_data(name="", email="geen-adres", message="x" * 2001, consent="", wijk="nergens"),
    )
    assert response.status_code == 400
    assert StoryProposal.objects.count() == 0
    html = response.content.decode()
    assert "<title>Fout: Vertel je verhaal" in html
    assert 'role="alert"' in html
    for text in (
        "Vul je naam of een bijnaam in.",
        "Geef een e-mailadres zoals naam@voorbeeld.be.",
        "Je voorstel is te lang: hoogstens 2000 tekens, nu 2001.",
        "Vink aan dat je akkoord gaat",
        "Kies een wijk uit de lijst.",
    ):
        assert text in html
    # the error summary links to each field; each field points at its error
    assert '<a href="#id_name">' in html
    assert 'aria-describedby="id_message_helptext id_message_error"' in html
    assert 'aria-invalid="true"' in html
    # input is preserved
    assert 'value="geen-adres"' in html


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": "Zoë\x00"},
        {"message": "a\x00b"},
        {"email": "a@example.org\r\nBcc: victim@example.org"},
        {"email": "a@example.org\nSubject: hi"},
        {"phone": "0470\r\n123"},
        {"name": "x" * 10_000},
        {"message": "x" * 10_000},
        {"wijk": "x" * 10_000},
        {"rendered_at": "x" * 10_000},
        {"consent": "\x00"},
        {"name": "\u202eevil\u202c"},
    ],
)
def test_hostile_input_never_gives_a_5xx_nor_mail_to_others(client, form_page, overrides):
    response = client.post(URL, valid_data(**overrides))
    assert response.status_code < 500
    for message in mail.outbox:
        assert message.to == [EMAIL]
        assert "victim" not in str(message.message())


def test_honeypot_stores_nothing(client, form_page):
    response = client.post(URL, valid_data(website="http://spam.example"))
    assert response.status_code == 400
    assert StoryProposal.objects.count() == 0
    assert not mail.outbox


def test_too_fast_stores_nothing_and_offers_a_fresh_form(client, form_page):
    response = client.post(URL, valid_data(rendered_at=signed_in_the_past(seconds=1)))
    assert response.status_code == 400
    assert StoryProposal.objects.count() == 0
    assert "Het formulier kwam erg snel binnen." in response.content.decode()
    fresh = response.context["form"].data["rendered_at"]
    assert fresh != valid_data()["rendered_at"]


def test_missing_or_forged_timestamp_stores_nothing(client, form_page):
    assert client.post(URL, valid_data(rendered_at="")).status_code == 400
    forged = signing.dumps(0, salt="something-else")
    assert client.post(URL, valid_data(rendered_at=forged)).status_code == 400
    assert StoryProposal.objects.count() == 0


def test_rate_limit_answers_429_and_stores_nothing(client, form_page):
    for n in range(RATE_LIMIT):
        assert client.post(URL, valid_data(message=f"Voorstel {n}.")).status_code == 302
    response = client.post(URL, valid_data(message="Eén te veel."))
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert StoryProposal.objects.count() == RATE_LIMIT
    assert not StoryProposal.objects.filter(message="Eén te veel.").exists()
    # another address is not affected
    other = client.post(URL, valid_data(message="Van elders."), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_personal_data_never_on_public_pages_nor_in_logs(client, form_page, terms, caplog):
    caplog.set_level(logging.DEBUG)
    StoryPageFactory(parent=form_page, wijken=[terms["ledeberg"]])
    client.post(URL, valid_data(phone=PHONE))
    client.post(URL, valid_data(name="", phone=PHONE))  # a 400 is logged by Django
    pages = [
        "/nl/verhalen/",
        URL,
        "/nl/verhalen/vertel-je-verhaal/bedankt/",
        "/nl/feeds/wijk/ledeberg/rss.xml",
        "/nl/verhalen/feed/rss/",
    ]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in (NAME, EMAIL, PHONE, "Vandaele"):
            assert secret not in body, (url, secret)
    search = client.get("/nl/zoeken/", {"q": "Vandaele"})
    assert not list(search.context["results"] or [])
    for secret in (NAME, EMAIL, PHONE, "Vandaele"):
        assert secret not in caplog.text


def test_erase_personal_data_from_the_admin(client, admin_user):
    proposal = StoryProposalFactory(name=NAME, email=EMAIL, phone=PHONE)
    client.force_login(admin_user)
    edit_url = reverse("verhalen_storyproposal:edit", args=[proposal.pk])
    erase_url = reverse("personal_data:erase", args=["verhalen.storyproposal", proposal.pk])
    assert erase_url in client.get(edit_url).content.decode()
    listing = client.get(reverse("verhalen_storyproposal:list"))
    assert listing.status_code == 200
    listing_html = listing.content.decode()
    assert NAME not in listing_html  # the listing shows no contact details
    assert erase_url in listing_html  # ... but the action is reachable from it
    assert f'href="{edit_url}"' in listing_html  # the title column opens the proposal
    confirm = client.get(erase_url)
    assert confirm.status_code == 200
    confirm_html = confirm.content.decode()
    assert "Ja, wis de persoonsgegevens" in confirm_html
    assert proposal.title in confirm_html.split("</header>")[0]  # titled after the proposal
    response = client.post(erase_url)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.name, proposal.email, proposal.phone) == ("", "", "")
    assert proposal.erased_at is not None
    assert proposal.message  # the proposal itself is kept
    entry = ModelLogEntry.objects.get(action="site_app.erase_personal_data")
    assert entry.user_id == admin_user.pk and entry.object_id == str(proposal.pk)
    assert NAME not in str(entry.data) + entry.label


@pytest.fixture
def admin_without_proposal_rights(django_user_model):
    """May enter the admin, may not change proposals."""
    user = django_user_model.objects.create_user("lezer", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_erasing_and_downloading_need_change_permission(client, admin_without_proposal_rights):
    proposal = StoryProposalFactory(name=NAME, email=EMAIL)
    client.force_login(admin_without_proposal_rights)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # in the admin
    args = ["verhalen.storyproposal", proposal.pk]
    assert client.post(reverse("personal_data:erase", args=args)).status_code == 403
    assert client.get(reverse("personal_data:export", args=args)).status_code == 403
    proposal.refresh_from_db()
    assert proposal.name == NAME
    assert proposal.email == EMAIL and proposal.erased_at is None


def test_download_my_data_gives_everything_we_hold(client, admin_user):
    proposal = StoryProposalFactory(name=NAME, email=EMAIL, phone=PHONE, message="Over de bakker.")
    client.force_login(admin_user)
    response = client.get(
        reverse("personal_data:export", args=["verhalen.storyproposal", proposal.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)["data"]
    assert {NAME, EMAIL, PHONE, "Over de bakker."} <= set(data.values())
    assert ModelLogEntry.objects.filter(action="site_app.export_personal_data").count() == 1


def test_unknown_models_and_objects_are_404(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/persoonsgegevens/auth.user/1/download/").status_code == 404
    assert client.get("/admin/persoonsgegevens/nope.nope/1/download/").status_code == 404
    missing = reverse("personal_data:export", args=["verhalen.storyproposal", 999])
    assert client.get(missing).status_code == 404


def test_purge_blanks_old_proposals_with_their_message_and_keeps_recent_ones(db):
    old = StoryProposalFactory(
        name=NAME, email=EMAIL, phone=PHONE, message="Bel Zoë op 0499.", confirmed_at=timezone.now()
    )
    StoryProposal.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    recent = StoryProposalFactory(name="Recent", email="recent@example.org")
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "verhalen.StoryProposal: 1 erased" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.phone, old.message) == ("", "", "", "")
    assert old.erased_at is not None
    assert recent.name == "Recent" and recent.email == "recent@example.org"


def test_purge_dry_run_changes_nothing(db):
    old = StoryProposalFactory(name=NAME)
    StoryProposal.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "Would purge verhalen.StoryProposal: 1 erased" in out.getvalue()
    old.refresh_from_db()
    assert old.name == NAME


# --- confirmation by e-mail link ---------------------------------------------------------


def _confirm_url_from_mail() -> str:
    urls = re.findall(r"http://testserver(/\S+/bevestig/\?t=\S+)", mail.outbox[-1].body)
    assert len(urls) == 1, mail.outbox[-1].body
    return urls[0]


def test_a_proposal_with_an_email_counts_once_confirmed_by_the_link(client, form_page):
    response = client.post(URL, valid_data())
    assert "bevestig je voorstel" in client.get(response["Location"]).content.decode()
    proposal = StoryProposal.objects.get()
    assert not proposal.is_confirmed
    assert not StoryProposal.counting().exists()
    url = _confirm_url_from_mail()
    page = client.get(url)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and "Ja, ik bevestig mijn voorstel" in page.content.decode()
    assert not StoryProposal.counting().exists()
    confirmed = client.post(url)
    assert confirmed.status_code == 200
    assert "Je voorstel is bevestigd" in confirmed.content.decode()
    assert list(StoryProposal.counting()) == [proposal]
    again = client.post(url)  # single use: a second click changes nothing and says so
    assert "al bevestigd" in again.content.decode()
    proposal.refresh_from_db()
    assert proposal.confirmed_at is not None


def test_phone_only_proposals_need_no_confirmation(client, form_page):
    client.post(URL, valid_data(email="", phone=PHONE))
    assert StoryProposal.counting().count() == 1
    assert not mail.outbox


@pytest.mark.parametrize("tamper", ["flip", "other-model", "garbage"])
def test_a_forged_confirmation_link_confirms_nothing(client, form_page, tamper):
    client.post(URL, valid_data())
    url = _confirm_url_from_mail()
    token = url.split("?t=", 1)[1]
    forged = {
        "flip": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "other-model": signing.dumps({"pk": 1, "n": "x"}, salt="auth.user.confirm"),
        "garbage": "x" * 300,
    }[tamper]
    response = client.post(url.replace(token, quote(forged)))
    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()
    assert not StoryProposal.counting().exists()


def test_an_expired_confirmation_link_confirms_nothing(client, form_page):
    client.post(URL, valid_data())
    url = _confirm_url_from_mail()
    later = time.time() + StoryProposal.confirmation_max_age + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(url)
    assert response.status_code == 400
    assert "verlopen" in response.content.decode()
    assert not StoryProposal.counting().exists()


def test_purge_deletes_proposals_that_were_never_confirmed(client, form_page):
    client.post(URL, valid_data(message="Nooit bevestigd."))
    client.post(URL, valid_data(email="", phone=PHONE, message="Via de telefoon."))
    StoryProposal.objects.update(created_at=timezone.now() - timedelta(days=31))
    call_command("purge_personal_data", stdout=io.StringIO())
    assert list(StoryProposal.objects.values_list("message", flat=True)) == ["Via de telefoon."]


# --- the rate limit never locks out a person correcting mistakes -------------------------


def test_five_invalid_attempts_then_a_valid_one_succeeds(client, form_page):
    for _attempt in range(5):
        assert client.post(URL, valid_data(consent="")).status_code == 400
    assert client.post(URL, valid_data()).status_code == 302
    assert StoryProposal.objects.count() == 1


def test_over_the_limit_keeps_the_text_and_says_when_to_retry(client, form_page):
    for n in range(RATE_LIMIT):
        assert client.post(URL, valid_data(message=f"Voorstel {n}.")).status_code == 302
    response = client.post(URL, valid_data(message="Mijn tekst die ik niet wil verliezen."))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= PROPOSAL_RATE_LIMIT.window
    html = response.content.decode()
    assert "Mijn tekst die ik niet wil verliezen." in html  # still in the textarea
    assert "Je tekst staat hieronder nog" in html


def test_a_flood_of_invalid_posts_is_stopped_too(client, form_page):
    for _attempt in range(PROPOSAL_RATE_LIMIT.attempt_limit):
        client.post(URL, valid_data(consent=""))
    assert client.post(URL, valid_data()).status_code == 429
    assert StoryProposal.objects.count() == 0


def test_behind_a_proxy_a_forged_forwarded_for_does_not_escape_the_limit(
    client, form_page, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(RATE_LIMIT):
        forged = f"203.0.113.{n}, 198.51.100.7"  # the proxy appended the real address
        response = client.post(URL, valid_data(message=f"{n}."), HTTP_X_FORWARDED_FOR=forged)
        assert response.status_code == 302
    blocked = client.post(
        URL, valid_data(message="x."), HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7"
    )
    assert blocked.status_code == 429
    other = client.post(URL, valid_data(message="y."), HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 302
