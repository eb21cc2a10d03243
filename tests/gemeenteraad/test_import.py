"""import_oparl: export then import into an empty database gives the same meetings and items;
importing twice changes nothing; broken files give a clear report."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from gemeenteraad.models import (
    AgendaItem,
    CouncilBody,
    Mandate,
    MeetingPage,
    MeetingStatus,
    Outcome,
    Person,
    RollCallVote,
    VoteChoice,
    VoteKind,
)
from tests.factories.gemeenteraad import MeetingPageFactory
from tests.gemeenteraad import oparl_walk

pytestmark = pytest.mark.django_db
BASE = "http://testserver/oparl/v1.1/"


def export(client, folder):
    """Walk the API and write every object it lists into ``folder`` (one file per list)."""

    def get(url):
        return client.get(url.removeprefix("http://testserver")).json()

    written = 0
    for number, (_url, data) in enumerate(oparl_walk.walk(get, BASE, BASE)):
        if "data" in data:
            (folder / f"list-{number:03}.json").write_text(json.dumps(data))
            written += 1
    return written


def snapshot():
    meetings = []
    for meeting in MeetingPage.objects.order_by("start"):
        items = [
            (
                item.number,
                item.title,
                item.summary,
                item.is_public,
                item.outcome,
                item.decision,
                item.vote_kind,
                item.votes_for,
                sorted(t.slug for t in item.themes.all()),
                sorted(w.slug for w in item.wijken.all()),
                sorted((v.mandate.person.name, v.choice) for v in item.votes.all()),
                item.key,
            )
            for item in meeting.agenda_items.order_by("sort_order")
        ]
        meetings.append(
            (meeting.title, meeting.start, meeting.end, meeting.status, meeting.body.name, items)
        )
    people = sorted(
        (m.person.name, m.body.name, m.role, m.party.name if m.party else None)
        for m in Mandate.objects.all()
    )
    return meetings, people


def build(meeting_index, council):
    held = MeetingPageFactory(
        parent=meeting_index,
        body=council["body"],
        start=timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=30),
        status=MeetingStatus.HELD,
        items=4,
        present=council["members"],
    )
    item = held.agenda_items.first()
    item.outcome, item.decision = Outcome.APPROVED, "Goedgekeurd met ruime meerderheid."
    item.vote_kind = VoteKind.ROLL_CALL
    item.votes.add(RollCallVote(mandate=council["members"][1], choice=VoteChoice.AGAINST))
    item.themes.set([council["wonen"], council["sport"]])
    item.wijken.set([council["ledeberg"]])
    held.save_revision().publish()
    MeetingPageFactory(parent=meeting_index, body=council["body"], items=3)


def test_export_then_import_into_an_empty_database_reproduces_it(
    client, meeting_index, council, tmp_path
):
    build(meeting_index, council)
    before = snapshot()
    assert export(client, tmp_path) > 3
    # Empty the council data (themes, wijken and the index page stay: they are the site).
    for meeting in MeetingPage.objects.all():
        meeting.delete()
    Mandate.objects.all().delete()
    Person.objects.all().delete()
    CouncilBody.objects.all().delete()
    assert not AgendaItem.objects.exists()

    out = StringIO()
    call_command("import_oparl", str(tmp_path), stdout=out, stderr=StringIO())
    assert "0 failed" in out.getvalue()
    after = snapshot()
    for one, two in zip(after[0], before[0], strict=True):
        assert one == two
    assert after == before

    again = StringIO()
    call_command("import_oparl", str(tmp_path), stdout=again, stderr=StringIO())
    assert " 0 created, 0 updated" in again.getvalue().replace("import:", "import: ").replace(
        "  ", " "
    )
    assert "0 failed" in again.getvalue()
    assert snapshot() == before


def test_an_updated_meeting_is_updated_in_place(client, meeting_index, council, tmp_path):
    build(meeting_index, council)
    export(client, tmp_path)
    call_command("import_oparl", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    # Objects with our own ids already exist (matched by OParl id after the first import).
    count = MeetingPage.objects.count()
    call_command("import_oparl", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    assert MeetingPage.objects.count() == count


def test_malformed_files_are_reported_and_nothing_half_saved(meeting_index, council, tmp_path):
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "meeting.json").write_text(
        json.dumps(
            [
                {
                    "id": "https://ris.example/meeting/1",
                    "type": "https://schema.oparl.org/1.1/Meeting",
                    "name": "Kapotte vergadering",
                    "start": "2026-03-02T19:00:00+01:00",
                    "organization": ["https://ris.example/organization/unknown"],
                    "agendaItem": [{"id": "https://ris.example/ai/1", "name": "Punt"}],
                },
                {
                    "id": "https://ris.example/meeting/2",
                    "type": "https://schema.oparl.org/1.1/Meeting",
                    "start": "gisteren",
                    "organization": ["https://ris.example/organization/unknown"],
                },
                {"type": "https://schema.oparl.org/1.1/Person", "name": "Zonder id"},
                "geen object",
            ]
        )
    )
    out, err = StringIO(), StringIO()
    call_command("import_oparl", str(tmp_path), stdout=out, stderr=err)
    report = err.getvalue()
    assert "broken.json is not valid JSON (line 1)" in report
    assert "unknown organization" in report
    assert "not a date-time" in report
    assert "'id' is missing" in report
    assert "not an OParl object" in report
    assert "3 failed" in out.getvalue()
    assert not MeetingPage.objects.exists()
    assert not AgendaItem.objects.exists()


def test_a_missing_source_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_oparl", str(tmp_path / "nope.json"))
