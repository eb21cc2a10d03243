"""Demo citizens' proposals (``demo_data/proposals.toml``): the form page that replaces the
home demo's placeholder, one proposal in every status, one with more than 1,000 supports, the
group "Moderatoren" and its demo account. Invented people only. Idempotent."""

import datetime
import tomllib
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from site_app.demo_tools import add_in_place_of, demo_account, publish, translate_page
from site_app.groups import ensure_group
from site_app.models import Theme
from site_app.timeline import Status

from ..models import AgendaItem, MeetingPage
from ..models.proposals import (
    CitizenProposal,
    PaperSupportList,
    ProposalFormPage,
    ProposalSupport,
    person_key,
)
from .views import record_proposal_step

DATA = Path(__file__).resolve().parent.parent / "demo_data" / "proposals.toml"
MODERATORS = "Moderatoren"
MODERATOR_PERMISSIONS = [
    f"gemeenteraad.{action}_{model}"
    for model in ("citizenproposal", "proposalsupport")
    for action in ("add", "change", "delete", "view")
]
FAMILY_NAMES = ("Demo", "Voorbeeld", "Proef", "Test", "Fictief")
GIVEN_NAMES = ("An", "Bram", "Chloé", "Dries", "Emre", "Fatma", "Gert", "Hind", "Ines", "Jef")


def load(home, locales, stdout) -> ProposalFormPage:
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    page = _form_page(home, data["page"], locales)
    ensure_group(MODERATORS, permissions=MODERATOR_PERMISSIONS)
    demo_account(
        "moderator",
        role="Moderator: voorstellen van burgers en hun steun (persoonsgegevens)",
        groups=(MODERATORS,),
    )
    created = 0
    for spec in data["proposal"]:
        if CitizenProposal.objects.filter(submission_key=f"demo-{spec['key']}").exists():
            continue
        _proposal(spec)
        created += 1
    stdout.write(f"Voorstellen van burgers: {created} new demo proposals.")
    return page


def _form_page(home, data, locales) -> ProposalFormPage:
    page = ProposalFormPage.objects.child_of(home).first()
    if page is None:
        text = data["nl"]
        page = ProposalFormPage(
            slug=data["slug"],
            title=text["title"],
            intro=text["intro"],
            how_it_works=text["how_it_works"],
            listing_summary=text["intro"][:300],
            show_in_menus=True,
        )
        page = add_in_place_of(home, page)
        publish(page)
    for code, text in data.items():
        if code in locales and code != settings.LANGUAGE_CODE and isinstance(text, dict):
            translate_page(
                page,
                locales[code],
                title=text["title"],
                intro=text["intro"],
                how_it_works=text["how_it_works"],
                listing_summary=text["intro"][:300],
            )
    return page


def _agenda_item(reference):
    slug, number = reference.split(":")
    meeting = MeetingPage.objects.filter(
        slug=slug, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if meeting is None:
        return None
    return AgendaItem.objects.filter(meeting=meeting, number=number).first()


def _proposal(spec) -> CitizenProposal:
    now = timezone.now()
    first = spec["steps"][0][1] if spec["steps"] else 1
    proposal = CitizenProposal.objects.create(
        created_at=now - datetime.timedelta(days=first),
        name=spec["name"],
        email=spec["email"],
        postcode=spec["postcode"],
        is_16_or_older=True,
        title=spec["title"],
        question=spec["question"],
        reasons=spec["reasons"],
        decision_asked=spec["decision_asked"],
        wants_chair_advice=spec["chair"],
        consent_at=now,
        confirmed_at=now - datetime.timedelta(days=first),
        confirmation_nonce="",
        submitted_at=None if spec.get("draft") else now - datetime.timedelta(days=first),
        submission_key=f"demo-{spec['key']}",
    )
    proposal.themes.set(
        Theme.objects.filter(slug__in=spec["themes"], locale__language_code=settings.LANGUAGE_CODE)
    )
    today = timezone.localdate()
    for status, days_ago, note in spec["steps"]:
        date = today - datetime.timedelta(days=days_ago)
        extra = {}
        if status == Status.COLLECTING_SUPPORT:
            extra["due"] = date + datetime.timedelta(days=90)
        if status == Status.SCHEDULED:
            extra["agenda_item"] = _agenda_item(spec["item"])
        record_proposal_step(
            proposal,
            status=status,
            date=date,
            note=note,
            actor="Moderatoren" if status != Status.SUBMITTED else "",
            **extra,
        )
    if spec.get("paper"):
        PaperSupportList.objects.create(
            proposal=proposal, count=spec["paper"], checked=spec["key"] != "fietsenstalling"
        )
    if spec.get("supports"):
        _supports(proposal, spec["supports"])
    return proposal


def _supports(proposal, count: int) -> None:
    """Generated, invented supporters (confirmed), in one bulk insert."""
    now = timezone.now()
    rows = []
    for number in range(count):
        family = f"{FAMILY_NAMES[number % len(FAMILY_NAMES)]}{number}"
        given = GIVEN_NAMES[number % len(GIVEN_NAMES)]
        born = datetime.date(1950 + number % 50, 1 + number % 12, 1 + number % 28)
        rows.append(
            ProposalSupport(
                proposal=proposal,
                family_name=family,
                given_names=given,
                birth_date=born,
                postcode="9000",
                email=f"steun{number}@voorbeeld.invalid",
                person_key=person_key(family, given, born, "9000"),
                confirmed_at=now,
                confirmation_nonce="",
            )
        )
    ProposalSupport.objects.bulk_create(rows, batch_size=500)
