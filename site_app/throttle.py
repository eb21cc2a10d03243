"""Login throttling for the admin and for page and document passwords.

After ``LOGIN_THROTTLE_LIMIT`` wrong passwords from one client for one account (or one
protected page or collection), that client is refused for ``LOGIN_THROTTLE_SECONDS`` after
its last attempt, the right password included. Counters live in the shared cache, so they
hold across workers (and, while Redis is away, per worker: see ``site_app.cache``). Client
addresses are keyed by a salted hash, never stored.

Why not a package: Wagtail's page and document passwords do not go through Django's
``authenticate()``, so django-axes and the like would cover only the admin and add their own
tables and middleware; Django's auth signals plus this one counter cover all three.

- The admin: :class:`ThrottledModelBackend` (``AUTHENTICATION_BACKENDS``) refuses a locked
  client before any password is checked, the signal handlers below count failures and clear
  the counter on success, and :class:`LoginForm` says why in the reader's language.
- Page and document passwords: :func:`throttled_password_view` wraps Wagtail's views.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .errors import too_many_requests
from .public_forms import client_address

LOCKED_MESSAGE = _(
    "Je typte te vaak een verkeerd wachtwoord. Probeer het over %(minutes)d minuten opnieuw."
)


class Throttle:
    def __init__(self, scope: str):
        self.scope = scope

    @property
    def limit(self) -> int:
        return settings.LOGIN_THROTTLE_LIMIT

    @property
    def seconds(self) -> int:
        return settings.LOGIN_THROTTLE_SECONDS

    def key(self, request, identity: str) -> str:
        raw = f"{settings.SECRET_KEY}:{client_address(request)}:{identity.lower()}"
        return f"throttle:{self.scope}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"

    def locked(self, request, identity: str) -> bool:
        return (cache.get(self.key(request, identity)) or 0) >= self.limit

    def failed(self, request, identity: str) -> None:
        """Count a wrong password; the lock lasts ``seconds`` after the last one."""
        key = self.key(request, identity)
        count = (cache.get(key) or 0) + 1
        cache.set(key, count, self.seconds)

    def succeeded(self, request, identity: str) -> None:
        cache.delete(self.key(request, identity))

    def message(self) -> str:
        return LOCKED_MESSAGE % {"minutes": max(1, round(self.seconds / 60))}


ADMIN = Throttle("admin-login")
PASSWORDS = Throttle("view-password")


class ThrottledModelBackend(ModelBackend):
    """Django's user/password backend that refuses a locked client before checking."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and username and ADMIN.locked(request, username):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    if request is not None and credentials.get("username"):
        ADMIN.failed(request, credentials["username"])


@receiver(user_logged_in)
def clear_failed_logins(sender, request, user, **kwargs):
    if request is not None:
        ADMIN.succeeded(request, user.get_username())


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, saying so when the client is locked out."""

    def clean(self):
        username = self.data.get("username", "")
        if self.request is not None and username and ADMIN.locked(self.request, username):
            raise ValidationError(ADMIN.message(), code="throttled")
        return super().clean()


def throttled_password_view(view, scope: str):
    """Wrap Wagtail's password view for a page or collection restriction."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        identity = f"{scope}:{next(iter(kwargs.values()), '')}"
        if PASSWORDS.locked(request, identity):
            PASSWORDS.failed(request, identity)
            return too_many_requests(request, PASSWORDS.seconds, message=PASSWORDS.message())
        response = view(request, *args, **kwargs)
        if response.status_code in (301, 302, 303):
            PASSWORDS.succeeded(request, identity)
        else:
            PASSWORDS.failed(request, identity)
        return response

    return wrapped
