"""The cache is an optimisation: pages, feeds and forms work on a real Redis and without one.

Faults are real: the Redis on this machine (127.0.0.1:6379), a closed local port, and a local
listener that accepts connections and never answers (faults.py). Page times under each are
measured and printed in pytest's summary; the only time bounds asserted are generous ones (a
request must finish well within gunicorn's 30 s worker timeout).
"""

import logging
import time
import uuid

import feedparser
import pytest
import redis
from django.core import signing
from django.core.cache import cache, caches
from wagtail.models import Locale, Site

from site_app.blocks import link
from site_app.cache import shared_cache_available
from site_app.models import ContactDetails, SiteSettings
from tests.factories import (
    ContentPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    ThemeFactory,
    WijkFactory,
)
from tests.site_app.faults import FaultyProxy, closed_port
from verhalen.forms import StoryProposalForm
from verhalen.models import StoryProposal
from verhalen.views import PROPOSAL_RATE_LIMIT

pytestmark = pytest.mark.django_db

GUNICORN_TIMEOUT = 30
REDIS = ("127.0.0.1", 6379)
PAGES = ["/nl/", "/nl/huren/", "/nl/verhalen/", "/nl/verhalen/de-bakker/"]


def redis_cache(port: int, breaker_seconds: float = 30) -> dict:
    return {
        "default": {
            "BACKEND": "site_app.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/15",
            "KEY_PREFIX": f"ssm-test-{uuid.uuid4().hex}",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CIRCUIT_BREAKER_SECONDS": breaker_seconds,
            },
        }
    }


@pytest.fixture
def real_redis():
    try:
        redis.Redis(*REDIS, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return REDIS


@pytest.fixture
def content(home):
    theme = ThemeFactory(name="Wonen", slug="wonen")
    wijk = WijkFactory(name="Ledeberg", slug="ledeberg")
    ContentPageFactory(parent=home, title="Huren in Gent", slug="huren", themes=[theme])
    index = StoryIndexPageFactory(parent=home)
    StoryPageFactory(parent=index, title="De bakker", slug="de-bakker", wijken=[wijk])


def timed_get(client, url):
    start = time.perf_counter()
    response = client.get(url)
    return response, time.perf_counter() - start


def visit_all(client, timings, label):
    for url in PAGES:
        response, seconds = timed_get(client, url)
        assert response.status_code == 200, url
        assert seconds < GUNICORN_TIMEOUT, url
        timings(f"{label}: {url}", seconds)


def proposal(message: str) -> dict:
    rendered_at = signing.dumps(time.time() - 60, salt=StoryProposalForm.timestamp_salt)
    return {
        "name": "Zoë Vandaele",
        "email": "",
        "phone": "0499 11 22 33",
        "wijk": "ledeberg",
        "message": message,
        "consent": "on",
        "website": "",
        "rendered_at": rendered_at,
    }


def test_pages_on_a_real_redis(client, content, settings, real_redis, timings):
    settings.CACHES = redis_cache(real_redis[1])
    # The footer's links are cached as pages: give the site a contact block that has some.
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact = ContactDetails.objects.create(
        title="Voettekst",
        locale=Locale.get_default(),
        footer_links=[link("Stad Gent", url="https://stad.gent/")],
    )
    site_settings.save()
    visit_all(client, timings, "redis up")
    visit_all(client, timings, "redis up (warm)")
    # The translations cache (site_app.localization) lives on Redis too.
    keys = cache.keys("localization:*")
    assert any(key.startswith("localization:vocabulary:") for key in keys), keys
    assert any(key.startswith("localization:pages:") for key in keys), keys
    assert shared_cache_available()
    cache.delete_pattern("*")  # only this test's prefix


def test_closed_port_pages_feeds_and_one_log_line(client, content, settings, caplog, timings):
    settings.CACHES = redis_cache(closed_port())
    caplog.set_level(logging.WARNING)
    visit_all(client, timings, "redis port closed")
    visit_all(client, timings, "redis port closed (again)")
    feed = client.get("/nl/feeds/thema/wonen/rss.xml")
    assert feed.status_code == 200
    assert [e.title for e in feedparser.parse(feed.content).entries] == ["Huren in Gent"]
    outage = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(outage) == 1, [r.getMessage() for r in caplog.records]
    assert not any(r.exc_info for r in caplog.records), "a traceback was logged"
    assert not shared_cache_available()


def test_silent_redis_costs_one_timeout_then_the_circuit_is_open(
    client, content, settings, timings
):
    with FaultyProxy(mode="silent") as silent:
        settings.CACHES = redis_cache(silent.port)
        visit_all(client, timings, "redis silent")
        after_first_round = silent.accepted
        visit_all(client, timings, "redis silent (circuit open)")
    # One connection waited for its timeout; with the circuit open no call went to Redis.
    assert after_first_round == 1
    assert silent.accepted == after_first_round


def test_rate_limit_still_counts_with_redis_down(client, content, settings):
    """Per worker while Redis is away: the limit holds, nothing is stored past it, no 500."""
    settings.CACHES = redis_cache(closed_port())
    url = "/nl/verhalen/vertel-je-verhaal/"
    for n in range(PROPOSAL_RATE_LIMIT.limit):
        assert client.post(url, proposal(f"Voorstel {n}.")).status_code == 302
    refused = client.post(url, proposal("Eén te veel."))
    assert refused.status_code == 429
    assert "Eén te veel." in refused.content.decode()  # their text is kept on the page
    assert StoryProposal.objects.count() == PROPOSAL_RATE_LIMIT.limit


def test_redis_back_after_an_outage_serves_no_stale_value(real_redis, settings, caplog):
    """A value changed while Redis was silent is deleted from Redis when it answers again."""
    caplog.set_level(logging.WARNING)
    with FaultyProxy(target=real_redis, mode="forward") as proxy:
        settings.CACHES = redis_cache(proxy.port, breaker_seconds=0.3)
        shared = caches["default"]
        shared.set("greeting", "old", 300)
        assert shared.get("greeting") == "old"
        proxy.mode = "silent"
        shared.set("greeting", "new during outage", 300)  # times out, opens the circuit
        assert not shared.available
        assert shared.get("greeting") == "new during outage"  # this worker's memory
        proxy.mode = "forward"
        time.sleep(0.4)
        assert shared.get("greeting") is None  # Redis's old value was dropped, not served
        assert shared.available
        shared.delete("greeting")
    messages = [r.getMessage() for r in caplog.records]
    assert sum("unreachable" in m for m in messages) == 1
    assert sum("reachable again" in m for m in messages) == 1


def test_search_and_publishing_with_elasticsearch_unreachable(client, content, settings, home):
    """Elasticsearch on a closed port: pages and publishing work, search says it is away."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    page = ContentPageFactory(parent=home, title="Nieuw", slug="nieuw", live=False)
    page.save_revision().publish()
    assert client.get("/nl/nieuw/").status_code == 200
    search = client.get("/nl/zoeken/?q=huren")
    assert search.status_code == 503
    assert "Zoeken werkt nu even niet" in search.content.decode()
