"""Fixtures for the council app: an index, a commission with members, themes and wijken."""

import pytest

from gemeenteraad.models import Role
from tests.factories import ThemeFactory, WijkFactory
from tests.factories.gemeenteraad import (
    CouncilBodyFactory,
    MandateFactory,
    MeetingIndexPageFactory,
    PartyFactory,
)


@pytest.fixture
def meeting_index(home):
    return MeetingIndexPageFactory(parent=home)


@pytest.fixture
def council(locales):
    """A commission with a chair, a secretary and three members; two themes, two wijken."""
    body = CouncilBodyFactory(name="Commissie Wonen", slug="commissie-wonen")
    party = PartyFactory(name="Groen Gent", short_name="GG")
    chair = MandateFactory(body=body, role=Role.CHAIR, party=party)
    secretary = MandateFactory(body=body, role=Role.SECRETARY, party=None)
    members = [MandateFactory(body=body, party=party) for _ in range(3)]
    return {
        "body": body,
        "chair": chair,
        "secretary": secretary,
        "members": [chair, *members],
        "wonen": ThemeFactory(name="Wonen", slug="wonen"),
        "sport": ThemeFactory(name="Sport", slug="sport"),
        "ledeberg": WijkFactory(name="Ledeberg", slug="ledeberg"),
        "dampoort": WijkFactory(name="Dampoort", slug="dampoort"),
    }
