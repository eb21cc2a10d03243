"""The status-timeline mechanism (site_app.timeline): derived status, overdue and days to an
answer, with the edge cases of the issue. Rows are plain objects here; the database rows
(immutable, corrected by a new row) are tested at the end with the advice's step model."""

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from site_app import timeline
from site_app.timeline import ADVICE, AGENDA_ITEM, Status, Timeline

_pks = itertools.count(1)


@dataclass
class Row:
    status: str
    date: date
    due: date | None = None
    note: str = ""
    actor: str = ""
    corrects_id: int | None = None
    pk: int = field(default_factory=lambda: next(_pks))
    recorded_at: datetime | None = None


D = date(2026, 5, 4)  # the advice is delivered on this day; the term ends 60 days later
DUE = D + timedelta(days=60)


def noon(day: date) -> datetime:
    """Noon in Ghent on ``day``, as an aware datetime."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def delivered(due=DUE) -> Row:
    return Row(Status.DELIVERED, D, due=due)


def answered(on: date, status=Status.FOLLOWED, **kwargs) -> Row:
    return Row(status, on, **kwargs)


def test_no_steps_at_all():
    history = Timeline([], ADVICE)
    assert not history
    assert history.status is None and history.current is None
    assert not history.is_overdue(noon(DUE + timedelta(days=400)))
    assert history.answer is None and history.days_to_answer is None
    assert history.answered_in_time is None and history.outcome is None


def test_no_response_yet_is_waiting_then_overdue():
    history = Timeline([Row(Status.REQUESTED, D - timedelta(days=30)), delivered()], ADVICE)
    assert history.status == Status.DELIVERED
    assert history.waiting_since.due == DUE
    assert not history.is_overdue(noon(D + timedelta(days=10)))
    assert not history.is_overdue(noon(DUE)), "the due day itself is still within the term"
    assert history.is_overdue(noon(DUE + timedelta(days=1)))
    assert history.days_overdue(noon(DUE + timedelta(days=5))) == 5
    assert history.answer is None and history.answered_in_time is None


@pytest.mark.parametrize(
    ("answer_day", "in_time", "days"),
    [
        (DUE - timedelta(days=1), True, 59),  # before the deadline day
        (DUE, True, 60),  # on the deadline day
        (DUE + timedelta(days=1), False, 61),  # after the deadline day
    ],
    ids=["before", "on", "after"],
)
def test_response_before_on_and_after_the_deadline_day(answer_day, in_time, days):
    history = Timeline([delivered(), answered(answer_day)], ADVICE)
    assert history.answered_in_time is in_time
    assert history.days_to_answer == days
    assert history.outcome == Status.FOLLOWED
    # Answered, late or not: never "overdue" any more, however late it is now.
    assert not history.is_overdue(noon(DUE + timedelta(days=300)))


def test_overdue_is_computed_in_the_sites_time_zone_not_utc():
    history = Timeline([delivered(due=date(2026, 6, 1))], ADVICE)
    # 23:30 UTC on 1 June is 01:30 on 2 June in Ghent (summer time): the term is over.
    late_evening_utc = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    assert late_evening_utc.date() == date(2026, 6, 1)
    assert history.is_overdue(late_evening_utc)
    with timezone.override("America/New_York"):  # an activated zone does not change it
        assert history.is_overdue(late_evening_utc)
    assert not history.is_overdue(datetime(2026, 6, 1, 21, 59, tzinfo=UTC))


@pytest.mark.parametrize(
    ("due", "last_minute_utc", "midnight_utc"),
    [
        # Clocks go forward on 29 March 2026: the day ends at 22:00 UTC (CEST, +2).
        (
            date(2026, 3, 29),
            datetime(2026, 3, 29, 21, 59, tzinfo=UTC),
            datetime(2026, 3, 29, 22, 0, tzinfo=UTC),
        ),
        # Clocks go back on 25 October 2026: the day ends at 23:00 UTC (CET, +1).
        (
            date(2026, 10, 25),
            datetime(2026, 10, 25, 22, 59, tzinfo=UTC),
            datetime(2026, 10, 25, 23, 0, tzinfo=UTC),
        ),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_deadline_on_a_dst_change(due, last_minute_utc, midnight_utc):
    history = Timeline([Row(Status.DELIVERED, due - timedelta(days=60), due=due)], ADVICE)
    assert not history.is_overdue(last_minute_utc), "23:59 in Ghent on the due day"
    assert history.is_overdue(midnight_utc), "00:00 in Ghent the day after"
    assert timeline.today(last_minute_utc) == due
    assert timeline.today(midnight_utc) == due + timedelta(days=1)


def test_a_corrected_step_is_a_new_row_and_the_old_one_stays_visible():
    wrong = Row(Status.DELIVERED, D - timedelta(days=2), due=DUE - timedelta(days=2))
    right = Row(Status.DELIVERED, D, due=DUE, corrects_id=wrong.pk)
    history = Timeline([wrong, right], ADVICE)
    assert history.steps == [right]
    assert history.rows == [wrong, right], "both rows are kept"
    (item,) = history.items()
    assert item.earlier_versions == (wrong,)
    assert history.due == DUE
    assert not history.is_overdue(noon(DUE))


def test_a_correction_of_a_correction_keeps_the_whole_chain():
    first = Row(Status.FOLLOWED, DUE - timedelta(days=9))
    second = Row(Status.FOLLOWED, DUE - timedelta(days=8), corrects_id=first.pk)
    third = Row(Status.PARTLY_FOLLOWED, DUE - timedelta(days=8), corrects_id=second.pk)
    history = Timeline([delivered(), first, second, third], ADVICE)
    assert [step.status for step in history.steps] == [Status.DELIVERED, Status.PARTLY_FOLLOWED]
    assert history.items()[-1].earlier_versions == (second, first)
    assert history.outcome == Status.PARTLY_FOLLOWED


def test_still_under_consideration_answers_and_may_start_a_new_clock():
    considering = answered(
        D + timedelta(days=20), Status.UNDER_CONSIDERATION, due=D + timedelta(days=50)
    )
    history = Timeline([delivered(), considering], ADVICE)
    assert history.answer is considering and history.answered_in_time is True
    assert history.outcome == Status.UNDER_CONSIDERATION
    assert not history.is_overdue(noon(D + timedelta(days=50)))
    assert history.is_overdue(noon(D + timedelta(days=51))), "the announced decision is late"
    decided = answered(D + timedelta(days=49), Status.FOLLOWED)
    history = Timeline([delivered(), considering, decided], ADVICE)
    assert history.answer is considering, "days to a response count the first answer"
    assert history.outcome == Status.FOLLOWED, "the outcome is the latest answer"
    assert not history.is_overdue(noon(D + timedelta(days=90)))


def test_own_initiative_advice_starts_without_a_request():
    ADVICE.check_sequence([delivered()])
    ADVICE.check_sequence([Row(Status.IN_PREPARATION, D - timedelta(days=9)), delivered()])


@pytest.mark.parametrize(
    ("steps", "code"),
    [
        ([Row(Status.FOLLOWED, D)], "transition"),  # an answer without an advice
        ([delivered(), Row(Status.REQUESTED, D)], "transition"),  # backwards
        ([delivered(), Row(Status.FOLLOWED, D - timedelta(days=1))], "date-order"),
        ([delivered(), Row(Status.NOT_FOLLOWED, D + timedelta(days=3))], "note-required"),
        ([Row(Status.SUBMITTED, D)], "transition"),  # another flow's status
    ],
    ids=["answer-first", "backwards", "answer-before-advice", "no-reason", "other-flow"],
)
def test_the_advice_flow_refuses(steps, code):
    with pytest.raises(ValidationError) as error:
        ADVICE.check_sequence(steps)
    assert error.value.code == code


def test_not_followed_with_a_reason_is_fine():
    ADVICE.check_sequence([delivered(), Row(Status.NOT_FOLLOWED, DUE, note="Er is geen budget.")])


def test_the_agenda_item_flow_uses_the_same_vocabulary_and_rules():
    path = [
        Row(Status.SUBMITTED, D, due=D + timedelta(days=14)),
        Row(Status.CHAIR_ADVICE, D + timedelta(days=10)),
        Row(Status.COLLECTING_SUPPORT, D + timedelta(days=11)),
        Row(Status.ADMISSIBLE, D + timedelta(days=70)),
        Row(Status.SCHEDULED, D + timedelta(days=71), due=D + timedelta(days=90)),
        Row(Status.DISCUSSED, D + timedelta(days=90)),
        Row(Status.DECIDED, D + timedelta(days=90)),
    ]
    AGENDA_ITEM.check_sequence(path)
    history = Timeline(path[:5], AGENDA_ITEM)
    assert history.is_overdue(noon(D + timedelta(days=91))), "not discussed on the meeting day"
    assert not Timeline(path, AGENDA_ITEM).is_overdue(noon(D + timedelta(days=200)))
    with pytest.raises(ValidationError) as error:
        AGENDA_ITEM.check_sequence(
            [path[0], path[1], path[2], Row(Status.NOT_ADMISSIBLE, D + timedelta(days=60))]
        )
    assert error.value.code == "note-required"
    with pytest.raises(ValidationError):
        AGENDA_ITEM.check_sequence([path[0], Row(Status.FOLLOWED, D + timedelta(days=1))])


def test_one_vocabulary_for_every_flow():
    for flow in timeline.FLOWS.values():
        assert set(flow.statuses) <= set(Status)
        assert flow.starts <= set(flow.statuses)
        assert flow.answers <= set(flow.statuses) and flow.clocks <= set(flow.statuses)
        for source, targets in flow.transitions.items():
            assert source in flow.statuses and targets <= set(flow.statuses)
    assert [value for value, _label in timeline.OUTCOMES] == [
        "in-behandeling",
        "overgenomen",
        "deels-overgenomen",
        "niet-overgenomen",
        "doorgegeven",
    ]
    assert timeline.label("overgenomen") == "Overgenomen"
    assert timeline.label("onbekend") == "onbekend"


# --- Rows in the database: append-only --------------------------------------------------------


@pytest.mark.django_db
def test_database_rows_are_never_changed_and_a_correction_is_a_new_row(home):
    from adviezen.models import AdviceStep
    from site_app.models import StepIsFinal
    from tests.factories.adviezen import (
        AdviceIndexPageFactory,
        AdvicePageFactory,
        AdvisoryCouncilPageFactory,
    )

    council = AdvisoryCouncilPageFactory(parent=AdviceIndexPageFactory(parent=home))
    advice = AdvicePageFactory(parent=council, delivered_on=D, response_due=DUE)
    (row,) = AdviceStep.objects.filter(advice=advice)
    row.date = D + timedelta(days=1)
    with pytest.raises(StepIsFinal):
        row.save()
    correction = timeline.record_step(
        AdviceStep,
        history=[AdviceStep.objects.get(pk=row.pk)],
        corrects=AdviceStep.objects.get(pk=row.pk),
        advice=advice,
        status=Status.DELIVERED,
        date=D + timedelta(days=1),
        due=DUE,
    )
    assert AdviceStep.objects.filter(advice=advice).count() == 2
    assert AdviceStep.objects.get(pk=row.pk).date == D, "the first row is unchanged"
    history = Timeline(AdviceStep.objects.filter(advice=advice), ADVICE)
    assert [step.pk for step in history.steps] == [correction.pk]
    with pytest.raises(ValidationError):  # the same row cannot be corrected twice
        timeline.record_step(
            AdviceStep,
            history=list(AdviceStep.objects.filter(advice=advice)),
            corrects=AdviceStep.objects.get(pk=row.pk),
            advice=advice,
            status=Status.DELIVERED,
            date=D,
        )
