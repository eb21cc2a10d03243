"""Status timelines: public, dated steps that are added, never overwritten.

An advice from an advisory council and a citizens' agenda item both move through steps the
public can follow. Every step is a row (status, date, public note, who, and optionally the date
by which the next step is due): see :class:`site_app.models.StatusStep`. A step that was wrong
is not edited: a new row *corrects* it, so the history stays visible.

One vocabulary
    :class:`Status` holds every status of every flow, so the advice register, the policy note's
    "what you told us" block and the agenda items speak the same words.

Flows
    A :class:`Flow` takes its subset of the vocabulary: where a timeline may start, which status
    may follow which, which statuses start a *clock* (the step's ``due`` date is the announced
    term for an answer), which statuses *answer* it, and which need a note (a reason).

Derived, never stored
    :class:`Timeline` reads the rows and derives the current status, whether the answer is
    overdue, the days it took and whether it came within the term. "Today" is the date in the
    site's time zone (``settings.TIME_ZONE``): a term ends at midnight in Ghent, also on the
    night the clocks change. A term is met when the answer is dated on or before the due day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Every status a public timeline knows. Values appear in URLs (``?status=``)."""

    # Advice of an advisory council
    REQUESTED = "gevraagd", _("Advies gevraagd")
    IN_PREPARATION = "in-voorbereiding", _("In voorbereiding")
    DELIVERED = "gegeven", _("Advies gegeven")
    # What the city did with an advice (the answer and its outcome)
    UNDER_CONSIDERATION = "in-behandeling", _("Nog in behandeling")
    FOLLOWED = "overgenomen", _("Overgenomen")
    PARTLY_FOLLOWED = "deels-overgenomen", _("Deels overgenomen")
    NOT_FOLLOWED = "niet-overgenomen", _("Niet overgenomen")
    PASSED_ON = "doorgegeven", _("Doorgegeven aan de diensten")
    # Citizens' agenda items for the city council
    SUBMITTED = "ingediend", _("Ingediend")
    CHAIR_ADVICE = "advies-voorzitter", _("Advies van de voorzitter")
    COLLECTING_SUPPORT = "steun-verzamelen", _("Steun verzamelen")
    ADMISSIBLE = "ontvankelijk", _("Ontvankelijk")
    NOT_ADMISSIBLE = "niet-ontvankelijk", _("Niet ontvankelijk")
    SCHEDULED = "geagendeerd", _("Op de agenda")
    DISCUSSED = "besproken", _("Besproken")
    DECIDED = "beslist", _("Beslist")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")


def label(status) -> str:
    """The label of a status value (the value itself if it is unknown)."""
    try:
        return str(Status(status).label)
    except ValueError:
        return str(status)


@dataclass(frozen=True)
class Flow:
    """One kind of timeline: its statuses and the rules between them."""

    name: str
    statuses: tuple[Status, ...]
    starts: frozenset[Status]
    transitions: Mapping[Status, frozenset[Status]]
    clocks: frozenset[Status] = frozenset()
    answers: frozenset[Status] = frozenset()
    needs_note: frozenset[Status] = frozenset()
    #: What the ``due`` date of a step with this status means, for the public.
    due_labels: Mapping[Status, Any] = field(default_factory=dict)

    def choices(self, subset: Iterable[Status] | None = None) -> list[tuple[str, str]]:
        wanted = set(subset) if subset is not None else None
        return [
            (status.value, status.label)
            for status in self.statuses
            if wanted is None or status in wanted
        ]

    def allows(self, previous: Status | str | None, new: Status | str) -> bool:
        new = Status(new)
        if new not in self.statuses:
            return False
        if previous is None:
            return new in self.starts
        return new in self.transitions.get(Status(previous), frozenset())

    def check_sequence(self, steps: Sequence) -> None:
        """Raise ValidationError unless ``steps`` (in order) is a path this flow allows."""
        previous = None
        for step in steps:
            if not self.allows(previous.status if previous else None, step.status):
                if previous is None:
                    message = _("Een tijdlijn kan niet beginnen met “%(status)s”.") % {
                        "status": label(step.status)
                    }
                else:
                    message = _(
                        "Kijk de stappen en hun data na: “%(status)s” (%(date)s) kan niet "
                        "volgen op “%(previous)s” (%(previous_date)s)."
                    ) % {
                        "status": label(step.status),
                        "date": date_format(step.date),
                        "previous": label(previous.status),
                        "previous_date": date_format(previous.date),
                    }
                raise ValidationError(message, code="transition")
            if previous is not None and step.date < previous.date:
                raise ValidationError(
                    _("“%(status)s” kan niet vroeger zijn dan “%(previous)s”.")
                    % {"status": label(step.status), "previous": label(previous.status)},
                    code="date-order",
                )
            if Status(step.status) in self.needs_note and not (step.note or "").strip():
                raise ValidationError(
                    _("Bij “%(status)s” hoort een uitleg: waarom?")
                    % {"status": label(step.status)},
                    code="note-required",
                )
            previous = step

    def due_label(self, status) -> str:
        return str(self.due_labels.get(Status(status), _("Volgende stap verwacht tegen")))


_OUTCOMES = frozenset(
    {
        Status.UNDER_CONSIDERATION,
        Status.FOLLOWED,
        Status.PARTLY_FOLLOWED,
        Status.NOT_FOLLOWED,
        Status.PASSED_ON,
    }
)

ADVICE = Flow(
    name="advice",
    statuses=(
        Status.REQUESTED,
        Status.IN_PREPARATION,
        Status.DELIVERED,
        Status.UNDER_CONSIDERATION,
        Status.FOLLOWED,
        Status.PARTLY_FOLLOWED,
        Status.NOT_FOLLOWED,
        Status.PASSED_ON,
    ),
    # An advice on the council's own initiative starts without a request.
    starts=frozenset({Status.REQUESTED, Status.IN_PREPARATION, Status.DELIVERED}),
    transitions={
        Status.REQUESTED: frozenset({Status.IN_PREPARATION, Status.DELIVERED}),
        Status.IN_PREPARATION: frozenset({Status.DELIVERED}),
        Status.DELIVERED: _OUTCOMES,
        # The city may answer "still under consideration" and decide later, or revise.
        **dict.fromkeys(_OUTCOMES, _OUTCOMES),
    },
    # The delivered advice waits for the city's answer; so does "still under consideration"
    # when the city names the date of its decision.
    clocks=frozenset({Status.DELIVERED, Status.UNDER_CONSIDERATION}),
    answers=_OUTCOMES,
    needs_note=frozenset({Status.NOT_FOLLOWED}),
    due_labels={
        Status.REQUESTED: _("Advies gevraagd tegen"),
        Status.DELIVERED: _("Antwoord van de stad verwacht tegen"),
        Status.UNDER_CONSIDERATION: _("Beslissing verwacht tegen"),
    },
)

#: Outcomes of an advice: what the city did with it (the answers of the advice flow).
OUTCOMES = ADVICE.choices(_OUTCOMES)

AGENDA_ITEM = Flow(
    name="agenda-item",
    statuses=(
        Status.SUBMITTED,
        Status.CHAIR_ADVICE,
        Status.COLLECTING_SUPPORT,
        Status.ADMISSIBLE,
        Status.NOT_ADMISSIBLE,
        Status.SCHEDULED,
        Status.DISCUSSED,
        Status.DECIDED,
        Status.WITHDRAWN,
    ),
    starts=frozenset({Status.SUBMITTED}),
    transitions={
        # The initiator may withdraw the proposal until it is discussed.
        Status.SUBMITTED: frozenset(
            {Status.CHAIR_ADVICE, Status.COLLECTING_SUPPORT, Status.WITHDRAWN}
        ),
        Status.CHAIR_ADVICE: frozenset({Status.COLLECTING_SUPPORT, Status.WITHDRAWN}),
        Status.COLLECTING_SUPPORT: frozenset(
            {Status.ADMISSIBLE, Status.NOT_ADMISSIBLE, Status.WITHDRAWN}
        ),
        Status.ADMISSIBLE: frozenset({Status.SCHEDULED, Status.WITHDRAWN}),
        # A scheduled item moves on from the commission to the council (or to another
        # meeting) before it is discussed.
        Status.SCHEDULED: frozenset({Status.SCHEDULED, Status.DISCUSSED, Status.WITHDRAWN}),
        Status.DISCUSSED: frozenset({Status.DECIDED}),
    },
    # Submitted: the chair's advice is due; scheduled: the meeting date.
    clocks=frozenset({Status.SUBMITTED, Status.SCHEDULED}),
    answers=frozenset(
        {Status.CHAIR_ADVICE, Status.COLLECTING_SUPPORT, Status.DISCUSSED, Status.DECIDED}
    ),
    needs_note=frozenset({Status.NOT_ADMISSIBLE}),
    due_labels={
        Status.SUBMITTED: _("Advies van de voorzitter verwacht tegen"),
        Status.SCHEDULED: _("Besproken op"),
        Status.COLLECTING_SUPPORT: _("Steun verzamelen tot"),
    },
)

FLOWS = {flow.name: flow for flow in (ADVICE, AGENDA_ITEM)}


def today(now: datetime | None = None) -> date:
    """The date in the site's time zone (not the server's, not UTC)."""
    return timezone.localtime(now or timezone.now(), timezone.get_default_timezone()).date()


def _order(step):
    recorded = getattr(step, "recorded_at", None)
    return (step.date, recorded.timestamp() if recorded else 0.0, step.pk or 0)


@dataclass(frozen=True)
class Item:
    """One step as the public timeline shows it."""

    step: Any
    label: str
    is_current: bool
    due_label: str
    earlier_versions: tuple[Any, ...]


class Timeline:
    """The steps of one subject (duck-typed rows: status, date, due, note, actor, pk,
    corrects_id, recorded_at), and what follows from them."""

    def __init__(self, steps: Iterable, flow: Flow):
        self.flow = flow
        self.rows = sorted(steps, key=_order)
        corrected = {row.corrects_id for row in self.rows if row.corrects_id}
        #: The steps that count: every row that no other row corrects.
        self.steps = [row for row in self.rows if row.pk not in corrected]
        by_pk = {row.pk: row for row in self.rows}
        self._earlier: dict[Any, list] = {}
        for row in self.steps:
            chain, cursor = [], row
            while cursor.corrects_id and cursor.corrects_id in by_pk:
                cursor = by_pk[cursor.corrects_id]
                chain.append(cursor)
            self._earlier[row.pk] = chain

    def __bool__(self) -> bool:
        return bool(self.steps)

    @property
    def current(self):
        return self.steps[-1] if self.steps else None

    @property
    def status(self) -> Status | None:
        return Status(self.current.status) if self.steps else None

    def _first(self, statuses, after=None):
        started = after is None
        for step in self.steps:
            if started and Status(step.status) in statuses:
                return step
            if step is after:
                started = True
        return None

    @property
    def started(self):
        """The first step that starts a clock (e.g. the advice is delivered)."""
        return self._first(self.flow.clocks)

    @property
    def answer(self):
        """The first answer after the clock started (e.g. the city's first response)."""
        started = self.started
        return self._first(self.flow.answers, after=started) if started else None

    @property
    def due(self) -> date | None:
        """The announced term of the first clock."""
        started = self.started
        return started.due if started else None

    @property
    def outcome(self) -> Status | None:
        """The latest answer (what the city decided last)."""
        answers = [step for step in self.steps if Status(step.status) in self.flow.answers]
        return Status(answers[-1].status) if answers else None

    @property
    def days_to_answer(self) -> int | None:
        answer = self.answer
        return (answer.date - self.started.date).days if answer else None

    @property
    def answered_in_time(self) -> bool | None:
        """Whether the first answer came on or before the due day (None: no answer or term)."""
        answer, due = self.answer, self.due
        if answer is None or due is None:
            return None
        return answer.date <= due

    @property
    def waiting_since(self):
        """The clock step still waiting for its answer, if the current step is one."""
        current = self.current
        if current is not None and Status(current.status) in self.flow.clocks and current.due:
            return current
        return None

    def is_overdue(self, now: datetime | None = None) -> bool:
        """No answer yet, and the due day has passed in the site's time zone."""
        waiting = self.waiting_since
        return bool(waiting) and today(now) > waiting.due

    def days_overdue(self, now: datetime | None = None) -> int:
        waiting = self.waiting_since
        return max(0, (today(now) - waiting.due).days) if waiting else 0

    def items(self) -> list[Item]:
        last = len(self.steps) - 1
        return [
            Item(
                step=step,
                label=label(step.status),
                is_current=index == last,
                due_label=self.flow.due_label(step.status),
                earlier_versions=tuple(self._earlier.get(step.pk, ())),
            )
            for index, step in enumerate(self.steps)
        ]


def record(model, *, history: Iterable, steps: Iterable[tuple[dict, Any]], user=None) -> list:
    """Add steps to a subject's timeline, checked together against the flow; the new rows.

    ``history`` is the subject's existing rows. Each of ``steps`` is ``(fields, corrects)``:
    the new row's fields (status, date, note, actor, due, the subject, optionally
    ``recorded_at``) and the row it corrects, or None. A correction replaces that row in the
    timeline, which keeps the old one as history. Nothing is saved unless the timeline that
    results is one the flow allows.
    """
    current = Timeline(history, model.flow)
    new_rows, replaced = [], []
    for fields, corrects in steps:
        if corrects is not None:
            if corrects not in current.steps or corrects in replaced:
                raise ValidationError(_("Deze stap is al verbeterd."), code="corrected")
            replaced.append(corrects)
        new_rows.append(model(corrects=corrects, recorded_by=user, **fields))
    kept = [row for row in current.steps if row not in replaced]
    model.flow.check_sequence(Timeline([*kept, *new_rows], model.flow).steps)
    for row in new_rows:
        row.full_clean()
    with transaction.atomic():
        for row in new_rows:
            row.save()
    return new_rows


def record_step(model, *, history: Iterable, corrects=None, user=None, **fields):
    """Add one step (see :func:`record`) and return it."""
    return record(model, history=history, steps=[(fields, corrects)], user=user)[0]
