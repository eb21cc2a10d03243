"""The shared cache (Redis) as an optimisation the site survives losing.

:class:`ResilientRedisCache` is django-redis with a circuit breaker in front of it:

- Short socket timeouts (settings) bound what one failed call costs, also against a Redis that
  accepts connections and never answers.
- The first failure opens the circuit for ``CIRCUIT_BREAKER_SECONDS`` (per process): during
  that time no call waits on Redis at all. After it, one call tries Redis again; success
  closes the circuit, failure keeps it open for another period.
- While the circuit is open, calls go to a small per-process memory cache instead, so
  counters (rate limits, login throttling) keep counting in each worker and computed values
  are still reused for a minute. Keys written or deleted meanwhile are deleted from Redis once
  it is back, so it never serves a value that changed during the outage.
- One warning per outage and one line when Redis is back; no traceback per call.

``shared_cache_available()`` tells code that must know (the readiness probe, a rate limit
that cannot afford per-process counting) whether the shared cache is reachable right now.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)
# Values cached while Redis is away live at most this long in a worker's memory: another
# worker may change them meanwhile, and only Redis would have told the others.
FALLBACK_MAX_TIMEOUT = 60
FALLBACK_MAX_ENTRIES = 2_000
# Keys to delete from Redis once it answers again (bounded, so an outage cannot grow memory).
MAX_PENDING_DELETES = 10_000


def _describe(location: str) -> str:
    """host:port/db of a Redis URL, never its password."""
    parts = urlsplit(location)
    return f"{parts.hostname}:{parts.port or 6379}{parts.path}"


class CircuitBreaker:
    """Closed (calls go through) or open until ``retry_at`` (calls skip). Thread-safe."""

    def __init__(self, name: str, open_seconds: float):
        self.name, self.open_seconds = name, open_seconds
        self.retry_at: float | None = None
        self._lock = threading.Lock()
        self._trial_running = False

    @property
    def is_open(self) -> bool:
        return self.retry_at is not None

    def allow(self) -> bool:
        """May this call use the service? Once the open period is over, one trial call may."""
        if self.retry_at is None:
            return True
        with self._lock:
            if self._trial_running or time.monotonic() < self.retry_at:
                return False
            self._trial_running = True
            return True

    def failure(self, error: BaseException) -> None:
        with self._lock:
            first = self.retry_at is None
            self.retry_at = time.monotonic() + self.open_seconds
            self._trial_running = False
        if first:
            logger.warning(
                "Shared cache %s unreachable (%s); each worker uses its own memory and tries "
                "again every %g s.",
                self.name,
                type(error).__name__,
                self.open_seconds,
            )

    def success(self) -> bool:
        """Record a working call; True when this closed an open circuit."""
        if self.retry_at is None:
            return False
        with self._lock:
            was_open = self.retry_at is not None
            self.retry_at = None
            self._trial_running = False
        if was_open:
            logger.warning("Shared cache %s reachable again.", self.name)
        return was_open


_breakers: dict[str, CircuitBreaker] = {}
_pending: dict[str, set] = {}
_registry_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    """django-redis behind a circuit breaker, falling back to per-process memory.

    Extra ``OPTIONS``: ``CIRCUIT_BREAKER_SECONDS`` (default 30). ``IGNORE_EXCEPTIONS`` is
    always off: this class decides what a failure means.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS", {}))}
        open_seconds = float(params["OPTIONS"].pop("CIRCUIT_BREAKER_SECONDS", 30))
        params["OPTIONS"]["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, params)
        location = server if isinstance(server, str) else ",".join(server)
        with _registry_lock:
            self._breaker = _breakers.setdefault(
                location, CircuitBreaker(_describe(location.split(",")[0]), open_seconds)
            )
            self._pending = _pending.setdefault(location, set())
        fallback_params = {
            key: params[key] for key in ("KEY_PREFIX", "VERSION", "KEY_FUNCTION") if key in params
        }
        fallback_params["OPTIONS"] = {"MAX_ENTRIES": FALLBACK_MAX_ENTRIES, "CULL_FREQUENCY": 4}
        self._fallback = LocMemCache(f"redis-fallback:{location}", fallback_params)

    # -- the breaker -----------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return not self._breaker.is_open

    def _call(self, method: str, fallback, *args, **kwargs):
        if self._breaker.allow():
            # The trial call after an outage pings first, so that what changed meanwhile is
            # deleted from Redis before anything is read from it.
            if self._breaker.is_open and not self.ping():
                return fallback()
            try:
                return getattr(super(), method)(*args, **kwargs)
            except UNAVAILABLE as error:
                self._breaker.failure(error)
        return fallback()

    def _recover(self) -> None:
        """Redis is back: forget the local copies, delete what changed while it was away."""
        self._fallback.clear()
        with _registry_lock:
            pending = list(self._pending)
            self._pending.clear()
        try:
            for key, version in pending:
                super().delete(key, version=version)
        except UNAVAILABLE as error:
            self._breaker.failure(error)

    def _remember(self, keys, version) -> None:
        with _registry_lock:
            for key in keys:
                if len(self._pending) < MAX_PENDING_DELETES:
                    self._pending.add((key, version))

    def ping(self) -> bool:
        """Ask Redis directly (for the readiness probe); updates the breaker."""
        try:
            self.client.get_client(write=False).ping()
        except UNAVAILABLE as error:
            self._breaker.failure(error)
            return False
        if self._breaker.success():
            self._recover()
        return True

    # -- the cache API ---------------------------------------------------------------------

    @staticmethod
    def _capped(timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None or timeout > FALLBACK_MAX_TIMEOUT:
            return FALLBACK_MAX_TIMEOUT
        return timeout

    def get(self, key, default=None, version=None, client=None):
        return self._call(
            "get",
            lambda: self._fallback.get(key, default, version=version),
            key,
            default=default,
            version=version,
            client=client,
        )

    def get_many(self, keys, version=None, client=None):
        keys = list(keys)
        return self._call(
            "get_many",
            lambda: self._fallback.get_many(keys, version=version),
            keys,
            version=version,
            client=client,
        )

    def has_key(self, key, version=None, client=None):
        return self._call(
            "has_key",
            lambda: self._fallback.has_key(key, version=version),
            key,
            version=version,
            client=client,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        def fallback():
            self._remember([key], version)
            self._fallback.set(key, value, self._capped(timeout), version=version)
            return True

        return self._call("set", fallback, key, value, timeout=timeout, version=version, **kwargs)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        def fallback():
            self._remember(data, version)
            return self._fallback.set_many(data, self._capped(timeout), version=version)

        return self._call(
            "set_many", fallback, data, timeout=timeout, version=version, client=client
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        # Counters start with add(); they keep their full lifetime in the fallback.
        return self._call(
            "add",
            lambda: self._fallback.add(key, value, timeout, version=version),
            key,
            value,
            timeout=timeout,
            version=version,
            client=client,
        )

    def incr(self, key, delta=1, version=None, client=None, **kwargs):
        return self._call(
            "incr",
            lambda: self._fallback.incr(key, delta, version=version),
            key,
            delta=delta,
            version=version,
            client=client,
            **kwargs,
        )

    def decr(self, key, delta=1, version=None, client=None, **kwargs):
        return self._call(
            "decr",
            lambda: self._fallback.decr(key, delta, version=version),
            key,
            delta=delta,
            version=version,
            client=client,
            **kwargs,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        return self._call(
            "touch",
            lambda: self._fallback.touch(key, timeout, version=version),
            key,
            timeout=timeout,
            version=version,
            client=client,
        )

    def delete(self, key, version=None, prefix=None, client=None):
        def fallback():
            self._remember([key], version)
            return self._fallback.delete(key, version=version)

        return self._call("delete", fallback, key, version=version, prefix=prefix, client=client)

    def delete_many(self, keys, version=None, client=None):
        keys = list(keys)

        def fallback():
            self._remember(keys, version)
            self._fallback.delete_many(keys, version=version)
            return 0

        return self._call("delete_many", fallback, keys, version=version, client=client)

    def clear(self):
        return self._call("clear", self._fallback.clear)

    def keys(self, search, version=None, client=None):
        return self._call("keys", list, search, version=version, client=client)


def shared_cache_available(alias: str = "default") -> bool:
    """False while the shared cache's circuit is open; local caches are always available."""
    return getattr(caches[alias], "available", True)
