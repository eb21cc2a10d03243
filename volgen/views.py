"""Theme pages and the e-mail alerts' public pages (subscribe, confirm, manage, unsubscribe).

All but the one-click unsubscribe are routes of :class:`volgen.models.ThemeIndexPage`, so they
live under ``/<lang>/themas/`` in every language. The unsubscribe URL in the mail headers is a
plain view (``/volgen/uitschrijven/``): mail clients POST to it without a CSRF token
(RFC 8058), and the signed token in its query is what authorises it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from gemeenteraad.models import MeetingIndexPage, MeetingPage
from gemeenteraad.models.meetings import MeetingStatus
from gemeenteraad.views import attach_bodies, meeting_listing
from site_app import feeds, localization, taxonomy
from site_app.models import ConfirmationError, Theme
from site_app.public_forms import PublicFormFlow, RateLimit

from .forms import ChoicesForm, SubscriptionForm
from .models import Subscription
from .tasks import send_confirmation

SUBSCRIBE_RATE_LIMIT = RateLimit("volgen-subscribe", limit=5, window=60 * 60)
#: An unconfirmed address gets at most one confirmation mail per this many hours.
CONFIRMATION_RESEND_HOURS = 24
PER_KIND = 3
UPCOMING_MEETINGS = 5
READ_ONLY = ("GET", "HEAD")


def _not_allowed(request, methods=READ_ONLY):
    return None if request.method in methods else HttpResponseNotAllowed(methods)


def theme_index(request, index):
    if refused := _not_allowed(request):
        return refused
    return index.render(request, context_overrides={"themes": taxonomy.all_terms(Theme)})


def theme_page(request, index, slug):
    if refused := _not_allowed(request):
        return refused
    theme = taxonomy.find_by_slug(Theme, slug)
    if theme is None:
        raise Http404(_("Dit thema bestaat niet."))
    entries = feeds.collect_entries(request, feeds.by_theme(theme))
    groups: dict[str, list] = {}
    for entry in entries:
        bucket = groups.setdefault(entry.kind_label, [])
        if len(bucket) < PER_KIND:
            bucket.append(entry)
    locale = localization.active_locale()
    meeting_index = MeetingIndexPage.objects.live().public().filter(locale=locale).first()
    meetings = attach_bodies(
        meeting_listing(MeetingPage.objects.filter(locale=locale))
        .filter(
            until__gte=timezone.now(),
            agenda_items__themes__translation_key=theme.translation_key,
            status__in=[s for s in MeetingStatus if s != MeetingStatus.PLANNED],
        )
        .distinct()
        .order_by("start", "pk")[:UPCOMING_MEETINGS]
    )
    calendar_url = (
        meeting_index.subpage_url("theme_ics", request, slug=theme.slug) if meeting_index else ""
    )
    return index.render(
        request,
        template="volgen/theme_page.html",
        context_overrides={
            "theme": theme,
            "groups": list(groups.items()),
            "meetings": meetings,
            "calendar_url": calendar_url,
            "subscribe_url": index.subpage_url("subscribe", request)
            + "?"
            + urlencode({"themes": theme.slug}),
        },
    )


def _apply_choices(subscription, chosen: dict) -> None:
    for name, objects in chosen.items():
        getattr(subscription, name).set(objects)


class SubscribeFlow(PublicFormFlow):
    form_class = SubscriptionForm
    rate_limit = SUBSCRIBE_RATE_LIMIT

    def __init__(self, request, index):
        super().__init__(request)
        self.index = index

    def get_form(self, data=None):
        if data is None:
            initial = {
                name: self.request.GET.getlist(name)
                for name in ("themes", "wijken", "councils", "bodies")
                if name in self.request.GET
            }
            return self.form_class(initial=initial)
        return self.form_class(data)

    def create(self, form):
        language = translation.get_language()
        subscription, created = Subscription.objects.get_or_create(
            email=form.cleaned_data["email"],
            defaults={"language": language, "frequency": form.cleaned_data["frequency"]},
        )
        if subscription.is_confirmed:
            # Without proof of the address nothing changes; the manage link in every mail
            # is the way to change a confirmed subscription.
            return subscription
        if not created:
            subscription.language = language
            subscription.frequency = form.cleaned_data["frequency"]
            subscription.save(update_fields=["language", "frequency"])
        _apply_choices(subscription, form.source_objects())
        return subscription

    def find_duplicate(self, form):
        return Subscription.objects.filter(email=form.cleaned_data["email"]).first()

    def after_commit(self, subscription):
        if subscription.is_confirmed:
            return
        cutoff = timezone.now() - timedelta(hours=CONFIRMATION_RESEND_HOURS)
        claimed = Subscription.objects.filter(
            Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=cutoff),
            pk=subscription.pk,
        ).update(confirmation_sent_at=timezone.now())
        if claimed:
            query = urlencode({"t": subscription.confirmation_token()})
            url = self.index.subpage_url("confirm", self.request) + "?" + query
            send_confirmation.enqueue(subscription.pk, self.request.build_absolute_uri(url))

    def success(self, subscription):
        return redirect(self.index.subpage_url("subscribe_sent", self.request))

    def render(self, form, *, status, errors):
        response = self.index.render(
            self.request,
            template="volgen/subscribe.html",
            context_overrides={"form": form, "error_summary": errors},
        )
        response.status_code = status
        return response


def subscribe(request, index):
    return SubscribeFlow(request, index).respond()


def subscribe_sent(request, index):
    if refused := _not_allowed(request):
        return refused
    return index.render(request, template="volgen/subscribe_sent.html")


CONFIRMATION_MESSAGES = {
    "invalid": _("Deze link werkt niet. Kopieer de volledige link uit de e-mail."),
    "expired": _("Deze link is verlopen. Schrijf je gerust opnieuw in."),
    "used": _("Je abonnement was al bevestigd. Je hoeft niets meer te doen."),
}


def confirm(request, index):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    if refused := _not_allowed(request, ("GET", "HEAD", "POST")):
        return refused
    context = {"confirmed": False, "problem": None}
    status = 200
    if request.method == "POST":
        try:
            subscription = Subscription.confirm(request.GET.get("t", ""))
        except ConfirmationError as error:
            context["problem"] = str(CONFIRMATION_MESSAGES[error.reason])
            status = 200 if error.reason == "used" else 400
        else:
            context["confirmed"] = True
            context["manage_url"] = _manage_url(index, subscription, request)
    response = index.render(request, template="volgen/confirm.html", context_overrides=context)
    response.status_code = status
    return response


def _manage_url(index, subscription, request) -> str:
    return (
        index.subpage_url("manage", request) + "?" + urlencode({"t": subscription.manage_token()})
    )


def manage(request, index):
    """Change what a subscription follows, or end it; the signed link is the key."""
    if refused := _not_allowed(request, ("GET", "HEAD", "POST")):
        return refused
    token = request.GET.get("t", "")
    subscription = Subscription.from_manage_token(token)
    context = {"subscription": subscription, "token": token, "saved": False, "errors": []}
    status = 200
    if subscription is None:
        context["problem"] = _(
            "Deze link werkt niet (meer). Misschien schreef je je al uit. Gebruik de link uit "
            "je laatste e-mail of schrijf je opnieuw in."
        )
        response = index.render(request, template="volgen/manage.html", context_overrides=context)
        response.status_code = 404
        return response
    if request.method == "POST" and request.POST.get("action") == "uitschrijven":
        subscription.delete()
        return index.render(request, template="volgen/unsubscribed.html")
    if request.method == "POST":
        form = ChoicesForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                subscription.frequency = form.cleaned_data["frequency"]
                subscription.save(update_fields=["frequency"])
                _apply_choices(subscription, form.source_objects())
            context["saved"] = True
        else:
            status = 400
            context["errors"] = [
                (form[name].auto_id if name != "__all__" else None, str(error))
                for name, errors in form.errors.items()
                for error in errors
            ]
    else:
        form = ChoicesForm(initial=_current_choices(subscription, ChoicesForm()))
    context["form"] = form
    response = index.render(request, template="volgen/manage.html", context_overrides=context)
    response.status_code = status
    return response


def _current_choices(subscription, blank_form) -> dict:
    keys = {
        "themes": {t.translation_key for t in subscription.themes.all()},
        "wijken": {w.translation_key for w in subscription.wijken.all()},
        "bodies": {b.translation_key for b in subscription.bodies.all()},
    }
    initial = {
        name: [
            key for key, term in blank_form.terms[name].items() if term.translation_key in wanted
        ]
        for name, wanted in keys.items()
    }
    councils = {str(c.translation_key) for c in subscription.councils.all()}
    initial["councils"] = [key for key in blank_form.terms["councils"] if key in councils]
    initial["frequency"] = subscription.frequency
    return initial


@csrf_exempt
def unsubscribe(request):
    """One-click unsubscribe (RFC 8058): a POST deletes the subscription, a GET asks first.

    Exempt from CSRF because mail clients POST ``List-Unsubscribe=One-Click`` without a
    token; the signed token in the URL is what authorises the request.
    """
    if refused := _not_allowed(request, ("GET", "HEAD", "POST")):
        return refused
    subscription = Subscription.from_manage_token(request.GET.get("t", ""))
    language = subscription.language if subscription else translation.get_language()
    with translation.override(language):
        context = {"done": False, "known": subscription is not None, "lang": language}
        status = 200
        if request.method == "POST":
            if subscription is not None:
                subscription.delete()
            context["done"] = True
        elif subscription is None:
            status = 400  # not 404: LocaleMiddleware would redirect that to /<lang>/volgen/
        response = render(request, "volgen/unsubscribe.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
