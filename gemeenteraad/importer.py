"""Import an OParl export: bodies (organizations), people, memberships, meetings with their
agenda items, and papers (their files become the items' documents).

Idempotent by OParl id: an object seen before is updated, or left alone when nothing
changed. Each meeting is saved in one transaction with its agenda, so a broken meeting is
reported and skipped as a whole, never left half imported. Input: one JSON file, or a folder
of them; each file holds one OParl object, a list of objects, or an OParl list page
(``{"data": [...]}``). Extension properties of this site's own export (``samenstadmaken:``)
are read back, so export and import are lossless.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from wagtail.models import Locale

from site_app.models import Theme, Wijk

from .models import (
    AgendaItem,
    AgendaItemDocument,
    Attendance,
    BodyKind,
    CouncilBody,
    Mandate,
    MeetingAttendance,
    MeetingIndexPage,
    MeetingPage,
    MeetingStatus,
    Party,
    Person,
    Role,
    RollCallVote,
)
from .models.meetings import ItemType, Outcome, VoteChoice, VoteKind
from .oparl import EXT, SCHEMA

ORDER = ["Organization", "Person", "Membership", "Meeting", "Paper"]


class ImportProblem(Exception):
    """What is wrong with one object, in words an editor understands."""


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: str) -> None:
        self.counts[outcome] += 1

    def fail(self, ident: str, reason: str) -> None:
        self.counts["failed"] += 1
        self.failures.append((ident, reason))

    def summary(self) -> str:
        return ", ".join(
            f"{self.counts[name]} {name}" for name in ("created", "updated", "unchanged", "failed")
        )


def read_objects(source: Path) -> tuple[list[dict], list[tuple[str, str]]]:
    """Every OParl object in a file or folder; unreadable files are reported, not raised."""
    files = sorted(source.rglob("*.json")) if source.is_dir() else [source]
    objects, problems = [], []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append((str(path), f"cannot be read: {exc}"))
            continue
        except json.JSONDecodeError as exc:
            problems.append((str(path), f"is not valid JSON (line {exc.lineno}): {exc.msg}"))
            continue
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            data = data["data"]
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict) or not isinstance(obj.get("type"), str):
                problems.append((str(path), "holds something that is not an OParl object"))
                continue
            objects.append(obj)
    return objects, problems


def kind_of(obj: dict) -> str:
    return obj["type"].removeprefix(SCHEMA).removeprefix("https://schema.oparl.org/1.0/")


def _required(obj: dict, name: str):
    value = obj.get(name)
    if value in (None, ""):
        raise ImportProblem(f"'{name}' is missing")
    return value


def _datetime(obj: dict, name: str, required: bool = False):
    value = obj.get(name)
    if value in (None, ""):
        if required:
            raise ImportProblem(f"'{name}' is missing")
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise ImportProblem(f"'{name}' is not a date-time with a time zone: {value!r}")
    return parsed


def _date(obj: dict, name: str):
    value = obj.get(name)
    if value in (None, ""):
        return None
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise ImportProblem(f"'{name}' is not a date: {value!r}")
    return parsed


def _choice(value, choices, default):
    return value if value in choices.values else default


class Importer:
    def __init__(self, stdout=None, progress=None):
        self.report = Report()
        self.locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.progress = progress or (lambda done, total: None)
        self.bodies: dict[str, CouncilBody] = {}
        self.parties: dict[str, Party] = {}
        self.people: dict[str, Person] = {}
        self.mandates: dict[str, Mandate] = {}
        self.items: dict[str, AgendaItem] = {}
        self.themes = {t.slug: t for t in Theme.objects.filter(locale=self.locale)}
        self.wijken = {w.slug: w for w in Wijk.objects.filter(locale=self.locale)}

    # --- driver ---------------------------------------------------------------------

    def run(self, objects: list[dict]) -> Report:
        objects = sorted(
            objects, key=lambda o: ORDER.index(kind_of(o)) if kind_of(o) in ORDER else 99
        )
        index = (
            MeetingIndexPage.objects.filter(locale=self.locale).first()
            if any(kind_of(o) == "Meeting" for o in objects)
            else None
        )
        for done, obj in enumerate(objects, 1):
            ident = str(obj.get("id") or f"#{done}")
            kind = kind_of(obj)
            handler = getattr(self, f"import_{kind.lower()}", None)
            try:
                if handler is None:
                    self.report.add("skipped")
                    continue
                if not isinstance(obj.get("id"), str) or not obj["id"]:
                    raise ImportProblem("'id' is missing")
                if obj.get("deleted") is True:
                    self.report.add("skipped")
                    continue
                if kind == "Meeting":
                    if index is None:
                        raise ImportProblem(
                            "there is no meeting overview page (MeetingIndexPage) to put it in"
                        )
                    with transaction.atomic():
                        outcome = handler(obj, index)
                else:
                    with transaction.atomic():
                        outcome = handler(obj)
                self.report.add(outcome)
            except ImportProblem as problem:
                self.report.fail(ident, f"{kind}: {problem}")
            except (TypeError, ValueError, AttributeError, KeyError) as exc:
                self.report.fail(
                    ident, f"{kind}: unexpected data ({exc.__class__.__name__}: {exc})"
                )
            self.progress(done, len(objects))
        return self.report

    @staticmethod
    def _save(instance, values: dict) -> str:
        created = instance.pk is None
        changed = created or any(getattr(instance, k) != v for k, v in values.items())
        for name, value in values.items():
            setattr(instance, name, value)
        if changed:
            instance.full_clean(validate_unique=False, validate_constraints=False)
            instance.save()
        return "created" if created else ("updated" if changed else "unchanged")

    # --- organizations, people, memberships -----------------------------------------

    def import_organization(self, obj) -> str:
        name = _required(obj, "name")
        kind = obj.get(EXT + "kind")
        if kind == "fractie" or obj.get("organizationType") == "Fraktion":
            party = Party.objects.filter(oparl_id=obj["id"]).first() or Party(oparl_id=obj["id"])
            outcome = self._save(party, {"name": name, "short_name": obj.get("shortName", "")})
            self.parties[obj["id"]] = party
            return outcome
        body = CouncilBody.objects.filter(oparl_id=obj["id"], locale=self.locale).first()
        if body is None:
            body = CouncilBody(oparl_id=obj["id"], locale=self.locale)
        slug = obj.get(EXT + "slug") or slugify(obj.get("shortName") or name)[:80]
        values = {
            "name": name,
            "short_name": obj.get("shortName", ""),
            "slug": body.slug or slug,
            "kind": _choice(kind, BodyKind, BodyKind.COMMISSION),
            "description": obj.get(EXT + "description", body.description if body.pk else ""),
        }
        if body.pk is None and CouncilBody.objects.filter(slug=slug, locale=self.locale).exists():
            raise ImportProblem(f"another body already has the slug '{slug}'")
        outcome = self._save(body, values)
        themes = self._terms(obj.get("keyword"), "thema", self.themes)
        if themes is not None and set(body.themes.all()) != set(themes):
            body.themes.set(themes)
            body.save()
            outcome = "updated" if outcome == "unchanged" else outcome
        self.bodies[obj["id"]] = body
        return outcome

    def import_person(self, obj) -> str:
        person = Person.objects.filter(oparl_id=obj["id"]).first() or Person(oparl_id=obj["id"])
        given, family = obj.get("givenName"), obj.get("familyName")
        if not (given or family):
            given, _, family = _required(obj, "name").rpartition(" ")
        outcome = self._save(person, {"given_name": given or "", "family_name": family or ""})
        self.people[obj["id"]] = person
        for membership in obj.get("membership") or []:
            if isinstance(membership, dict) and membership.get("id"):
                self.import_membership({**membership, "person": obj["id"]}, nested=True)
        return outcome

    def _lookup(self, cache, model, ident, what):
        if ident in cache:
            return cache[ident]
        found = model.objects.filter(oparl_id=ident).first() if ident else None
        if found is None:
            raise ImportProblem(f"refers to an unknown {what}: {ident!r}")
        cache[ident] = found
        return found

    def import_membership(self, obj, nested=False) -> str:
        person = self._lookup(self.people, Person, obj.get("person"), "person")
        body = self._lookup(self.bodies, CouncilBody, obj.get("organization"), "organization")
        party_id = obj.get("onBehalfOf")
        party = self._lookup(self.parties, Party, party_id, "party") if party_id else None
        role = obj.get(EXT + "role") or self._role(obj.get("role"))
        mandate = Mandate.objects.filter(oparl_id=obj["id"]).first() or Mandate(oparl_id=obj["id"])
        outcome = self._save(
            mandate,
            {
                "person": person,
                "body": body,
                "party": party,
                "role": _choice(role, Role, Role.MEMBER),
                "portfolio": obj.get(EXT + "portfolio", ""),
                "start": _date(obj, "startDate") or datetime.date(2025, 1, 1),
                "end": _date(obj, "endDate"),
            },
        )
        self.mandates[obj["id"]] = mandate
        if nested:
            self.report.add(outcome)
        return outcome

    @staticmethod
    def _role(label) -> str:
        label = (label or "").strip().lower()
        for value, name in Role.choices:
            if label in (value, str(name).lower()):
                return value
        return Role.MEMBER

    def _terms(self, keywords, prefix, known):
        if keywords is None:
            return None
        slugs = [
            k.split(":", 1)[1]
            for k in keywords
            if isinstance(k, str) and k.startswith(prefix + ":")
        ]
        return [known[slug] for slug in slugs if slug in known]

    # --- meetings and agenda items --------------------------------------------------

    def import_meeting(self, obj, index) -> str:
        start = _datetime(obj, "start", required=True)
        end = _datetime(obj, "end")
        body_ids = obj.get("organization") or []
        if not body_ids:
            raise ImportProblem("'organization' is missing (which body meets?)")
        body = self._lookup(self.bodies, CouncilBody, body_ids[0], "organization")
        meeting = MeetingPage.objects.filter(oparl_id=obj["id"], locale=self.locale).first()
        created = meeting is None
        status = obj.get(EXT + "status") or self._status(obj)
        location = obj.get("location") or {}
        title = obj.get("name") or f"{body.name} {start.date().isoformat()}"
        values = {
            "title": title,
            "body": body,
            "start": start,
            "end": end,
            "status": _choice(status, MeetingStatus, MeetingStatus.AGENDA),
            "location_name": location.get("description", ""),
            "room": location.get("room", ""),
            "street_address": location.get("streetAddress", ""),
            "postal_code": location.get("postalCode", ""),
            "locality": location.get("locality", "Gent"),
            "intro": obj.get(EXT + "intro", ""),
            "is_public": obj.get(EXT + "isPublic", True),
            "on_location": obj.get(EXT + "onLocation", False),
            "accessibility": obj.get(EXT + "accessibility", ""),
            "livestream_url": obj.get(EXT + "livestream", ""),
        }
        published = _datetime(obj, EXT + "agendaPublished")
        if published:
            values["agenda_published_at"] = published
        items = [self._item_values(item) for item in obj.get("agendaItem") or []]
        attendance = self._attendance(obj)
        if created:
            slug = obj.get(EXT + "slug") or slugify(f"{body.slug}-{start.date().isoformat()}")
            if MeetingPage.objects.child_of(index).filter(slug=slug).exists():
                slug = f"{slug}-{MeetingPage.objects.count() + 1}"
            meeting = MeetingPage(slug=slug, oparl_id=obj["id"], locale=self.locale, **values)
            self._set_children(meeting, items, attendance)
            index.add_child(instance=meeting)
            self._publish(meeting, items)
            return "created"
        current = self._snapshot(meeting)
        for name, value in values.items():
            setattr(meeting, name, value)
        self._set_children(meeting, items, attendance)
        if self._snapshot(meeting) == current:
            return "unchanged"
        meeting.full_clean(exclude=["path", "depth", "url_path"])
        self._publish(meeting, items)
        return "updated"

    @staticmethod
    def _status(obj) -> str:
        if obj.get("cancelled"):
            return MeetingStatus.CANCELLED
        start = _datetime(obj, "start", required=True)
        return (
            MeetingStatus.HELD
            if start < datetime.datetime.now(datetime.UTC)
            else MeetingStatus.AGENDA
        )

    def _attendance(self, obj) -> list[tuple[Mandate, str]]:
        rows = []
        for row in obj.get(EXT + "attendance") or []:
            mandate = self._lookup(self.mandates, Mandate, row.get("membership"), "membership")
            rows.append((mandate, _choice(row.get("presence"), Attendance, Attendance.PRESENT)))
        return rows

    def _item_values(self, item) -> dict:
        if not isinstance(item, dict):
            raise ImportProblem("an agenda item is not an object")
        vote = item.get(EXT + "vote") or {}
        votes = [
            (
                self._lookup(self.mandates, Mandate, row.get("membership"), "membership"),
                _choice(row.get("choice"), VoteChoice, VoteChoice.FOR),
            )
            for row in vote.get("byName") or []
        ]
        files = [
            {
                "title": f.get("name") or f.get("fileName") or "Document",
                "url": f.get("accessUrl") or "",
                "mime_type": f.get("mimeType", ""),
                "oparl_id": f.get("id", ""),
            }
            for f in item.get("auxiliaryFile") or []
            if isinstance(f, dict) and f.get("accessUrl")
        ]
        return {
            "oparl_id": _required(item, "id"),
            "key": item.get(EXT + "key"),
            "number": str(item.get("number") or item.get("order") or ""),
            "order": item.get("order") or 0,
            "title": _required(item, "name"),
            "summary": item.get(EXT + "summary", ""),
            "item_type": _choice(item.get(EXT + "itemType"), ItemType, ItemType.DECISION),
            "is_public": item.get("public", True) is not False,
            "outcome": _choice(item.get(EXT + "outcome"), Outcome, ""),
            "decision": item.get("resolutionText", ""),
            "motivation": item.get(EXT + "motivation", ""),
            "vote_kind": _choice(vote.get("kind"), VoteKind, ""),
            "votes_for": vote.get("for"),
            "votes_against": vote.get("against"),
            "votes_abstain": vote.get("abstain"),
            "themes": self._terms(item.get("keyword") or [], "thema", self.themes),
            "wijken": self._terms(item.get("keyword") or [], "wijk", self.wijken),
            "votes": votes,
            "files": files,
        }

    FIELDS = (
        "number",
        "title",
        "summary",
        "item_type",
        "is_public",
        "outcome",
        "decision",
        "motivation",
        "vote_kind",
        "votes_for",
        "votes_against",
        "votes_abstain",
    )

    def _set_children(self, meeting, items, attendance) -> None:
        """Replace the meeting's agenda (keeping rows, and so their pk and key, by OParl id)."""
        existing = {item.oparl_id: item for item in meeting.agenda_items.all() if item.oparl_id}
        rows = []
        for order, values in enumerate(sorted(items, key=lambda v: v["order"])):
            item = existing.get(values["oparl_id"]) or AgendaItem(
                oparl_id=values["oparl_id"], locale=self.locale
            )
            if values["key"] and not item.pk:
                item.key = values["key"]
            for name in self.FIELDS:
                setattr(item, name, values[name])
            item.sort_order = order
            item.themes = values["themes"]
            item.wijken = values["wijken"]
            item.votes = [RollCallVote(mandate=m, choice=c) for m, c in values["votes"]]
            old_docs = {d.oparl_id: d for d in item.documents.all()} if item.pk else {}
            docs = []
            for doc in values["files"]:
                row = old_docs.pop(doc["oparl_id"], None) or AgendaItemDocument(
                    oparl_id=doc["oparl_id"]
                )
                row.title, row.url, row.mime_type = doc["title"], doc["url"], doc["mime_type"]
                docs.append(row)
            # Documents that came with a Paper (not listed on the item itself) stay.
            item.documents = docs + list(old_docs.values())
            rows.append(item)
        meeting.agenda_items = rows
        meeting.attendance = [
            MeetingAttendance(mandate=mandate, presence=presence)
            for mandate, presence in attendance
        ]

    def _snapshot(self, meeting) -> tuple:
        """What the import can change, to tell 'unchanged' from 'updated'."""
        fields = (
            "title", "start", "end", "status", "location_name", "room", "street_address",
            "postal_code", "locality", "intro", "is_public", "on_location", "accessibility",
            "livestream_url",
        )  # fmt: skip
        items = tuple(
            (
                item.oparl_id,
                *(getattr(item, name) for name in self.FIELDS),
                tuple(sorted(t.pk for t in item.themes.all())),
                tuple(sorted(w.pk for w in item.wijken.all())),
                tuple((v.mandate_id, v.choice) for v in item.votes.all()),
                tuple((d.oparl_id, d.title, d.url) for d in item.documents.all()),
            )
            for item in meeting.agenda_items.all()
        )
        attendance = tuple((a.mandate_id, a.presence) for a in meeting.attendance.all())
        return (tuple(getattr(meeting, name) for name in fields), items, attendance)

    def _publish(self, meeting, items) -> None:
        meeting.save_revision().publish()
        for item in meeting.agenda_items.all():
            if item.oparl_id:
                self.items[item.oparl_id] = item

    # --- papers ---------------------------------------------------------------------

    def import_paper(self, obj) -> str:
        """A paper's files become documents of the agenda items it is consulted in."""
        files = [f for f in [obj.get("mainFile"), *(obj.get("auxiliaryFile") or [])] if f]
        outcome = "unchanged"
        for consultation in obj.get("consultation") or []:
            item_id = consultation.get("agendaItem") if isinstance(consultation, dict) else None
            item = AgendaItem.objects.filter(oparl_id=item_id, locale=self.locale).first()
            if item is None:
                raise ImportProblem(f"is consulted in an unknown agenda item: {item_id!r}")
            for f in files:
                if not isinstance(f, dict) or not f.get("accessUrl"):
                    raise ImportProblem("a file has no 'accessUrl'")
                row = item.documents.filter(oparl_id=f.get("id", "")).first()
                if row is None:
                    row = AgendaItemDocument(item=item, oparl_id=f.get("id", ""))
                result = self._save(
                    row,
                    {
                        "title": f.get("name") or obj.get("name") or "Document",
                        "url": f["accessUrl"],
                        "mime_type": f.get("mimeType", ""),
                    },
                )
                if result != "unchanged":
                    outcome = "updated"
        return outcome
