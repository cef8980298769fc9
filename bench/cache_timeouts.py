"""How long the page cache's Redis operations take, to choose its timeouts.

    .venv/bin/python bench/cache_timeouts.py [--url redis://127.0.0.1:6379/7]
        [--processes 8] [--seconds 10] [--kb 40]

It runs PROCESSES processes, as many gunicorn workers would, each doing what a request
does with the cache for S seconds: read the content version (two small keys), read a
page of KB kilobytes, and write one now and then (one in five). It prints the time of
connecting and of each kind of operation (p50, p99, p99.9, max) and the timeouts
configured (NEWSROOM_CACHE_CONNECT_TIMEOUT, NEWSROOM_CACHE_TIMEOUT, see
newsroom/settings.py), with how far above the slowest operation they are.

A new connection is timed now and then (one operation in a thousand). The keys it
writes live 60 s, under the prefix `newsroom-bench-timeouts`.
"""

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


def worker(url, seconds, kb, seed, queue):
    import redis

    random.seed(seed)
    page = os.urandom(kb * 1024)
    client = redis.Redis.from_url(url)
    timings = {"connect": [], "version": [], "page": [], "write": []}
    keys = [f"newsroom-bench-timeouts:page:{n}" for n in range(200)]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        moment = time.perf_counter()
        client.mget(["newsroom-bench-timeouts:changed", "newsroom-bench-timeouts:scheduled"])
        timings["version"].append(time.perf_counter() - moment)
        key = random.choice(keys)
        moment = time.perf_counter()
        client.get(key)
        timings["page"].append(time.perf_counter() - moment)
        if random.random() < 0.2:
            moment = time.perf_counter()
            client.set(key, page, ex=60)
            timings["write"].append(time.perf_counter() - moment)
        if random.random() < 0.001:  # a new connection now and then, as after a restart
            moment = time.perf_counter()
            redis.Redis.from_url(url).ping()
            timings["connect"].append(time.perf_counter() - moment)
    queue.put(timings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--kb", type=int, default=40, help="a cached page's size (default 40)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ["CACHE_URL"] = args.url
    from django.conf import settings

    options = settings.CACHES["default"]["OPTIONS"]
    queue = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=worker, args=(args.url, args.seconds, args.kb, n, queue))
        for n in range(args.processes)
    ]
    for process in processes:
        process.start()
    merged = {}
    for _ in processes:
        for kind, values in queue.get().items():
            merged.setdefault(kind, []).extend(values)
    for process in processes:
        process.join()

    print(
        f"Redis at {args.url}: {args.processes} processes for {args.seconds:g} s,"
        f" pages of {args.kb} KB, {os.cpu_count()} CPUs"
    )
    print(
        f"  {'operation':<9} {'count':>8} {'p50 ms':>8} {'p99 ms':>8} {'p99.9 ms':>9} {'max ms':>8}"
    )
    for kind, values in merged.items():
        ms = [value * 1000 for value in values]
        print(
            f"  {kind:<9} {len(ms):>8} {statistics.median(ms):>8.2f} {percentile(ms, 0.99):>8.2f}"
            f" {percentile(ms, 0.999):>8.2f} {max(ms):>8.2f}"
        )
    slowest = max(max(values) for kind, values in merged.items() if kind != "connect")
    connect = max(merged["connect"])
    print(
        f"Timeouts configured: connect {options['socket_connect_timeout']:g} s"
        f" ({options['socket_connect_timeout'] / connect:.0f} x the slowest connection),"
        f" each operation {options['socket_timeout']:g} s"
        f" ({options['socket_timeout'] / slowest:.0f} x the slowest operation)"
    )


if __name__ == "__main__":
    main()
