"""Protection for every public form, without a captcha that shuts people out.

- :class:`ProtectedForm` adds a honeypot field (hidden from view and keyboard; people leave it
  empty) and a signed timestamp, so a form sent back within seconds of being served, or after
  a day, is refused. The timestamp also identifies one served form, so a double click stores
  one row (:meth:`ProtectedForm.submission_key`).
- :class:`RateLimit` counts submissions per client in the shared cache (Redis in production)
  and must be checked before anything is stored. Clients are keyed by a salted hash: no IP
  address is kept. Behind a proxy, set ``CLIENT_IP_HEADER`` (e.g. ``HTTP_X_REAL_IP``) to the
  header the proxy fills with the visitor's address.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
HONEYPOT_FIELD = "website"

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


class RateLimit:
    """At most ``limit`` submissions per client per ``window`` seconds, for one ``scope``."""

    def __init__(self, scope: str, limit: int, window: int):
        self.scope, self.limit, self.window = scope, limit, window

    def key(self, request) -> str:
        header = getattr(settings, "CLIENT_IP_HEADER", "")
        address = (header and request.META.get(header, "").split(",")[0].strip()) or (
            request.META.get("REMOTE_ADDR", "")
        )
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
        return f"rate:{self.scope}:{digest}"

    def exceeded(self, request) -> bool:
        """Count this submission; True when the client is over the limit."""
        key = self.key(request)
        cache.add(key, 0, self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)
            count = 1
        return count > self.limit
