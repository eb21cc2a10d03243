"""What the story pages serve: the filtered index, its feed and 'Vertel je verhaal'.

These are called from the routes of :class:`verhalen.models.StoryIndexPage`, so every URL
lives under the index page in each language and no urls.py entry is needed.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_tasks import task

from site_app import feeds, localization, taxonomy
from site_app.models import ConfirmationError, Theme, Wijk
from site_app.public_forms import PublicFormFlow, RateLimit

from .forms import StoryFilterForm, StoryProposalForm
from .models import Raconteur, StoryPage, StoryProposal, story_listing

logger = logging.getLogger(__name__)

PROPOSAL_RATE_LIMIT = RateLimit("verhalen-proposal", limit=5, window=60 * 60)


def filter_options(index) -> dict:
    """What the filters offer: only wijken, themes and raconteurs that have stories here.
    Cached until a page or a term changes."""

    def load() -> dict:
        live = StoryPage.objects.child_of(index).live().public()
        raconteurs = Raconteur.objects.filter(stories__in=live).distinct().order_by("name")
        return {
            "wijken": taxonomy.localize(Wijk.objects.filter(pk__in=live.values("wijken"))),
            "themes": taxonomy.localize(Theme.objects.filter(pk__in=live.values("themes"))),
            "series": list(index.series_pages()),
            "raconteurs": localization.localize_all(raconteurs),
        }

    locale = localization.active_locale()
    return localization.cached(
        (localization.PAGES, localization.VOCABULARY), f"story-filters:{index.pk}:{locale.pk}", load
    )


def filter_stories(queryset, selected: dict):
    if wijk := selected.get("wijk"):
        queryset = queryset.filter(wijken__translation_key=wijk.translation_key)
    if theme := selected.get("thema"):
        queryset = queryset.filter(themes__translation_key=theme.translation_key)
    if series := selected.get("reeks"):
        queryset = queryset.filter(series__translation_key=series.translation_key)
    if raconteur := selected.get("verteller"):
        queryset = queryset.filter(raconteurs__translation_key=raconteur.translation_key)
    return queryset


def _filter_form(request, index):
    options = filter_options(index)
    form = StoryFilterForm(
        request.GET,
        wijken=options["wijken"],
        themes=options["themes"],
        series=options["series"],
        raconteurs=options["raconteurs"],
    )
    return form, form.selected()


def story_index(request, index):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    form, selected = _filter_form(request, index)
    stories = filter_stories(story_listing(StoryPage.objects.child_of(index)), selected)
    listing = StoryPage.listing_page(request, stories)
    query = {name: item.slug for name, item in selected.items()}
    status = listing["status"]
    if form.errors and status == 200:
        status = 400
    response = index.render(
        request,
        context_overrides={
            **listing,
            "filter_form": form,
            "selected": selected,
            "query_string": urlencode(query),
            "feed_query": f"?{urlencode(query)}" if query else "",
            "filter_errors": [error for errors in form.errors.values() for error in errors],
            "is_filtered": bool(query) or "page" in request.GET,
        },
    )
    response.status_code = status
    return response


def story_feed(request, index, fmt):
    if fmt not in feeds.FORMATS:
        raise Http404
    form, selected = _filter_form(request, index)
    if form.errors:
        raise Http404(_("Deze filter bestaat niet."))
    scope = feeds.Scope.of(
        theme=selected.get("thema"),
        wijk=selected.get("wijk"),
        index=index,
        reeks=selected.get("reeks"),
        verteller=selected.get("verteller"),
    )
    entries = feeds.collect_entries(request, scope, kinds=[StoryPage.feed_source.kind])
    described = ", ".join(getattr(item, "name", None) or item.title for item in selected.values())
    title = index.title + (f" ({described})" if described else "")
    return feeds.feed_response(
        request,
        fmt,
        title=f"{title} · Samen stad maken",
        description=index.intro or title,
        link=index.get_full_url(request),
        entries=entries,
    )


class StoryProposalFlow(PublicFormFlow):
    """'Vertel je verhaal' on the shared public-form flow."""

    form_class = StoryProposalForm
    rate_limit = PROPOSAL_RATE_LIMIT

    def __init__(self, request, index):
        super().__init__(request)
        self.index = index

    def create(self, form):
        return StoryProposal.objects.create(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            wijk=form.wijk_object(),
            message=form.cleaned_data["message"],
            language=translation.get_language() or settings.LANGUAGE_CODE,
            consent_at=timezone.now(),
            submission_key=form.submission_key(),
        )

    def find_duplicate(self, form):
        # This very form was stored already (a double click): thank them again.
        return StoryProposal.objects.filter(submission_key=form.submission_key()).first()

    def after_commit(self, proposal):
        if proposal.email:
            confirm_path = self.index.subpage_url("propose_confirm", self.request)
            query = urlencode({"t": proposal.confirmation_token()})
            send_proposal_confirmation.enqueue(
                proposal.pk,
                proposal.language,
                self.request.build_absolute_uri(f"{confirm_path}?{query}"),
            )

    def success(self, proposal):
        return redirect(self.index.subpage_url("propose_thanks", self.request))

    def render(self, form, *, status, errors):
        response = self.index.render(
            self.request,
            template="verhalen/propose_story.html",
            context_overrides={"form": form, "error_summary": errors, "status": status},
        )
        response.status_code = status
        return response


def propose_story(request, index):
    return StoryProposalFlow(request, index).respond()


CONFIRMATION_MESSAGES = {
    "invalid": _("Deze link werkt niet. Kopieer de volledige link uit de e-mail."),
    "expired": _("Deze link is verlopen. Stuur je voorstel gerust opnieuw."),
    "used": _("Je voorstel was al bevestigd. Je hoeft niets meer te doen."),
}


def confirm_proposal(request, index):
    """GET shows a button (mail scanners that open links confirm nothing); POST confirms."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = {"title": _("Bevestig je voorstel"), "confirmed": False, "problem": None}
    status = 200
    if request.method == "POST":
        try:
            StoryProposal.confirm(request.GET.get("t", ""))
        except ConfirmationError as error:
            context["problem"] = CONFIRMATION_MESSAGES[error.reason]
            status = 200 if error.reason == "used" else 400
        else:
            context["confirmed"] = True
    response = index.render(
        request, template="verhalen/proposal_confirm.html", context_overrides=context
    )
    response.status_code = status
    return response


@task()
def send_proposal_confirmation(proposal_id: int, language: str, confirm_url: str) -> None:
    """Ask the resident to confirm by e-mail. Fixed text only: the form relays nothing."""
    proposal = StoryProposal.objects.filter(pk=proposal_id).only("email").first()
    if proposal is None or not proposal.email:
        return
    with translation.override(language):
        subject = _("We ontvingen je voorstel voor een verhaal")
        body = render_to_string(
            "verhalen/emails/proposal_confirmation.txt", {"confirm_url": confirm_url}
        )
    try:
        send_mail(subject, body, None, [proposal.email])
    except Exception:
        # The exception text may hold the address: log only which proposal it was.
        logger.warning("Confirmation mail for story proposal %s could not be sent.", proposal_id)
