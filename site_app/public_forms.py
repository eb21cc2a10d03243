"""The one flow for every public form, without a captcha that shuts people out.

- :class:`ProtectedForm` adds a honeypot field (hidden from view and keyboard; people leave it
  empty) and a signed timestamp, so a form sent back within seconds of being served, or after
  a day, is refused. The timestamp also identifies one served form, so a double click stores
  one row (:meth:`ProtectedForm.submission_key`).
- :class:`RateLimit` counts, per client, the submissions that were *stored* and, separately
  and with a much higher ceiling, the attempts that failed. A person correcting mistakes is
  never locked out; a script that posts again and again is. Clients are keyed by a salted hash
  of :func:`client_address`: no IP address is kept.
- :class:`PublicFormFlow` runs the steps in one order for every form: rate limit → spam
  checks → validation → atomic create → mail after the commit → redirect; on an error the
  form comes back with an error summary first and the person's input kept.
"""

import hashlib
import logging
import math
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
HONEYPOT_FIELD = "website"
PROTECTION_FIELDS = (HONEYPOT_FIELD, "rendered_at")

SPAM_MESSAGES = {
    "honeypot": _(
        "Je vulde het veld 'Laat dit veld leeg' in. Maak het leeg en verstuur het formulier "
        "opnieuw."
    ),
    "too-fast": _(
        "Het formulier kwam erg snel binnen. Kijk je antwoorden na en verstuur het opnieuw."
    ),
    "expired": _("Dit formulier is verlopen. Kijk je antwoorden na en verstuur het opnieuw."),
}


def no_control_characters(value: str) -> None:
    """Validator: refuse NUL and other control characters (tabs and newlines are fine)."""
    if any(ord(char) < 32 and char not in "\r\n\t" for char in value):
        raise forms.ValidationError(_("Deze tekst bevat een teken dat niet kan."))


def single_line(value: str) -> None:
    """Validator for names and subjects: one line (no CR/LF that could reach a mail header)."""
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(_("Schrijf dit op één regel."))


class ProtectedForm(forms.Form):
    """A public form with a honeypot and a signed 'rendered at' timestamp."""

    timestamp_salt = "site_app.public_forms.rendered-at"

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    rendered_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["rendered_at"] = self.signed_timestamp()

    def order_protection_last(self) -> None:
        """Put the protection fields after the person's own fields."""
        self.order_fields([name for name in self.fields if name not in PROTECTION_FIELDS])

    def signed_timestamp(self) -> str:
        return signing.dumps(time.time(), salt=self.timestamp_salt)

    def refresh_timestamp(self) -> None:
        """Give a re-rendered form a new timestamp, so the person can send it again."""
        data = self.data.copy()
        data["rendered_at"] = self.signed_timestamp()
        self.data = data

    @property
    def visible_fields_without_traps(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def is_spam(self) -> str | None:
        """Why this submission looks automated ('honeypot', 'too-fast', 'expired'), or None."""
        if self.data.get(HONEYPOT_FIELD):
            return "honeypot"
        try:
            rendered_at = signing.loads(
                self.data.get("rendered_at", ""),
                salt=self.timestamp_salt,
                max_age=MAX_FORM_AGE_SECONDS,
            )
        except signing.BadSignature:
            return "expired"
        if time.time() - float(rendered_at) < MIN_FILL_SECONDS:
            return "too-fast"
        return None

    def submission_key(self) -> str:
        """Identifies one served form, so sending it twice stores one row."""
        return hashlib.sha256(self.data.get("rendered_at", "").encode()).hexdigest()

    def error_summary(self) -> list[tuple[str | None, str]]:
        """(field id or None, message) for every error, in the order of the fields."""
        items = [(None, str(error)) for error in self.non_field_errors()]
        for name in self.fields:
            if name in PROTECTION_FIELDS:
                continue
            for error in self.errors.get(name, ()):
                items.append((self[name].auto_id, str(error)))
        return items


def client_address(request: HttpRequest) -> str:
    """The visitor's address, as the outermost trusted proxy saw it.

    Without a proxy this is ``REMOTE_ADDR``. Behind proxies, ``CLIENT_IP_HEADER`` names the
    header they set (``HTTP_X_REAL_IP`` or ``HTTP_X_FORWARDED_FOR``) and
    ``TRUSTED_PROXY_COUNT`` how many trusted proxies append to it. Each proxy appends the
    address it saw, so the client's address is that many places from the right; anything
    further left was written by the client and may be forged.
    """
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        values = [value.strip() for value in request.META.get(header, "").split(",")]
        values = [value for value in values if value]
        hops = max(1, int(getattr(settings, "TRUSTED_PROXY_COUNT", 1)))
        if len(values) >= hops:
            return values[-hops]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most ``limit`` stored submissions and ``attempt_limit`` failed attempts per client
    per ``window`` seconds, for one ``scope`` (one form)."""

    def __init__(self, scope: str, limit: int, window: int, attempt_limit: int | None = None):
        self.scope, self.limit, self.window = scope, limit, window
        self.attempt_limit = attempt_limit or max(30, limit * 10)

    def key(self, request, counter: str = "stored") -> str:
        digest = hashlib.sha256(
            f"{settings.SECRET_KEY}:{client_address(request)}".encode()
        ).hexdigest()[:32]
        return f"rate:{self.scope}:{counter}:{digest}"

    def _count(self, request, counter: str) -> tuple[int, float | None]:
        values = cache.get_many([self.key(request, counter), self.key(request, f"{counter}-t")])
        return (
            int(values.get(self.key(request, counter)) or 0),
            values.get(self.key(request, f"{counter}-t")),
        )

    def retry_after(self, request) -> int | None:
        """Seconds until this client may send again; None when it may send now."""
        waits = []
        for counter, ceiling in (("stored", self.limit), ("failed", self.attempt_limit)):
            count, started = self._count(request, counter)
            if count >= ceiling:
                started = started or time.time()
                waits.append(max(1, math.ceil(started + self.window - time.time())))
        return max(waits) if waits else None

    def record(self, request, *, stored: bool) -> None:
        """Count one submission: stored, or a failed attempt."""
        counter = "stored" if stored else "failed"
        key = self.key(request, counter)
        cache.add(self.key(request, f"{counter}-t"), time.time(), self.window)
        cache.add(key, 0, self.window)
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)


def wait_message(seconds: int) -> str:
    """Tell the person how long to wait, in words (their text stays on the page)."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes > 45:
        hours = math.ceil(minutes / 60)
        wait = _("over een uur") if hours == 1 else _("over %(count)d uur") % {"count": hours}
    else:
        wait = ngettext("over %(count)d minuut", "over %(count)d minuten", minutes) % {
            "count": minutes
        }
    return str(
        _(
            "Je stuurde dit formulier de voorbije tijd al vaak. Je tekst staat hieronder nog. "
            "Probeer het %(wait)s opnieuw, of neem contact met ons op."
        )
        % {"wait": wait}
    )


class PublicFormFlow:
    """One request to a public form. Subclasses set ``form_class`` and ``rate_limit`` and
    implement :meth:`create`, :meth:`success` and :meth:`render`.

    Outcomes: a valid submission is stored in one transaction and redirected (the same served
    form sent twice stores one row); an invalid one comes back with status 400, an error
    summary in field order and the input kept; spam stores and sends nothing (400); over the
    rate limit answers 429 with ``Retry-After``, the input kept and nothing stored.
    """

    form_class: type[ProtectedForm]
    rate_limit: RateLimit
    allowed_methods = ("GET", "HEAD", "POST")

    def __init__(self, request: HttpRequest):
        self.request = request

    def get_form_kwargs(self) -> dict:
        return {}

    def get_form(self, data=None) -> ProtectedForm:
        return self.form_class(data, **self.get_form_kwargs())

    def create(self, form):
        """Store the submission (runs inside a transaction) and return the new object."""
        raise NotImplementedError

    def find_duplicate(self, form):
        """The object an identical earlier submission stored (after an IntegrityError)."""
        return None

    def after_commit(self, obj) -> None:
        """Work after the commit, e.g. enqueue the confirmation mail."""

    def success(self, obj) -> HttpResponse:
        raise NotImplementedError

    def render(self, form, *, status: int, errors: list) -> HttpResponse:
        raise NotImplementedError

    def respond(self) -> HttpResponse:
        request = self.request
        if request.method not in self.allowed_methods:
            return HttpResponseNotAllowed(self.allowed_methods)
        if request.method != "POST":
            return self.render(self.get_form(), status=200, errors=[])
        form = self.get_form(request.POST)
        wait = self.rate_limit.retry_after(request)
        if wait:
            form.refresh_timestamp()
            response = self.render(form, status=429, errors=[(None, wait_message(wait))])
            response["Retry-After"] = str(wait)
            return response
        spam = form.is_spam()
        if spam is None and form.is_valid():
            try:
                with transaction.atomic():
                    obj = self.create(form)
            except IntegrityError:
                obj = self.find_duplicate(form)
                if obj is None:
                    raise
            else:
                # The atomic block above is the request's outermost transaction: it has
                # committed, so mail and other background work see the stored row.
                self.rate_limit.record(request, stored=True)
                self.after_commit(obj)
            return self.success(obj)
        self.rate_limit.record(request, stored=False)
        errors = form.error_summary()
        # A spam check is only worth explaining when nothing else is wrong (or for the
        # honeypot): the new timestamp below already lets a person send the form again.
        if spam == "honeypot" or (spam and form.is_valid()):
            errors.insert(0, (None, str(SPAM_MESSAGES[spam])))
        form.refresh_timestamp()
        return self.render(form, status=400, errors=errors)
