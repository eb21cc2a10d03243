"""Agenda items (kind ``agendapunt``) and citizens' proposals (kind ``voorstel``) in the
feeds, and the feeds of each council body.

An item counts as news from the moment its agenda was published, and never later than the
meeting itself; so an item of next month's meeting is dated by its agenda (in the past), not
by the meeting, and does not sit on top of "what's new" until then. A proposal is news from
the day it became public (when it started collecting support); only its public texts are in
the feed, never who sent it.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import F, Max
from django.db.models.functions import Coalesce, Least, Now
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from site_app import feeds, taxonomy

from .models import AgendaItem, CouncilBody, MeetingIndexPage, MeetingPage, localize_bodies
from .models.meetings import AGENDA_PUBLIC
from .models.proposals import CitizenProposal, ProposalFormPage

KIND = "agendapunt"
PROPOSAL_KIND = "voorstel"


class AgendaItemSource(feeds.FeedSource):
    kind = KIND
    label = _("Agendapunt")
    extra_scopes = frozenset({"body"})

    def get_queryset(self, locale):
        meetings = MeetingPage.objects.live().public().filter(status__in=AGENDA_PUBLIC)
        return (
            AgendaItem.objects.filter(locale=locale, meeting__in=meetings.values("pk"))
            .select_related("meeting", "meeting__body")
            .prefetch_related("themes", "wijken")
            .annotate(
                feed_date=Least(
                    Coalesce(F("meeting__agenda_published_at"), F("meeting__start")),
                    F("meeting__start"),
                    Now(),
                )
            )
        )

    def filter_extra(self, queryset, name, value):
        return queryset.filter(meeting__body__translation_key=value.translation_key)

    def to_entries(self, items, request):
        bodies = dict(
            zip(
                [item.pk for item in items],
                localize_bodies(item.meeting.body for item in items),
                strict=True,
            )
        )
        return [self._entry(item, bodies[item.pk], request) for item in items]

    def _entry(self, item, body, request) -> feeds.FeedEntry:
        meeting = item.meeting
        published = feeds.as_datetime(item.feed_date)
        when = timezone.localtime(meeting.start).strftime("%d-%m-%Y")
        summary = item.summary or item.title
        return feeds.FeedEntry(
            guid=feeds.tag_uri(self.kind, f"{item.key}/{meeting.locale_id}"),
            title=item.title,
            link=request.build_absolute_uri(meeting.item_url(item, request)),
            summary=f"{meeting.title} ({when}). {summary}",
            published=published,
            updated=max(filter(None, [meeting.last_published_at, published])),
            kind=self.kind,
            kind_label=str(self.label),
            categories=self.categories(item),
            authors=(body.name,),
        )


SOURCE = feeds.register(AgendaItemSource())


class ProposalSource(feeds.FeedSource):
    """Public citizens' proposals, in the feeds of the language they were sent in (their texts
    are the initiator's own words, not translated). The author is the organisation: the
    initiator's name is personal data."""

    kind = PROPOSAL_KIND
    label = _("Voorstel van burgers")

    def get_queryset(self, locale):
        return (
            CitizenProposal.objects.public()
            .filter(language=locale.language_code)
            .prefetch_related("themes", "wijken")
            .annotate(
                feed_date=Least(F("published_at"), Now()), last_step=Max("steps__recorded_at")
            )
            .only("pk", "title", "question", "published_at", "closed_at", "language")
        )

    def to_entries(self, proposals, request):
        if not proposals:
            return []
        language = proposals[0].language
        page = ProposalFormPage.objects.live().public().filter(locale__language_code=language)
        page = page.first()
        if page is None:
            return []
        return [self._entry(proposal, page, request) for proposal in proposals]

    def _entry(self, proposal, page, request) -> feeds.FeedEntry:
        published = feeds.as_datetime(proposal.feed_date)
        updated = max(filter(None, [published, proposal.last_step, proposal.closed_at]))
        return feeds.FeedEntry(
            guid=feeds.tag_uri(self.kind, proposal.pk),
            title=proposal.title,
            link=request.build_absolute_uri(page.proposal_url(proposal, request)),
            summary=Truncator(proposal.question).chars(400),
            published=published,
            updated=updated,
            kind=self.kind,
            kind_label=str(self.label),
            categories=self.categories(proposal),
        )


PROPOSAL_SOURCE = feeds.register(ProposalSource())


def body_feed_entries(request, body):
    return feeds.collect_entries(request, feeds.Scope.of(body=body), kinds=[KIND])


@feeds.register_feed_links
def body_feed_links(request):
    """Each body's feed, for the feeds page."""
    index = MeetingIndexPage.objects.live().public().filter(locale=taxonomy.active_locale()).first()
    if index is None:
        return []
    sources = CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    links = []
    for body in localize_bodies(sources):
        base = index.subpage_url("body", slug=body.slug)
        links.append(
            feeds.FeedLink(
                title=gettext("Agenda van %(name)s") % {"name": body.name},
                rss=base + "feed/rss/",
                atom=base + "feed/atom/",
                description=body.description,
            )
        )
    return links
