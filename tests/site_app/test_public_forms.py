"""The shared protection of public forms: honeypot, fill time, rate limit."""

import time
from unittest import mock

from django import forms
from django.core import signing
from django.test import RequestFactory

from site_app.public_forms import ProtectedForm, RateLimit


class NameForm(ProtectedForm):
    name = forms.CharField()


def posted(seconds_ago: float, **data):
    stamp = signing.dumps(time.time() - seconds_ago, salt=NameForm.timestamp_salt)
    return NameForm({"name": "An", "rendered_at": stamp, **data})


def test_a_person_passes():
    assert posted(30).is_spam() is None


def test_honeypot():
    assert posted(30, website="http://spam.example").is_spam() == "honeypot"


def test_too_fast():
    assert posted(0.5).is_spam() == "too-fast"


def test_forged_timestamp():
    assert NameForm({"name": "An", "rendered_at": "forged"}).is_spam() == "expired"


def test_form_served_two_days_ago_has_expired():
    two_days_ago = time.time() - 2 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=two_days_ago):
        form = NameForm()  # the signature carries the time it was made
    data = {"name": "An", "rendered_at": form.initial["rendered_at"]}
    assert NameForm(data).is_spam() == "expired"


def test_same_served_form_gives_the_same_submission_key():
    form = NameForm()
    data = {"name": "An", "rendered_at": form.initial["rendered_at"]}
    assert NameForm(data).submission_key() == NameForm(data).submission_key()


def test_rate_limit_counts_per_client(settings):
    limit = RateLimit("test-scope", limit=2, window=60)
    first = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    second = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    assert [limit.exceeded(first) for _ in range(3)] == [False, False, True]
    assert limit.exceeded(second) is False
    assert "192.0.2.1" not in limit.key(first)


def test_rate_limit_behind_a_proxy_uses_the_configured_header(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    limit = RateLimit("test-proxy", limit=1, window=60)
    one = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")
    other = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.8")
    assert limit.exceeded(one) is False
    assert limit.exceeded(other) is False
    assert limit.exceeded(one) is True
