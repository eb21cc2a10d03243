"""Fixtures for the advice register: a register, two councils, their groups and members."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from adviezen.permissions import CITY_GROUP
from tests.factories.adviezen import AdviceIndexPageFactory, AdvisoryCouncilPageFactory
from tests.factories.core import ThemeFactory, WijkFactory


@pytest.fixture
def register(home):
    return AdviceIndexPageFactory(parent=home)


@pytest.fixture
def council_a(register):
    return AdvisoryCouncilPageFactory(
        parent=register, title="Woonraad", slug="woonraad", abbreviation="Woonraad"
    )


@pytest.fixture
def council_b(register):
    return AdvisoryCouncilPageFactory(
        parent=register, title="Jeugdraad", slug="jeugdraad", abbreviation="Jeugdraad"
    )


@pytest.fixture
def terms(locales):
    return {
        "wonen": ThemeFactory(name="Wonen", slug="wonen"),
        "jeugd": ThemeFactory(name="Jeugd", slug="jeugd"),
        "ledeberg": WijkFactory(name="Ledeberg", slug="ledeberg"),
        "drongen": WijkFactory(name="Drongen", slug="drongen"),
    }


def _member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def member_a(council_a):
    council_a.refresh_from_db()
    return _member("lid-a", council_a.members_group.name)


@pytest.fixture
def member_b(council_b):
    council_b.refresh_from_db()
    return _member("lid-b", council_b.members_group.name)


@pytest.fixture
def city_member(register):
    return _member("stad", CITY_GROUP)
