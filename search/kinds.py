"""The kinds of content the site search covers, registered with :mod:`search.registry`.

Agenda items are rows inside a meeting page (a ClusterableModel): they are in the index as
part of their meeting (MeetingPage.search_fields), and found on their own by a small database
search over their title, summary and decision. Making them ``index.Indexed`` would give them a
generic relation that modelcluster cannot copy when a meeting is translated or revised.

Citizens' proposals (gemeenteraad CitizenProposal) are found by the same database search, and
only their public part: proposals the public overview shows (confirmed and collecting support or
further along), searched and shown by their title, question, reasons and decision asked. The
initiator's name and contact details are never searched, read or shown. A proposal is not
translated: it is found in the language its initiator wrote it in.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from adviezen.models import AdvicePage
from gemeenteraad.models import AgendaItem, CitizenProposal, MeetingPage, ProposalFormPage
from gemeenteraad.models.meetings import AGENDA_PUBLIC
from gemeenteraad.models.proposals import NOT_PUBLIC_YET
from home.models import ContentPage, PolicyNotePage, WijkPage
from site_app.plain_language.glossary import glossary_page_url
from site_app.plain_language.models import GlossaryTerm
from verhalen.models import StoryPage

from .registry import SearchKind, register


def _pages(model):
    def queryset(locale):
        return model.objects.live().public().filter(locale=locale)

    return queryset


def _plain_version(page) -> list:
    if page.has_plain_version:
        return [(_("Klare-taalversie"), page.plain_url())]
    return []


def _public_agenda(ids) -> set:
    return set(
        AgendaItem.objects.filter(
            pk__in=ids,
            is_public=True,
            meeting__in=MeetingPage.objects.live().public().filter(status__in=AGENDA_PUBLIC),
        ).values_list("pk", flat=True)
    )


def database_search(fields: tuple[str, ...], title_field: str):
    """A search over a few short text fields in the database, for rows that are not indexed:
    every query word (in any of its forms) must occur; a word in the title counts double."""

    def search(queryset, forms, operator):
        def matches(term_forms):
            return reduce(
                or_, (Q(**{f"{name}__icontains": form}) for form in term_forms for name in fields)
            )

        combine = and_ if operator == "and" else or_
        rows = queryset.filter(reduce(combine, (matches(term) for term in forms)))
        scored = []
        for row in rows.only("pk", *fields):
            texts = {name: (getattr(row, name) or "").lower() for name in fields}
            score = sum(
                (2 if any(form in texts[title_field] for form in term) else 0)
                + sum(1 for name in fields if any(form in texts[name] for form in term))
                for term in forms
            )
            scored.append((row, score / (3 * len(forms))))
        return sorted(scored, key=lambda pair: -pair[1])

    return search


#: The texts of a proposal that are public; everything else about it (who sent it) is not.
PROPOSAL_TEXTS = ("title", "question", "reasons", "decision_asked")


def _public_proposals(locale):
    if not ProposalFormPage.objects.live().public().exists():
        return CitizenProposal.objects.none()
    return (
        CitizenProposal.objects.public()
        .exclude(status__in=NOT_PUBLIC_YET)
        .filter(language=locale.language_code)
    )


def _proposal_urls(proposals) -> None:
    """Every proposal's public page, on the form page in the reader's language."""
    from gemeenteraad.proposals.views import form_page_for

    page = form_page_for(translation.get_language())
    for proposal in proposals:
        proposal.search_url = page.proposal_url(proposal) if page else ""


def _glossary_url(term) -> str:
    return f"{glossary_page_url(term.locale)}#{term.anchor}"


register(
    SearchKind(
        "verhaal",
        _("Verhaal"),
        StoryPage,
        _pages(StoryPage),
        date_lookup="date",
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("listing_summary", "intro"),
    )
)
register(
    SearchKind(
        "beleidsnota",
        _("Beleidsnota"),
        PolicyNotePage,
        _pages(PolicyNotePage),
        date_lookup="first_published_at",
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("listing_summary", "intro"),
        links=_plain_version,
    )
)
register(
    SearchKind(
        "advies",
        _("Advies"),
        AdvicePage,
        _pages(AdvicePage),
        date_lookup="delivered_on",
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("listing_summary", "advice_summary", "subject"),
    )
)
register(
    SearchKind(
        "vergadering",
        _("Vergadering"),
        MeetingPage,
        _pages(MeetingPage),
        date_lookup="start",
        theme_lookup="agenda_items__themes__slug",
        wijk_lookup="agenda_items__wijken__slug",
        summary_fields=("listing_summary", "intro"),
    )
)
register(
    SearchKind(
        "agendapunt",
        _("Agendapunt"),
        AgendaItem,
        lambda locale: AgendaItem.objects.filter(locale_id=locale.pk, is_public=True),
        date_lookup="meeting__start",
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("summary", "decision"),
        visible=_public_agenda,
        select_related=("meeting",),
        search=database_search(("title", "summary", "decision"), "title"),
    )
)
register(
    SearchKind(
        "wijk",
        _("Wijk"),
        WijkPage,
        _pages(WijkPage),
        wijk_lookup="wijk__slug",
        summary_fields=("listing_summary", "intro"),
    )
)
register(
    SearchKind(
        "pagina",
        _("Pagina"),
        ContentPage,
        _pages(ContentPage),
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("listing_summary", "intro"),
    )
)
register(
    SearchKind(
        "woord",
        _("Woordenlijst"),
        GlossaryTerm,
        lambda locale: GlossaryTerm.objects.filter(locale_id=locale.pk),
        summary_fields=("definition",),
        vocabulary_fields=("term", "variants"),
        url=_glossary_url,
        select_related=("locale",),
    )
)
register(
    SearchKind(
        "voorstel",
        _("Voorstel van burgers"),
        CitizenProposal,
        _public_proposals,
        date_lookup="published_at",
        theme_lookup="themes__slug",
        wijk_lookup="wijken__slug",
        summary_fields=("question", "reasons"),
        url=lambda proposal: proposal.search_url,
        search=database_search(PROPOSAL_TEXTS, "title"),
        only=(*PROPOSAL_TEXTS, "published_at"),
        prepare=_proposal_urls,
    )
)
