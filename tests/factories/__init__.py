"""Test factories (factory_boy, wagtail-factories): dev-only packages, so they live here.

The council factories are in ``tests.factories.gemeenteraad``."""

from .core import PictogramFactory, ThemeFactory, WijkFactory, default_locale
from .home import ContentPageFactory, HomePageFactory, WijkIndexPageFactory, WijkPageFactory
from .verhalen import (
    RaconteurFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    StoryProposalFactory,
    StorySeriesPageFactory,
)

__all__ = [
    "ContentPageFactory",
    "HomePageFactory",
    "PictogramFactory",
    "RaconteurFactory",
    "StoryIndexPageFactory",
    "StoryPageFactory",
    "StoryProposalFactory",
    "StorySeriesPageFactory",
    "ThemeFactory",
    "WijkFactory",
    "WijkIndexPageFactory",
    "WijkPageFactory",
    "default_locale",
]
