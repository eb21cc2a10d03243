"""An advice's history: which page fields become which public steps, and its phase.

Kept apart from the models so the admin form can use the same rules (forms.py is imported by
models.py). The rows themselves are :class:`adviezen.models.AdviceStep`.
"""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from site_app import timeline
from site_app.timeline import Status, Timeline

RESPOND = "adviezen.respond_to_advice"
#: The register's usual term for the city's answer, unless the register page says otherwise.
DEFAULT_RESPONSE_DAYS = 60
#: The city's response: only users with RESPOND may write these (panel permissions, and the
#: admin form keeps the published values for everyone else, see forms.AdvicePageForm).
RESPONSE_FIELDS = (
    "response_on",
    "response_by",
    "outcome",
    "outcome_reason",
    "decision_due",
    "response_summary",
    "response",
)


class AdviceKind(models.TextChoices):
    ASKED = "gevraagd", _("Gevraagd door de stad")
    OWN_INITIATIVE = "eigen-initiatief", _("Op eigen initiatief")


class Phase(models.TextChoices):
    """Where an advice stands, for readers and the register's status filter."""

    REQUESTED = "gevraagd", _("Advies gevraagd")
    IN_PREPARATION = "in-voorbereiding", _("In voorbereiding")
    AWAITING = "wacht-op-antwoord", _("Wacht op antwoord")
    OVERDUE = "te-laat", _("Antwoord te laat")
    ANSWERED = "beantwoord", _("Beantwoord")


def phase_of(history: Timeline, now=None) -> Phase | None:
    """The phase follows from the timeline: overdue first, then the latest step."""
    if history.is_overdue(now):
        return Phase.OVERDUE
    if history.outcome is not None:
        return Phase.ANSWERED
    return {
        Status.DELIVERED: Phase.AWAITING,
        Status.IN_PREPARATION: Phase.IN_PREPARATION,
        Status.REQUESTED: Phase.REQUESTED,
    }.get(history.status)


# The page fields that become steps, and how: see timeline_changes().
TIMELINE_FIELDS = (
    "kind",
    "requested_by",
    "requested_on",
    "advice_deadline",
    "preparation_started_on",
    "delivered_on",
    "response_due",
    "response_on",
    "response_by",
    "outcome",
    "outcome_reason",
    "decision_due",
)
_MILESTONES = {
    Status.REQUESTED: "request",
    Status.IN_PREPARATION: "preparation",
    Status.DELIVERED: "delivery",
    **{Status(value): "response" for value, _label in timeline.OUTCOMES},
}


def milestone(status) -> str:
    return _MILESTONES[Status(status)]


def planned_steps(values: dict, council_name: str, response_days: int) -> list[dict]:
    """The steps an advice's fields describe, in order (the fields of unsaved rows)."""
    steps = []
    if values.get("kind") != AdviceKind.OWN_INITIATIVE and values.get("requested_on"):
        steps.append(
            {
                "status": Status.REQUESTED,
                "date": values["requested_on"],
                "due": values.get("advice_deadline"),
                "actor": values.get("requested_by") or "",
                "note": "",
            }
        )
    if values.get("preparation_started_on"):
        steps.append(
            {
                "status": Status.IN_PREPARATION,
                "date": values["preparation_started_on"],
                "due": None,
                "actor": council_name,
                "note": "",
            }
        )
    if values.get("delivered_on"):
        delivered = values["delivered_on"]
        steps.append(
            {
                "status": Status.DELIVERED,
                "date": delivered,
                "due": values.get("response_due") or delivered + timedelta(days=response_days),
                "actor": council_name,
                "note": "",
            }
        )
    if values.get("response_on") and values.get("outcome"):
        steps.append(
            {
                "status": Status(values["outcome"]),
                "date": values["response_on"],
                # "Still under consideration" may name the date of the decision.
                "due": values.get("decision_due")
                if values["outcome"] == Status.UNDER_CONSIDERATION
                else None,
                "actor": values.get("response_by") or "",
                "note": values.get("outcome_reason") or "",
            }
        )
    return steps


def _same(row, fields: dict) -> bool:
    return all(getattr(row, name) == value for name, value in fields.items())


def timeline_changes(rows, values: dict, council_name: str, response_days: int):
    """What publishing these values adds: ``(fields, corrected row or None)`` per new row.

    A step whose date or details changed is corrected (a new row replaces the old one in the
    timeline). A later answer of the city (e.g. a decision after "still under consideration")
    is a step of its own.
    """
    current = {}
    for step in Timeline(rows, timeline.ADVICE).steps:
        current[milestone(step.status)] = step
    changes = []
    for fields in planned_steps(values, council_name, response_days):
        name = milestone(fields["status"])
        existing = current.get(name)
        if existing is None:
            changes.append((fields, None))
        elif _same(existing, fields):
            continue
        elif name == "response" and fields["date"] > existing.date:
            changes.append((fields, None))
        else:
            changes.append((fields, existing))
    return changes


def cleared_milestones(rows, values: dict, council_name: str, response_days: int) -> set[str]:
    """Steps that are public but whose fields are now empty (a public step cannot vanish)."""
    recorded = {milestone(step.status) for step in Timeline(rows, timeline.ADVICE).steps}
    planned = {
        milestone(fields["status"]) for fields in planned_steps(values, council_name, response_days)
    }
    return recorded - planned
