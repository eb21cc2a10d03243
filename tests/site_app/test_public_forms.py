"""The shared protection of public forms: honeypot, fill time, rate limit."""

import time
from unittest import mock

from django import forms
from django.core import signing
from django.test import RequestFactory

from site_app.public_forms import ProtectedForm, RateLimit, client_address


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


def _submit(limit, request, stored=True) -> bool:
    """One submission through the limit: True when it was refused."""
    if limit.retry_after(request):
        return True
    limit.record(request, stored=stored)
    return False


def test_rate_limit_counts_stored_submissions_per_client():
    limit = RateLimit("test-scope", limit=2, window=60)
    first = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
    second = RequestFactory().post("/", REMOTE_ADDR="192.0.2.2")
    assert [_submit(limit, first) for _ in range(3)] == [False, False, True]
    assert _submit(limit, second) is False
    assert "192.0.2.1" not in limit.key(first)
    assert 0 < limit.retry_after(first) <= 60


def test_failed_attempts_have_their_own_much_higher_ceiling():
    limit = RateLimit("test-failed", limit=2, window=60)
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.3")
    assert limit.attempt_limit >= 10 * limit.limit
    for _ in range(limit.attempt_limit - 1):
        assert _submit(limit, request, stored=False) is False
    assert _submit(limit, request) is False  # a valid one still gets through
    assert _submit(limit, request, stored=False) is False  # the last failure allowed
    assert _submit(limit, request) is True  # the flood ends here


def test_the_limit_ends_after_the_window():
    limit = RateLimit("test-window", limit=1, window=60)
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.4")
    limit.record(request, stored=True)
    assert limit.retry_after(request)
    with mock.patch("site_app.public_forms.time.time", return_value=time.time() + 61):
        assert limit.retry_after(request) is None


def test_rate_limit_behind_a_proxy_uses_the_configured_header(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    limit = RateLimit("test-proxy", limit=1, window=60)
    one = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")
    other = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.8")
    assert _submit(limit, one) is False
    assert _submit(limit, other) is False
    assert _submit(limit, one) is True


def forwarded(value: str):
    return RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=value)


def test_client_address_without_a_proxy_is_the_remote_address(settings):
    settings.CLIENT_IP_HEADER = ""
    assert client_address(forwarded("203.0.113.5")) == "10.0.0.1"  # the header is ignored


def test_client_address_takes_the_hop_the_trusted_proxy_set(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote the left part itself; the proxy appended what it saw.
    assert client_address(forwarded("203.0.113.5, 198.51.100.7")) == "198.51.100.7"
    assert client_address(forwarded("198.51.100.7")) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 2  # a CDN, then our own proxy
    assert client_address(forwarded("6.6.6.6, 198.51.100.7, 192.0.2.50")) == "198.51.100.7"
    # Fewer hops than proxies: the request did not come through them all.
    assert client_address(forwarded("198.51.100.7")) == "10.0.0.1"


def test_error_summary_lists_errors_in_field_order():
    class TwoFields(ProtectedForm):
        first = forms.CharField()
        second = forms.CharField()

        def clean(self):
            raise forms.ValidationError("Algemeen")

    stamp = signing.dumps(time.time() - 30, salt=TwoFields.timestamp_salt)
    form = TwoFields({"rendered_at": stamp})
    form.errors["second"] = form.error_class(["Tweede"])  # reported before 'first' in the dict
    form.errors["first"] = form.error_class(["Eerste"])
    summary = form.error_summary()
    assert [message for _id, message in summary] == ["Algemeen", "Eerste", "Tweede"]
    assert summary[1][0] == "id_first"
