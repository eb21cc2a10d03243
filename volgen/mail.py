"""The mails of the alerts: plain text and HTML, in the subscriber's language, with a
one-click unsubscribe (RFC 8058) and a link to manage the subscription in every mail."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from site_app import localization

from .models import Subscription, ThemeIndexPage


def index_for(language: str) -> ThemeIndexPage | None:
    with translation.override(language):
        locale = localization.active_locale()
    return ThemeIndexPage.objects.live().filter(locale=locale).first() or (
        ThemeIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def links(subscription: Subscription) -> dict[str, str]:
    """Manage and one-click unsubscribe links of this subscription (absolute)."""
    index = index_for(subscription.language)
    query = "?" + urlencode({"t": subscription.manage_token()})
    base = index.get_url() if index else f"/{subscription.language}/themas/"
    return {
        "manage_url": absolute(base + "e-mail/beheer/" + query),
        "unsubscribe_url": absolute(reverse("volgen:unsubscribe") + query),
    }


def build(
    subscription: Subscription,
    *,
    subject: str,
    template: str,
    context: dict,
    with_unsubscribe: bool = True,
) -> EmailMultiAlternatives:
    """One mail from ``volgen/emails/<template>.txt`` and ``.html``, to this subscriber only."""
    with translation.override(subscription.language):
        context = {**context, **links(subscription), "language": subscription.language}
        text = render_to_string(f"volgen/emails/{template}.txt", context)
        html = render_to_string(f"volgen/emails/{template}.html", context)
        headers = {"Auto-Submitted": "auto-generated", "Content-Language": subscription.language}
        if with_unsubscribe:
            mailto = getattr(settings, "VOLGEN_UNSUBSCRIBE_MAILTO", "")
            targets = [f"<{context['unsubscribe_url']}>"]
            if mailto:
                targets.append(f"<mailto:{mailto}?subject=unsubscribe-{subscription.pk}>")
            headers["List-Unsubscribe"] = ", ".join(targets)
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message = EmailMultiAlternatives(
            subject=str(subject), body=text, to=[subscription.email], headers=headers
        )
        message.attach_alternative(html, "text/html")
    return message


def confirmation(subscription: Subscription, confirm_url: str) -> EmailMultiAlternatives:
    with translation.override(subscription.language):
        subject = _("Bevestig je e-mailabonnement")
    return build(
        subscription,
        subject=subject,
        template="confirmation",
        context={"confirm_url": confirm_url},
        with_unsubscribe=False,
    )


def digest(subscription: Subscription, entries, *, direct: bool = False):
    with translation.override(subscription.language):
        if direct:
            subject = _("Nieuw op Samen stad maken: %(title)s") % {"title": entries[0].title}
        else:
            subject = _("Nieuw op Samen stad maken: %(count)s berichten") % {"count": len(entries)}
    return build(subscription, subject=subject, template="digest", context={"entries": entries})
