"""The cache is an optimisation: pages and feeds work on a real Redis and without one."""

import feedparser
import pytest

from home.factories import ContentPageFactory
from site_app.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def redis_cache(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "ssm-test",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


@pytest.fixture
def content(home):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    ContentPageFactory(parent=home, title="Huren in Gent", slug="huren", themes=[theme])


def test_pages_and_feeds_without_redis(client, content, settings):
    """Redis pointed at a closed local port: reads miss, writes are dropped, nothing breaks."""
    settings.CACHES = redis_cache("redis://127.0.0.1:9/0")
    assert client.get("/nl/").status_code == 200
    assert client.get("/nl/huren/").status_code == 200
    feed = client.get("/nl/feeds/thema/wonen/rss.xml")
    assert feed.status_code == 200
    assert [e.title for e in feedparser.parse(feed.content).entries] == ["Huren in Gent"]


def test_taxonomy_cache_on_a_real_redis(client, content, settings):
    """The Redis that runs on this machine (127.0.0.1:6379) holds the taxonomy cache."""
    import redis

    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15")
    from django.core.cache import cache

    cache.clear()
    assert client.get("/nl/huren/").status_code == 200
    assert any(key.startswith("taxonomy:") for key in cache.keys("taxonomy:*"))
    cache.clear()
