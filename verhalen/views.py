"""What the story pages serve: the filtered index, its feed and 'Vertel je verhaal'.

These are called from the routes of :class:`verhalen.models.StoryIndexPage`, so every URL
lives under the index page in each language and no urls.py entry is needed.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_tasks import task

from site_app import feeds, taxonomy
from site_app.models import Theme, Wijk
from site_app.public_forms import SPAM_MESSAGES, RateLimit

from .forms import StoryFilterForm, StoryProposalForm
from .models import Raconteur, StoryPage, StoryProposal, localize_raconteurs, story_listing

logger = logging.getLogger(__name__)

STORIES_PER_PAGE = 12
PROPOSAL_RATE_LIMIT = RateLimit("verhalen-proposal", limit=5, window=60 * 60)


def attach_raconteurs(stories) -> list:
    """Give each story a ``raconteur_list`` in the reader's language (one query at most)."""
    stories = list(stories)
    everyone = {r.pk: r for story in stories for r in story.raconteurs.all()}
    localized = dict(zip(everyone, localize_raconteurs(everyone.values()), strict=True))
    for story in stories:
        story.raconteur_list = [localized[r.pk] for r in story.raconteurs.all()]
    return stories


def paginate(request, queryset, per_page: int = STORIES_PER_PAGE) -> dict:
    """One page of stories, or a message (and the status to answer) when ?page= is wrong."""
    paginator = Paginator(queryset, per_page)
    status, page_error = 200, None
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        status, page_error = 400, _("Het paginanummer klopt niet. We tonen de eerste pagina.")
        page_obj = paginator.page(1)
    except EmptyPage:
        status, page_error = 404, _("Deze pagina bestaat niet. Ga naar de eerste pagina.")
        page_obj = None
    stories = attach_raconteurs(page_obj.object_list) if page_obj else []
    return {
        "paginator": paginator,
        "page_obj": page_obj,
        "stories": stories,
        "result_count": paginator.count,
        "page_error": page_error,
        "status": status,
    }


def filter_options(index) -> dict:
    """What the filters offer: only wijken, themes and raconteurs that have stories here."""
    live = StoryPage.objects.child_of(index).live().public()
    raconteurs = Raconteur.objects.filter(stories__in=live).distinct().order_by("name")
    return {
        "wijken": taxonomy.localize(Wijk.objects.filter(pk__in=live.values("wijken"))),
        "themes": taxonomy.localize(Theme.objects.filter(pk__in=live.values("themes"))),
        "series": list(index.series_pages()),
        "raconteurs": localize_raconteurs(raconteurs),
    }


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
    listing = paginate(request, stories)
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
    entries = feeds.collect_entries(
        request,
        lambda queryset: filter_stories(queryset.child_of(index), selected),
        kinds=[StoryPage.feed_kind],
    )
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


def propose_story(request, index):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    status = 200
    notice = None
    if request.method == "POST":
        if PROPOSAL_RATE_LIMIT.exceeded(request):
            return _render_proposal(
                request,
                index,
                StoryProposalForm(),
                status=429,
                notice=_(
                    "Je stuurde de voorbije uren al verschillende voorstellen. Probeer het over "
                    "een uur opnieuw, of bel ons."
                ),
            )
        form = StoryProposalForm(request.POST)
        spam = form.is_spam()
        if spam is None and form.is_valid():
            try:
                with transaction.atomic():
                    proposal = StoryProposal.objects.create(
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        phone=form.cleaned_data["phone"],
                        wijk=form.wijk_object(),
                        message=form.cleaned_data["message"],
                        language=translation.get_language() or settings.LANGUAGE_CODE,
                        consent_at=timezone.now(),
                        submission_key=form.submission_key(),
                    )
            except IntegrityError:
                proposal = None  # this very form was stored already: thank them again
            if proposal and proposal.email:
                send_proposal_confirmation.enqueue(proposal.pk, proposal.language)
            return redirect(index.subpage_url("propose_thanks", request), permanent=False)
        status = 400
        # A spam check is only worth explaining when nothing else is wrong (or for the
        # honeypot): the new timestamp below already lets a person send the form again.
        if spam == "honeypot" or (spam and form.is_valid()):
            notice = SPAM_MESSAGES[spam]
        form.refresh_timestamp()
    else:
        form = StoryProposalForm()
    return _render_proposal(request, index, form, status=status, notice=notice)


def _render_proposal(request, index, form, *, status, notice=None):
    errors = []
    if form.is_bound:
        errors = [
            (form[name].auto_id if name in form.fields else None, error)
            for name, field_errors in form.errors.items()
            for error in field_errors
        ]
    if notice:
        errors.insert(0, (None, notice))
    response = index.render(
        request,
        template="verhalen/propose_story.html",
        context_overrides={"form": form, "error_summary": errors, "status": status},
    )
    response.status_code = status
    return response


@task()
def send_proposal_confirmation(proposal_id: int, language: str) -> None:
    """Thank the resident by e-mail. Fixed text only: the form cannot be used to relay spam."""
    proposal = StoryProposal.objects.filter(pk=proposal_id).only("email").first()
    if proposal is None or not proposal.email:
        return
    with translation.override(language):
        subject = _("We ontvingen je voorstel voor een verhaal")
        body = render_to_string("verhalen/emails/proposal_confirmation.txt")
    try:
        send_mail(subject, body, None, [proposal.email])
    except Exception:
        # The exception text may hold the address: log only which proposal it was.
        logger.warning("Confirmation mail for story proposal %s could not be sent.", proposal_id)


def json_ld_for_story(story, request, raconteurs, themes) -> dict:
    """schema.org Article data for a story (rendered with safe escaping by ``json_ld``)."""
    url = story.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title[:110],
        "description": story.intro,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": story.locale.language_code,
        "datePublished": story.date.isoformat(),
        "author": [{"@type": "Person", "name": raconteur.name} for raconteur in raconteurs],
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if story.last_published_at:
        data["dateModified"] = story.last_published_at.isoformat()
    if story.portrayed:
        data["about"] = story.portrayed
    if themes:
        data["keywords"] = [theme.name for theme in themes]
    if story.lead_image_id:
        rendition = story.lead_image.get_rendition("fill-1200x630|format-jpeg")
        data["image"] = request.build_absolute_uri(rendition.url)
    if story.localized_series:
        data["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": story.localized_series.title,
            "url": story.localized_series.get_full_url(request),
        }
    return data
