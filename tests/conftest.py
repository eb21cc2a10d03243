"""Shared fixtures: a minimal site tree on a real database."""

import pytest
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Taxonomy lookups are cached; every test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    from django.conf import settings

    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    """A live HomePage as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    old_root.delete()
    return home
