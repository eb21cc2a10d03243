"""Demo advice register: the councils, their advice and the city's answers, from data files.

``demo_data/register.toml`` holds the register and the councils, ``demo_data/advice.toml``
the advice; dates there are days relative to today, so what is overdue stays overdue.
Idempotent: every page is looked up by its slug first and only created when missing. The
register replaces the placeholder content page "Adviesraden" in the main menu.

Each advice's steps are recorded with the dates they happened (not the day the demo is
loaded), then the page is published: the timeline already matches, so publishing adds nothing.
"""

import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import HomePage
from site_app import timeline
from site_app.demo_tools import add_in_place_of, demo_account, publish, translate_page
from site_app.models import Theme, Wijk

from .history import planned_steps, timeline_changes
from .models import AdviceIndexPage, AdvicePage, AdviceStep, AdvisoryCouncilPage
from .permissions import CITY_GROUP, ensure_city_group, ensure_council_group

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
TRANSLATED = ("en", "ar")


def _read(name: str) -> dict:
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def _day(offset, today: date):
    return None if offset is None else today + timedelta(days=offset)


def _moment(day: date) -> datetime:
    """A step recorded at ten in the morning of its day (never in the future)."""
    return min(timezone.make_aware(datetime.combine(day, time(10))), timezone.now())


def _paragraphs(sentences) -> list:
    return [{"type": "paragraph", "value": f"<p>{sentence}</p>"} for sentence in sentences]


def _rich(sentences) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


@transaction.atomic
def load(stdout) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl = locales.get(settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=nl).first() if nl else None
    if home is None:
        stdout.write("Advice: no home page, nothing to do.")
        return
    data = _read("register.toml")
    register = _register(home, data["register"], locales)
    councils = {item["slug"]: _council(register, item, locales) for item in data["council"]}
    city = ensure_city_group(register)
    demo_account(
        "stadsbestuur",
        role=f"{CITY_GROUP}: writes the city's response to every advice",
        groups=(city.name,),
    )
    for slug, council in councils.items():
        group = ensure_council_group(council)
        demo_account(
            slug,
            role=f"{group.name}: creates and edits this council's advice only",
            groups=(group.name,),
        )

    today = timezone.localdate()
    created = 0
    for item in _read("advice.toml")["advice"]:
        created += _advice(councils[item["council"]], item, locales, today)
    linked = _link_policy_note_feedback(nl)
    stdout.write(
        f"Advice: {len(councils)} councils, {AdvicePage.objects.filter(locale=nl).count()} "
        f"advice ({created} new), {AdviceStep.objects.count()} timeline steps; "
        f"{linked} policy-note feedback items newly linked to their advice."
    )


def _register(home, data: dict, locales) -> AdviceIndexPage:
    register = AdviceIndexPage.objects.child_of(home).first()
    if register is None:
        text = data["nl"]
        register = AdviceIndexPage(
            title=text["title"],
            slug=data["slug"],
            intro=text["intro"],
            listing_summary=text["intro"],
            body=_paragraphs(text["body"]),
            response_days=data["response_days"],
            show_in_menus=True,
        )
        register = add_in_place_of(home, register)
        publish(register)
    for code in TRANSLATED:
        if code in locales and code in data:
            text = data[code]
            translate_page(
                register,
                locales[code],
                title=text["title"],
                intro=text["intro"],
                listing_summary=text["intro"],
                body=_paragraphs(text["body"]),
            )
    return register


def _council(register, data: dict, locales) -> AdvisoryCouncilPage:
    council = AdvisoryCouncilPage.objects.child_of(register).filter(slug=data["slug"]).first()
    if council is None:
        text = data["nl"]
        council = register.add_child(
            instance=AdvisoryCouncilPage(
                title=text["title"],
                slug=data["slug"],
                abbreviation=data["abbreviation"],
                council_kind=data["kind"],
                remit=text["remit"],
                listing_summary=text["remit"][:300],
                secretariat=data["secretariat"],
                email=data["email"],
                phone=data["phone"],
                address=data["address"],
                meeting_rhythm=text["meeting_rhythm"],
            )
        )
        publish(council)
    for code in TRANSLATED:
        if code in locales and code in data:
            text = data[code]
            translate_page(
                council,
                locales[code],
                title=text["title"],
                remit=text["remit"],
                listing_summary=text["remit"][:300],
                meeting_rhythm=text["meeting_rhythm"],
            )
    return council


def _advice(council, item: dict, locales, today: date) -> int:
    """Create one advice with its history (when missing) and its translations."""
    page = AdvicePage.objects.child_of(council).filter(slug=item["slug"]).first()
    created = 0
    if page is None:
        page = _create_advice(council, item, locales, today)
        created = 1
    for code in TRANSLATED:
        if code in locales and code in item:
            _translate_advice(page, item, locales[code], today)
    return created


def _fields(item: dict, text: dict, today: date) -> dict:
    days = {
        name: _day(item.get(name), today)
        for name in (
            "requested_on",
            "advice_deadline",
            "preparation_started_on",
            "delivered_on",
            "response_due",
            "response_on",
            "decision_due",
        )
    }
    return {
        **days,
        "kind": item["kind"],
        "outcome": item.get("outcome", ""),
        "requested_by": text.get("requested_by", ""),
        "subject": text.get("subject", ""),
        "procedure": text.get("procedure", ""),
        "advice_summary": text.get("summary", ""),
        "body": _paragraphs(text.get("body", [])),
        "response_by": text.get("response_by", ""),
        "response_summary": text.get("response_summary", ""),
        "response": _rich(text.get("response", [])),
        "outcome_reason": text.get("outcome_reason", ""),
    }


def _create_advice(council, item: dict, locales, today: date) -> AdvicePage:
    nl = locales[settings.LANGUAGE_CODE]
    text = item["nl"]
    fields = _fields(item, text, today)
    concerns = None
    if item.get("concerns"):
        concerns = Page.objects.filter(slug=item["concerns"], locale=nl).first()
    page = council.add_child(
        instance=AdvicePage(
            title=text["title"],
            slug=item["slug"],
            listing_summary=text.get("summary", "")[:300],
            concerns_page=concerns,
            **fields,
        )
    )
    page.themes.set(Theme.objects.filter(locale=nl, slug__in=item.get("themes", [])))
    page.wijken.set(Wijk.objects.filter(locale=nl, slug__in=item.get("wijken", [])))
    _record_history(page, council, item, fields, today)
    publish(page)
    _backdate(page, fields, today)
    return page


def _record_history(page, council, item: dict, fields: dict, today: date) -> None:
    """The steps as they happened: first the explicit history, then what the fields say."""
    rows = []
    for step in item.get("history", []):
        rows += timeline.record(
            AdviceStep,
            history=rows,
            steps=[
                (
                    {
                        "advice": page,
                        "status": step["status"],
                        "date": _day(step["date"], today),
                        "due": _day(step.get("due"), today),
                        "actor": step.get("actor", ""),
                        "note": step.get("note", ""),
                        "recorded_at": _moment(_day(step["recorded"], today)),
                    },
                    None,
                )
            ],
        )
    days = council.get_parent().specific.response_days
    changes = timeline_changes(rows, fields, council.title, days)
    steps = []
    for step_fields, corrects in changes:
        recorded = step_fields["date"]
        if corrects is not None and item.get("correction_recorded") is not None:
            recorded = _day(item["correction_recorded"], today)
        steps.append(({**step_fields, "advice": page, "recorded_at": _moment(recorded)}, corrects))
    timeline.record(AdviceStep, history=rows, steps=steps)
    recorded = timeline.Timeline(page.timeline_rows(), AdviceStep.flow).steps
    if len(recorded) != len(planned_steps(fields, council.title, days)) + _answers_before(item):
        raise ValueError(f"demo advice {item['slug']}: its history and its fields disagree")


def _answers_before(item: dict) -> int:
    """Earlier answers in the explicit history (e.g. "still under consideration")."""
    answers = {value for value, _label in timeline.OUTCOMES}
    return sum(1 for step in item.get("history", []) if step["status"] in answers)


def _backdate(page, fields: dict, today: date) -> None:
    """Publication dates as if the advice was published when it was given (or asked)."""
    first = fields["delivered_on"] or fields["requested_on"] or fields["preparation_started_on"]
    last = max(filter(None, [first, fields["response_on"]]), default=None)
    if first is None:
        return
    AdvicePage.objects.filter(translation_key=page.translation_key).update(
        first_published_at=_moment(first), last_published_at=_moment(last)
    )


def _translate_advice(page, item: dict, locale, today: date) -> None:
    text = {**item["nl"], **item[locale.language_code]}
    fields = _fields(item, text, today)
    fields.pop("kind")
    translation = translate_page(
        page, locale, title=text["title"], listing_summary=text.get("summary", "")[:300], **fields
    )
    _backdate(translation, _fields(item, text, today), today)


# The policy note's "what you told us" items that came from a council's advice on the note:
# the start of the item's source (Dutch) -> the slug of that advice.
FEEDBACK_ADVICE = {
    "Jeugdraad": "beleidsnota-participatie-jeugdraad",
    "Ad Rem": "tijd-en-opvolging-van-adviezen",
    "SAPH": "beleidsnota-participatie-saph",
}


def _link_policy_note_feedback(nl) -> int:
    """Link the note's feedback items to the advice they came from, in every language (the
    translations list the same items in the same order). Only items without a link change."""
    from home.models import PolicyNotePage

    source = PolicyNotePage.objects.filter(locale=nl).first()
    if source is None:
        return 0
    advice = {
        page.slug: page.pk
        for page in AdvicePage.objects.filter(locale=nl, slug__in=FEEDBACK_ADVICE.values())
    }
    wanted = {}
    for position, item in enumerate(source.feedback.raw_data):
        for prefix, slug in FEEDBACK_ADVICE.items():
            if item["value"].get("source", "").startswith(prefix) and slug in advice:
                wanted[position] = advice[slug]
    linked = 0
    for note in PolicyNotePage.objects.filter(translation_key=source.translation_key):
        items = list(note.feedback.raw_data)
        changed = False
        for position, advice_pk in wanted.items():
            if position < len(items) and not items[position]["value"].get("page"):
                items[position] = {
                    **items[position],
                    "value": {**items[position]["value"], "page": advice_pk},
                }
                changed = True
                linked += 1
        if changed:
            note.feedback = items
            publish(note)
    return linked
