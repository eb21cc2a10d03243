"""E-mail alerts through a real SMTP server (aiosmtpd): double opt-in, digests once per
period, one-click unsubscribe (RFC 8058), bounces, retention and the editors' report."""

import datetime
import io
import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from site_app.models import Theme
from tests.factories import StoryPageFactory
from tests.volgen.conftest import html_part, text_part
from verhalen.models import StoryPage
from volgen import tasks
from volgen.digest import period_for
from volgen.forms import SubscriptionForm
from volgen.models import Delivery, Frequency, Subscription

pytestmark = pytest.mark.django_db

URL = "/nl/themas/e-mail/"
EMAIL = "lotte.devos@example.org"


def form_data(**overrides) -> dict:
    return {
        "email": EMAIL,
        "themes": ["wonen"],
        "frequency": Frequency.DAILY,
        "website": "",
        "rendered_at": signing.dumps(time.time() - 60, salt=SubscriptionForm.timestamp_salt),
        **overrides,
    }


def confirm_link(message) -> str:
    return re.search(r"http://testserver(\S+/bevestig/\?t=\S+)", text_part(message)).group(1)


def subscribe_and_confirm(client, mailbox, **overrides) -> Subscription:
    assert client.post(URL, form_data(**overrides)).status_code == 302
    path = confirm_link(mailbox.to(overrides.get("email", EMAIL))[-1])
    assert client.post(path).status_code == 200
    return Subscription.objects.get(email=overrides.get("email", EMAIL))


def test_nothing_but_one_confirmation_before_the_link_is_used(client, demo, mailbox):
    for _attempt in range(3):
        response = client.post(URL, form_data())
        assert response.status_code == 302
    subscription = Subscription.objects.get(email=EMAIL)
    assert not subscription.is_confirmed
    assert list(subscription.themes.values_list("slug", flat=True)) == ["wonen"]
    assert tasks.enqueue_due_digests() == 0  # unconfirmed: no digest
    messages = mailbox.to(EMAIL)
    assert len(messages) == 1  # the confirmation mail itself is limited
    assert "List-Unsubscribe" not in messages[0]
    assert client.get(confirm_link(messages[0])).status_code == 200  # a GET confirms nothing
    assert not Subscription.objects.get(email=EMAIL).is_confirmed


def test_confirmed_digest_once_per_period_with_one_click_unsubscribe(client, demo, mailbox):
    subscription = subscribe_and_confirm(client, mailbox)
    assert subscription.is_confirmed
    theme = Theme.objects.get(slug="wonen", locale__language_code="nl")
    index = StoryPage.objects.live().filter(locale__language_code="nl").first().get_parent()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    story = StoryPageFactory(
        parent=index,
        themes=[theme],
        date=yesterday,
        title="Een nieuwe woonstraat",
        intro="Twintig gezinnen kregen een huis.",
    )
    before = len(mailbox.envelopes)
    assert tasks.enqueue_due_digests() >= 1
    assert tasks.enqueue_due_digests() == 0  # the period is recorded
    period = period_for(Frequency.DAILY)
    args = (subscription.pk, period.key, period.start.isoformat(), period.end.isoformat())
    assert tasks.send_digest.call(*args) == "already"  # a rerun after a restart sends nothing
    digests = mailbox.to(EMAIL)[-1:]
    assert len(mailbox.envelopes) == before + 1
    message = digests[0]
    assert story.title in text_part(message) and story.title in html_part(message)
    assert "Twintig gezinnen" in text_part(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = "".join(str(message["List-Unsubscribe"]).split())
    assert header.startswith("<http://testserver/volgen/uitschrijven/?t="), header
    unsubscribe = re.search(r"(/volgen/uitschrijven/\?t=[^>]+)>", header).group(1)
    assert "/nl/themas/e-mail/beheer/?t=" in text_part(message)
    delivery = Delivery.objects.get(subscription=subscription, period=period.key)
    assert delivery.status == Delivery.Status.SENT and delivery.entry_count >= 1
    # The POST a mail client sends: no CSRF token, no cookie.
    response = client.post(
        unsubscribe,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=EMAIL).exists()
    assert client.post(unsubscribe).status_code == 200  # twice is fine
    assert client.get(unsubscribe).status_code == 400


def test_the_manage_page_changes_the_choices(client, demo, mailbox):
    subscription = subscribe_and_confirm(client, mailbox)
    path = f"/nl/themas/e-mail/beheer/?t={subscription.manage_token()}"
    assert client.get(path).status_code == 200
    response = client.post(path, {"wijken": [], "frequency": Frequency.WEEKLY})
    assert response.status_code == 400  # nothing chosen
    response = client.post(path, {"themes": ["wonen", "mobiliteit"], "frequency": "wekelijks"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.WEEKLY
    assert client.get("/nl/themas/e-mail/beheer/?t=vals").status_code == 404
    client.post(path, {"action": "uitschrijven"})
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_smtp_trouble_is_retried_and_recorded(client, demo, mailbox, monkeypatch):
    monkeypatch.setattr(tasks, "RETRY_DELAY_SECONDS", 0)
    subscription = subscribe_and_confirm(client, mailbox, frequency=Frequency.WEEKLY)
    theme = Theme.objects.get(slug="wonen", locale__language_code="nl")
    index = StoryPage.objects.live().filter(locale__language_code="nl").first().get_parent()
    StoryPageFactory(parent=index, themes=[theme], date=period_for("wekelijks").start.date())
    mailbox.refuse = tasks.SMTP_ATTEMPTS  # every attempt of the first run fails
    tasks.enqueue_due_digests()
    delivery = Delivery.objects.get(subscription=subscription)
    assert delivery.status == Delivery.Status.FAILED
    count = len(mailbox.envelopes)
    assert tasks.enqueue_due_digests() == 1  # the next cron run tries again
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2
    assert len(mailbox.envelopes) == count + 1


def test_an_alert_at_once_when_a_page_is_published(
    client, demo, mailbox, django_capture_on_commit_callbacks
):
    subscription = subscribe_and_confirm(client, mailbox, frequency=Frequency.DIRECT)
    theme = Theme.objects.get(slug="wonen", locale__language_code="nl")
    index = StoryPage.objects.live().filter(locale__language_code="nl").first().get_parent()
    story = StoryPageFactory(parent=index, themes=[theme], date=timezone.localdate())
    count = len(mailbox.envelopes)
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()  # published again: no second alert
    alerts = mailbox.envelopes[count:]
    assert len(alerts) == 1
    assert Delivery.objects.filter(subscription=subscription, status="verstuurd").count() == 1


@hsettings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    address=st.text(max_size=80) | st.just("a@b.be\r\nBcc: x@evil.example"),
    theme=st.text(max_size=20),
    frequency=st.text(max_size=12),
)
def test_bad_input_is_refused_cleanly(client, demo, mailbox, address, theme, frequency):
    from django.core.cache import cache

    cache.clear()  # the rate limit would stop the examples
    response = client.post(URL, form_data(email=address, themes=[theme], frequency=frequency))
    assert response.status_code in (302, 400)
    for envelope in mailbox.envelopes:
        assert len(envelope.rcpt_tos) == 1
        assert "evil.example" not in envelope.rcpt_tos[0]
    for message in mailbox.messages:
        assert "Bcc" not in message


def test_hard_bounces_and_unconfirmed_addresses_are_removed(client, demo, mailbox, tmp_path):
    kept = subscribe_and_confirm(client, mailbox)
    bouncing = subscribe_and_confirm(client, mailbox, email="weg@example.org")
    bounce_list = tmp_path / "bounces.txt"
    bounce_list.write_text("weg@example.org hard\nweg@example.org soft\nonbekend@example.org\n")
    for _run in range(3):
        call_command("process_bounces", str(bounce_list), stdout=io.StringIO())
    assert Subscription.objects.filter(pk=kept.pk).exists()
    assert not Subscription.objects.filter(pk=bouncing.pk).exists()
    client.post(URL, form_data(email="nooit@example.org"))
    Subscription.objects.filter(email="nooit@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    call_command("purge_personal_data", stdout=io.StringIO())
    assert not Subscription.objects.filter(email="nooit@example.org").exists()
    assert Subscription.objects.filter(pk=kept.pk).exists()


def test_editors_see_counts_and_only_data_protection_sees_addresses(
    client, demo, mailbox, django_user_model
):
    subscribe_and_confirm(client, mailbox)
    editor = django_user_model.objects.create_user("redactie-volgen", password="x")
    client.force_login(editor)
    assert client.get("/admin/rapporten/abonnementen/").status_code in (302, 403)
    editor.groups.add(Group.objects.get(name="Moderatoren"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    response = client.get("/admin/rapporten/abonnementen/?thema=wonen")
    assert response.status_code == 200
    assert EMAIL not in response.content.decode()
    editor.groups.add(Group.objects.get(name="Gegevensbescherming"))
    client.force_login(django_user_model.objects.get(pk=editor.pk))
    assert EMAIL in client.get("/admin/rapporten/abonnementen/").content.decode()
