"""Demo council: bodies, invented members, six meetings around today and their agendas.

Read from ``demo_data/council.toml`` and ``demo_data/meetings.toml``; dates are relative to
the day the demo is loaded. Idempotent: every object is looked up first (people by name,
bodies and meetings by slug) and only created when missing. The citizens' proposal form
replaces the placeholder page the home demo put in the main menu (proposals/demo.py).
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage
from site_app.demo_tools import publish, translate_page
from site_app.models import Theme, Wijk

from .models import (
    AgendaItem,
    Attendance,
    CouncilBody,
    Mandate,
    MeetingAttendance,
    MeetingIndexPage,
    MeetingPage,
    Party,
    Person,
    Role,
    RollCallVote,
    VoteChoice,
    VoteKind,
)

DATA = Path(__file__).resolve().parent / "demo_data"
TERM_START = datetime.date(2025, 1, 1)

INDEX = {
    "nl": (
        "Gemeenteraad",
        "Wanneer vergadert de raad? Wat staat er op de agenda? En wat werd er beslist? Je leest het hier.",
        "Volg de raad zoals jij wil: met een feed per thema, of met de vergaderingen in je eigen kalender.",
    ),
    "en": (
        "City council",
        "When does the council meet? What is on the agenda? And what was decided? You can read it here.",
        "Follow the council your way: with a feed per topic, or with the meetings in your own calendar.",
    ),
    "ar": (
        "المجلس البلدي",
        "متى يجتمع المجلس؟ ماذا على جدول الأعمال؟ وماذا تقرر؟ تقرأ ذلك هنا.",
        "تابع المجلس كما تريد: بخلاصة لكل موضوع، أو بالاجتماعات في تقويمك الخاص.",
    ),
}
DECISIONS = {
    "nl": {
        "goedgekeurd": "De gemeenteraad keurt het voorstel goed.",
        "verworpen": "De gemeenteraad verwerpt het voorstel.",
        "kennisgenomen": "De gemeenteraad neemt kennis van het verslag.",
        "uitgesteld": "De gemeenteraad stelt de beslissing uit.",
    },
    "en": {
        "goedgekeurd": "The city council approves the proposal.",
        "verworpen": "The city council rejects the proposal.",
        "kennisgenomen": "The city council takes note of the report.",
        "uitgesteld": "The city council postpones the decision.",
    },
    "ar": {
        "goedgekeurd": "يوافق المجلس البلدي على الاقتراح.",
        "verworpen": "يرفض المجلس البلدي الاقتراح.",
        "kennisgenomen": "يحيط المجلس البلدي علمًا بالتقرير.",
        "uitgesteld": "يؤجل المجلس البلدي القرار.",
    },
}


def _read(name: str) -> dict:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


@transaction.atomic
def load(stdout) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        stdout.write("Gemeenteraad: no home page, nothing to do.")
        return
    council = _read("council.toml")
    people, bodies = _load_council(council, nl, locales)
    index = _load_index(home, locales)
    _link_policy_notes(bodies)
    themes = {t.slug: t for t in Theme.objects.filter(locale=nl)}
    wijken = {w.slug: w for w in Wijk.objects.filter(locale=nl)}
    created = 0
    for spec in _read("meetings.toml")["meeting"]:
        if MeetingPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        _load_meeting(index, spec, bodies, people, themes, wijken, locales)
        created += 1
    from .proposals import demo as proposals_demo

    proposals_demo.load(home, locales, stdout)
    stdout.write(
        f"Gemeenteraad: {CouncilBody.objects.filter(locale=nl).count()} bodies, "
        f"{Person.objects.count()} people, {created} new meetings "
        f"({AgendaItem.objects.filter(locale=nl).count()} agenda items in Dutch)."
    )


def _load_council(data, nl, locales):
    parties = {}
    for spec in data["party"]:
        party = Party.objects.filter(name=spec["name"]).first() or Party.objects.create(
            name=spec["name"], short_name=spec["short"]
        )
        parties[spec["key"]] = party
    people = []
    for given, family, party_key in data["people"]:
        person = Person.objects.filter(given_name=given, family_name=family).first()
        if person is None:
            person = Person.objects.create(given_name=given, family_name=family)
        person.demo_party = parties.get(party_key)
        people.append(person)
    bodies = {}
    for spec in data["body"]:
        name, description = spec["nl"]
        body = CouncilBody.objects.filter(slug=spec["slug"], locale=nl).first()
        if body is None:
            body = CouncilBody.objects.create(
                slug=spec["slug"],
                name=name,
                kind=spec["kind"],
                description=description,
                sort_order=spec["order"],
                locale=nl,
            )
            body.themes.set(Theme.objects.filter(locale=nl, slug__in=spec["themes"]))
            body.save()
            for member in spec["members"]:
                person = people[member[0]]
                role = member[1]
                Mandate.objects.create(
                    person=person,
                    body=body,
                    role=role,
                    party=None if role == Role.SECRETARY else person.demo_party,
                    portfolio=member[2] if len(member) > 2 else "",
                    start=TERM_START,
                )
        for code in ("en", "ar"):
            if code in locales and code in spec and not body.has_translation(locales[code]):
                copy = body.copy_for_translation(locales[code])
                copy.name, copy.description = spec[code]
                copy.save()
        bodies[spec["slug"]] = body
    return people, bodies


def _link_policy_notes(bodies) -> None:
    """The demo policy note was discussed in the participation commission."""
    from home.models import PolicyNotePage

    PolicyNotePage.objects.filter(commission__isnull=True).update(
        commission=bodies["commissie-onderwijs-welzijn-participatie"]
    )


def _load_index(home, locales):
    index = MeetingIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro, follow = INDEX["nl"]
        index = home.add_child(
            instance=MeetingIndexPage(
                title=title,
                slug="gemeenteraad",
                intro=intro,
                follow_intro=follow,
                listing_summary=intro,
                show_in_menus=True,
            )
        )
        publish(index)
        for code, (title, intro, follow) in INDEX.items():
            if code != "nl" and code in locales:
                translate_page(
                    index,
                    locales[code],
                    title=title,
                    intro=intro,
                    follow_intro=follow,
                    listing_summary=intro,
                )
    return index


def _load_meeting(index, spec, bodies, people, themes, wijken, locales):
    body = bodies[spec["body"]]
    day = timezone.localdate() + datetime.timedelta(days=spec["days"])
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(spec["hour"])))
    end = start + datetime.timedelta(hours=spec["hours"])
    held = spec["status"] in ("gehouden", "notulen")
    place, room, street, postcode = spec["place"]
    title, intro = spec["nl"]
    meeting = MeetingPage(
        title=title,
        slug=spec["slug"],
        body=body,
        intro=intro,
        listing_summary=intro,
        start=start,
        end=end,
        actual_start=start + datetime.timedelta(minutes=5) if held else None,
        actual_end=end - datetime.timedelta(minutes=20) if held else None,
        status=spec["status"],
        status_note=spec.get("status_note", ""),
        agenda_published_at=min(start - datetime.timedelta(days=10), timezone.now()),
        on_location=spec.get("on_location", False),
        location_name=place,
        room=room,
        street_address=street,
        postal_code=postcode,
        locality="Gent",
        accessibility=spec["accessibility"],
        livestream_url=spec["livestream"],
    )
    mandates = list(Mandate.objects.filter(body=body).select_related("person").order_by("pk"))
    voters = [m for m in mandates if m.has_vote]
    if held:
        absent = {people[i].pk for i in spec.get("absent", [])}
        excused = {people[i].pk for i in spec.get("excused", [])}
        for mandate in mandates:
            presence = (
                Attendance.ABSENT
                if mandate.person_id in absent
                else Attendance.EXCUSED
                if mandate.person_id in excused
                else Attendance.PRESENT
            )
            meeting.attendance.add(MeetingAttendance(mandate=mandate, presence=presence))
    present_voters = [
        m
        for m in voters
        if m.person_id not in {people[i].pk for i in spec.get("absent", [])}
        and m.person_id not in {people[i].pk for i in spec.get("excused", [])}
    ]
    for number, item_spec in enumerate(spec["items"], 1):
        item_title, summary = item_spec["nl"]
        item = AgendaItem(
            number=str(number),
            title=item_title,
            summary=summary,
            item_type=item_spec["type"],
            locale=meeting.locale if meeting.locale_id else index.locale,
        )
        if "key" in item_spec:  # a fixed address, for the browser checks
            item.key = item_spec["key"]
        item.themes = [themes[slug] for slug in item_spec["themes"]]
        item.wijken = [wijken[slug] for slug in item_spec["wijken"]]
        if held and item_spec["outcome"]:
            item.outcome = item_spec["outcome"]
            item.decision = DECISIONS["nl"].get(item.outcome, "")
            _add_vote(item, item_spec, present_voters)
        meeting.agenda_items.add(item)
    index.add_child(instance=meeting)
    publish(meeting)
    for code in ("en", "ar"):
        if code in spec and code in locales:
            _translate_meeting(meeting, spec, locales[code], code)
    return meeting


def _add_vote(item, spec, voters) -> None:
    vote = spec["vote"]
    if vote == "naam":
        item.vote_kind = VoteKind.ROLL_CALL
        # Invented votes: the last two voters vote against, one abstains, the rest for.
        for position, mandate in enumerate(voters):
            choice = (
                VoteChoice.AGAINST
                if position >= len(voters) - 2
                else VoteChoice.ABSTAIN
                if position == len(voters) - 3
                else VoteChoice.FOR
            )
            item.votes.add(RollCallVote(mandate=mandate, choice=choice))
        tally = (len(voters) - 3, 2, 1)
    elif vote == "geheim":
        item.vote_kind = VoteKind.SECRET
        tally = tuple(spec["counts"])
    elif vote:
        item.vote_kind = VoteKind.OPEN
        tally = tuple(vote)
    else:
        return
    item.votes_for, item.votes_against, item.votes_abstain = tally


def _translate_meeting(meeting, spec, locale, code) -> None:
    title, intro = spec[code]
    copy = meeting.get_translation_or_none(locale)
    if copy is not None:
        return
    copy = meeting.copy_for_translation(locale, copy_parents=True)
    copy.title, copy.intro, copy.listing_summary = title, intro, intro
    copy.accessibility = ""
    copy.save()
    specs = {str(number): item_spec for number, item_spec in enumerate(spec["items"], 1)}
    for item in AgendaItem.objects.filter(meeting=copy):
        item.locale = locale
        item_spec = specs.get(item.number, {})
        if code in item_spec:
            item.title, item.summary = item_spec[code]
        if item.outcome:
            item.decision = DECISIONS[code].get(item.outcome, "")
        item.save()
    publish(copy)
