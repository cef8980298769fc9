"""The Redis cache, made to degrade: a fault costs speed, never an error or a long wait.

Every operation of `ResilientRedisCache` behaves as Django's `RedisCache` while Redis
answers. When Redis refuses connections, times out or answers with an error, the
operation acts as a miss: `get` gives the default, `set` stores nothing, `add` and
`delete` give False. Callers carry on without the cache: pages are rendered, saves go
through.

Waiting is bounded twice over. Each connection and each command has a short timeout
(`socket_connect_timeout`, `socket_timeout`). And a circuit breaker, one per process and
Redis address, stops asking a Redis that fails: after `failure_threshold` failures in a
row, or at once after a timeout, every operation is skipped for `retry_seconds`; then
one operation tries again. A black-holed Redis so costs each worker at most one timeout
per interval. The fault is logged as a warning once per interval, and its recovery once.

`faults` counts the failures this process has seen, and the connections it opened: a
new connection may reach a Redis that restarted from an old snapshot. The page cache
compares it to learn that Redis may have missed writes (or came back with old data),
and rewrites what it keeps there from the database (`core.caching`).
"""

import logging
import threading
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.connection import Connection
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeout
from redis.retry import Retry

logger = logging.getLogger(__name__)

#: OPTIONS that belong to the breaker, not to redis-py.
BREAKER_OPTIONS = {"failure_threshold": 3, "retry_seconds": 10.0}


class CircuitBreaker:
    """Whether to ask Redis at all, from how its last answers went."""

    def __init__(self, name, failure_threshold, retry_seconds):
        self.name = name
        self.failure_threshold = failure_threshold
        self.retry_seconds = retry_seconds
        self.failures = 0
        self.faults = 0
        self.open_until = 0.0
        self.last_error = None
        self.logged_until = 0.0
        self.lock = threading.Lock()

    def allows(self):
        return time.monotonic() >= self.open_until

    def succeeded(self):
        if self.failures:
            with self.lock:
                self.failures = 0
                self.open_until = 0.0
                self.logged_until = 0.0
            logger.warning("Cache %s answers again.", self.name)

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            self.failures += 1
            self.faults += 1
            self.last_error = error
            if isinstance(error, RedisTimeout) or self.failures >= self.failure_threshold:
                self.open_until = now + self.retry_seconds
            log = now >= self.logged_until
            if log:
                self.logged_until = now + self.retry_seconds
        if log:
            logger.warning(
                "Cache %s unavailable (%s: %s); pages are served without it, and it is "
                "tried again every %g s.",
                self.name,
                type(error).__name__,
                error,
                self.retry_seconds,
            )

    def status(self):
        """("ok" or "degraded", a sentence for people)."""
        if not self.failures:
            return "ok", "answers"
        error = self.last_error
        state = (
            f"skipped for {max(0.0, self.open_until - time.monotonic()):.0f} s more"
            if not self.allows()
            else "to be tried again"
        )
        failures = f"{self.failures} failures in a row ({type(error).__name__}: {error})"
        return "degraded", f"{failures}; {state}"


#: One breaker per Redis address in a process, shared by its threads' cache objects.
breakers = {}
breakers_lock = threading.Lock()


def breaker_for(location, **options):
    with breakers_lock:
        if location not in breakers:
            breakers[location] = CircuitBreaker(location, **options)
        return breakers[location]


def degrades(default):
    """Run a cache operation through the breaker; on a fault, answer `default()`."""

    def decorate(method):
        @wraps(method)
        def operation(self, *args, **kwargs):
            breaker = self.breaker
            if not breaker.allows():
                return default(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                breaker.failed(error)
                return default(*args, **kwargs)
            breaker.succeeded()
            return result

        return operation

    return decorate


def nothing(*args, **kwargs):
    return None


def no(*args, **kwargs):
    return False


def no_values(keys, *args, **kwargs):
    return {}


def none_stored(data, *args, **kwargs):
    return list(data)


def missing(key, default=None, *args, **kwargs):
    return default


def not_counted(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found: the cache is unavailable.")


class CountedConnection(Connection):
    """A Redis connection that tells its breaker when it is opened."""

    def __init__(self, *args, breaker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.breaker = breaker

    def on_connect_check_health(self, *args, **kwargs):
        """Every new connection passes here (redis-py's `connect` and `on_connect` both
        call it)."""
        super().on_connect_check_health(*args, **kwargs)
        if self.breaker is not None:
            with self.breaker.lock:
                self.breaker.faults += 1


class SharedClient(RedisCacheClient):
    """Django's Redis cache client, with one `redis.Redis` per connection pool.

    Django's makes a new one for every operation, and building its table of response
    callbacks cost more than a GET answered by a local Redis (80 against 60 µs). A
    `redis.Redis` is safe to share between threads: each command takes a connection
    from the pool and gives it back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, with timeouts, no retries, and a circuit breaker."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        breaker = {name: options.pop(name, value) for name, value in BREAKER_OPTIONS.items()}
        # A failed command is not retried: the breaker decides when to try again.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        self.breaker = breaker_for(str(server), **breaker)
        if str(server).startswith("redis://"):
            options.setdefault("connection_class", CountedConnection)
            options.setdefault("breaker", self.breaker)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = SharedClient

    @property
    def faults(self):
        return self.breaker.faults

    @property
    def healthy(self):
        """Whether the last operation reached Redis and the breaker lets the next one."""
        return not self.breaker.failures and self.breaker.allows()

    def status(self):
        """("ok" or "degraded", detail), asking Redis once if the breaker allows it."""
        if self.breaker.allows():
            self.ping()
        return self.breaker.status()

    @degrades(no)
    def ping(self):
        return self._cache.get_client().ping()

    @degrades(nothing)
    def server_run(self):
        """The id of the Redis process that answers (`INFO`'s `run_id`): a Redis that
        restarts, from a snapshot or empty, has a new one."""
        return self._cache.get_client().info("server")["run_id"]

    @degrades(missing)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @degrades(nothing)
    def set(self, key, value, *args, **kwargs):
        return super().set(key, value, *args, **kwargs)

    @degrades(no)
    def add(self, key, value, *args, **kwargs):
        return super().add(key, value, *args, **kwargs)

    @degrades(no)
    def touch(self, key, *args, **kwargs):
        return super().touch(key, *args, **kwargs)

    @degrades(no)
    def delete(self, key, *args, **kwargs):
        return super().delete(key, *args, **kwargs)

    @degrades(no_values)
    def get_many(self, keys, *args, **kwargs):
        return super().get_many(keys, *args, **kwargs)

    @degrades(no)
    def has_key(self, key, *args, **kwargs):
        return super().has_key(key, *args, **kwargs)

    @degrades(not_counted)
    def incr(self, key, *args, **kwargs):
        return super().incr(key, *args, **kwargs)

    @degrades(none_stored)
    def set_many(self, data, *args, **kwargs):
        return super().set_many(data, *args, **kwargs)

    @degrades(nothing)
    def delete_many(self, keys, *args, **kwargs):
        return super().delete_many(keys, *args, **kwargs)

    @degrades(no)
    def clear(self):
        return super().clear()
