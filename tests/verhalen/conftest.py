"""Fixtures for the stories app: a story index with a few wijken, themes and raconteurs."""

import pytest

from tests.factories import (
    RaconteurFactory,
    StoryIndexPageFactory,
    StorySeriesPageFactory,
    ThemeFactory,
    WijkFactory,
)


@pytest.fixture
def story_index(home):
    return StoryIndexPageFactory(parent=home)


@pytest.fixture
def terms(locales):
    """Two wijken, two themes and two raconteurs (source language)."""
    return {
        "ledeberg": WijkFactory(name="Ledeberg", slug="ledeberg"),
        "dampoort": WijkFactory(name="Dampoort", slug="dampoort"),
        "wonen": ThemeFactory(name="Wonen", slug="wonen"),
        "sport": ThemeFactory(name="Sport", slug="sport"),
        "fatma": RaconteurFactory(name="Fatma", slug="fatma"),
        "jef": RaconteurFactory(name="Jef", slug="jef"),
    }


@pytest.fixture
def series(story_index):
    return StorySeriesPageFactory(parent=story_index, title="100 portretten", slug="100-portretten")
