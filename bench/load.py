"""Load and soak test: the public site under gunicorn, a mix of pages for minutes, with
the workers' memory watched.

Run it through `bench/load` (see `bench/load --help`). This module holds its options and
the run; the run reuses the web benchmark's database preparation and server
(`prepare.py`, `server.py`) and picks its addresses as it does (`pages.py`); wrk sends
the mix (`mix.py`) while `memory.py` samples the workers; then it reads gunicorn's log
(`access_log.py`), splits the figures around a cache outage (`outage.py`) and prints the
report (`load_report.py`).
"""

import argparse
import contextlib
import fcntl
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from access_log import ACCESS_MARK, by_kind, read_access_log, server_problems, slowest, windows
from common import SEED, WORKDIR, BenchError, has_wrk, log
from load_report import print_report
from memory import MAX_GROWTH_PERCENT, Sampler, memory_report
from mix import MIX, count_errors, run_wrk
from outage import OUTAGES, CacheOutage, phase_figures, proxied
from pages import choose_paths, pick_urls
from prepare import check_cache, check_database, collect_static, manage, prepare_database, redacted
from server import Server

WORKERS = 4
#: gunicorn's settings for the run, overriding its config module (GUNICORN_CMD_ARGS
#: comes after it): no recycling of workers after max_requests, which would reset
#: their memory, and an access log that gives each request's status, time and worker.
GUNICORN_ARGS = f"--max-requests 0 --access-logformat '{ACCESS_MARK} %(s)s %(D)s %(p)s %(t)s %(r)s'"

DESCRIPTION = f"""\
Load and soak test: gunicorn as `make serve` starts it ({WORKERS} workers, the page cache
in Redis), driven by wrk with a mix of the public pages for minutes, while the resident
memory (RSS) of the master and of every worker is sampled.

The settings are production's (DJANGO_DEBUG=0, a random secret key), served over plain
HTTP (DJANGO_SECURE_SSL_REDIRECT=0), with Django's 500 errors logged to gunicorn's log,
where the test reads them.

It prepares the PostgreSQL database DATABASE_URL names (created if missing, emptied,
then filled by `generate_demo_data --articles N --seed 1`), picks thousands of
addresses from it, and runs wrk, C connections for S seconds, each request a random
address of a random kind:

  article  30 %  article pages
  list     15 %  the home page, the article list: first pages, every language, outlet
                 and topic filter, people and organizations, deep keyset cursors
  meeting  15 %  meeting pages, the timeline (first page, deep cursors, years)
  search   15 %  searches for varied words, pairs and names, some filtered or page 2,
                 some matching nothing: most are rendered, not cached
  feed     10 %  RSS and Atom feeds: latest, by language, outlet, person, meetings
  api      15 %  the API: lists, filters, cursors, searches, articles, meetings

A warm-up of the same mix comes first (10 s, --warmup): the workers' first requests
load code and templates, which is no leak.

Targets: no errors (every answer 2xx or 3xx, no socket errors or timeouts, warm-up
included) and the workers' total RSS averaged over the last minute of the measurement
less than {MAX_GROWTH_PERCENT} % above its average over the first minute (for runs under
3 minutes, the first and last third, e.g. 10 s of 30 s). Workers are not recycled
during the run (GUNICORN_CMD_ARGS sets --max-requests 0, over newsroom/gunicorn.py's
10000), and a worker started during the run (killed on timeout, crashed) misses the
target too.

With --cache-outage, the servers reach Redis through a TCP proxy on the loopback, and
Redis goes away for the middle third of the measurement: the first third runs as usual,
then the proxy drops every connection and refuses new ones, as a stopped Redis
(--cache-outage=blackhole: it accepts new ones and never answers, as a host gone from
the network), and for the last third it forwards again. The targets stay the same (no
errors at all, the outage included; the memory of the first and last window). It prints
when the outage began and ended, and, from gunicorn's access log, requests per second,
p50, p99, max and errors before, during and after it. The access log gives the second
each request ended: each phase counts the whole seconds inside it, and the seconds
across a switch are counted apart.

It prints requests per second, latency (p50, p99), errors, memory and, from gunicorn's
access log, each kind's share, server time and errors; it writes all of it as JSON.
Exit status: 0 if the targets are met, 1 if one is missed, 2 if it could not run.

Requires wrk (Debian/Ubuntu: sudo apt-get install wrk), PostgreSQL and, by default,
Redis at 127.0.0.1:6379 (database 7; other --cache-url databases work too;
--cache-outage needs a redis:// address).
"""

EPILOG = """\
examples:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load bench/load
        the soak: 10,000 articles, 64 connections, 5 minutes
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_load bench/load --quick --cache-outage
        what CI runs: 1,000 articles, 30 s, Redis stopped from 10 s to 20 s (about a
        minute in all)
  bench/load --cache-outage=blackhole  (DATABASE_URL as above) the soak, Redis
                                       black-holed from 100 s to 200 s
  bench/load --duration 1800 --keep    (DATABASE_URL as above) half an hour, on the
                                       database of the last run
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/load",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--articles",
        type=int,
        metavar="N",
        help="articles to generate, translations included (default: 10000, 1000 with --quick)",
    )
    parser.add_argument(
        "--duration",
        type=int,
        metavar="S",
        help="seconds of load (default: 300, 30 with --quick)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the CI run: --articles 1000 --duration 30, unless given",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=64,
        metavar="C",
        help="concurrent connections wrk keeps open (default: 64)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=WORKERS,
        metavar="W",
        help=f"gunicorn worker processes, WEB_CONCURRENCY (default: {WORKERS})",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=10,
        metavar="S",
        help="seconds of the same mix before the measurement, to let the workers load their"
        " code and templates; its errors count, its memory and speed do not (default: 10)",
    )
    parser.add_argument(
        "--interval",
        type=float,
        metavar="S",
        help="seconds between memory samples (default: 5, or 2 for runs under 3 minutes)",
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=30,
        metavar="S",
        help="seconds wrk waits for an answer before counting an error (default: 30,"
        " gunicorn's own timeout)",
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/7",
        metavar="URL",
        help="the cache of the servers, as CACHE_URL (default: redis://127.0.0.1:6379/7)",
    )
    parser.add_argument(
        "--cache-outage",
        nargs="?",
        const=OUTAGES[0],
        choices=OUTAGES,
        metavar="HOW",
        help="take Redis away for the middle third of the measurement, through a TCP proxy"
        " between the servers and --cache-url (a redis:// address): 'refuse' (the default)"
        " drops the connections and refuses new ones, as a stopped Redis; 'blackhole'"
        " accepts new ones and never answers. The figures are also given before, during"
        " and after it",
    )
    parser.add_argument(
        "--json",
        metavar="PATH",
        help=f"where to write the report (default: {WORKDIR / 'load' / 'results.json'})",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the database of a previous run with the same --articles, if complete",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="use (and empty) DATABASE_URL even if its name has neither 'bench' nor 'test'",
    )
    parser.add_argument("--pick-urls", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = 1000 if args.quick else 10_000
    if args.duration is None:
        args.duration = 30 if args.quick else 300
    if args.interval is None:
        args.interval = 5.0 if args.duration >= 180 else 2.0
    for name in ("articles", "duration", "connections", "workers", "timeout"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must be 0 or more")
    if args.duration < 9:
        parser.error("--duration must be at least 9 seconds: memory is compared over thirds")
    if not 0 < args.interval <= args.duration / 6:
        parser.error("--interval must be positive and at most a sixth of --duration")
    if args.cache_outage:
        try:
            proxied(args.cache_url, 0)
        except ValueError:
            parser.error(
                "--cache-outage needs a redis:// --cache-url (host and port): the servers"
                " reach it through a TCP proxy"
            )
    args.threads = max(1, min(args.connections, os.cpu_count() or 1))
    #: The first and last minute, or the first and last third of a shorter run.
    args.window = min(60.0, args.duration / 3)
    #: Addresses of each kind to pick (articles, meetings, searches...): enough that most
    #: requests of a run are rendered, not served from the cache, for the first minutes.
    args.sample = max(100, min(5000, args.articles // 2))
    args.analyze = True
    args.scratch = None
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.pick_urls is not None:
        pick_urls("load", args.pick_urls)
        return 0
    if not has_wrk("bench/load"):
        return 2
    if not Path("/proc/self/status").exists():
        log("bench/load samples memory from /proc: it runs on Linux only.")
        return 2
    if not os.environ.get("DATABASE_URL"):
        log(
            "bench/load needs DATABASE_URL, a PostgreSQL database it may empty, e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load bench/load"
        )
        return 2
    signal.signal(signal.SIGTERM, signal.getsignal(signal.SIGINT))  # stop as on Ctrl-C
    try:
        return run(args)
    except BenchError as error:
        log(f"\nbench/load: {error}")
        return 2
    except KeyboardInterrupt:
        log("\nbench/load: interrupted")
        return 130


def run(args):
    url = os.environ["DATABASE_URL"]
    check_database(url, args.force)
    check_cache(args.cache_url)
    WORKDIR.mkdir(parents=True, exist_ok=True)
    # One benchmark at a time (bench/run takes the same lock): they would share the CPUs.
    lock = open(WORKDIR / "run.lock", "w")  # noqa: SIM115 (held until the process ends)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f"Another benchmark is running (lock {WORKDIR / 'run.lock'}): waiting for it...")
        fcntl.flock(lock, fcntl.LOCK_EX)
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS", "CACHE_URL"}
    }
    log(f"WARNING: the database {redacted(url)} will be emptied.")
    json_path = Path(args.json) if args.json else WORKDIR / "load" / "results.json"
    started = time.monotonic()

    prepare_database(args, env)
    server_env = {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WEB_CONCURRENCY": str(args.workers),
        "CACHE_URL": args.cache_url,
        "NEWSROOM_ACCESS_LOG": "-",
        "GUNICORN_CMD_ARGS": GUNICORN_ARGS,
    }
    manage(server_env, "check", "--deploy", "--fail-level", "ERROR")
    collect_static(server_env)
    picked = choose_paths(env, args.sample)
    paths = picked["paths"]
    if not args.cache_url.startswith(("locmem", "dummy")):
        # The shared cache may hold pages of an earlier run: start a new content version.
        code = "from core.caching import mark_changed; mark_changed()"
        manage(server_env, "shell", "--no-imports", "-c", code)

    logdir = WORKDIR / "load"
    logdir.mkdir(exist_ok=True)
    for old in logdir.glob("gunicorn-*.log"):
        old.unlink()
    mix = ", ".join(f"{kind} {weight} % ({len(paths[kind])})" for kind, weight in MIX.items())
    log(
        f"{args.connections} connections, {args.workers} workers, {args.threads} wrk threads"
        f" ({os.cpu_count()} CPUs); the mix (and addresses of each kind): {mix}"
    )
    outage = CacheOutage(args.cache_url, args.cache_outage) if args.cache_outage else None
    with (
        tempfile.TemporaryDirectory(prefix="newsroom-load-") as workdir,
        outage or contextlib.nullcontext(),
        Server(
            {**server_env, "CACHE_URL": outage.url} if outage else server_env,
            probe="/robots.txt",
            logdir=logdir,
        ) as server,
    ):
        sampler = Sampler(server.process.pid, args.interval)
        sampler.start()
        time.sleep(min(args.interval, 1))
        warm = None
        if args.warmup:
            log(f"Warming up for {args.warmup} s (the same mix, not measured)...")
            warm = run_wrk(server.port, args, Path(workdir), paths, args.warmup, SEED + 1)
        if outage:
            third = args.duration / 3
            log(
                f"Measuring for {args.duration} s, the servers reaching Redis"
                f" ({outage.upstream[0]}:{outage.upstream[1]}) through a proxy at"
                f" 127.0.0.1:{outage.proxy.port}, which "
                + ("black-holes" if args.cache_outage == "blackhole" else "refuses")
                + f" it from {third:.1f} s to {2 * third:.1f} s..."
            )
        else:
            log(f"Measuring for {args.duration} s...")
        measure_started = time.monotonic()
        load_started = measure_started - sampler.started
        wall_started = time.time()
        if outage:
            outage.schedule(args.duration, measure_started, wall_started)
        try:
            stats = run_wrk(server.port, args, Path(workdir), paths, args.duration, SEED)
        finally:
            load_ended = time.monotonic() - sampler.started
            wall_ended = time.time()
            sampler.stop()
            if outage:
                outage.finish()
        # The requests wrk left queued are answered, then gunicorn stops gracefully: a
        # worker stopped in the middle of one would log an error.
        server.settled()
        server.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.process.wait(timeout=60)
        log_paths = list(server.log_paths)
    problems = server_problems(log_paths)
    memory = memory_report(sampler.samples, load_started, load_ended, args.window)
    # The measurement's requests (and those of the warm-up that ended in its first second).
    requests = [item for item in read_access_log(log_paths, paths) if item.at >= int(wall_started)]
    kinds = by_kind(requests)
    throughput = windows(requests, wall_started, wall_ended, args.window)
    cache_outage = None
    if outage:
        if outage.began is None or outage.ended is None:
            raise BenchError("The measurement ended before the cache outage did.")
        cache_outage = {
            "mode": args.cache_outage,
            "upstream": f"{outage.upstream[0]}:{outage.upstream[1]}",
            "proxy": f"127.0.0.1:{outage.proxy.port}",
            "began_s": round(outage.began - wall_started, 1),
            "ended_s": round(outage.ended - wall_started, 1),
            "began_at": datetime.fromtimestamp(outage.began).astimezone().isoformat(),
            "ended_at": datetime.fromtimestamp(outage.ended).astimezone().isoformat(),
            "connections_dropped": outage.before,
            "connections_held": outage.held,
            "connections_after": outage.after,
            "phases": phase_figures(requests, wall_started, outage.began, outage.ended, wall_ended),
        }

    statuses, socket_errors, errors = count_errors(stats)
    warmup = None
    if warm:
        warm_statuses, warm_socket_errors, warm_errors = count_errors(warm)
        errors += warm_errors
        warmup = {
            "seconds": args.warmup,
            "requests": warm["requests"],
            "errors": warm_errors,
            "statuses": warm_statuses,
            "socket_errors": warm_socket_errors,
        }
    seconds = stats["duration_us"] / 1e6
    targets = {
        "errors": {"value": errors, "target": 0, "met": errors == 0},
        "memory_growth_percent": {
            "value": memory.growth_percent,
            "target": f"< {MAX_GROWTH_PERCENT}",
            "met": memory.growth_percent < MAX_GROWTH_PERCENT,
        },
        "workers_started_during_run": {
            "value": len(memory.workers_started),
            "target": 0,
            "met": not memory.workers_started,
        },
        "server_log_errors": {"value": len(problems), "target": 0, "met": not problems},
    }
    report = {
        "meta": {
            "database": "postgresql",
            "database_url": redacted(url),
            "articles": picked["articles_total"],
            "articles_listed": picked["articles_listed"],
            "meetings_published": picked["meetings_published"],
            "workers": args.workers,
            "connections": args.connections,
            "wrk_threads": args.threads,
            "duration_s": args.duration,
            "wrk_timeout_s": args.timeout,
            "memory_interval_s": args.interval,
            "memory_window_s": args.window,
            "cache_url": redacted(args.cache_url),
            "cache_outage": args.cache_outage,
            "gunicorn_cmd_args": GUNICORN_ARGS,
            "mix_percent": MIX,
            "addresses": {kind: len(items) for kind, items in paths.items()},
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "gunicorn_log": [str(path) for path in log_paths],
        },
        "requests": stats["requests"],
        "requests_per_second": round(stats["requests"] / seconds, 1) if seconds else 0.0,
        "latency_ms": {
            name: round(stats[f"{name}_us"] / 1000, 1) for name in ("p50", "p90", "p99", "max")
        },
        "errors": errors,
        "warmup": warmup,
        "statuses": statuses,
        "socket_errors": socket_errors,
        "sent_by_kind": stats["sent"],
        "by_kind": kinds,
        "server_windows": throughput,
        "cache_outage": cache_outage,
        "slowest": slowest(requests),
        "memory": asdict(memory),
        "memory_samples": [
            {
                "s": round(sample.seconds - load_started, 1),
                "master_kb": sample.master_kb,
                "workers_kb": {str(pid): kb for pid, kb in sample.workers_kb.items()},
            }
            for sample in sampler.samples
        ],
        "targets": targets,
        "problems": problems,
    }
    report["meta"]["seconds"] = round(time.monotonic() - started, 1)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print_report(report, args)
    print(
        f"\nWritten to {json_path} in {time.monotonic() - started:.0f} s;"
        f" gunicorn's log: {', '.join(map(str, log_paths))}"
    )
    missed = [name for name, target in targets.items() if not target["met"]]
    if missed:
        print(f"\nTargets missed: {', '.join(missed)}", file=sys.stderr)
        for problem in problems[:30]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
