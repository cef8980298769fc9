"""The cache outage of `bench/load --cache-outage`: the servers reach Redis through a TCP
proxy, which takes it away for the middle third of the measurement; and the figures of
gunicorn's access log before, during and after it."""

import math
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from access_log import percentile
from common import BenchError, log
from mix import is_error
from prepare import redacted
from tcpproxy import Proxy

#: The ways --cache-outage takes Redis away, the first the default: "refuse" drops every
#: connection and refuses new ones (Redis stopped), "blackhole" drops them and accepts
#: new ones that are never answered (a host gone from the network).
OUTAGES = ("refuse", "blackhole")
PHASES = ("before", "during", "after")


def proxied(url, port):
    """The Redis `url` names, as (host, port), and the same URL through a proxy on the
    loopback's `port` (credentials, database and options kept)."""
    parts = urlsplit(url)
    if parts.scheme != "redis" or not parts.hostname:
        raise ValueError(f"not a redis:// address: {redacted(url)}")
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@127.0.0.1:{port}" if userinfo else f"127.0.0.1:{port}"
    return (parts.hostname, parts.port or 6379), urlunsplit(parts._replace(netloc=netloc))


class CacheOutage:
    """The servers' way to Redis, through a TCP proxy (bench/tcpproxy.py), and the outage
    staged on it: for the middle third of the measurement, the proxy drops every
    connection and refuses new ones ("refuse"), or drops them and accepts new ones it
    never answers ("blackhole"); then it forwards again. The moments are noted on the
    wall clock, as gunicorn's access log has them."""

    def __init__(self, cache_url, mode):
        self.mode = mode
        self.cache_url = cache_url
        self.upstream, _ = proxied(cache_url, 0)
        self.proxy = Proxy(self.upstream)
        self.forwarding = True
        self.url = None
        self.thread = None
        self.cancelled = threading.Event()
        self.wall_started = None
        self.began = self.ended = None
        #: Connections to Redis the servers opened through the proxy before the outage,
        #: those it held unanswered in a black hole, and those opened after the outage.
        self.before = self.held = self.after = 0
        self.error = None

    def __enter__(self):
        self.proxy.start()
        _, self.url = proxied(self.cache_url, self.proxy.port)
        return self

    def __exit__(self, *exc_info):
        self.cancelled.set()
        if self.thread is not None:
            self.thread.join()
        self.proxy.stop()

    def connections(self):
        """The connections the proxy took since it last started."""
        with self.proxy.lock:
            count = len(self.proxy.sockets)
        # A forwarded connection is a pair of sockets (client, Redis), a held one one.
        return count // 2 if self.forwarding else count

    def schedule(self, seconds, started, wall_started):
        """Stage the outage over the middle third of the `seconds` from `started` (on
        the monotonic clock; `wall_started` on the wall clock)."""
        self.wall_started = wall_started
        self.thread = threading.Thread(target=self.stage, args=(seconds, started), daemon=True)
        self.thread.start()

    def stage(self, seconds, started):
        try:
            if self.cancelled.wait(max(0.0, started + seconds / 3 - time.monotonic())):
                return
            self.before = self.connections()
            self.began = time.time()
            self.proxy.stop()
            if self.mode == "blackhole":
                self.forwarding = False
                self.proxy.start(forward=False)
            log(
                f"  {self.began - self.wall_started:.1f} s: Redis "
                + ("black-holed" if self.mode == "blackhole" else "stopped")
                + f" ({self.before} connections to it dropped)"
            )
            self.cancelled.wait(max(0.0, started + 2 * seconds / 3 - time.monotonic()))
            if not self.forwarding:
                self.held = self.connections()
            self.proxy.stop()
            self.forwarding = True
            self.proxy.start()
            self.ended = time.time()
            log(
                f"  {self.ended - self.wall_started:.1f} s: Redis back"
                + (f" ({self.held} connections held unanswered dropped)" if self.held else "")
            )
        except OSError as error:
            self.error = error

    def finish(self):
        """End the outage now if it is still on (the measurement stopped early); count
        the connections opened since it ended."""
        self.cancelled.set()
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            raise BenchError(f"The proxy in front of Redis failed: {self.error}")
        if self.ended is not None:
            self.after = self.connections()


def phase_seconds(low, high):
    """The whole seconds, as gunicorn's access log stamps them, that lie entirely within
    [low, high): the second stamped s holds the requests that ended in [s, s + 1)."""
    return range(math.ceil(low), math.floor(high))


def phase_figures(requests, start, began, ended, end):
    """Requests per second, server time and errors before, during and after the outage
    (it began at `began` and ended at `ended`, the measurement ran from `start` to
    `end`; all on the wall clock), from the whole seconds inside each phase; and the
    requests of the seconds across the switches, which belong to none."""
    bounds = {"before": (start, began), "during": (began, ended), "after": (ended, end)}
    result = {}
    inside = set()
    for name, (low, high) in bounds.items():
        seconds = phase_seconds(low, high)
        inside.update(seconds)
        chosen = [item for item in requests if int(item.at) in seconds]
        times = [item.ms for item in chosen]
        failed = [item for item in chosen if is_error(item.status)]
        result[name] = {
            "from_s": round(low - start, 1),
            "to_s": round(high - start, 1),
            "seconds_counted": len(seconds),
            "requests": len(chosen),
            "requests_per_second": round(len(chosen) / len(seconds), 1) if seconds else 0.0,
            "p50_ms": round(percentile(times, 50), 1),
            "p99_ms": round(percentile(times, 99), 1),
            "max_ms": round(max(times, default=0.0), 1),
            "errors": len(failed),
            "error_examples": [f"{item.status} {item.path}" for item in failed[:5]],
        }
    switches = sorted({math.floor(moment) for moment in (began, ended)} - inside)
    chosen = [item for item in requests if int(item.at) in switches]
    result["switches"] = {
        # Where each second across a switch begins, in seconds into the measurement.
        "seconds_from_s": [round(second - start, 1) for second in switches],
        "requests": len(chosen),
        "errors": sum(1 for item in chosen if is_error(item.status)),
    }
    return result
