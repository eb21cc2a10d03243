"""Template helpers for the advice register."""

from django import template
from django.utils import formats

from site_app import timeline

register = template.Library()


@register.filter
def days(value) -> str:
    """A number of days as the table shows it: whole, or with one decimal (a median of an
    even count may end in .5); a dash when there is none."""
    if value is None:
        return "–"
    value = float(value)
    return formats.number_format(value, decimal_pos=0 if value.is_integer() else 1)


@register.simple_tag
def outcome_labels():
    """What the city can do with an advice, in the order of the register's columns."""
    return timeline.OUTCOMES
